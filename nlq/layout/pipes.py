"""Pipe tables (markdown, reStructuredText grid tables, terminal box tables) -> table blocks.

A line is a row of cells split on "|" (outer pipes optional); rule lines ("|---|:--:|",
"+------+=====+") are not rows. A cell may wrap onto the next line, two ways (but a terminal
result box, where every line between two rules is a whole row, its first cell filled and a
figure in it, as MySQL prints one, is one row a line):

- in a grid table (rows separated by "+----+" rules) every line between two rules is one row,
  its cells joined column by column ("| 3 | NATIONAL UNIVERSITY OF |" / "|   | DEFENSE
  TECHNOLOGY - CHINA |");
- in any other pipe table, a line whose first cell is empty and whose other filled cells hold
  words only ("│      │ SEMICONDUCTORS │         │       │") continues the row above it, which
  holds figures: a table row never starts without its rank or name, and never has only words
  where its figures go;
- a row cut inside a cell by a converter's line wrap (html2text), a line of too few cells
  over one with the rest, is joined at the cut (`_cut_row`).
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.inline import clean_inline, join_lines

# A markdown rule ("|---|:--:|") or an org-mode one ("|------+-----|").
_RULE = re.compile(r"^[\s|:\-]*$|^[ \t]*\|[-:]+(?:\+[-:]+)+\|?[ \t]*$")
GRID_RULE = re.compile(r"^[ \t]*\+[-=+: ]*\+[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")
_DIGIT = re.compile(r"\d")

Row = tuple[MappedText, ...]


_HEADER_PIPE = re.compile(r"\|\|")


def _cells(raw: str, start: int, end: int) -> list[MappedText]:
    line = MappedText.verbatim(raw, start, end).strip()
    # A Confluence/Jira header row ("|| Rank || Name ||") has double bars between its cells.
    cells = line.split(_HEADER_PIPE if line.text.startswith("||") else _PIPE)
    if cells and not cells[0].text.strip():
        cells = cells[1:]
    if cells and not cells[-1].text.strip():
        cells = cells[:-1]
    return cells  # stripped when cleaned (`clean_inline`), once


def _merge(rows: list[list[MappedText]]) -> list[MappedText]:
    """Lines of one row joined column by column (the first line sets the columns)."""
    width = len(rows[0])
    columns: list[list[MappedText]] = [[] for _ in range(width)]
    for row in rows:
        for j, cell in enumerate(row[:width]):
            columns[j].append(cell.strip())
    return [join_lines(col) for col in columns]


def _continues(row: list[MappedText], above: list[MappedText]) -> bool:
    """Whether `row` is the wrapped rest of the row `above` (see the module docstring)."""
    if len(row) != len(above) or len(row) < 2:
        return False
    if row[0].text.strip() or not above[0].text.strip():
        return False
    filled = [c.text for c in row if c.text.strip()]
    return (
        bool(filled)
        and not any(_DIGIT.search(t) for t in filled)
        and any(_DIGIT.search(c.text) for c in above)
    )


def _grid_rows(lines: list[list[MappedText]]) -> list[list[MappedText]]:
    """The rows between two grid rules: one wrapped row, or, in a terminal's result box
    ("+----+" only above and below the data, as MySQL prints it), one row per line, when every
    line is a whole row (its first cell filled and a figure in it)."""
    if len(lines) > 1 and all(
        len(c) == len(lines[0]) and c[0].text.strip() and any(_DIGIT.search(x.text) for x in c)
        for c in lines
    ):
        return lines
    return [_merge(lines)]


def _cut_row(above: list[MappedText], cells: list[MappedText], width: int) -> bool:
    """Whether `cells` are the rest of the row `above`, cut inside a cell where a converter
    wrapped the line ("2| INESC TEC – INSTITUTO ..., TECNOLOGIA" / "E CIÊNCIA| 15| 5%",
    html2text at 78 columns): together, the cut cell one, they make the table's `width`."""
    if len(above) >= width or len(above) + len(cells) - 1 != width:
        return False
    return bool(above[-1].text.strip()) and not _DIGIT.search(cells[0].text)


def pipe_table(raw: str, lines: list[tuple[int, int]]) -> Block | None:
    """The table of a group of pipe-table lines, or None if it has no row."""
    lines_cells: list[list[MappedText] | None] = []
    for start, end in lines:
        text = raw[start:end]
        if _RULE.match(text) or GRID_RULE.match(text):
            lines_cells.append(None)
        else:
            lines_cells.append(_cells(raw, start, end))
    grid = sum(1 for s, e in lines if GRID_RULE.match(raw[s:e])) >= 2
    rows: list[list[MappedText]] = []
    pending: list[list[MappedText]] = []
    for cells in lines_cells:
        if cells is None:
            if pending:
                rows.extend(_grid_rows(pending))
                pending = []
            continue
        if grid:
            pending.append(cells)
        elif rows and _continues(cells, rows[-1]):
            rows[-1] = _merge([rows[-1], cells])
        elif len(rows) >= 2 and _cut_row(rows[-1], cells, max(map(len, rows[:-1]))):
            rows[-1] = [*rows[-1][:-1], join_lines([rows[-1][-1], cells[0]]), *cells[1:]]
        else:
            rows.append(cells)
    if pending:
        rows.extend(_grid_rows(pending))
    out = [tuple(clean_inline(c) for c in r) for r in rows if any(c.text.strip() for c in r)]
    return Block(BlockKind.TABLE, rows=tuple(out)) if out else None
