"""Short rows of a space-aligned table, put under the columns they stand in.

In a table aligned by spaces, a row with fewer cells than the others may start in a later
column: the last line of the right-hand list when two lists stand side by side and that one is
longer ("Other  27%" under "Biology  20%"), or a title row whose headings head groups of
columns ("C.1 PATENTS" over "Field  Share", "C.2 PUBLICATIONS" over the next two). Read left
to right, its cells would take the first columns. Here each goes to the column it overlaps
most (a column spans its cells in the widest rows, so right-aligned figures count where they
end), with empty cells before and between, so every row has the table's width and each cell
its column. A row with a cell that overlaps no column, or whose cells would share a column or
change order, is left as it is; so is a row of titles one cell short, a header over a printed
data frame's untitled index column, which the table readers align from the right. A row one
cell short that holds a figure is laid on its columns ("energy" wrapped under its field, then
"Chemistry  10%" of the list beside it). In a table of two columns only a share alone in
brackets is laid ("(9%)" under "Organic fine chemistry", the field wrapped beside "Other (38%)"),
or a field's last words in lower case with it ("sciences (7%)" under "Agricultural & food"),
so `wrapped_fields` joins it to its field, and, in a breakdown of whole fields, a field alone right
of the first column (the right-hand breakdown is the longer: "Other (24%)" under "Clinical
medicine (9%)" with nothing left of it).
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_DIGIT = re.compile(r"\d")
_SHARE_ONLY = re.compile(r"\(\d{1,3}(?:[.,]\d{1,2})?[ \t]?%\)")
_FIELD = re.compile(r"[^\W\d_][^\d]*?[ \t]?\(\d{1,3}(?:[.,]\d{1,2})?[ \t]?%\)")
_SLACK = 3  # characters a short row's cell may stand beside its column in a copy


def slotted(rows: list[Cells]) -> list[Cells]:
    """`rows` with every shorter row padded to the width of the widest ones."""
    width = max(len(r) for r in rows)
    if all(len(r) == width for r in rows):
        return rows
    if width < 3 and not any(_lone_share(r) or _lone_field(r, rows) for r in rows):
        return rows  # two columns: only a share under its wrapped field, or a field, is laid
    full = [r for r in rows if len(r) == width]
    spans = [
        (min(r[k][0] for r in full), max(r[k][0] + len(r[k][1].text) for r in full))
        for k in range(width)
    ]
    out = []
    for row in rows:
        slots = [_slot(col, len(cell.text), spans) for col, cell in row]
        titles = len(row) == width - 1 and not any(_DIGIT.search(c.text) for _, c in row)
        narrow = width < 3 and not (_lone_share(row) or _lone_field(row, rows))
        if len(row) == width or titles or narrow or None in slots or slots != sorted(set(slots)):  # type: ignore[type-var]
            out.append(row)
            continue
        padded: Cells = [(spans[k][0], MappedText("", [])) for k in range(width)]
        for k, cell in zip(slots, row, strict=True):
            padded[k] = cell  # type: ignore[index]
        out.append(padded)
    return out


def right_field(above: Cells, col: int, cell: MappedText) -> bool:
    """Whether a line of one `cell` at `col` is a whole field with its share ("Environmental
    sciences (6%)") standing under a later cell of the row `above`: the right-hand breakdown of
    two side by side goes on after the left one has ended."""
    return bool(_FIELD.fullmatch(cell.text)) and any(abs(c - col) <= 1 for c, _ in above[1:])


def _lone_field(row: Cells, rows: list[Cells]) -> bool:
    """Whether a row is one whole field with its share that stands right of the table's first
    column, in a table of such fields (`right_field`)."""
    if len(row) != 1 or not _FIELD.fullmatch(row[0][1].text):
        return False
    first = min(c for r in rows for c, _ in r)
    return row[0][0] > first + 1 and all(_FIELD.fullmatch(c.text) for r in rows for _, c in r)


def _lone_share(row: Cells) -> bool:
    """Whether a row is one share in brackets alone ("(9%)", a wrapped field's share), or a
    wrapped field's last words in lower case with it ("sciences (7%)")."""
    if len(row) != 1:
        return False
    text = row[0][1].text
    return bool(_SHARE_ONLY.fullmatch(text)) or (
        text[:1].islower() and bool(_FIELD.fullmatch(text))
    )


def _slot(col: int, length: int, spans: list[tuple[int, int]]) -> int | None:
    """The column that the text from `col` to `col + length` overlaps most, or else the one it
    stands at most `_SLACK` characters beside (a copy's figures set a few characters off their
    column, "5%" ending two past "52%" above it), if any."""
    end = col + max(length, 1)
    overlaps = [min(end, b) - max(col, a) for a, b in spans]  # negative: the gap between
    # A tie goes to the column starting nearest the text: a wrapped name joined onto its row
    # is longer than its line, so its column's span reaches over the figures beside it.
    best = max(range(len(overlaps)), key=lambda k: (overlaps[k], -abs(col - spans[k][0])))
    return best if overlaps[best] > -_SLACK else None
