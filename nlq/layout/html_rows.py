"""Cells of an HTML page read as table rows or as lines of text, whatever their markup says."""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText, Run
from nlq.layout.shapes import cell_shape, figure_unit, sentence_like

_INLINE_TEXT = re.compile(r"[\s,;.:]*|(?:and|or|with|of|the|in)\b[\s,]*", re.I)
_PRINTED_RANK = re.compile(r"(?:No\.?\s*|#)?\d{1,3}\b")


def printed_rank_cell(number: int, tag: MappedText) -> MappedText:
    """The number an `<ol>` prints before an item laid out as a row of boxes, as a cell of its
    own: its text the number, its span the item's `<li>` tag (the evidence a list item's
    printed rank has too)."""
    a, b = tag.raw_span(0, len(tag.text))
    digits = str(number)
    return MappedText(digits, [Run(0, len(digits), a, b, False)])


def unnumbered(text: MappedText) -> bool:
    """Whether a list item prints no rank of its own ("1. NAME" does: that one is read)."""
    return _PRINTED_RANK.match(text.text) is None


def row_of_boxes(cells: tuple[MappedText, ...]) -> bool:
    """Whether a block made only of inline boxes is a table row: three or more boxes with a
    figure among them or an empty one (a header row of a card table), or two boxes that are a
    name and a bare figure ("Semiconductors" "35%"), or two names with their figures.
    "32nd" + "largest cluster" is not, nor is a sentence written in spans ("<span>3% of
    Hefei's ... with </span><b><span>Beijing</span></b><span>, </span>..."): a box holding a
    clause, a lone comma or a joining word is running text."""
    texts = [c.text for c in cells]
    figures = [t for t in texts if any(ch.isdigit() for ch in t)]
    if len(texts) >= 3:
        row = bool(figures) or any(not t for t in texts)
    elif len(figures) == 2:  # two items side by side: "Semiconductors (35%)" "Optics (4%)"
        row = all(figure_unit(t) for t in texts)
    else:
        row = (
            len(figures) == 1
            and cell_shape(figures[0]) in ("I", "P")
            and any(t and t not in figures for t in texts)
        )
    # A paragraph split into spans (Word, Google Docs) is text, not cells.
    return row and not any(_INLINE_TEXT.fullmatch(t) or sentence_like(t) for t in texts if t)


def cut_at_lone_cells(rows: list[tuple[MappedText, ...]]) -> list[Block]:
    """A table's rows as blocks: in a table of two columns or more, a row whose first cell is
    its only filled one (a title, a sentence or a section name in a page laid out as one grid,
    as spreadsheets saved as web pages are, merged across the row or not) is a paragraph of
    its own, as a padded line of a CSV export is, and the rows between such lines are tables.
    A header row with empty cells before its titles ("| | Share") stays a row."""
    width = max(len(r) for r in rows)
    out: list[Block] = []
    run: list[tuple[MappedText, ...]] = []
    for row in rows:
        filled = [c for c in row if c.text]
        if width >= 2 and len(filled) == 1 and row[0].text:
            if run:
                out.append(Block(BlockKind.TABLE, rows=tuple(run)))
                run = []
            out.append(Block(BlockKind.PARAGRAPH, text=filled[0]))
        else:
            run.append(row)
    if run:
        out.append(Block(BlockKind.TABLE, rows=tuple(run)))
    return out
