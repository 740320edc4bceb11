"""Grounding in an RTF file: quotes copied from the markup (or from the text it shows) align to
exact raw spans, escapes decoded, header, footer and font-table groups not quotable."""

from __future__ import annotations

from typing import Any

import pytest
from llm_fixtures import no_network_fixture  # noqa: F401  (a fixture)

from nlq.evaluate import check_evidence
from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground, to_record
from nlq.extractors.source_scan import normalize
from nlq.layout import parse

RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri 1st largest;}}" + "\n"
    r"{\header \pard Canton office \endash  99th largest\par}" + "\n"
    r"{\footer \pard Page \chpgn  \endash  draft (41st largest)\par}" + "\n"
    r"\pard\b\fs28 Z\'fcrich, Switzerland\b0\fs20\par" + "\n"
    r"\par" + "\n"
    r"It filed {\b 2\'a0311 PCT applications} in 2024.\par" + "\n"
    r"\par" + "\n"
    r"44th largest science and technology cluster in 2024\par" + "\n"
    r"\par" + "\n"
    r"{\b Top PCT applicants}\par" + "\n"
    r"1\tab ETH Z\'dcRICH\tab 812\tab 11%\par" + "\n"
    r"2\tab ABB SCHWEIZ AG\tab 604\tab 8%\par" + "\n"
    "}"
)
TITLE = r"\pard\b\fs28 Z\'fcrich, Switzerland\b0\fs20\par"


def grounded(raw: str, facts: dict[str, Any]):
    doc = parse("doc.rtf", raw, "text")
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(doc))
    return doc, g


def evidence(doc, g, path: str) -> str:
    start, end = g.spans[path]
    return doc.raw[start:end]


@pytest.mark.parametrize("quote", [TITLE, r"Z\'fcrich, Switzerland", "Zürich, Switzerland"])
def test_a_name_written_with_hex_escapes_grounds_from_the_markup_or_the_text_shown(
    quote: str,
) -> None:
    facts = {
        "cluster": {"value": "Zürich", "quote": quote},
        "economy": {"value": "Switzerland", "quote": quote},
    }
    doc, g = grounded(RTF, facts)
    assert g.problems == []
    assert g.values["cluster"] == "Zürich"
    assert evidence(doc, g, "cluster") == r"Z\'fcrich"
    assert evidence(doc, g, "economy") == "Switzerland"


def test_a_number_split_by_an_escaped_no_break_space_is_one_number() -> None:
    quote = r"It filed {\b 2\'a0311 PCT applications} in 2024.\par"
    doc, g = grounded(RTF, {"pct_applications": {"value": 2311, "quote": quote}})
    assert g.problems == []
    assert evidence(doc, g, "pct_applications") == r"2\'a0311"
    # the same sentence as the page shows it
    _, g = grounded(RTF, {"pct_applications": {"value": 2311, "quote": "It filed 2 311 PCT"}})
    assert g.problems == []


def test_a_table_row_reads_its_tab_cells_and_takes_the_name_as_the_page_shows_it() -> None:
    row = {
        "rank": 1,
        "name": "ETH ZURICH",
        "count": 812,
        "share": 11,
        "quote": r"1\tab ETH Z\'dcRICH\tab 812\tab 11%",
    }
    doc, g = grounded(RTF, {"top_pct_applicants": [row]})
    assert [p.path for p in g.problems] == ["top_pct_applicants[0].name"]
    assert "'ETH ZURICH' is not written in its quote" in g.problems[0].reask
    doc, g = grounded(RTF, {"top_pct_applicants": [{**row, "name": "ETH ZÜRICH"}]})
    assert g.problems == []
    assert g.values["top_pct_applicants"][0]["name"] == "ETH ZÜRICH"
    assert evidence(doc, g, "top_pct_applicants[0].name") == r"ETH Z\'dcRICH"
    assert evidence(doc, g, "top_pct_applicants[0].count") == "812"
    assert evidence(doc, g, "top_pct_applicants[0].share") == "11"


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        (r"{\footer \pard Page \chpgn  \endash  draft (41st largest)\par}", 41),
        ("draft (41st largest)", 41),
        (r"{\header \pard Canton office \endash  99th largest\par}", 99),
        (r"{\fonttbl{\f0 Calibri 1st largest;}}", 1),
    ],
)
def test_header_footer_and_font_table_groups_cannot_be_quoted(quote: str, value: int) -> None:
    _, g = grounded(RTF, {"global_size_rank": {"value": value, "quote": quote}})
    assert [p.path for p in g.problems] == ["global_size_rank"]
    assert "is not in the document" in g.problems[0].reask
    doc, g = grounded(RTF, {"global_size_rank": {"value": 44, "quote": "44th largest"}})
    assert g.problems == []
    assert evidence(doc, g, "global_size_rank") == "44th"


def test_unicode_escapes_named_symbols_and_the_code_page_are_decoded() -> None:
    raw = (
        r"{\rtf1\ansi\ansicpg1250\uc1 \pard \'a3\'f3d\'9f, Poland\par" + "\n"
        r"\par" + "\n"
        r"Rhein\endash Ruhr\rquote s 12\u8239?345 PCT applications\par" + "\n"
        "}"
    )
    doc, g = grounded(raw, {"cluster": {"value": "Łódź", "quote": r"\'a3\'f3d\'9f, Poland"}})
    assert g.problems == []
    assert evidence(doc, g, "cluster") == r"\'a3\'f3d\'9f"
    quote = r"Rhein\endash Ruhr\rquote s 12\u8239?345 PCT applications"
    doc, g = grounded(raw, {"pct_applications": {"value": 12345, "quote": quote}})
    assert g.problems == []
    assert evidence(doc, g, "pct_applications") == r"12\u8239?345"
    # the quote as the page shows it: an en dash, a right quote and a narrow no-break space
    shown = "Rhein–Ruhr’s 12\u202f345 PCT applications"
    _, g = grounded(raw, {"pct_applications": {"value": 12345, "quote": shown}})
    assert g.problems == []


def test_normalize_reads_rtf_markup_as_the_text_it_shows() -> None:
    rtf = "rtf:cp1252"
    assert normalize(r"A\tab B\cell C\line D\par E", dialect=rtf) == "a b c d e"
    assert normalize(r"\{x\} a\\b {\b Z\'fcrich}", dialect=rtf) == r"{x} a\b zürich"
    assert normalize(r"Z\u252?rich\endash Basel", dialect=rtf) == "zürich-basel"
    assert normalize("Zürich,\nSwitzerland", dialect=rtf) == "zürich, switzerland"


def test_a_name_is_still_found_on_word_boundaries_only() -> None:
    raw = r"{\rtf1\ansi \pard Z\'fcrichsee Region, Switzerland\par" + "\n}"
    quote = r"Z\'fcrichsee Region, Switzerland"
    _, g = grounded(raw, {"cluster": {"value": "Zürich", "quote": quote}})
    assert [p.path for p in g.problems] == ["cluster"]


def test_a_record_grounded_in_rtf_has_exact_evidence() -> None:
    facts = {
        "cluster": {"value": "Zürich", "quote": TITLE},
        "economy": {"value": "Switzerland", "quote": TITLE},
        "pct_applications": {"value": 2311, "quote": r"It filed {\b 2\'a0311 PCT applications}"},
        "top_pct_applicants": [
            {"rank": 2, "name": "ABB SCHWEIZ AG", "count": 604, "share": 8,
             "quote": r"2\tab ABB SCHWEIZ AG\tab 604\tab 8%"},
        ],
    }  # fmt: skip
    doc, g = grounded(RTF, facts)
    assert g.problems == []
    record = to_record(doc, g)
    assert (record.cluster, record.economy, record.pct_applications) == (
        "Zürich",
        "Switzerland",
        2311,
    )
    assert check_evidence(record, doc.raw) == []
