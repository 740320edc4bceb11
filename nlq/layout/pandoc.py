"""Pandoc's markdown: the syntax its writer adds to CommonMark, removed before reading.

`pandoc page.html -t markdown` keeps a web page's structure in syntax of its own:

    :::: {.profile-intro}                        a fenced div (a <div>): a line of colons
    # Basel, Switzerland {#basel .hero__title}   attributes after a heading, link or span
    [71^st^]{.kpi-card__value}                   a bracketed span, a superscript
    []{.legend__swatch style="background:#1f5fa8"}   an empty span (a coloured square)
    [UNIVERSITÄT                                 a link wrapped over two lines of a cell
    BASEL](#org-4){.org-link}
    [![logo](./files/logo.svg){width="126"}](https://...)   an image

A fenced div's line becomes a blank line (a div starts and ends a block); attributes, empty
spans and images are deleted; a span or link keeps its text, its brackets and target deleted
(also when it wraps over lines, or over the lines of a grid table's cell); a superscript keeps
its letters ("71^st^" is "71st"). Only a document with a fenced div or an attribute block is
rewritten. Pandoc's multiline tables (rows between dash lines, a blank line between rows) are
read by `column_rules`.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_DIV = re.compile(r"^ {0,3}:{3,}.*$", re.M)
# An attribute block: "{#id", "{.class", "{key=" ... up to its brace, over lines of one paragraph.
_ATTRS = re.compile(
    r"[ \t]*\{(?=[#.][\w-]|[\w-]+=)(?:[^{}\n]|\n(?![ \t]*\n))*\}",
)
_GATE = re.compile(r"^ {0,3}:{3,}|[\])`]\{[#.][\w-]|\{#[\w-]+(?: \.[\w-]+)*\}$", re.M)
_EMPTY_SPAN = re.compile(r"\[\]\{[^{}]*\}")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?:\{[^{}]*\})?")
_SUPERSCRIPT = re.compile(r"\^([^\s^]{1,12})\^")
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_SPAN_END = re.compile(r"\](?=\{)")
_REACH = 600  # how far back a wrapped span's "[" may stand (a grid table's row)


def pandoc_edits(text: str) -> list[Edit]:
    """Edits removing pandoc's divs, attributes, spans, images and superscript marks."""
    if not _GATE.search(text):
        return []
    edits: list[Edit] = [Edit(m.start(), m.end(), "") for m in _DIV.finditer(text)]
    taken = [(e.start, e.end) for e in edits]
    for pattern in (_IMAGE, _EMPTY_SPAN):
        for m in pattern.finditer(text):
            edits.append(Edit(m.start(), m.end(), ""))
            taken.append((m.start(), m.end()))
    for m in _ATTRS.finditer(text):
        if not _inside(taken, m.start()):
            edits.append(Edit(m.start(), m.end(), ""))
    for pattern in (_LINK_TARGET, _SPAN_END):
        for m in pattern.finditer(text):
            if _inside(taken, m.start()):
                continue
            opening = _opening_bracket(text, m.start())
            if opening is not None:
                edits += [Edit(opening, opening + 1, ""), Edit(m.start(), m.end(), "")]
    for m in _SUPERSCRIPT.finditer(text):
        edits += [Edit(m.start(), m.start() + 1, ""), Edit(m.end() - 1, m.end(), "")]
    return edits


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _opening_bracket(text: str, close: int) -> int | None:
    """The offset of the "[" the "]" at `close` closes, within `_REACH` characters and one
    paragraph (no blank line between), or None."""
    depth = 0
    for i in range(close - 1, max(-1, close - _REACH), -1):
        c = text[i]
        if c == "]":
            depth += 1
        elif c == "[":
            if depth == 0:
                return i
            depth -= 1
        elif c == "\n" and text[i + 1 : i + 2] == "\n":
            return None
    return None
