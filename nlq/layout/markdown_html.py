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
    spans: list[tuple[int, int]] = []
    for token in _block_parser().parse(raw):
        if token.type == "html_block" and token.level == 0 and token.map:
            first, last = token.map
            span = (starts[first], starts[min(last, len(starts) - 1)])
            if spans and spans[-1][1] > span[0]:  # starts inside a style sheet already taken
                spans[-1] = (spans[-1][0], max(spans[-1][1], span[1]))
                continue
            spans.append(_with_raw_text(raw, span))
    return spans


_RAW_TEXT_OPEN = re.compile(r"<(style|script)\b", re.I)


def _with_raw_text(raw: str, span: tuple[int, int]) -> tuple[int, int]:
    """`span` run on to the end of a `<style>` or `<script>` it opens and does not close. A blank
    line ends an HTML block for CommonMark, but a browser reads a style sheet to its closing tag
    (a data frame a notebook rendered to markdown starts with one holding blank lines): its rules
    are no text of the page."""
    a, b = span
    opened = None
    for m in _RAW_TEXT_OPEN.finditer(raw, a, b):
        opened = m
    if opened is None:
        return span
    tag = opened.group(1).lower()
    if re.compile(rf"</{tag}\s*>", re.I).search(raw, opened.end(), b):
        return span
    close = re.compile(rf"</{tag}\s*>", re.I).search(raw, b)
    if close is None:
        return span
    nl = raw.find("\n", close.end())
    return a, len(raw) if nl < 0 else nl + 1


def _start(block: Block) -> int:
    texts = [block.text] if block.text.text else [c for row in block.rows for c in row if c.text]
    return texts[0].raw_span(0, 1)[0] if texts else 0
