"""Tables written one cell per block: column titles and values on lines (or boxes) of their own.

Two layouts put every cell of a table in a block of its own, so no reader sees a row:

- records of labelled values, as a mobile page shows a table: "Rank" / "1" / "Applicant" /
  "NAME" / "Patents" / "2,069" / "Share" / "54%", then "Rank" / "2" / ... The titles repeat in
  the same order; each record is a row.
- a header then the values, as a CSS grid of `<div class="cell">` does: "Rank" / "Applicant" /
  "Patents" / "Share" / "1" / "NAME" / "132" / "15%" / "2" / ... Rows are cut every as many
  values as there are titles. When only the figures' titles are printed ("" / "" / "Patents"
  / "Share", the rank and name titles left empty), each row is a rank, a name and the figures.

Both become a table block (the titles as its header row) so the table readers map its columns
by their titles. A row is taken only while its cells fit their titles (a figure under "Patents"
and "Share", words under "Applicant"); the run stops at the first that does not, so a heading or
a sentence after the table is never read as a cell.
"""

from __future__ import annotations

import re

from nlq.extractors.cells import header_role
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.shapes import cell_shape, heading_shaped

_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def _title(block: Block) -> str | None:
    """The role of a column title standing alone ("Rank", "Applicant", "Share"); a section
    heading ("Top technology fields") or a subheading ("Publications:") is none."""
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    text = block.text.text
    if len(text) > 30 or _DIGIT.search(text) or text.endswith(":") or len(text.split()) > 3:
        return None
    if text[:4].lower() == "top ":
        return None
    return header_role(text)


def _fits(role: str | None, text: str) -> bool:
    """Whether a value can stand under a column titled for `role`: a bare figure under a
    rank, count or share title, a name (words, no share) under a name title."""
    if not text or len(text) > 120:
        return False
    if role in ("rank", "count", "share"):
        return cell_shape(text) in ("I", "P")
    return role == "name" and _LETTER.search(text) is not None and "%" not in text[-4:]


def _row_fits(roles: list[str | None], values: list[Block]) -> bool:
    return all(
        v.kind is BlockKind.PARAGRAPH and _title(v) is None and _fits(r, v.text.text)
        for r, v in zip(roles, values, strict=True)
    )


def _table(titles: list[Block], rows: list[list[Block]]) -> Block:
    header: tuple[MappedText, ...] = tuple(t.text for t in titles)
    return Block(BlockKind.TABLE, rows=(header, *(tuple(v.text for v in r) for r in rows)))


def _records(blocks: list[Block], i: int) -> tuple[Block, int] | None:
    """Labelled-value records starting at `blocks[i]`, and the index after them."""
    titles: list[Block] = []
    k = i
    while k + 1 < len(blocks) and _title(blocks[k]) and _title(blocks[k + 1]) is None:
        if titles and blocks[k].text.text == titles[0].text.text:
            break
        titles.append(blocks[k])
        k += 2
    if len(titles) < 2:
        return None
    width = len(titles)
    names = [t.text.text for t in titles]
    roles = [_title(t) for t in titles]
    rows: list[list[Block]] = []
    k = i
    while k + 2 * width <= len(blocks):
        chunk = blocks[k : k + 2 * width]
        if [b.text.text for b in chunk[0::2]] != names or not _row_fits(roles, chunk[1::2]):
            break
        rows.append(chunk[1::2])
        k += 2 * width
    if len(rows) < 2:
        return None
    return _table(titles, rows), k


def _header_then_values(blocks: list[Block], i: int) -> tuple[Block, int] | None:
    """A header of titles starting at `blocks[i]`, the rows of values after it, and the index
    after them."""
    k = i
    while k < len(blocks) and _title(blocks[k]):
        k += 1
    titles = blocks[i:k]
    width = len(titles)
    if width < 2:
        return None
    roles = [_title(t) for t in titles]
    if "name" not in roles:
        return _untitled_lead(blocks, titles, roles, k)
    rows: list[list[Block]] = []
    while k + width <= len(blocks) and _row_fits(roles, blocks[k : k + width]):
        rows.append(blocks[k : k + width])
        k += width
    if not rows:
        return None
    return _table(titles, rows), k


def _untitled_lead(
    blocks: list[Block], titles: list[Block], roles: list[str | None], k: int
) -> tuple[Block, int] | None:
    """A grid whose rank and name columns have empty titles (only "Patents" / "Share" are
    printed, over rows of "1" / "NAME" / "1 124" / "31%"): the rows after the titles, cut one
    rank, one name and one value per title at a time, each fitting its column; at least two."""
    if roles[0] != "count" or any(r not in ("count", "share") for r in roles):
        return None
    full: list[str | None] = ["rank", "name", *roles]
    width = len(full)
    rows: list[list[Block]] = []
    while k + width <= len(blocks) and _row_fits(full, blocks[k : k + width]):
        if cell_shape(blocks[k].text.text) != "I":
            break  # a rank is a bare whole number
        rows.append(blocks[k : k + width])
        k += width
    if len(rows) < 2 and not (rows and _lone_first_row(full, rows[0], blocks[k:])):
        return None
    empty = titles[0].text.slice(0, 0)
    header = (empty, empty, *(t.text for t in titles))
    return Block(BlockKind.TABLE, rows=(header, *(tuple(v.text for v in r) for r in rows))), k


def _lone_first_row(roles: list[str | None], row: list[Block], rest: list[Block]) -> bool:
    """Whether one row alone is a whole list's table, as a list of one applicant is printed:
    rank 1, then a name, then each figure exactly of its title's kind (a whole count under
    "Patents", a "%" share under "Share"), closed by the page's end or the next title ("Top
    publishing organizations"), not by a sentence that may go on about it."""
    shapes = {"rank": "I", "count": "I", "share": "P"}
    if row[0].text.text != "1":
        return False
    if rest and not (rest[0].kind is BlockKind.HEADING or heading_shaped(rest[0].text.text)):
        return False
    return all(
        role == "name" or cell_shape(v.text.text) == shapes.get(role or "")
        for role, v in zip(roles, row, strict=True)
    )


def rebuild(blocks: list[Block]) -> list[Block]:
    """`blocks` with every table written one cell per block rebuilt as a table block."""
    # Most documents have no two column titles in a row: nothing to rebuild, one cheap pass.
    titled = [i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH and _title(b)]
    if not any(b - a == 1 or b - a == 2 for a, b in zip(titled, titled[1:], strict=False)):
        return blocks
    starts = set(titled)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        found = None
        if i in starts:
            found = _records(blocks, i) or _header_then_values(blocks, i)
        if found is None:
            out.append(blocks[i])
            i += 1
            continue
        table, i = found
        out.append(table)
    return out
