"""Breakdowns written one to a line with their cells split by bars, as a chat or a note pastes
them ("Patents: Semiconductors 35% | Computer tech. 18% | ... | Other 25%", or after an arrow,
"Patents → Food chemistry 22% | ..."): the text reader
takes the bars for a table's cells, but each row is one labelled breakdown, the label in its
first cell. Such a table becomes one line per row (the cells joined with " | ", so every name
and share keeps its own span), read like any "Label: name share, ..." line.
"""

from __future__ import annotations

import re

from nlq.extractors.field_pairs import inline_pairs
from nlq.layout.document import Block, BlockKind, join

# The arrows a label may point with: "Patents → Food chemistry 22%".
ARROWS = ("→", "⇒", "➜", "->")
# What may mark a label off in a row's first cell, as the gate before `labelled_breakdown_lines`.
LABEL_MARKS = (":", *ARROWS)
# "Patents: Semiconductors 35%": a short label without figures, a colon (or an arrow), then a
# name and share.
_LABELLED_CELL = re.compile(
    rf"^[^\W\d_][^:\d→⇒➜]{{0,40}}?\s*(?:{'|'.join(map(re.escape, LABEL_MARKS))})\s+"
    r"(?=[^%]*\d\s?%\)?$)"
)
_SHARE_CELL = re.compile(r"^[^%\d]*[^\W\d_][^%]*?\(?\d{1,3}(?:[.,]\d{1,2})?\s?%\)?$")


def labelled_breakdown_lines(block: Block) -> list[Block] | None:
    """Each row of `block` as a line when every row is a label's breakdown split into cells,
    else None."""
    lines: list[Block] = []
    for row in block.rows:
        cells = [c for c in row if c.text]
        label = _LABELLED_CELL.match(cells[0].text) if len(cells) >= 2 else None
        if label is None:
            return None
        if not all(_SHARE_CELL.match(c.text) for c in cells[1:]):
            return None
        line = join(cells, " | ")
        if len(inline_pairs(line.slice(label.end(), len(line.text)))) != len(cells):
            return None
        lines.append(Block(BlockKind.PARAGRAPH, text=line))
    return lines or None
