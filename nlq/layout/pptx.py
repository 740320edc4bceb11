"""PowerPoint decks (`.pptx`) -> their slides' text, which then takes the plain-text path.

A profile presented to a board or a council arrives as a slide deck: a zip of XML whose shapes
sit anywhere on the slide, in the order they were drawn, not the order they are read.
`python-pptx` reads each slide's shapes; they are written slide by slide in the order a person
reads them (`slide_order.reading_order`): the slide's title first, then its other shapes top
to bottom, left to right, side-by-side columns one after the other (a caption over each of two
tables is read with its own table). A slide's title is a heading ("# " for a title slide's
title, "## " for any other slide's), each paragraph of a text frame a line with a blank line
after it (a line break inside a paragraph a new line), each table row a line of tab-separated
cells (a merged cell once, the cells it covers empty), and a group's shapes in reading order
within the group.

Not read: speaker notes (what the presenter means to say, not what the slide shows; a user
who pastes a deck expects its slides' figures, and a note like "check these figures again"
would be read as content), the date, footer and slide-number placeholders (the same furniture
on every slide), pictures and media (no text of their own to read), and slides the deck
hides in a slide show. A native chart is read as its data (`chart_data`): its title, then a
line of each category and its value, as its data labels show it.

Evidence offsets of a deck refer to this extracted text (what `nlq review` shows), as for a
Word file: the file has no character stream of its own to point into.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from nlq.errors import ExtractionError
from nlq.layout.slide_order import Box, reading_order

_FURNITURE = {"DATE", "FOOTER", "SLIDE_NUMBER"}
_TITLES = {"TITLE", "CENTER_TITLE", "VERTICAL_TITLE"}


def pptx_text(path: Path) -> str:
    """The text of every shown slide of the deck at `path`, shapes in reading order.

    Raises `ExtractionError` if the file is not a readable `.pptx` or its slides hold no text.
    """
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    try:
        deck = Presentation(str(path))
        lines: list[str] = []
        for slide in deck.slides:
            if slide._element.get("show") in ("0", "false"):
                continue
            lines += _shapes_lines(list(slide.shapes), top_level=True)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as e:
        why = " ".join(str(e).split())  # lxml's XMLSyntaxError is a SyntaxError
        raise ExtractionError(
            f"{path}: not a readable PowerPoint deck ({why}); re-save it as .pptx or pass its text"
        ) from e
    text = "\n".join(lines).strip("\n") + "\n"
    if not text.strip():
        raise ExtractionError(f"{path}: the deck's slides hold no text; nothing to extract")
    return text


def _shapes_lines(shapes: list, *, top_level: bool = False) -> list[str]:
    """The lines of `shapes` (one slide's, or one group's), read in reading order."""
    boxes, titles = [], []
    for shape in shapes:
        kind = _placeholder_kind(shape)
        if kind in _FURNITURE:
            continue
        if top_level and kind in _TITLES:
            titles.append((kind, shape))
            continue
        boxes.append(Box(*_frame(shape), item=shape))
    lines: list[str] = []
    for kind, shape in titles:
        text = " ".join(shape.text_frame.text.split()) if shape.has_text_frame else ""
        if text:
            lines += [f"{'#' if kind == 'CENTER_TITLE' else '##'} {text}", ""]
    for box in reading_order(boxes):
        lines += _shape_lines(box.item)
    return lines


def _shape_lines(shape) -> list[str]:  # noqa: ANN001  (a python-pptx shape)
    """One shape's lines: a group's shapes, a chart's data, a table's rows, a text frame's
    paragraphs."""
    from pptx.shapes.group import GroupShape

    if isinstance(shape, GroupShape):
        return _shapes_lines(list(shape.shapes))
    if getattr(shape, "has_chart", False) and shape.has_chart:
        from nlq.layout.chart_data import chart_lines

        return chart_lines(shape.chart)
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [_row(row) for row in shape.table.rows]
        return [*rows, ""] if any(r.strip() for r in rows) else []
    if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
        return []
    lines: list[str] = []
    for paragraph in shape.text_frame.paragraphs:
        for line in paragraph.text.replace("\v", "\n").split("\n"):
            if line.strip():
                lines.append(" ".join(line.split()))
        if lines and lines[-1]:
            lines.append("")
    return lines


def _row(row) -> str:  # noqa: ANN001  (a python-pptx table row)
    """A table row as tab-separated cells: a merged cell once, the cells it covers empty. A
    cell of several paragraphs is a list, one item a paragraph ("Amsterdam–Rotterdam" /
    "Leuven"): its items are set apart by middle dots, as a list written on one line is."""
    return "\t".join("" if c.is_spanned else _cell_text(c) for c in row.cells)


def _cell_text(cell) -> str:  # noqa: ANN001  (a python-pptx table cell)
    items = [" ".join(p.text.split()) for p in cell.text_frame.paragraphs]
    return " · ".join(item for item in items if item)


def _placeholder_kind(shape) -> str:  # noqa: ANN001  (a python-pptx shape)
    """The placeholder type's name ("TITLE", "FOOTER", ...), "" for a shape of its own."""
    if not shape.is_placeholder:
        return ""
    try:
        return shape.placeholder_format.type.name
    except (AttributeError, ValueError):
        return ""


def _frame(shape) -> tuple[int, int, int, int]:  # noqa: ANN001  (a python-pptx shape)
    """The shape's left, top, right and bottom in EMU (0 where the file gives no position)."""
    left, top = shape.left or 0, shape.top or 0
    return left, top, left + (shape.width or 0), top + (shape.height or 0)
