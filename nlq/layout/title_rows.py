"""A row of titles over side-by-side tables, set apart from them by blank lines.

A designed page heads two breakdowns standing side by side with one line of titles, then leaves
space before their rows:

    Patents                                  Publications

        Semiconductors (35%)  Optics (4%)        Chemistry (21%)  Earth sciences (7%)

Read as blocks, the titles are a table of one row and the breakdowns another, so neither knows
which columns each title heads. The title row is put on top of the table under it, as it stands
when no blank line comes between, when it is one row of two cells or more, each a few words
without a figure, and every row of the table below has a multiple of its width (two columns or
more under each title).
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind

_DIGIT = re.compile(r"\d")


def join_title_rows(blocks: list[Block]) -> list[Block]:
    """`blocks` with each lone row of titles joined to the table right under it."""
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        below = blocks[k + 1] if k + 1 < len(blocks) else None
        if below is not None and _titles_over(block, below):
            out.append(Block(BlockKind.TABLE, rows=(*block.rows, *below.rows)))
            k += 2
            continue
        out.append(block)
        k += 1
    return out


def _titles_over(block: Block, below: Block) -> bool:
    if block.kind is not BlockKind.TABLE or below.kind is not BlockKind.TABLE:
        return False
    if len(block.rows) != 1 or len(below.rows) < 2:
        return False
    titles = block.rows[0]
    width = len(titles)
    if width < 2 or any(_DIGIT.search(c.text) or len(c.text.split()) > 4 for c in titles):
        return False
    if not all(c.text for c in titles):
        return False
    return all(len(r) >= 2 * width and len(r) % width == 0 for r in below.rows)
