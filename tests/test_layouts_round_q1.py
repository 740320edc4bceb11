"""Layouts of tester round Q (first part): tables comparing two editions or adding a column of
changes, a title before a description of the page, global ranks as labelled ordinals, one table
holding both top lists. Each test is a small inline input for one mechanism, checking the
values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract

from nlq.extractors.align import SourceView
from nlq.extractors.edition_columns import compares_editions, own_edition
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse

# --- tables comparing editions: the profile's own edition is read ----------------------------

TWO_EDITIONS = (
    "Nordhaven, Norway -- GII 2024 compared with GII 2023\n"
    "The current edition is the Global Innovation Index 2024.\n\n"
    "Overview\tGII 2023\tGII 2024\n"
    "National rank\t4th of 8 Norwegian clusters\t3rd of 9 Norwegian clusters\n"
    "Global rank by size\t35th largest\t32nd largest\n"
    "PCT applications per 1 million inhabitants\t281\t309\n\n"
    "Top PCT applicants\n"
    "Rank\tName\tPatents 2023\tShare 2023\tPatents 2024\tShare 2024\n"
    "1\tNORD AS\t131\t13%\t146\t12%\n"
    "2\tHAVEN LAB\t61\t6%\t74\t6%\n"
)


def test_columns_of_the_previous_edition_are_not_read() -> None:
    r = extract(TWO_EDITIONS)
    assert (r.edition, r.national_rank, r.national_cluster_count) == (2024, 3, 9)
    assert ev(r, "national_rank") == "3rd" and ev(r, "national_cluster_count") == "9"
    assert r.global_size_rank == 32 and ev(r, "global_size_rank") == "32nd"
    assert r.pct_applications == 309 and ev(r, "pct_applications") == "309"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 146, 12), (2, "HAVEN LAB", 74, 6)]
    assert ev(r, "top_pct_applicants[0].count") == "146"
    assert ev(r, "top_pct_applicants[1].share") == "6"
    assert r.evidence["top_pct_applicants[1].share"].start == TWO_EDITIONS.index("74\t6%") + 3


def test_the_edition_the_text_names_decides_which_year_is_read() -> None:
    raw = TWO_EDITIONS.replace("current edition is the Global Innovation Index 2024", "x")
    raw = raw.replace("-- GII 2024 compared with GII 2023", "-- GII 2023 profile")
    r = extract(raw)  # the page says 2023: its own columns are the 2023 ones
    assert r.edition == 2023
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 131, 13), (2, "HAVEN LAB", 61, 6)]


CHANGES = OPENING + (
    "| # | Applicant | Patents | Share | change vs 2023 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | NORD AS | 45 | 25% | +6 |\n"
    "| 2 | HAVEN LAB | 27 | 15% | new |\n\n"
    "## Top technology fields\n\n"
    "**Patents**\n\n"
    "| Field | Share | Δ |\n"
    "|---|---|---|\n"
    "| Optics | 60% | +2 pp |\n"
    "| Other | 40% | −2 pp |\n"
)


def test_a_column_of_changes_is_not_read_as_entries_or_fields() -> None:
    raw = CHANGES.replace(OPENING, OPENING + "## Top PCT applicants\n\n")
    r = extract(raw, "x.md", "markdown")
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 45, 25), (2, "HAVEN LAB", 27, 15)]
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]
    assert ev(r, "patent_fields[1].field") == "Other"
    assert not any("change" in w or "pp" in w for w in r.warnings)


def test_tables_without_years_or_changes_are_kept_as_they_are() -> None:
    raw = "Rank\tName\tPatents\tShare\n1\tNORD AS\t146\t12%\n\nPeriod\t2018-2022\tShare\nA\t5\t6%\n"
    doc = parse("x.txt", raw, "text")
    assert not compares_editions(doc.blocks)
    assert own_edition(doc.blocks, 2024) == doc.blocks
    # one year alone is not a comparison; a data row is never read as a header
    one = parse("x.txt", "Indicator\tGII 2024\nSize rank\t32\n\n1\tNAME 2019\t2023\t5%\n", "text")
    assert not compares_editions(one.blocks)


# --- a title before a description of the page ---------------------------------------------------


def test_a_title_before_a_double_hyphen_and_a_description_of_the_page() -> None:
    r = extract(TWO_EDITIONS)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven" and r.evidence["cluster"].start == 0
    assert ev(r, "economy") == "Norway"


def test_a_year_before_the_opening_sentences_subject_is_not_its_name() -> None:
    raw = "In 2024 Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n"
    r = extract(raw + "It filed 1,204 PCT applications.\n")
    assert r.cluster == "Nordhaven" and ev(r, "cluster") == "Nordhaven"


# --- global ranks as a table row's label and an ordinal -----------------------------------------


def test_global_ranks_as_labelled_ordinals_in_a_table() -> None:
    raw = OPENING + (
        "| Indicator | 2024 | change vs 2023 |\n"
        "|---|---|---|\n"
        "| Global rank by size (largest S&T clusters) | 79th | ▲ 4 places |\n"
        "| Global rank by intensity (relative to population density) | 91st | ▼ 2 places |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert (r.global_size_rank, r.global_intensity_rank) == (79, 91)
    assert ev(r, "global_size_rank") == "79th" and ev(r, "global_intensity_rank") == "91st"


# --- one table holding both top lists under one rank column -------------------------------------

COMBINED = OPENING + (
    "Top PCT applicants and top publishing organizations\n\n"
    "Rank\tTop PCT applicants\tPatents\tShare\tTop publishing organizations\tArticles\tShare\n"
    "1\tNORD AS\t118\t14%\tNORDHAVEN UNIVERSITY\t4\u00a0356\t33%\n"
    "2\tHAVEN TEKNISKA, A.S.\t60\t7%\tHAVEN TEKNISKA, A.S.\t2\u00a0244\t17%\n"
)


def test_a_table_holding_both_top_lists_is_read_list_by_list() -> None:
    r = extract(COMBINED)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 118, 14), (2, "HAVEN TEKNISKA, A.S.", 60, 7)]
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [(1, "NORDHAVEN UNIVERSITY", 4356, 33), (2, "HAVEN TEKNISKA, A.S.", 2244, 17)]
    # the rank both lists share is quoted from the one rank cell
    row = COMBINED.index("2\tHAVEN")
    assert r.evidence["top_publishers[1].rank"].start == row
    assert (
        ev(r, "top_publishers[1].rank") == "2" and ev(r, "top_publishers[0].count") == "4\u00a0356"
    )
    assert ev(r, "top_publishers[1].name") == "HAVEN TEKNISKA, A.S."
    assert (
        r.evidence["top_publishers[1].name"].start > r.evidence["top_pct_applicants[1].name"].start
    )
    assert not any("appears at ranks" in w for w in r.warnings)


def test_a_ranked_header_naming_one_list_is_a_header_not_two_lists() -> None:
    raw = OPENING + (
        "Top PCT applicants\n\nRank\tApplicant\tPatents\tShare\n1\tNORD AS\t118\t14%\n"
    )
    r = extract(raw)
    assert [(a.rank, a.name) for a in r.top_pct_applicants] == [(1, "NORD AS")]
    assert r.top_publishers == []


def test_each_list_of_a_combined_table_may_have_its_own_rank_column() -> None:
    raw = OPENING + (
        "## Top applicants and publishers\n\n"
        "| Rank | Top PCT applicants | Patents | Share | Rank | Top publishing organizations "
        "| Articles | Share |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 1 | NORD AS | 146 | 12% | 1 | NORD UNI | 4,000 | 40% |\n"
        "| 2 | HAVEN LAB | 74 | 6% | 3 | HAVEN HOSP | 1,000 | 10% |\n"
    )
    r = extract(raw, "x.md", "markdown")
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 146, 12), (2, "HAVEN LAB", 74, 6)]
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [(1, "NORD UNI", 4000, 40), (3, "HAVEN HOSP", 1000, 10)]
    assert r.evidence["top_publishers[1].rank"].start == raw.index("| 3 |") + 2


def test_the_current_edition_may_come_first_and_a_delta_column_last() -> None:
    raw = OPENING.replace("in the top 100", "in the top 100 in 2024") + (
        "Top PCT applicants\n\n"
        "Rank\tApplicant\tPatents 2024\tShare 2024\tPatents 2023\tShare 2023\tΔ\n"
        "1\tNORD AS\t146\t12%\t131\t13%\t+15\n"
        "2\tHAVEN LAB\t74\t6%\t61\t6%\t+13\n"
    )
    r = extract(raw)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 146, 12), (2, "HAVEN LAB", 74, 6)]
    assert r.evidence["top_pct_applicants[0].count"].start == raw.index("146")


def test_a_row_filled_only_on_the_right_of_a_combined_table_is_the_right_lists() -> None:
    raw = OPENING + (
        "| Top PCT applicants | | | | Top publishing organizations | | | |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| # | Applicant | Patents | Share | # | Organization | Articles | Share |\n"
        "| 1 | NORD AS | 146 | 12% | 1 | NORD UNI | 4 000 | 40% |\n"
        "| | | | | 2 | HAVEN HOSP | 1 000 | 10% |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert [(a.rank, a.name) for a in r.top_pct_applicants] == [(1, "NORD AS")]
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [(1, "NORD UNI", 4000, 40), (2, "HAVEN HOSP", 1000, 10)]
    assert ev(r, "top_publishers[1].name") == "HAVEN HOSP"


# --- the LLM path checks quotes against the same edition's columns -------------------------------


def test_a_quoted_row_comparing_editions_grounds_only_the_current_editions_figure() -> None:
    doc = parse("x.txt", TWO_EDITIONS, "text")
    view = SourceView.of(doc)
    quote = "PCT applications per 1 million inhabitants\t281\t309"
    ok = ground(
        ClusterFacts.model_validate({"pct_applications": {"value": 309, "quote": quote}}), view
    )
    assert ok.problems == [] and ok.values["pct_applications"] == 309
    a, b = ok.spans["pct_applications"]
    assert TWO_EDITIONS[a:b] == "309"
    old = ClusterFacts.model_validate({"pct_applications": {"value": 281, "quote": quote}})
    assert [p.path for p in ground(old, view).problems] == ["pct_applications"]


def test_an_empty_cell_in_the_other_editions_column_is_passed_over() -> None:
    raw = TWO_EDITIONS.replace("2\tHAVEN LAB\t61\t6%", "2\tHAVEN LAB\t\t6%")
    doc = parse("x.txt", raw, "text")
    spans = SourceView.of(doc).aside  # the 2023 columns' cells, the empty one left out
    assert raw[slice(*spans[-1])] == "6%" and all(b > a for a, b in spans)
