"""Word (.docx) files: their body read in order into text that takes the plain-text path."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as WordDocument
from layout_fixtures import ranked

from nlq.errors import ExtractionError
from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import read_document
from nlq.layout.loader import load_source


def _briefing(path: Path) -> Path:
    word = WordDocument()
    word.sections[0].header.paragraphs[0].text = "Draft of 2023 figures: 41st largest"
    word.sections[0].footer.paragraphs[0].text = "Page 1 - 99 PCT applications (old)"
    word.add_heading("Köln–Düsseldorf, Germany", level=1)
    word.add_paragraph(
        "Köln–Düsseldorf is the fifth-ranked cluster, out of 10 German clusters. It filed "
        "1,954 PCT applications and published 10,287 scientific articles, making it the 27th "
        "largest science and technology cluster in 2024."
    )
    word.add_heading("Top PCT applicants", level=2)
    table = word.add_table(rows=3, cols=4)
    for r, cells in enumerate(
        [("", "", "Patents", "Share"), ("1", "HENKEL AG & CO. KGAA", "1,236", "14%")]
        + [("2", "FORD GLOBAL TECHNOLOGIES, LLC", "655", "7%")]
    ):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    word.add_heading("Top publishing organizations", level=2)
    word.add_paragraph("UNIVERSITÄT ZU KÖLN — 19,870 articles (22%)", style="List Number")
    word.add_paragraph("HEINRICH-HEINE-UNIVERSITÄT — 13,402 articles (15%)", style="List Number")
    out = path / "briefing.docx"
    word.save(out)
    return out


def test_a_word_document_is_read_in_order_without_its_header_and_footer(tmp_path) -> None:
    path = _briefing(tmp_path)
    raw, fmt = load_source(path)
    assert fmt == "text"
    assert "41st" not in raw and "99 PCT" not in raw
    assert "# Köln–Düsseldorf, Germany" in raw
    assert "1\tHENKEL AG & CO. KGAA\t1,236\t14%" in raw
    r = RulesExtractor().extract(read_document(path)).record
    assert (r.cluster, r.economy, r.national_rank) == ("Köln–Düsseldorf", "Germany", 5)
    assert (r.pct_applications, r.global_size_rank) == (1954, 27)
    assert ranked(r.top_pct_applicants) == [
        (1, "HENKEL AG & CO. KGAA", 1236, 14),
        (2, "FORD GLOBAL TECHNOLOGIES, LLC", 655, 7),
    ]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITÄT ZU KÖLN", 19870, 22),
        (2, "HEINRICH-HEINE-UNIVERSITÄT", 13402, 15),
    ]
    assert check_evidence(r, raw) == []  # offsets into the extracted text, as for a PDF
    assert raw[r.evidence["top_publishers[1].rank"].start] == "2"


def test_a_merged_table_cell_is_read_once(tmp_path) -> None:
    word = WordDocument()
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Top PCT applicants"
    for c, text in enumerate(("1", "HENKEL AG", "1,236")):
        table.cell(1, c).text = text
    word.save(tmp_path / "merged.docx")
    raw, _ = load_source(tmp_path / "merged.docx")
    assert raw.splitlines()[:2] == ["Top PCT applicants\t\t", "1\tHENKEL AG\t1,236"]


def test_a_broken_word_file_is_one_clear_error_naming_it(tmp_path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExtractionError) as e:
        load_source(bad)
    assert str(bad) in str(e.value) and "re-save it as .docx" in str(e.value)
    assert "\n" not in str(e.value)
