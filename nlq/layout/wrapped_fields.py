"""Field names wrapped inside a breakdown set in space-aligned columns.

A PDF sets a breakdown's fields in columns, each cell a field and its share; a long field
wraps, so its cell runs over two lines and the line below holds its end beside the next
fields of the other columns:

    Transport (24%)          Control (7%)           Engineering (19%)
    Engines, pumps,          Mechanical             Earth sciences (17%)
    turbines (15%)           elements (6%)          Clinical medicine (14%)
    Civil engineering (11%)  Computer tech. (5%)    Environment/ecology
    Measurement (9%)         Other (23%)            (11%)

Read row by row, "Engines, pumps," is a field without a share and "turbines" another. A cell
of words without a digit, in a row where another cell is a field with its share (a row of the
breakdown, not its title row), is joined to the cell under it in its column when that cell is
its share alone ("(11%)"), or a field with its share that goes on from it: it starts in lower
case ("elements (6%)"), or the words above end open, in a comma, "&", "/", a dash or a
connecting word ("Engines, pumps,"). "Patents" over "Transport (24%)" stays a title. A share
alone on its line, or a field's end with its share, keeps the table going (`share_below`, in
`text._aligned_run`).
`wrapped_cells` joins a wrapped piece without a figure; this one, a piece that carries the
share.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText
from nlq.layout.inline import join_lines

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_SHARE = r"\(?\d{1,3}(?:[.,]\d{1,2})?[ \t]?%\)?"
_FIELD = re.compile(rf"[^\W\d_][^\d]*?[ \t]*{_SHARE}")
_SHARE_ONLY = re.compile(_SHARE)
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_MAX_PIECES = 4  # the most lines a wrapped field runs on under its first
_OPEN_END = re.compile(r"(?:[,&/–-]|\b(?:and|of|for|the|in|und|et|de))$", re.I)


def join_wrapped_fields(rows: list[Cells]) -> list[Cells]:
    """`rows` (each of the table's width) with every field wrapped onto the next line joined."""
    if len(rows) < 2:
        return rows
    fields = [[bool(_FIELD.fullmatch(c.text)) for _, c in r] for r in rows]
    if not any(any(f) for f in fields):
        return rows  # no cell is a field with its share: no breakdown
    laid = [list(f) for f in fields]  # as laid out, before a join empties a row's other cells
    out = [list(r) for r in rows]
    joined = False
    for r in range(1, len(out)):
        if len(out[r]) != len(out[r - 1]):
            continue  # a short last line ("Physics & math (16%)") under a laid row
        for j, (col, cell) in enumerate(out[r]):
            above = out[r - 1][j][1]
            breakdown = _breakdown_row(out, fields, r, j) or _breakdown_row(rows, laid, r, j)
            if not _open_cell(above) or not breakdown:
                continue
            pieces = [above, cell]
            if not (_SHARE_ONLY.fullmatch(cell.text) or _goes_on(above.text, cell.text)):
                pieces, last = _three_lines(out, r, j)
                if not pieces:
                    continue
                for k in range(r + 1, last + 1):
                    out[k][j] = (out[k][j][0], MappedText("", []))
            out[r - 1][j] = (out[r - 1][j][0], join_lines(pieces))
            out[r][j] = (col, MappedText("", []))
            fields[r - 1][j], fields[r][j] = True, False
            joined = True
    if not joined:
        return rows
    return [r for r in out if any(c.text for _, c in r)]


def _breakdown_row(out: list[Cells], fields: list[list[bool]], r: int, j: int) -> bool:
    """Whether row `r - 1` is a breakdown's row (not its title row): another of its cells is
    a field with its share, or another cell under it is a share alone (the whole row wrapped,
    "Electrical machinery  Physics & math" over "(7%)  (14%)")."""
    if any(f for k, f in enumerate(fields[r - 1]) if k != j):
        return True
    return any(_SHARE_ONLY.fullmatch(c.text) for k, (_, c) in enumerate(out[r]) if k != j)


def _three_lines(out: list[Cells], r: int, j: int) -> tuple[list[MappedText], int]:
    """A field wrapped over three lines or more, "Basic" / "communication" / "(2%)" or
    "Electrical" / "machinery," / "apparatus, energy" / "(7%)": the pieces from row `r - 1`
    down to the one that closes it with its share (its share alone, or a field's end with
    its share that goes on from the piece above), and the row of that last piece; ([], r)
    if column `j` holds no such field. Every piece between goes on from the one above: it
    starts in lower case, or the one above ends open; an empty cell between (a piece an
    earlier join took up) is passed over."""
    pieces = [out[r - 1][j][1]]
    for k in range(r, min(len(out), r + _MAX_PIECES)):
        if len(out[k]) != len(out[r]):
            return [], r
        cell = out[k][j][1]
        if k > r and not cell.text:
            continue
        if k > r and (_SHARE_ONLY.fullmatch(cell.text) or _goes_on(pieces[-1].text, cell.text)):
            return [*pieces, cell], k
        opens = cell.text[:1].islower() or bool(_OPEN_END.search(pieces[-1].text.rstrip()))
        if not (_open_cell(cell) and opens and (k > r or cell.text[:1].islower())):
            return [], r
        pieces.append(cell)
    return [], r


def share_below(above: MappedText, cell: MappedText) -> bool:
    """Whether `cell`, alone on its line under `above` in its column, is that field's share
    or the field's end with its share: the table goes on with it ("Environment/ecology" over
    "(11%)" on the table's last line; "Other consumer" over "goods (4%)" under its first row,
    the other columns' fields all on one line)."""
    if not _open_cell(above):
        return False
    return bool(_SHARE_ONLY.fullmatch(cell.text)) or _goes_on(above.text, cell.text)


def _open_cell(cell: MappedText) -> bool:
    """Whether a cell is words without a digit (a field still waiting for its share)."""
    return bool(_LETTER.search(cell.text)) and not _DIGIT.search(cell.text)


def _goes_on(above: str, below: str) -> bool:
    """Whether `below`, a field with its share, is the end of the field `above` begins."""
    if not _FIELD.fullmatch(below):
        return False
    return below[:1].islower() or bool(_OPEN_END.search(above.rstrip()))
