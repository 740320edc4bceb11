"""Two paragraphs of prose set side by side, which the layout text reads as one table.

A designed page sets its two collaboration sentences in two columns; `pdftotext -layout` (and
pypdf's layout mode) prints them line by line across both, so the lines split on the gutter
into a table of sentence pieces:

    3% of Hefei's PCT patent applications are filed in     61% of Hefei's scientific articles
    collaboration with other inventors, with               are published in collaboration ...

A table whose every column, its cells joined down the column, reads as prose ending a sentence
(ten words or more, no cell a bare figure) is those paragraphs: each column becomes a paragraph,
the left one first, its text mapped to the cells' own offsets.
"""

from __future__ import annotations

import re

from nlq.layout import shapes
from nlq.layout.document import Block, BlockKind
from nlq.layout.inline import join_lines

_BARE_FIGURE = re.compile(r"[\d.,%() ]+")
_MIN_WORDS = 10


def split_prose_columns(blocks: list[Block]) -> list[Block]:
    """`blocks` with each table of side-by-side prose read as its columns' paragraphs."""
    out: list[Block] = []
    for block in blocks:
        paragraphs = _paragraphs(block) if block.kind is BlockKind.TABLE else None
        out.extend(paragraphs or [block])
    return out


def _paragraphs(block: Block) -> list[Block] | None:
    rows = block.rows
    widths = {len(r) for r in rows}
    if len(rows) < 3 or len(widths) != 1 or not 2 <= (width := widths.pop()) <= 3:
        return None
    paragraphs = []
    for k in range(width):
        cells = [r[k] for r in rows if r[k].text]
        if any(_BARE_FIGURE.fullmatch(c.text) for c in cells):
            return None
        text = join_lines(cells)
        if len(text.text.split()) < _MIN_WORDS or not shapes.ends_sentence(text.text):
            return None
        if not shapes.sentence_like(text.text):
            return None
        paragraphs.append(Block(BlockKind.PARAGRAPH, text=text))
    return paragraphs
