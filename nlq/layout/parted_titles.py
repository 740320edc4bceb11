"""Column titles parted from their table by a blank line, as pdftotext sets them.

A PDF's side-by-side breakdowns keep their headings a line above the columns, and a text
export puts a blank line between:

    Patents                                     Publications

    Pharmaceuticals (18%)        Transport (6%)          Clinical medicine (27%)    Physics ...

Read apart, the titles are a one-row table and the columns another with no title row, so
which columns are whose is lost. A one-row table of two or more titles without a digit, one
blank line above a table whose first row holds figures (it has no title row of its own), or
whose first row titles its columns but leaves the ones under the titles untitled (two ranked
lists side by side: "Top PCT applicants    Top publishing organizations", a blank line, then
"Patents  Share ... Articles  Share" over the rows), and that is wider than the titles, is
made that table's title row: each title goes to the column
it overlaps most (`slots`), with empty cells between, as when the titles stand right above
their columns. Titles that would share a column or overlap none are left apart.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.slots import _slot

_DIGIT = re.compile(r"\d")


def join_parted_titles(raw: str, blocks: list[Block]) -> list[Block]:
    """`blocks` with each title row parted from its table by a blank line joined to it."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and block.kind is BlockKind.TABLE and _titles(prev):
            joined = _joined(raw, prev, block)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(block)
    return out


def _titles(block: Block) -> bool:
    """Whether `block` is one row of two or more titles without a digit."""
    if block.kind is not BlockKind.TABLE or len(block.rows) != 1:
        return False
    cells = [c for c in block.rows[0] if c.text]
    return len(cells) >= 2 and not any(_DIGIT.search(c.text) for c in cells)


def _joined(raw: str, titles: Block, table: Block) -> Block | None:
    """`table` with `titles` as its first row, or None if they are not its titles."""
    rows = table.rows
    width = len(rows[0]) if rows else 0
    names = [c for c in titles.rows[0] if c.text]
    if width <= len(names) or any(len(r) != width for r in rows):
        return None
    # A first row without figures is the table's column titles ("Patents  Share ...
    # Articles  Share"): the parted titles may head only the columns it leaves untitled.
    header = None if any(_DIGIT.search(c.text) for c in rows[0]) else rows[0]
    first = next(c for c in rows[0] if c.text)
    gap = raw[names[-1].raw_span(0, len(names[-1].text))[1] : first.raw_span(0, 1)[0]]
    if gap.strip() or gap.count("\n") != 2:
        return None  # not one blank line apart
    spans = []
    for k in range(width):
        placed = [_place(raw, r[k]) for r in rows if r[k].text]
        if not placed:
            return None
        spans.append((min(a for a, _ in placed), max(b for _, b in placed)))
    slots = [_slot(*_width(_place(raw, name)), spans) for name in names]
    if None in slots or slots != sorted(set(slots)):  # type: ignore[type-var]
        return None
    if header is not None and any(header[k].text for k in slots):  # type: ignore[index]
        return None  # the table has a title row of its own
    row = [MappedText("", []) for _ in range(width)]
    for k, name in zip(slots, names, strict=True):
        row[k] = name  # type: ignore[index]
    return Block(BlockKind.TABLE, rows=(tuple(row), *rows))


def _place(raw: str, cell: MappedText) -> tuple[int, int]:
    """The columns a cell takes on its line: (first, end); a name wrapped onto the next line
    (`wrapped_cells`) by its first line."""
    start, end = cell.raw_span(0, len(cell.text))
    line = raw.rfind("\n", 0, start) + 1
    stop = raw.find("\n", start, end)
    if stop >= 0:  # the end of its text on the first line
        i = len(cell.text)
        while i > 1 and cell.raw_span(0, i)[1] > stop:
            i -= 1
        end = cell.raw_span(0, i)[1]
    return start - line, end - line


def _width(place: tuple[int, int]) -> tuple[int, int]:
    """A place as `_slot` takes it: its column and its length."""
    return place[0], place[1] - place[0]
