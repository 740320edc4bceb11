"""A first column that names the section of every row of a delimited export.

Exports written in "long" form repeat the section on each row instead of giving it a title
line of its own:

    Section             Rank  Applicant                 Patents  Share
    Top PCT applicants  1     CENTRAL SOUTH UNIVERSITY  146      12%
    Top PCT applicants  2     HUNAN UNIVERSITY          74       6%

Such a column holds no value of the rows: read as a cell it would be taken for a name. When
the rows of a run share their first cell in stretches (every stretch of one text at least two
rows long on average, no digit in it), that cell is read once as a line of its own above its
rows (a heading), and the rows, and the header row above them, lose their first cell (then the
next column is looked at the same way). A row
left with one filled cell ("Patents" with empty Field and Share cells) is a line of text, as
any such row of an export is; but a stretch of one row whose only other filled cell is a
figure ("share in collaboration | | | 18,9") stays a row: the label and its value.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText

Item = tuple[int, int, tuple[MappedText, ...] | None]

_DIGIT = re.compile(r"\d")


def hoist_section_cells(items: list[Item]) -> list[Item]:
    """`items` (line spans, each with its row of cells or None for a line of text) with every
    run of rows keyed by a section column rewritten as that column's text as a line, then the
    rows without it."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        if items[k][2] is None:
            out.append(items[k])
            k += 1
            continue
        j = k
        while j < len(items) and items[j][2] is not None:
            j += 1
        out.extend(_hoisted(items[k:j]))
        k = j
    return out


def _hoisted(run: list[Item]) -> list[Item]:
    rows = [row for _, _, row in run if row is not None]
    header = rows[0] if rows and not any(_DIGIT.search(c.text) for c in rows[0]) else None
    body = run[1:] if header is not None else run
    stretches = _stretches(body)
    if stretches is None or max(len(row) for row in rows) < 3:
        return run
    out: list[Item] = []
    for first, members in stretches:
        if len(members) == 1 and _lone_value(members[0]):
            out.append(members[0])  # "share in collaboration | | 18,9": a label and its value
            continue
        a, b = first.raw_span(0, len(first.text))
        out.append((a, b, None))
        rest = [_without_first(run[0])] if header is not None else []
        rest += [_without_first(item) for item in members]
        # The next column may name a subsection the same way ("Changsha | Top PCT applicants |
        # 1 | NAME ...").
        out.extend(hoist_section_cells(rest))
    return out


def _stretches(body: list[Item]) -> list[tuple[MappedText, list[Item]]] | None:
    """The body rows grouped by their first cell, when that cell is a section's name: filled,
    without digits, each text in one stretch of rows, on average two or more rows a stretch."""
    groups: list[tuple[MappedText, list[Item]]] = []
    seen: set[str] = set()
    for item in body:
        row = item[2]
        assert row is not None
        if len(row) < 2 or not row[0].text or _DIGIT.search(row[0].text):
            return None
        key = row[0].text
        if groups and groups[-1][0].text == key:
            groups[-1][1].append(item)
            continue
        if key in seen:
            return None
        seen.add(key)
        groups.append((row[0], [item]))
    if not groups or len(body) < 2 * len(groups):
        return None
    return groups


def _lone_value(item: Item) -> bool:
    """Whether a row holds one figure after its first cell and nothing else: its first cell
    labels that figure, and the two stay one row."""
    row = item[2]
    assert row is not None
    filled = [c for c in row[1:] if c.text]
    return len(filled) == 1 and bool(_DIGIT.search(filled[0].text))


def _without_first(item: Item) -> Item:
    """The row without its first cell; a row left with one filled cell is that cell's text."""
    start, end, row = item
    assert row is not None
    cells = list(row[1:])
    while cells and not cells[-1].text:
        cells.pop()
    filled = [c for c in cells if c.text]
    if len(filled) >= 2:
        return (start, end, tuple(cells))
    if filled:
        a, b = filled[0].raw_span(0, len(filled[0].text))
        return (a, b, None)
    return (start, start, None)


def hoist_table_sections(table: Block) -> list[Block]:
    """A pipe table whose first column names the section of every row (a wiki table with merged
    cells flattened, "| Top PCT applicants | 1 | NAME | 146 | 12% |" on each row) as one heading
    and one table per section, the header row repeated without its first cell; any other table
    as it is."""
    rows = table.rows
    if len(rows) < 3 or max(len(row) for row in rows) < 3:
        return [table]
    header = rows[0] if not any(_DIGIT.search(c.text) for c in rows[0]) else None
    body: list[Item] = [(0, 0, row) for row in (rows[1:] if header is not None else rows)]
    stretches = _stretches(body)
    if stretches is None or len(stretches) < 2:
        return [table]
    out: list[Block] = []
    for first, members in stretches:
        sub = [header[1:]] if header is not None else []
        sub += [item[2][1:] for item in members if item[2] is not None]
        out.append(Block(BlockKind.HEADING, text=first, level=2))
        out.append(Block(BlockKind.TABLE, rows=tuple(sub)))
    return out
