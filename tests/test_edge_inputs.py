"""Inputs a review found could crash a reader: each now gives a record or nlq's own error."""

from __future__ import annotations

import re

import pytest

from nlq.errors import ExtractionError
from nlq.extractors.prose import find_first
from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse
from nlq.layout.document import MappedText

EX = RulesExtractor()


def test_an_empty_last_entry_of_a_toml_list_is_no_row() -> None:
    text = (
        'title = "Oslo, Norway"\n[[top_pct_applicants]]\nname = "ACME"\ncount = 5\n'
        "[[top_pct_applicants]]\n"
    )
    record = EX.extract(parse("p.toml", text, "toml")).record
    assert [(e.name, e.count) for e in record.top_pct_applicants] == [("ACME", 5)]
    assert record.evidence["top_pct_applicants[0].count"].text == "5"


def test_an_empty_entry_of_a_yaml_list_gives_nlqs_own_error() -> None:
    with pytest.raises(ExtractionError, match="no cluster-profile facts found"):
        EX.extract(parse("p.yaml", "title: Oslo, Norway\ntop_pct_applicants: [{}]\n", "yaml"))


def test_a_national_rank_out_of_a_fraction_of_clusters_reads_no_count() -> None:
    text = (
        "Oslo, Norway\n\nOslo is the 2nd-ranked cluster, out of 0.9 Norwegian clusters in the "
        "top 100.\n"
    )
    record = EX.extract(parse("p.txt", text, "text")).record
    assert record.national_rank == 2 and record.national_cluster_count is None
    assert record.evidence["national_rank"].text == "2nd"


def test_a_refused_match_does_not_come_back_from_inside_its_own_number() -> None:
    raw = "Next issue: the 36th largest. Here it ranks 40th largest."
    text = MappedText.verbatim(raw, 0, len(raw))
    pattern = re.compile(r"(?P<ord>\d+)th largest")
    # A filter refusing the figure by what precedes it ("Next issue: the ..."); the "6th" in
    # "36th" is preceded by "3", so only the retry rule keeps it from being taken.
    hit = find_first([text], [pattern], keep=lambda t, m: not raw[: m.start()].endswith("the "))
    assert hit is not None and hit[1].group("ord") == "40"  # not the "6th" inside "36th"
    assert find_first([text], [pattern])[1].group("ord") == "36"  # nothing refused: the first
