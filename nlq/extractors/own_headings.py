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

"Plainly" means three or more items in a row, each a name and a share and nothing else (no
rank, no count), names not written in capitals as organizations are, and shares adding up to
100 ± 1, the check that the whole breakdown is there and that it is one. A ranked table of
applicants under "Who files the patents" has counts and is never read so.
"""

from __future__ import annotations

from collections.abc import Callable

from nlq.extractors.cells import read_cell
from nlq.layout.document import Block, BlockKind

_ITEMS = (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)


def breakdown_kind(
    heading: str, following: list[Block], output_kind: Callable[[str], int | None]
) -> int | None:
    """0 (patents) or 1 (publications) when the blocks after `heading`, a heading naming no
    section, open with a whole field breakdown of the one kind the heading speaks of; else
    None. `output_kind` tells which kind a text speaks of."""
    if not following or following[0].kind is not BlockKind.LIST_ITEM:
        return None
    kind = output_kind(heading)
    if kind is None:
        return None
    total = 0.0
    items = 0
    for block in following:
        if block.kind not in _ITEMS:
            break
        parts = read_cell(block.text, bare_rank=True)
        if parts.name is None or parts.share is None or parts.rank or parts.count:
            break
        if str(parts.name.value).isupper():
            return None  # "POLITECHNIKA NOWOBRZESKA: 15%": an organization, not a field
        total += float(parts.share.value)  # type: ignore[arg-type]
        items += 1
    return kind if items >= 3 and abs(total - 100) <= 1 else None
