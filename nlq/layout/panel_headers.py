"""One header row printed over a table of several panels, as a journal sets its tables.

    Rank  Organization                          Count    Share (%)   <- the titles, once
    Panel A: PCT applicants (patents)                                <- a panel's label
    1     INSTITUTO NACIONAL ...                   14       12
    Panel B: Publishing organizations (articles)
    1     UNIVERSIDAD NACIONAL DEL MONTE        9,812       52

The title line, alone above the first panel's label, reads as a paragraph, and each panel as
a table without titles: its bare "12" under "Share (%)" is then no share. Here a line of
column titles (every cell a title word) followed by short labels and tables as wide as it is
becomes the title row of each of those tables; the labels stay headings between them.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind

_GAP = re.compile(r"\s{2,}")
_TITLE = re.compile(
    r"(?:rank|no\.?|#|name|organi[sz]ations?|applicants?|publishers?|institutions?|count|"
    r"patents|articles|publications|share|%)(?:\s*\(%\))?",
    re.I,
)
_LABEL_WORDS = 10


def panel_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` with a title line over labelled panels made each panel table's title row."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        titles = _titles(blocks[i])
        j, tables = i + 1, []
        while titles and j < len(blocks):
            b = blocks[j]
            if b.kind is BlockKind.TABLE and b.rows and all(len(r) == len(titles) for r in b.rows):
                tables.append(j)
            elif not _label(b):
                break
            j += 1
        if not tables or not _label(blocks[i + 1]):
            out.append(blocks[i])
            i += 1
            continue
        for k in range(i + 1, tables[-1] + 1):
            b = blocks[k]
            if k in tables:
                b = Block(BlockKind.TABLE, rows=(titles, *b.rows), level=b.level)
            out.append(b)
        i = tables[-1] + 1
    return out


def _titles(block: Block) -> tuple | None:
    """The cells of a paragraph that is a line of three or more column titles, or None."""
    if block.kind is not BlockKind.PARAGRAPH or "  " not in block.text.text:
        return None
    cells = tuple(c for c in block.text.strip().split(_GAP) if c.text)
    if len(cells) < 3 or not all(_TITLE.fullmatch(c.text) for c in cells):
        return None
    return cells


def _label(block: Block) -> bool:
    """A panel's label: a short heading or paragraph line."""
    if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
        return False
    text = block.text.text
    return "\n" not in text and len(text.split()) <= _LABEL_WORDS and _titles(block) is None
