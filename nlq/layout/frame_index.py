"""A printed data frame's index one space from its first column ("0 Semiconductors  35%").

pandas prints the row labels 0, 1, 2 ... before the first column with a single space when that
column is left-aligned text, so a reader splitting cells at runs of spaces takes "0
Semiconductors" for one cell, and the index into the field's name. Here, in a space-aligned
table whose title row starts to the right of its rows (over the index's width) and whose rows
all open with consecutive whole numbers from 0 or 1 and one space, that number is a cell of its
own.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_INDEXED = re.compile(r"^(\d{1,3}) (?=\S)")


def split_frame_index(rows: list[Cells]) -> list[Cells]:
    """`rows` with a data frame's index split from each row's first cell (see above)."""
    if len(rows) < 3 or not rows[0] or not all(r for r in rows[1:]):
        return rows
    body = rows[1:]
    found = [_INDEXED.match(r[0][1].text) for r in body]
    if not all(found) or rows[0][0][0] <= min(r[0][0] for r in body):
        return rows
    numbers = [int(m.group(1)) for m in found]  # type: ignore[union-attr]
    if numbers[0] not in (0, 1) or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return rows
    out = [rows[0]]
    for row, m in zip(body, found, strict=True):
        col, cell = row[0]
        cut = m.end(1)  # type: ignore[union-attr]
        index = cell.slice(0, cut)
        rest = cell.slice(m.end(), len(cell.text))  # type: ignore[union-attr]
        out.append([(col, index), (col + m.end(), rest), *row[1:]])  # type: ignore[union-attr]
    return out
