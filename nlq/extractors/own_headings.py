"""A field breakdown under a heading in the page's own words, named by what it holds.

Analysts' notes head sections in their own words ("What the patents are about", "What the
papers cover"), words that name no section. When such a heading speaks of patents only or of
publications only and the list under it is plainly a field breakdown, it is that kind's
breakdown:

    ## What the patents are about
    - Chemical engineering: 17%
    - Materials, metallurgy: 14%
    ...
    - Other: 40%

"Plainly" means three or more items in a row (or rows of a two-column table, under its column
titles), each a name and a share and nothing else (no rank, no count), names not written in
capitals as organizations are, and shares adding up to 100 ± 1, the check that the whole
breakdown is there and that it is one. A ranked table of applicants under "Who files the
patents" has counts and is never read so.
"""

from __future__ import annotations

from collections.abc import Callable

from nlq.extractors.cells import read_cell
from nlq.layout.document import Block, BlockKind, MappedText

_ITEMS = (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)


def breakdown_kind(
    heading: str, following: list[Block], output_kind: Callable[[str], int | None]
) -> int | None:
    """0 (patents) or 1 (publications) when the blocks after `heading`, a heading naming no
    section, open with a whole field breakdown of the one kind the heading speaks of; else
    None. `output_kind` tells which kind a text speaks of."""
    if not following or following[0].kind not in (BlockKind.LIST_ITEM, BlockKind.TABLE):
        return None
    kind = output_kind(heading)
    if kind is None:
        return None
    if following[0].kind is BlockKind.TABLE:
        shares = _table_shares(following[0].rows)
    else:
        shares = _item_shares(following)
    if shares is None or len(shares) < 3 or abs(sum(shares) - 100) > 1:
        return None
    return kind


def whole_breakdown(following: list[Block]) -> bool:
    """Whether the list items `following` opens with are plainly a whole field breakdown (as
    above): the entries under a bare "Patents" / "Publications" after a top list."""
    if not following or following[0].kind is not BlockKind.LIST_ITEM:
        return False
    shares = _item_shares(following)
    return shares is not None and len(shares) >= 3 and abs(sum(shares) - 100) <= 1


def inline_kind(
    label: str, names: list[str], shares: list[float], output_kind: Callable[[str], int | None]
) -> int | None:
    """0 or 1 when a label naming no section ("Where the patents go: Pharmaceuticals 22%,
    Biotechnology 15%, ... Other 37%.") speaks of one kind and the items after it, `names`
    and their `shares`, are plainly a whole field breakdown (as above); else None."""
    if len(shares) < 3 or abs(sum(shares) - 100) > 1 or any(n.isupper() for n in names):
        return None
    return output_kind(label)


def _item_shares(blocks: list[Block]) -> list[float] | None:
    """The shares of the "Name: NN%" items the blocks open with; None if one is a name in
    capitals ("POLITECHNIKA NOWOBRZESKA: 15%": an organization, not a field)."""
    shares: list[float] = []
    for block in blocks:
        if block.kind not in _ITEMS:
            break
        parts = read_cell(block.text, bare_rank=True)
        if parts.name is None or parts.share is None or parts.rank or parts.count:
            break
        if str(parts.name.value).isupper():
            return None
        shares.append(float(parts.share.value))  # type: ignore[arg-type]
    return shares


def _table_shares(rows: tuple[tuple[MappedText, ...], ...]) -> list[float] | None:
    """The shares of a table of names and shares ("| Field | Share |" over "| Wind power |
    47% |" rows, or two such pairs a row, a legend set in two columns: "Pharmaceuticals | 14%
    | Organic fine chemistry | 6%"); None for any other table."""
    shares: list[float] = []
    for i, row in enumerate(rows):
        cells = [read_cell(c) for c in row if c.text]
        if i == 0 and cells and all(c.header for c in cells):
            continue  # the column titles
        if not cells or len(cells) % 2:
            return None
        for name, share in zip(cells[::2], cells[1::2], strict=True):
            if name.name is None or share.share is None:
                return None
            if name.rank or name.count or str(name.name.value).isupper():
                return None
            shares.append(float(share.share.value))  # type: ignore[arg-type]
    return shares


def whole_breakdown_table(block: Block) -> bool:
    """Whether a table is plainly a whole field breakdown: names and shares only, three or
    more, adding up to 100 ± 1."""
    shares = _table_shares(block.rows) if block.kind is BlockKind.TABLE else None
    return shares is not None and len(shares) >= 3 and abs(sum(shares) - 100) <= 1
