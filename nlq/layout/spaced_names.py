"""A name cell that the text layer cut in pieces where its words stand two spaces apart.

The opposite of `narrow_gaps`: a PDF drawn with wide letter or word spacing, or a justified
cell, comes out of the text layer with two spaces between some of a name's words, and two
spaces are what separates a space-aligned table's cells:

    Rank  Applicant                       Patents   Share
    1     LAKEPORT  MARINE  SYSTEMS AS    412       21%
    2     NORD OFFSHORE ASA               300       15%

Read as cells, row 1 has six where its table has four, "MARINE" and "SYSTEMS AS" in columns
no other row has. In a table of three rows or more, a row with more cells than most of its
rows have, and a figure (a header's titles, "Patents  Share", stay apart), gets each word cell
(no figure) that starts where no other row starts a cell, and stands at most two spaces after
the word cell before it, joined to that cell with one space (its span still runs over the gap).
Rows whose extra cells start at columns the table shares keep them: those are columns.
"""

from __future__ import annotations

import re
from collections import Counter

from nlq.layout.document import MappedText, join

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_FIGURE = re.compile(r"\d")
_MIN_ROWS = 3
_MAX_GAP = 2


def join_spaced_names(rows: list[Cells]) -> list[Cells]:
    """`rows` with each name that two-space gaps cut into cells joined again."""
    if len(rows) < _MIN_ROWS:
        return rows
    usual = Counter(len(row) for row in rows).most_common(1)[0][0]
    out: list[Cells] = []
    for i, row in enumerate(rows):
        if len(row) <= usual or not any(_FIGURE.search(c.text) for _, c in row):
            out.append(row)  # a header's titles ("Patents  Share") are cells of their own
            continue
        others = [col for j, r in enumerate(rows) if j != i for col, _ in r]
        out.append(_joined(row, others))
    return out


def _joined(row: Cells, others: list[int]) -> Cells:
    cells: Cells = [row[0]]
    for col, cell in row[1:]:
        prev_col, prev = cells[-1]
        if (
            prev.text
            and cell.text
            and 0
            < cell.raw_span(0, 1)[0] - prev.raw_span(len(prev.text) - 1, len(prev.text))[1]
            <= _MAX_GAP
            and not _FIGURE.search(prev.text)
            and not _FIGURE.search(cell.text)
            and all(abs(col - c) > 1 for c in others)
        ):
            cells[-1] = (prev_col, join([prev, cell], " "))
        else:
            cells.append((col, cell))
    return cells
