"""HTML -> blocks, with every character mapped back to its place in the page source.

Uses the standard library's `html.parser` (a maintained, tolerant tokenizer) with character
references left unconverted, because it reports the source position of every text run and
entity: that is what keeps evidence spans exact. selectolax and lxml build a faster tree but
report no character offsets. Scripts, styles, navigation, forms and footers are ignored.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from nlq.layout.document import Block, BlockKind, MappedText, Run, join

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "footer",
    "svg",
    "form",
    "button",
    "select",
    "iframe",
    "object",
    "canvas",
    "aside",
}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "body",
    "html",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "caption",
    "pre",
    "address",
    "hr",
    "br",
    "center",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WS = re.compile(r"[ \t\r\n\f]+")
_ENTITY = re.compile(r"&(?:#[xX]?[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def collapse(t: MappedText) -> MappedText:
    """Runs of HTML white space become one space; the ends are stripped."""
    return join([p for p in t.split(_WS) if p.text], " ")


class _Reader(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.blocks: list[Block] = []
        self.pieces: list[MappedText] = []
        self.skip: list[str] = []
        self.kind = BlockKind.PARAGRAPH
        self.level = 0
        self.rows: list[tuple[MappedText, ...]] | None = None
        self.row: list[MappedText] | None = None
        self.cell: list[MappedText] | None = None
        self.table_depth = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self) -> None:
        text = collapse(join(self.pieces))
        self.pieces = []
        if text.text:
            self.blocks.append(Block(self.kind, text=text, level=self.level))
        self.kind, self.level = BlockKind.PARAGRAPH, 0

    def _end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(collapse(join(self.cell)))
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None and self.rows is not None and any(c.text for c in self.row):
            self.rows.append(tuple(self.row))
        self.row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag in _SKIP or ("role", "navigation") in attrs or ("hidden", None) in attrs:
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag == "table":
            self.table_depth += 1
            if self.table_depth == 1:
                self._flush()
                self.rows = []
            return
        if self.table_depth:
            if tag == "tr":
                self._end_row()
                self.row = []
            elif tag in ("td", "th"):
                self._end_cell()
                if self.row is None:
                    self.row = []
                self.cell = []
            elif tag == "br" and self.cell is not None:
                self.cell.append(self._space())
            return
        if tag in _HEADINGS:
            self._flush()
            self.kind, self.level = BlockKind.HEADING, _HEADINGS[tag]
        elif tag == "li":
            self._flush()
            self.kind = BlockKind.LIST_ITEM
        elif tag in _BLOCK:
            self._flush()

    def _space(self) -> MappedText:
        pos = self._offset()
        return MappedText(" ", [Run(0, 1, pos, pos, False)])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag == "table" and self.table_depth:
            self.table_depth -= 1
            if self.table_depth == 0:
                self._end_row()
                if self.rows:
                    self.blocks.append(Block(BlockKind.TABLE, rows=tuple(self.rows)))
                self.rows = None
            return
        if self.table_depth:
            if tag in ("td", "th"):
                self._end_cell()
            elif tag == "tr":
                self._end_row()
            return
        if tag in _HEADINGS or tag == "li" or tag in _BLOCK:
            self._flush()

    def _add(self, t: MappedText) -> None:
        if self.skip:
            return
        if self.table_depth:
            if self.cell is not None:
                self.cell.append(t)
            return
        self.pieces.append(t)

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        pos = self._offset()
        if self.raw.startswith(data, pos):
            self._add(MappedText.verbatim(self.raw, pos, pos + len(data)))

    def _reference(self) -> None:
        if self.skip:
            return
        pos = self._offset()
        m = _ENTITY.match(self.raw, pos)
        if not m:
            return
        text = html.unescape(m.group())
        if text:
            self._add(MappedText(text, [Run(0, len(text), m.start(), m.end(), False)]))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def close(self) -> None:
        super().close()
        if self.rows is not None:
            self._end_row()
            if self.rows:
                self.blocks.append(Block(BlockKind.TABLE, rows=tuple(self.rows)))
        self._flush()


def html_blocks(raw: str) -> list[Block]:
    """Blocks of an HTML page, in reading order."""
    reader = _Reader(raw)
    reader.feed(raw)
    reader.close()
    return reader.blocks
