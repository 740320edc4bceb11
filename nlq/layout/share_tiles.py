"""A share's tile: a big percentage set beside the two lines of the phrase it starts.

A designed page prints a collaboration share as a large "40%" with its phrase to the right,
centred on it: "of PCT patent applications are filed in" on the line above the figure,
"collaboration with other inventors" on the figure's line. The layout text then gives the
phrase's first line as a paragraph and the figure's line as a one-row table ("40%" |
"collaboration with other inventors"), so no block holds the sentence the page shows. Such a
paragraph starting with "of" straight before such a row is read as that sentence, "40% of PCT
patent applications are filed in collaboration with other inventors", each piece mapped to its
own characters.
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
