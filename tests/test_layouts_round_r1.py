"""Layouts of tester round R (first share): shares spelled out ("23 pct", "38 per cent"), a post
copied from a social network (keycap ranks "1️⃣", a title after a pin emoji below the author's
header), a decoy figure in a parenthesised aside. Each test is a small inline input for one
mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.layout.percent_words import percent_word_edits

NBSP = "\u00a0"

# --- shares written "pct" / "per cent" / "percent" ------------------------------------------

PCT_TABLE = OPENING + (
    "TOP PCT APPLICANTS\n"
    "Rank  Applicant                        Patents   Share\n"
    "1     NORD MEDICAL DEVICES, LTD        1" + NBSP + "127     23 pct\n"
    "2     HAVEN SEMICONDUCTOR AS           588       12 pct\n"
)


def test_pct_after_a_number_in_a_table_is_a_share_not_a_row() -> None:
    r = extract(PCT_TABLE)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [
        (1, "NORD MEDICAL DEVICES, LTD", 1127, 23),
        (2, "HAVEN SEMICONDUCTOR AS", 588, 12),
    ]
    assert ev(r, "top_pct_applicants[0].share") == "23"
    assert ev(r, "top_pct_applicants[0].count") == "1" + NBSP + "127"


def test_per_cent_in_semicolon_field_lines_and_collaboration_prose() -> None:
    raw = OPENING + (
        "TOP TECHNOLOGY FIELDS\n"
        "Patents: Medical technology 38 per cent; Semiconductors 14 per cent; Other 48 per cent.\n"
        "\n"
        "COLLABORATION\n"
        "27 per cent of Nordhaven's PCT patent applications are filed in collaboration with "
        "other inventors, with Oslo and Bergen emerging as the top collaborative locations.\n"
    )
    r = extract(raw)
    got = [(f.field, f.share) for f in r.patent_fields]
    assert got == [("Medical technology", 38), ("Semiconductors", 14), ("Other", 48)]
    assert ev(r, "patent_fields[1].share") == "14"
    assert r.patent_collaboration.share == 27
    assert ev(r, "patent_collaboration.share") == "27"
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]


def test_the_treaty_pct_is_never_a_percent_sign() -> None:
    assert percent_word_edits("It filed 1 204 PCT applications.") == []
    assert percent_word_edits("It filed 309 pct applications.") == []
    assert percent_word_edits("no numbers, per cent or pct") == []
    text = "12 pct and 38 per cent and 5 percent"
    assert [text[e.start : e.end] for e in percent_word_edits(text)] == [
        " pct",
        " per cent",
        " percent",
    ]


# --- a figure of an earlier edition in an aside -----------------------------------------------


def test_an_aside_about_an_earlier_edition_does_not_hide_the_figures_around_it() -> None:
    raw = (
        "Nordhaven, Norway\nCluster profile · Global Innovation Index 2024\n\n"
        "Nordhaven ranks first of the 2 Norwegian clusters in the top 100. It filed "
        f"1{NBSP}204 PCT applications (down from 1{NBSP}310 in the 2023 edition) and published "
        f"11{NBSP}530 scientific articles.\n"
    )
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (1204, 11530)
    assert ev(r, "pct_applications") == "1" + NBSP + "204"
    assert ev(r, "scientific_articles") == "11" + NBSP + "530"


def test_a_figure_in_parentheses_yields_to_the_same_fact_stated_outside_them() -> None:
    raw = (
        "Hi Ana,\n\nFrom the Global Innovation Index 2024 profile. (Our old notes had 1,874 PCT "
        "applications, ignore those.)\n\n## Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. "
        "Over the last five years it filed 692 PCT applications.\n"
    )
    r = extract(raw, name="x.md", fmt="markdown")
    assert r.pct_applications == 692 and ev(r, "pct_applications") == "692"


def test_a_figure_only_stated_in_parentheses_is_still_read() -> None:
    raw = "Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster (692 PCT applications).\n"
    r = extract(raw)
    assert r.pct_applications == 692 and ev(r, "pct_applications") == "692"


# --- a post copied from a social network ------------------------------------------------------

POST = (
    "Ana Berg • 2nd\n"
    "Innovation policy analyst | Nordhaven Regional Office\n"
    "3d • Edited\n\n"
    "🚀 Nordhaven in the Global Innovation Index 2024 — quick thread!\n\n"
    "📍 Nordhaven, Norway\n\n"
    "Nordhaven is the third-ranked of the 4 Norwegian clusters that make the top 100.\n\n"
    "🏭 Top PCT applicants\n"
    "1️⃣ NORD AS — 146 patents (12%)\n"
    "2\u20e3 HAVEN TECH. — 74 patents (6%)\n"
    "🔟 LAST AS — 9 patents (1%)\n"
)


def test_keycap_ranks_are_list_numbers_not_part_of_the_names() -> None:
    r = extract(POST)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 146, 12), (2, "HAVEN TECH.", 74, 6), (10, "LAST AS", 9, 1)]
    assert ev(r, "top_pct_applicants[0].rank") == "1"
    assert ev(r, "top_pct_applicants[0].name") == "NORD AS"


def test_a_title_after_an_emoji_named_again_beats_the_authors_header() -> None:
    r = extract(POST)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven"
    assert ev(r, "economy") == "Norway"


def test_an_llm_quote_ranking_a_cluster_out_of_n_grounds_its_national_rank() -> None:
    line = "Nordhaven comes 12th out of the 26 Norwegian clusters in the global top 100."
    raw = "Nordhaven, Norway\n\n" + line + "\n"
    facts = ClusterFacts.model_validate({"national_rank": {"value": 12, "quote": line}})
    g = ground(facts, SourceView.of(parse("x.txt", raw, "text")))
    assert g.problems == []
    a, b = g.spans["national_rank"]
    assert (g.values["national_rank"], raw[a:b]) == (12, "12th")
