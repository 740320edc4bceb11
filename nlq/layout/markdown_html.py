"""Markdown that holds raw HTML blocks (a `<table>`, a `<ul>` of `<li>`, a `<blockquote>` of
`<p>`s, `<details>`): each HTML block is read by the HTML reader, the markdown around it by
the text reader, and the blocks of both are kept in source order.

Where an HTML block starts and ends is what CommonMark says (a line opening a block-level
tag runs to the next blank line, a comment to its `-->` ...); markdown-it-py, the parser rich
already depends on, finds them. Only documents with a line starting with a tag are parsed
that way; the others are read by the text reader alone. Inline HTML inside markdown lines
(`<b>`, `<br>`, `<sup>1</sup>`) is removed by the text reader (`inline.drop_inline_tags`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from nlq.layout.document import Block, MappedText
from nlq.layout.html import html_blocks
from nlq.layout.rewrite import remap_blocks
from nlq.layout.text import text_blocks

if TYPE_CHECKING:  # markdown-it-py is imported only when a markdown file holds HTML
    from markdown_it import MarkdownIt

_TAG_LINE = re.compile(r"^ {0,3}<[A-Za-z!/?]", re.M)


def markdown_blocks(raw: str) -> list[Block]:
    """Blocks of a markdown document, its HTML blocks read as HTML."""
    spans = html_block_spans(raw) if _TAG_LINE.search(raw) else []
    if not spans:
        return text_blocks(raw)
    # The markdown with its HTML blocks blanked (line breaks kept, so every offset stays).
    parts: list[str] = []
    pos = 0
    for a, b in spans:
        parts += [raw[pos:a], re.sub(r"[^\n]", " ", raw[a:b])]
        pos = b
    parts.append(raw[pos:])
    blocks = text_blocks("".join(parts))
    for a, b in spans:
        blocks += remap_blocks(html_blocks(raw[a:b]), MappedText.verbatim(raw, a, b))
    return sorted(blocks, key=_start)


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    parser.disable(["inline", "text_join"])  # where blocks are is all that is asked
    return parser


def html_block_spans(raw: str) -> list[tuple[int, int]]:
    """The `(start, end)` offsets of the top-level HTML blocks of a markdown document."""
    starts = [0] + [
        m.end() for m in re.finditer(r"\r\n|\r|\n", raw)
    ]  # lines as markdown-it counts them
    starts.append(len(raw))
    spans = []
    for token in _block_parser().parse(raw):
        if token.type == "html_block" and token.level == 0 and token.map:
            first, last = token.map
            spans.append((starts[first], starts[min(last, len(starts) - 1)]))
    return spans


def _start(block: Block) -> int:
    texts = [block.text] if block.text.text else [c for row in block.rows for c in row if c.text]
    return texts[0].raw_span(0, 1)[0] if texts else 0
