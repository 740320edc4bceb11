"""A share's tile: a big percentage set beside the two lines of the phrase it starts.

A designed page prints a collaboration share as a large "40%" with its phrase to the right,
centred on it: "of PCT patent applications are filed in" on the line above the figure,
"collaboration with other inventors" on the figure's line. The layout text then gives the
phrase's first line as a paragraph and the figure's line as a one-row table ("40%" |
"collaboration with other inventors"), so no block holds the sentence the page shows. Such a
paragraph starting with "of" straight before such a row is read as that sentence, "40% of PCT
patent applications are filed in collaboration with other inventors", each piece mapped to its
own characters. So is a table of such tiles side by side, a ring's share alone in one column
and the lines of its sentence in the next ("4%" beside "of Nagoya's PCT patent applications
are filed" / "in collaboration with other inventors, with" / ...): one paragraph a tile.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, join

_SHARE = re.compile(r"\d{1,3}(?:[.,]\d)?\s?%")
_OF = re.compile(r"of\s+\S")
_REST = re.compile(r"[^\W\d_]")  # the phrase's last line starts with a word
_MAX_PHRASE = 120


def share_tile_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` with each share tile read as the one paragraph of its sentence."""
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        ringed = _ringed_columns(block) if block.kind is BlockKind.TABLE else None
        if ringed:
            out.extend(ringed)
            k += 1
            continue
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        tile = _tile(block, nxt) if nxt is not None else None
        if tile is not None:
            out.append(tile)
            k += 2
            continue
        out.append(block)
        k += 1
    return out


def _tile(phrase: Block, row: Block) -> Block | None:
    if phrase.kind is not BlockKind.PARAGRAPH or row.kind is not BlockKind.TABLE:
        return None
    text = phrase.text.text
    if len(text) > _MAX_PHRASE or not _OF.match(text) or len(row.rows) != 1:
        return None
    cells = [c for c in row.rows[0] if c.text]
    if len(cells) != 2 or not _SHARE.fullmatch(cells[0].text) or not _REST.match(cells[1].text):
        return None
    return Block(BlockKind.PARAGRAPH, text=join([cells[0], phrase.text, cells[1]], " "))


def _ringed_columns(table: Block) -> list[Block] | None:
    """The sentences of a table whose columns go two by two, a share alone in the first of
    each pair (a ring's big figure) and the lines of its sentence in the second, starting
    with "of" (two collaboration statements side by side): one paragraph each, the share
    first; None for any other table."""
    width = max((len(r) for r in table.rows), default=0)
    if width < 2 or width % 2 or any(len(r) != width for r in table.rows):
        return None
    out: list[Block] = []
    for j in range(0, width, 2):
        shares = [r[j] for r in table.rows if r[j].text]
        lines = [r[j + 1] for r in table.rows if r[j + 1].text]
        if len(shares) != 1 or not _SHARE.fullmatch(shares[0].text) or not lines:
            return None
        if not _OF.match(lines[0].text) or sum(len(t.text) for t in lines) > 4 * _MAX_PHRASE:
            return None
        out.append(Block(BlockKind.PARAGRAPH, text=join([shares[0], *lines], " ")))
    return out
