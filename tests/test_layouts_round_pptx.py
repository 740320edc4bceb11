"""PowerPoint (.pptx) decks: slides read shape by shape in reading order, as plain text."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from layout_fixtures import ranked
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches
from typer.testing import CliRunner

from nlq.cli import app
from nlq.errors import ExtractionError
from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.files import collect_files
from nlq.layout import read_document
from nlq.layout.loader import load_source
from nlq.layout.slide_order import Box, reading_order

runner = CliRunner()

_OPENING = (
    "Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters, in the top 100.",
    "It filed 1,204 PCT applications and published 12,345 scientific articles.",
    "41st largest science and technology cluster in 2024",
)


def _table(slide, left: float, rows: list[list[str]]) -> None:  # noqa: ANN001
    shape = slide.shapes.add_table(
        len(rows), len(rows[0]), Inches(left), Inches(2.0), Inches(6), Inches(0.4 * len(rows))
    )
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            shape.table.cell(i, j).text = text


def _caption(slide, left: float, text: str) -> None:  # noqa: ANN001
    slide.shapes.add_textbox(Inches(left), Inches(1.4), Inches(6), Inches(0.5)).text = text


def _deck(path: Path) -> Path:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Nordhaven, Norway"
    first.placeholders[1].text = "Board briefing deck"

    glance = deck.slides.add_slide(deck.slide_layouts[1])
    glance.shapes.title.text = "At a glance"
    frame = glance.placeholders[1].text_frame
    frame.text = _OPENING[0]
    for line in _OPENING[1:]:
        frame.add_paragraph().text = line
    glance.notes_slide.notes_text_frame.text = "Say the 2023 figures: 88th largest, 999 PCT."

    # Drawn right column first and each caption after its table: read as a person reads it.
    lists = deck.slides.add_slide(deck.slide_layouts[5])
    lists.shapes.title.text = "Top PCT applicants and publishers"
    publishers = [
        ["", "Organization", "Articles", "Share"],
        ["1", "UNIVERSITY OF NORDHAVEN", "4,321", "35%"],
        ["2", "NORDHAVEN HOSPITAL", "1,234", "10%"],
        ["3", "FJORD INSTITUTE", "987", "8%"],
    ]
    _table(lists, 6.8, publishers)
    _caption(lists, 6.8, "Top publishing organizations")
    applicants = [
        ["", "Applicant", "Patents", "Share"],
        ["1", "FJORDTECH AS", "321", "27%"],
        ["2", "NORD MARINE ASA", "45", "4%"],
    ]
    _table(lists, 0.5, applicants)
    _caption(lists, 0.5, "Top PCT applicants")

    hidden = deck.slides.add_slide(deck.slide_layouts[5])
    hidden.shapes.title.text = "Backup: 2023 figures"
    hidden._element.set("show", "0")
    out = path / "nordhaven.pptx"
    deck.save(out)
    return out


def test_a_deck_is_read_slide_by_slide_in_reading_order(tmp_path) -> None:
    path = _deck(tmp_path)
    raw, fmt = load_source(path)
    assert fmt == "text"
    assert raw.startswith("# Nordhaven, Norway\n\nBoard briefing deck\n\n## At a glance\n\n")
    lines = [line for line in raw.splitlines() if line]
    order = [
        "Top PCT applicants",
        "2\tNORD MARINE ASA\t45\t4%",
        "Top publishing organizations",
        "3\tFJORD INSTITUTE\t987\t8%",
    ]
    assert [lines.index(line) for line in order] == sorted(lines.index(line) for line in order)
    assert "Say the 2023" not in raw and "Backup" not in raw  # notes and hidden slides
    r = RulesExtractor().extract(read_document(path)).record
    assert (r.cluster, r.economy, r.national_rank, r.national_cluster_count) == (
        "Nordhaven",
        "Norway",
        3,
        9,
    )
    assert (r.pct_applications, r.scientific_articles, r.global_size_rank) == (1204, 12345, 41)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORDTECH AS", 321, 27),
        (2, "NORD MARINE ASA", 45, 4),
    ]
    assert ranked(r.top_publishers)[2] == (3, "FJORD INSTITUTE", 987, 8)
    assert check_evidence(r, raw) == []
    assert raw[r.evidence["top_pct_applicants[1].name"].start :].startswith("NORD MARINE ASA")


def test_grouped_shapes_and_merged_cells_are_read_in_place(tmp_path) -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    group = slide.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(1), Inches(3), Inches(3), Inches(1)).text = "lower"
    group.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1)).text = "upper\vwrapped"
    table = slide.shapes.add_table(2, 3, Inches(5), Inches(1), Inches(4), Inches(1)).table
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 0).text = "Field"
    table.cell(0, 2).text = "Share"
    table.cell(1, 0).text = "Optics"
    path = tmp_path / "group.pptx"
    deck.save(path)
    assert load_source(path)[0] == "upper\nwrapped\n\nlower\n\nField\t\tShare\nOptics\t\t\n"


def test_columns_are_read_before_the_next_column_and_bands_top_to_bottom() -> None:
    boxes = {
        "banner": Box(0, 0, 100, 10),
        "right caption": Box(55, 12, 100, 15),
        "right table": Box(55, 16, 100, 40),
        "left caption": Box(0, 12, 45, 15),
        "left table": Box(0, 16, 45, 30),
    }
    named = {id(box): name for name, box in boxes.items()}
    order = [named[id(box)] for box in reading_order(list(boxes.values()))]
    assert order == ["banner", "left caption", "left table", "right caption", "right table"]


def _cut_slide(tmp_path: Path) -> Path:
    """A deck whose second slide's XML stops half-way, as a failed copy leaves it."""
    good, bad = _deck(tmp_path), tmp_path / "cut.pptx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            out.writestr(item, data[:200] if item.filename == "ppt/slides/slide2.xml" else data)
    return bad


@pytest.mark.parametrize("kind", ["not a zip", "a cut slide"])
def test_a_broken_deck_is_one_clear_error_naming_it(tmp_path, kind: str) -> None:
    bad = tmp_path / "broken.pptx"
    if kind == "not a zip":
        bad.write_bytes(b"PK\x03\x04 not really a zip")
    else:
        bad = _cut_slide(tmp_path)
    with pytest.raises(ExtractionError) as e:
        load_source(bad)
    assert str(bad) in str(e.value) and "re-save it as .pptx" in str(e.value)
    assert "\n" not in str(e.value)


def test_a_deck_of_empty_slides_says_there_is_nothing_to_extract(tmp_path) -> None:
    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[6])
    path = tmp_path / "blank.pptx"
    deck.save(path)
    with pytest.raises(ExtractionError, match="hold no text"):
        load_source(path)


def test_nlq_extract_reads_a_deck_and_a_folder_walk_finds_it(tmp_path) -> None:
    path = _deck(tmp_path)
    assert collect_files([tmp_path]) == ([path], [])
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert (record["cluster"], record["pct_applications"]) == ("Nordhaven", 1204)
    assert record["top_pct_applicants"][0]["name"] == "FJORDTECH AS"


def test_a_native_charts_data_is_read_as_its_breakdown(tmp_path) -> None:
    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[5])
    first.shapes.title.text = "Nordhaven, Norway"
    _caption(first, 0.5, _OPENING[0])
    fields = deck.slides.add_slide(deck.slide_layouts[5])
    fields.shapes.title.text = "Top technology fields in Nordhaven"
    for left, title, cats, values, fmt in (
        (0.3, "Patents", ["Optics", "Transport", "Other"], [31.0, 9.0, 60.0], '0"%"'),
        (5.0, "Publications", ["Chemistry", "Other"], [0.42, 0.58], "0%"),  # fractions shown as %
    ):
        data = CategoryChartData()
        data.categories = cats
        data.add_series("Share", values)
        kind = XL_CHART_TYPE.BAR_CLUSTERED if title == "Patents" else XL_CHART_TYPE.PIE
        chart = fields.shapes.add_chart(
            kind, Inches(left), Inches(2), Inches(4), Inches(3), data
        ).chart
        chart.has_title = True
        chart.chart_title.text_frame.text = title
        chart.plots[0].has_data_labels = True
        chart.plots[0].data_labels.number_format = fmt
        chart.plots[0].data_labels.number_format_is_linked = False
    path = tmp_path / "deck.pptx"
    deck.save(path)
    doc = read_document(path)
    r = RulesExtractor().extract(doc).record
    assert check_evidence(r, doc.raw) == []
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Optics", 31),
        ("Transport", 9),
        ("Other", 60),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [("Chemistry", 42), ("Other", 58)]
