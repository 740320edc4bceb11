"""Rows of a delimited sheet that continue the row above them in one of its columns.

A hand-laid-out sheet may give a list one item a row under the cell that starts it, leaving the
other columns empty:

    Collaboration,Share in collaboration,Top collaborating locations
    PCT patent applications,7%,Bergvik
    ,,Lundholm
    ,,Fjordby-Skarsund

A line with one filled cell is otherwise read as a line of text (a heading padded with empty
cells, "Top PCT applicants,,,"). It stays a row of the table above when its cell is a name (no
digit) in a column after the first one that the last row of two or more filled cells fills too,
with only such continuing rows between them: so `,,Lundholm` keeps its column under "Top
collaborating locations", while a heading in the first column, or one indented as far as the
table's first cell (a sheet shifted right by an empty column), is still a line of text.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Item = tuple[int, int, tuple[MappedText, ...] | None]

_DIGIT = re.compile(r"\d")


def _filled(row: tuple[MappedText, ...]) -> list[int]:
    return [i for i, c in enumerate(row) if c.text]


def continues_row(cells: list[MappedText], before: list[Item]) -> bool:
    """Whether `cells`, a line with one filled cell, continues the table row above it (see the
    module's docstring); `before` are the items read so far, the last one the line above."""
    filled = _filled(tuple(cells))
    if len(filled) != 1 or _DIGIT.search(cells[filled[0]].text):
        return False
    column = filled[0]
    for _, _, row in reversed(before):
        if row is None:
            return False
        above = _filled(row)
        if len(above) == 1:  # a continuing row already: look further up
            if above[0] != column:
                return False
            continue
        return above[0] < column and column in above
    return False


def filled_end(cells: list[MappedText]) -> int:
    """The index after the last filled cell of `cells` (empty trailing cells are no columns)."""
    return max(_filled(tuple(cells)), default=-1) + 1
