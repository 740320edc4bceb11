"""HTML tables with cells spanning rows: laid out on their grid before they are read.

A cell with `rowspan` stands in the rows below it too, which then hold one cell fewer: read as
written, their cells slide left under the wrong columns. Tables that merge cells this way:

    | List (rowspan 2)   | Rank (rowspan 2) | Organization (rowspan 2) | Output (colspan 2) |
    |                    |                  |                          | Count    | Share   |
    | Top PCT applicants | 1                | UNIVERSITÉ ...           | 318      | 19%     |
    |   (rowspan 3)      | 2                | OUTARDES PHOTONIQUE INC. | 184      | 11%     |

are laid out on the grid the HTML table model defines: a spanned place is an empty cell (its
text is read once, where it starts), header rows joined by a cell spanning them are one header
row (the lowest title of each column: "Count", "Share" under "Output"; a title spanning most
of the columns above them, as `<th colspan=3>Top PCT applicants</th>` over "Name | Count |
Share", is the table's own title and stays a line of its own above it), and a first column of
labels spanning groups of rows without figures (`<th rowspan=3 scope=rowgroup>Top PCT
applicants</th>`) names each group: it becomes a row of its own above the group (read as a
line of text, a section's heading), the column goes, and the column titles are repeated under
each label, so that each group reads as a table of its own.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Row = tuple[MappedText, ...]
Spans = dict[tuple[int, int], tuple[int, int]]
"""(row, cell index) -> (rowspan, colspan), for the cells that span more than one place."""

_EMPTY = MappedText("", [])
_DIGIT = re.compile(r"\d")


def cell_span(attrs: list[tuple[str, str | None]]) -> tuple[int, int] | None:
    """(rowspan, colspan) from a cell's attributes, or None when it spans one place."""
    rows = cols = 1
    for key, value in attrs:
        if key in ("rowspan", "colspan") and value and value.strip().isdigit():
            n = max(1, min(int(value), 1000))
            if key == "rowspan":
                rows = n
            else:
                cols = n
    return None if rows == cols == 1 else (rows, cols)


def spans_rows(spans: Spans) -> bool:
    """Whether any cell spans more than one row (only such tables need the grid)."""
    return any(rows > 1 for rows, _ in spans.values())


def grid_rows(rows: list[Row], spans: Spans) -> list[Row]:
    """The rows of a table laid out on its grid: spanned places empty, header rows joined by a
    spanning cell merged into one, a first column of group labels turned into a row above
    each group."""
    places: dict[tuple[int, int], tuple[int, int]] = {}  # grid place -> (row, cell index)
    for r, row in enumerate(rows):
        col = 0
        for i in range(len(row)):
            while (r, col) in places:
                col += 1
            down, across = spans.get((r, i), (1, 1))
            for dr in range(min(down, len(rows) - r)):
                for dc in range(across):
                    places[(r + dr, col + dc)] = (r, i)
            col += across
    width = 1 + max((c for _, c in places), default=0)
    head = _header_depth(rows, spans)

    def text(r: int, col: int, starts_here: bool) -> MappedText:
        """The cell standing at (r, col); with `starts_here`, only if it starts in row r."""
        place = places.get((r, col))
        if place is None or (starts_here and place[0] != r):
            return _EMPTY
        if col > 0 and places.get((r, col - 1)) == place:
            return _EMPTY  # the rest of a cell spanning columns
        return rows[place[0]][place[1]]

    header = [text(head - 1, col, False) for col in range(width)] if head else None
    labels = _group_labels(rows, places, head)
    out: list[list[MappedText]] = [[t] for t in _titles(rows, spans, head, width)]
    if header is not None and labels is None:
        out.append(header)
    if header is not None and labels is not None and not header[-1].text:
        # Titles for the figures only, none over the labels: they stand over the last columns.
        while not header[-1].text:
            header.pop()
        header = [_EMPTY] * (width - len(header)) + header
    for r in range(head, len(rows)):
        if labels is not None and r in labels:
            out.append([labels[r]])
            if header is not None:
                out.append(header[1:])  # each group under the column titles
        cells = [text(r, col, True) for col in range(width)]
        out.append(cells[1:] if labels is not None else cells)
    return [tuple(row) for row in out if any(c.text for c in row)]


def _titles(rows: list[Row], spans: Spans, head: int, width: int) -> list[MappedText]:
    """The titles in the header rows above the lowest one that span more than half the
    columns and three at least (a table's name over its column titles; "Output" over "Count"
    and "Share" is a column group's title, not one)."""
    return [
        cell
        for r in range(max(0, head - 1))
        for i, cell in enumerate(rows[r])
        if cell.text
        and 2 * spans.get((r, i), (1, 1))[1] > width >= 3
        and spans.get((r, i), (1, 1))[1] >= 3
    ]


def _header_depth(rows: list[Row], spans: Spans) -> int:
    """How many rows the header takes: none when the first row holds a figure, else the
    height of its tallest cell when the rows that cell spans hold no figure either, else 1."""
    if not rows or any(_DIGIT.search(c.text) for c in rows[0]):
        return 0
    depth = max((spans.get((0, i), (1, 1))[0] for i in range(len(rows[0]))), default=1)
    depth = min(depth, len(rows))
    if any(_DIGIT.search(c.text) for row in rows[:depth] for c in row):
        return 1
    return depth


def _group_labels(
    rows: list[Row], places: dict[tuple[int, int], tuple[int, int]], head: int
) -> dict[int, MappedText] | None:
    """The label of each group of body rows, by its first row, when the first grid column is
    all labels without figures and at least one spans several rows; else None."""
    labels: dict[int, MappedText] = {}
    tall = False
    for r in range(head, len(rows)):
        place = places.get((r, 0))
        if place is None:
            return None
        r0, i = place
        if r0 < head:
            return None
        cell = rows[r0][i]
        if not cell.text or _DIGIT.search(cell.text):
            return None
        if r0 == r:
            labels[r] = cell
        else:
            tall = True
    return labels if tall else None
