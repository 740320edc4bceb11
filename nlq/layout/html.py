"""HTML -> blocks, with every character mapped back to its place in the page source.

Uses the standard library's `html.parser` (a maintained, tolerant tokenizer) with character
references left unconverted, because it reports the source position of every text run and
entity: that is what keeps evidence spans exact. selectolax and lxml build a faster tree but
report no character offsets. Scripts, styles, navigation, forms and footers are ignored, and
so is an `<aside>` unless it is the article's fact box (`factbox`).

Tables are not only `<table>`: a `<dl>` is read as rows of term and description, and a block
made only of inline boxes that hold figures (`<div><span>1</span><span>NAME</span>
<span>146</span><span>12%</span></div>`, the card layouts of web apps) is read as a table row,
so its cells are not glued into "1NAME14612%". A table's `<caption>` becomes a paragraph
just above the table (it names what the table holds: "Patents"); its `<tfoot>` rows (totals
such as "Top 3 combined", notes) are about the rows, not rows, and are left out. A row whose
first cell is its only filled one is a line of text: a page laid out as one grid (a
spreadsheet saved as a web page) holds its title, sentences and section names that way.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from nlq.layout.collapse import collapse
from nlq.layout.document import Block, BlockKind, MappedText, Run
from nlq.layout.factbox import is_fact_box
from nlq.layout.html_elements import BLOCK, HEADINGS, SKIP, TABLE_LIKE, VOID, hidden_style
from nlq.layout.html_rows import cut_at_lone_cells, printed_rank_cell, row_of_boxes, unnumbered
from nlq.layout.layout_tables import LAYOUT_PARTS, layout_table_starts
from nlq.layout.list_numbers import ListNumbers
from nlq.layout.table_spans import Spans, cell_span, grid_rows, spans_rows
from nlq.layout.word_lists import is_marker_start, marker_number, word_list_paragraph

_ENTITY = re.compile(r"&(?:#[xX]?[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


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
        # The inline boxes directly inside the current block, and whether text sits between them.
        self.boxes: list[list[MappedText]] = []
        self.box_depth = 0
        self.loose = False
        self.box_rows: list[tuple[MappedText, ...]] = []
        self.table_tag: str | None = None
        self.rows: list[tuple[MappedText, ...]] | None = None
        self.row: list[MappedText] | None = None
        self.in_foot = False  # inside a <tfoot>: totals and notes about the rows, not rows
        self.cell: list[MappedText] | None = None
        self.caption: list[MappedText] | None = None
        self.captions: list[MappedText] = []
        self.table_depth = 0
        self.spans: Spans = {}  # the current table's cells spanning rows or columns
        self.cell_span: tuple[int, int] | None = None
        self.layout = layout_table_starts(raw)  # tables that lay out the page, read as boxes
        self.lists = ListNumbers()
        self.item_number: tuple[int, MappedText] | None = None  # printed by the <ol>
        self.word_marker: list[MappedText] | None = None  # a Word list's own bullet or number
        self.asides: list[int] = []  # where each open <aside>'s blocks start (`factbox`)

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self) -> None:
        if self.word_marker is not None:  # a marker never closed by <![endif]> is text
            self.pieces[:0], self.word_marker = self.word_marker, None
        boxes, loose = self.boxes, self.loose
        self.boxes, self.box_depth, self.loose = [], 0, False
        if self.kind is not BlockKind.HEADING and not loose and len(boxes) >= 2:
            cells = tuple(collapse(b) for b in boxes)
            if row_of_boxes(cells):
                number, self.item_number = self.item_number, None
                if number is not None and cells[0].text and unnumbered(cells[0]):
                    cells = (printed_rank_cell(*number), *cells)  # an <ol> item of boxes
                self.box_rows.append(cells)
                self.pieces = []
                self.kind, self.level = BlockKind.PARAGRAPH, 0
                return
        text = collapse(self.pieces)
        self.pieces = []
        if text.text:
            self._end_box_rows()
            # the number an <ol> prints goes to the item's first text (also inside a <p>)
            number, self.item_number = self.item_number, None
            if number is not None and self.kind is not BlockKind.HEADING and unnumbered(text):
                block = Block(
                    BlockKind.LIST_ITEM, text=text, ordinal=number[0], ordinal_text=number[1]
                )
            else:
                block = Block(self.kind, text=text, level=self.level)
            self.blocks.append(block)
        self.kind, self.level = BlockKind.PARAGRAPH, 0

    def _end_box_rows(self) -> None:
        if self.box_rows:
            self.blocks.append(Block(BlockKind.TABLE, rows=tuple(self.box_rows)))
            self.box_rows = []

    def _end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            if self.cell_span is not None and self.rows is not None:
                self.spans[(len(self.rows), len(self.row))] = self.cell_span
            self.row.append(collapse(self.cell))
        self.cell, self.cell_span = None, None

    def _end_row(self) -> None:
        self._end_cell()
        if self.in_foot:
            self.row = None
        if self.row is not None and self.rows is not None and any(c.text for c in self.row):
            self.rows.append(tuple(self.row))
        elif self.spans and self.rows is not None:  # a row left out: its spans go with it
            self.spans = {k: v for k, v in self.spans.items() if k[0] != len(self.rows)}
        self.row = None

    def _end_table(self) -> None:
        self._end_row()
        for caption in self.captions:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text=caption))
        if self.rows and spans_rows(self.spans):
            self.rows = grid_rows(self.rows, self.spans)
        if self.rows:
            self.blocks.extend(cut_at_lone_cells(self.rows))
        self.rows, self.table_tag, self.captions, self.spans = None, None, [], {}
        self.in_foot = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag not in VOID:
                self.skip.append(tag)
            return
        if (
            tag in SKIP
            or ("role", "navigation") in attrs
            or ("hidden", None) in attrs
            or hidden_style(attrs)
        ):
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag == "aside":
            if self.table_depth:
                self.skip.append(tag)
            else:
                self._end_aside_part()
                self.asides.append(len(self.blocks))
            return
        if self.layout and not self.table_depth and self._layout_part(tag):
            self._flush()
            return
        if tag in TABLE_LIKE and (self.table_depth == 0 or tag == self.table_tag):
            self.table_depth += 1
            if self.table_depth == 1:
                self._flush()
                self._end_box_rows()
                self.rows, self.table_tag = [], tag
            return
        if self.table_depth:
            self._table_starttag(tag, attrs)
            return
        if tag in HEADINGS:
            self._flush()
            self.kind, self.level = BlockKind.HEADING, HEADINGS[tag]
        elif tag == "li":
            self._flush()
            self.kind = BlockKind.LIST_ITEM
            number = self.lists.item(attrs)
            self.item_number = None
            if number is not None:
                pos = self._offset()
                tag_end = self.raw.find(">", pos) + 1
                self.item_number = (number, MappedText.verbatim(self.raw, pos, tag_end))
        elif tag in BLOCK:
            self._flush()
            if tag == "p" and word_list_paragraph(attrs):
                self.kind = BlockKind.LIST_ITEM
            if tag in ("ol", "ul"):
                self.lists.start_list(tag, attrs)
        elif tag not in VOID:
            if self.box_depth == 0:
                self.boxes.append([])
            self.box_depth += 1

    def _layout_part(self, tag: str) -> bool:
        """Whether a tag outside any data table is a layout table or one of its rows or cells."""
        if tag == "table":
            return self._offset() in self.layout
        return tag in LAYOUT_PARTS

    def _table_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert self.table_tag is not None
        row_tag, cell_tags = TABLE_LIKE[self.table_tag]
        if self.table_depth > 1:
            return
        if tag == "caption" and self.table_tag == "table":
            self.caption = []
        elif tag in ("thead", "tbody", "tfoot"):
            self._end_row()
            self.in_foot = tag == "tfoot"
        elif tag == row_tag:
            self._end_row()
            self.row = []
        if tag in cell_tags:
            self._end_cell()
            if self.row is None:
                self.row = []
            self.cell = []
            if attrs:
                self.cell_span = cell_span(attrs)
        elif tag == "br" and self.cell is not None:
            self.cell.append(self._space())

    def _space(self) -> MappedText:
        pos = self._offset()
        return MappedText(" ", [Run(0, 1, pos, pos, False)])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag == "aside" and self.asides and not self.table_depth:
            self._end_aside()
            return
        if self.layout and not self.table_depth and tag in LAYOUT_PARTS:
            self._flush()
            return
        if self.table_depth and tag == self.table_tag:
            self.table_depth -= 1
            if self.table_depth == 0:
                self._end_table()
            return
        if self.table_depth:
            if self.table_depth > 1:
                return
            row_tag, cell_tags = TABLE_LIKE[self.table_tag or "table"]
            if tag == "caption" and self.caption is not None:
                text = collapse(self.caption)
                if text.text:
                    self.captions.append(text)
                self.caption = None
            elif tag in cell_tags:
                self._end_cell()
            elif tag == "tfoot":
                self._end_row()
                self.in_foot = False
            elif tag == row_tag and self.table_tag == "table":
                self._end_row()
            return
        if tag in HEADINGS or tag == "li" or tag in BLOCK:
            self._flush()
            if tag == "li":
                self.item_number = None
            elif tag in ("ol", "ul"):
                self.lists.end_list()
        elif tag not in VOID and self.box_depth:
            self.box_depth -= 1

    def unknown_decl(self, data: str) -> None:
        """Word's `<![if !supportLists]>MARKER<![endif]>`: the bullet or number Word draws
        before a list paragraph is kept aside; a printed number becomes the item's rank."""
        if self.skip or self.table_depth:
            return
        if is_marker_start(data):
            self.word_marker = []
        elif data.strip().lower() == "endif" and self.word_marker is not None:
            marker, self.word_marker = collapse(self.word_marker).strip("\xa0 "), None
            number = marker_number(marker.text)
            if number is not None:
                self.kind = BlockKind.LIST_ITEM
                self.item_number = (number, marker)

    def _add(self, t: MappedText) -> None:
        if self.skip:
            return
        if self.word_marker is not None and not self.table_depth:
            self.word_marker.append(t)
            return
        if self.table_depth:
            if self.caption is not None:
                self.caption.append(t)
            elif self.cell is not None:
                self.cell.append(t)
            return
        self.pieces.append(t)
        if self.box_depth:
            self.boxes[-1].append(t)
        elif t.text.strip():
            self.loose = True

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

    def _end_aside_part(self) -> None:
        self._flush()
        self._end_box_rows()

    def _end_aside(self) -> None:
        """An aside's blocks are kept only when it is the article's fact box."""
        self._end_aside_part()
        start = self.asides.pop()
        if not is_fact_box(self.blocks[start:]):
            del self.blocks[start:]

    def close(self) -> None:
        super().close()
        if self.rows is not None:
            self._end_table()
        self._flush()
        self._end_box_rows()
        while self.asides:
            self._end_aside()


def html_blocks(raw: str) -> list[Block]:
    """Blocks of an HTML page, in reading order."""
    reader = _Reader(raw)
    reader.feed(raw)
    reader.close()
    return reader.blocks
