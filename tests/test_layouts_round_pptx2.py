"""Slide reading order: captioned side-by-side tables over a full-width line keep their captions.

A full-width source line under two captioned tables leaves no empty vertical strip down the
whole slide, so the slide was cut into bands first (captions, tables, source line) and both
captions were read before both tables: the first table then sat under the second caption,
and a patent-fields grid was filed as publication fields.
"""

from __future__ import annotations

from pathlib import Path

from layout_fixtures import pairs
from pptx import Presentation
from pptx.util import Inches

from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import read_document
from nlq.layout.loader import load_source
from nlq.layout.slide_order import Box, reading_order


def _order(boxes: dict[str, Box]) -> list[str]:
    named = {id(box): name for name, box in boxes.items()}
    return [named[id(box)] for box in reading_order(list(boxes.values()))]


def test_a_full_width_line_under_two_captioned_tables_keeps_each_caption_with_its_table() -> None:
    boxes = {
        "source line": Box(0, 50, 100, 55),
        "right table": Box(55, 16, 100, 40),
        "right caption": Box(55, 10, 100, 14),
        "left table": Box(0, 16, 45, 40),
        "left caption": Box(0, 10, 45, 14),
    }
    assert _order(boxes) == [
        "left caption",
        "left table",
        "right caption",
        "right table",
        "source line",
    ]


def test_columns_over_a_footer_are_read_one_by_one_and_a_divider_parts_two_rows() -> None:
    boxes = {
        "banner": Box(0, 0, 100, 8),
        "left figure": Box(0, 10, 45, 14),
        "left label": Box(0, 15, 45, 20),
        "right figure": Box(55, 10, 100, 14),
        "right label": Box(55, 15, 100, 20),
        "footer": Box(0, 30, 100, 34),
        "after footer": Box(0, 40, 100, 44),
    }
    assert _order(boxes) == [
        "banner",
        "left figure",
        "left label",
        "right figure",
        "right label",
        "footer",
        "after footer",
    ]
    # a full-width line between two rows of columns still parts the rows
    boxes = {
        "upper left": Box(0, 0, 45, 10),
        "upper right": Box(55, 0, 100, 10),
        "divider": Box(0, 12, 100, 14),
        "lower left": Box(0, 16, 45, 26),
        "lower right": Box(55, 16, 100, 26),
    }
    assert _order(boxes) == ["upper left", "upper right", "divider", "lower left", "lower right"]


_PATENTS = [["Optics (30%)", "Transport (20%)"], ["Other (50%)", ""]]
_PUBLICATIONS = [["Physics (40%)", "Chemistry (25%)"], ["Other (35%)", ""]]


def _fields_deck(path: Path) -> Path:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Nordhaven, Norway"
    first.placeholders[1].text = "Cluster profile 2024"
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Top technology fields in Nordhaven"
    for left, caption, rows in ((0.5, "Patents", _PATENTS), (6.8, "Publications", _PUBLICATIONS)):
        box = slide.shapes.add_textbox(Inches(left), Inches(1.4), Inches(5.8), Inches(0.5))
        box.text = caption
        shape = slide.shapes.add_table(2, 2, Inches(left), Inches(2.0), Inches(5.8), Inches(0.8))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                shape.table.cell(i, j).text = text
    source = slide.shapes.add_textbox(Inches(0.5), Inches(6.6), Inches(12.1), Inches(0.5))
    source.text = "Source: Global Innovation Index 2024, S&T cluster profile Nordhaven"
    out = path / "fields.pptx"
    deck.save(out)
    return out


def test_a_deck_s_field_grids_are_filed_under_their_own_captions(tmp_path) -> None:
    path = _fields_deck(tmp_path)
    raw = load_source(path)[0]
    lines = [line for line in raw.splitlines() if line]
    order = [
        "Patents",
        "Optics (30%)\tTransport (20%)",
        "Publications",
        "Physics (40%)\tChemistry (25%)",
    ]
    assert [lines.index(line) for line in order] == sorted(lines.index(line) for line in order)
    r = RulesExtractor().extract(read_document(path)).record
    assert sorted(pairs(r.patent_fields)) == [("Optics", 30), ("Other", 50), ("Transport", 20)]
    assert sorted(pairs(r.publication_fields)) == [
        ("Chemistry", 25),
        ("Other", 35),
        ("Physics", 40),
    ]
    assert check_evidence(r, raw) == []
