"""Excel (.xlsx) workbooks: cells as Excel shows them, read as a delimited export."""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_fixtures import ranked
from openpyxl import Workbook

from nlq.errors import ExtractionError
from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import read_document
from nlq.layout.loader import load_source


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Hefei"
    rows = [
        ["Hefei, China"],
        [
            "Hefei is the twelfth-ranked cluster, out of 26 Chinese clusters. It filed 692 PCT "
            "applications and published 7,921 scientific articles, making it the 36th largest "
            "science and technology cluster in 2024."
        ],
        [],
        ["Top PCT applicants"],
        ["Rank", "Applicant", "Patents", "Share"],
        [1, "CHANGXIN MEMORY TECHNOLOGIES", 2069, 0.54],
        [2, "HEFEI BOE OPTOELECTRONICS TECHNOLOGY", 114, 0.03],
    ]
    for row in rows:
        sheet.append(row)
    for r in (6, 7):
        sheet.cell(r, 3).number_format = "#,##0"
        sheet.cell(r, 4).number_format = "0%"
    notes = book.create_sheet("Notes")
    notes.append(["Checked against the GII 2024 page"])
    out = path / "hefei.xlsx"
    book.save(out)
    return out


def test_a_workbook_is_read_as_excel_shows_its_cells(tmp_path) -> None:
    path = _workbook(tmp_path)
    raw, fmt = load_source(path)
    assert fmt == "csv"
    assert "1\tCHANGXIN MEMORY TECHNOLOGIES\t2,069\t54%" in raw
    assert raw.splitlines()[0] == "Hefei"  # the first of two sheets' names
    r = RulesExtractor().extract(read_document(path)).record
    assert (r.cluster, r.economy, r.national_rank, r.pct_applications) == (
        "Hefei",
        "China",
        12,
        692,
    )
    assert ranked(r.top_pct_applicants) == [
        (1, "CHANGXIN MEMORY TECHNOLOGIES", 2069, 54),
        (2, "HEFEI BOE OPTOELECTRONICS TECHNOLOGY", 114, 3),
    ]
    assert check_evidence(r, raw) == []


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (0.54, "0%", "54%"),
        (0.075, "0.0%", "7.5%"),
        (2069, "#,##0", "2,069"),
        (2069.0, "General", "2069"),
        (7.5, "General", "7.5"),
        (12, "0", "12"),
        (0.065, "0%", "7%"),
        (0.125, "0.0%", "12.5%"),
        (2.5, "0", "3"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
    ],
)
def test_cells_are_shown_under_their_number_format(value, number_format, shown) -> None:
    from nlq.layout.xlsx import _shown

    assert _shown(value, number_format) == shown


def test_a_broken_workbook_is_one_clear_error_naming_it(tmp_path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(ExtractionError) as e:
        load_source(bad)
    assert str(bad) in str(e.value) and "re-save it as .xlsx" in str(e.value)
