"""Names wrapped inside a space-aligned table whose continuation line holds other cells too.

When two ranked lists stand side by side, a name wrapped onto the next line shares that line
with the other list's row or its own wrapped name:

    2   CHANGSHA UNIVERSITY OF    74   6%    2   HUNAN UNIVERSITY                 9,957  16%
        SCIENCE AND TECH.                    3   NATIONAL UNIVERSITY OF DEFENSE   7,290  12%
    3   CHINA TOBACCO             74   6%        TECHNOLOGY - CHINA

A line of one cell is joined to the name above it as the table is read (`text._aligned_run`);
this joins the others, once the rows are laid on the table's columns (`slots`): a cell of words
without a digit, with no cell beside it in its list (the one before and the one after are
empty), under a name that has its figure beside it, is the rest of that name, also when rows
of the other list alone stand between them. A row left empty
is dropped. A field breakdown wraps the same way ("Electrical machinery, apparatus,  11%" over
"energy"). A piece starting in capitals over a cell that starts in lower case beside its figure
is the head of that cell's name instead ("Analysis of biological" over "materials  6%": the
field's share set on its last line).
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText
from nlq.layout.inline import join_lines

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"\(?\d[\d,.\u00a0\u2009\u202f ]*\s?%?\)?")
_SLACK = 4  # columns a short row's cell may sit off the table's (figures set flush right)
_LETTER = re.compile(r"[^\W\d_]")


def join_wrapped_cells(rows: list[Cells]) -> list[Cells]:
    """`rows` (as `slots.slotted` lays them) with every wrapped piece of a name joined to the
    name above it, among the rows of the table's full width."""
    if len(rows) < 2:
        return rows
    width = max(len(r) for r in rows)
    if width < 2:
        return rows
    out = [list(r) for r in rows]
    # A row of the left list alone stops short at its last cell ("2  RAMOT ...  744  3%" over
    # "   LTD.   3  SHEBA MEDICAL CENTER  9 140  8%"): laid on the table's first columns (its
    # figures set flush right a few columns off), it is padded to the table's width.
    fulls = [r for r in out if len(r) == width]
    padded = {}
    for k, row in enumerate(out):
        if not 2 <= len(row) < width:
            continue
        full = next((f for f in fulls if _laid_on(row, f)), None)
        if full is not None:
            padded[k] = len(row)
            row.extend((c, MappedText("", [])) for c, _ in full[len(row) :])
    joined = False
    for r in range(1, len(out)):
        row = out[r]
        if len(row) != width or len(out[r - 1]) != width:
            continue  # a row not laid on the table's columns (a short title row): as it is
        if sum(1 for _, c in row if c.text) < 2:
            continue  # a lone cell: `_aligned_run` has judged it already
        for j, (col, cell) in enumerate(row):
            if not _piece(row, j):
                continue
            if _head_of_below(out, r, j, width):
                below_col, below = out[r + 1][j]
                out[r + 1][j] = (below_col, join_lines([cell, below]))
                row[j] = (col, MappedText("", []))
                joined = True
                continue
            above = _name_above(out, r, j, width)
            if above is None or not _named_figure(above, j):
                continue
            prev_col, prev = above[j]
            above[j] = (prev_col, join_lines([prev, cell]))
            row[j] = (col, MappedText("", []))
            joined = True
    if not joined:
        return rows
    for k, n in padded.items():
        while len(out[k]) > n and not out[k][-1][1].text:
            out[k].pop()
    return [r for r in out if any(c.text for _, c in r)]


def _laid_on(row: Cells, full: Cells) -> bool:
    """Whether the cells of `row` stand on the first columns of `full`."""
    return all(abs(c - f) <= _SLACK for (c, _), (f, _) in zip(row, full, strict=False))


def _name_above(rows: list[Cells], r: int, j: int, width: int) -> Cells | None:
    """The nearest row above row `r` with text in column `j`: the row whose name a piece in
    that column continues, past rows where the other list alone goes on (a name wrapped over
    three lines beside the other list's rows, "UNIVERSITY OF" / "SCIENCE AND TECH." / "OF
    CHINA")."""
    for k in range(r - 1, -1, -1):
        if len(rows[k]) != width:
            return None
        if rows[k][j][1].text:
            return rows[k]
    return None


def _head_of_below(rows: list[Cells], r: int, j: int, width: int) -> bool:
    """Whether the piece at row `r`, column `j` starts the name the row below ends with its
    figure: that row's cell starts in lower case, beside its figure ("Analysis of biological"
    over "materials  6%", a field set with its share on its last line, under a whole field
    "Medical technology  10%")."""
    if r + 1 >= len(rows) or len(rows[r + 1]) != width or not rows[r][j][1].text[:1].isupper():
        return False
    below = rows[r + 1][j][1].text
    return below[:1].islower() and not _DIGIT.search(below) and _named_figure(rows[r + 1], j)


def _piece(row: Cells, j: int) -> bool:
    """Whether cell `j` of `row` is words alone between empty cells, or after the figure that
    ends the other list's row ("Digital communication  7%  biotech.", the right-hand field's
    rest beside the left one)."""
    text = row[j][1].text
    if not text or _DIGIT.search(text) or not _LETTER.search(text):
        return False
    before = j == 0 or not row[j - 1][1].text or _FIGURE.fullmatch(row[j - 1][1].text) is not None
    after = j + 1 == len(row) or not row[j + 1][1].text
    return before and after


def _named_figure(row: Cells, j: int) -> bool:
    """Whether cell `j` of `row` is a name with a figure in the cell after it."""
    text = row[j][1].text
    return (
        bool(_LETTER.search(text)) and j + 1 < len(row) and bool(_DIGIT.search(row[j + 1][1].text))
    )
