"""Rank tiles, bulleted rank lines after a top list and a title wrapped after its comma, in
the layout text of a PDF (columns kept by runs of spaces)."""

from __future__ import annotations

from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse

_INTRO = (
    "Lyon is the third-ranked cluster, out of 9 French clusters, that falls within the top 100 "
    "S&T clusters in 2024. It filed 410 PCT applications and published 5,120 scientific "
    "articles, both per 1 million inhabitants over the last five years, making it the:"
)

_LIST = """
Top PCT applicants

                                  Patents    Share
 1   SANOFI                            120      11%
 2   BIOMERIEUX                         80       7%
"""


def _record(raw: str):
    doc = parse("p.pdf", raw, "pdf")
    return RulesExtractor().extract(doc).record, doc


def _span(doc, record, key: str) -> str:
    ev = record.evidence[key]
    return doc.raw[ev.start : ev.end]


def test_ordinal_tile_with_its_phrase_in_the_column_under_it() -> None:
    raw = (
        "Global Innovation Index 2024\n"
        "Lyon, France" + " " * 60 + "41st" + " " * 20 + "57th\n\n"
        "Lyon is the third-ranked cluster."
        + " " * 41
        + "largest science and"
        + " " * 5
        + "S&T cluster by intensity\n"
        "It filed 410 PCT applications."
        + " " * 44
        + "technology cluster in"
        + " " * 3
        + "(relative to population\n"
        + " " * 74
        + "2024"
        + " " * 20
        + "density) in 2024\n"
        + _LIST
    )
    record, doc = _record(raw)
    assert (record.global_size_rank, record.global_intensity_rank) == (41, 57)
    assert _span(doc, record, "global_size_rank") == "41st"
    assert _span(doc, record, "global_intensity_rank") == "57th"


def test_big_figure_with_a_raised_suffix_and_its_phrase_beside_it() -> None:
    raw = (
        "Global Innovation Index 2024\nLyon, France\n\n"
        + _INTRO
        + "\n\n\n"
        + " " * 12
        + "nd"
        + " " * 30
        + "st\n"
        + " " * 16
        + "largest science and technology"
        + " " * 7
        + "S&T cluster by intensity\n"
        + "  72"
        + " " * 12
        + "cluster in 2024"
        + " " * 8
        + "31"
        + " " * 12
        + "(relative to population density) in 2024\n"
        + _LIST
    )
    record, doc = _record(raw)
    assert (record.global_size_rank, record.global_intensity_rank) == (72, 31)
    assert _span(doc, record, "global_size_rank") == "72"
    assert _span(doc, record, "global_intensity_rank") == "31"


def test_bulleted_rank_lines_after_a_top_list_are_no_entries() -> None:
    raw = (
        "Global Innovation Index 2024\nLyon, France\n" + _LIST + "\n"
        "Only two applicants are listed.\n\nPlace in the ranking\n\n" + _INTRO + "\n\n"
        " • 41st largest science and technology cluster in 2024\n\n"
        " • 57th S&T cluster by intensity (relative to population density) in 2024\n"
    )
    record, _ = _record(raw)
    assert [e.name for e in record.top_pct_applicants] == ["SANOFI", "BIOMERIEUX"]
    assert (record.global_size_rank, record.global_intensity_rank) == (41, 57)


def test_title_wrapped_after_its_comma_gives_the_economy() -> None:
    raw = (
        "Global Innovation Index 2024\n\n" + " " * 45 + "Science and technology cluster profile\n"
        "Lyon," + " " * 40 + "Notes prepared for the regional planning committee\n"
        "France\n\n" + _INTRO + "\n\n"
        "  41st largest science and technology cluster in 2024\n" + _LIST
    )
    record, doc = _record(raw)
    assert (record.cluster, record.economy) == ("Lyon", "France")
    assert _span(doc, record, "economy") == "France"


def test_a_short_box_beside_the_wrapped_title_is_no_economy() -> None:
    # "Turin,<gap>Board briefing" reads like "Cluster, Economy" on its own; the column gap after
    # the comma and the name under the cluster say the title wrapped.
    raw = (
        "Turin," + " " * 30 + "Board briefing\n"
        "Italy\n\n" + _INTRO.replace("Lyon", "Turin").replace("French", "Italian") + "\n\n"
        "  41st largest science and technology cluster in 2024\n" + _LIST
    )
    record, doc = _record(raw)
    assert (record.cluster, record.economy) == ("Turin", "Italy")
    assert _span(doc, record, "economy") == "Italy"
    assert record.evidence["economy"].line == 2
