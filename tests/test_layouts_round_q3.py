"""Layouts of tester round Q (third share): an analyst's remark in parentheses under a list,
French-locale spreadsheet exports, footnote markers glued to values, a press release with its
ranks and top lists in words. Each test is a small inline input for one mechanism, checking
the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse

# --- a remark in parentheses under a list item whose figures are complete ------------------

REMARK_UNDER_LIST = OPENING + (
    "Top publishing organizations:\n"
    "  1. NORDHAVEN UNIVERSITY: 10,938 articles (25%)\n"
    "  2. NORD AS: 5,986 articles (14%)\n"
    "  (NORD AS appears twice on the page, ranks 1 and 3 - copied as is)\n"
)


def test_a_parenthesised_remark_under_a_complete_item_is_not_part_of_it() -> None:
    assert blocks(REMARK_UNDER_LIST)[-2:] == [
        ("list_item", "NORD AS: 5,986 articles (14%)"),
        ("paragraph", "(NORD AS appears twice on the page, ranks 1 and 3 - copied as is)"),
    ]
    r = extract(REMARK_UNDER_LIST)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [(1, "NORDHAVEN UNIVERSITY", 10938, 25), (2, "NORD AS", 5986, 14)]
    assert ev(r, "top_publishers[1].share") == "14"
    assert r.scientific_articles == 12345


def test_figures_in_parentheses_under_an_item_that_lacks_them_still_continue_it() -> None:
    raw = OPENING + (
        "Top publishing organizations:\n  1. NORDHAVEN UNIVERSITY: 10,938 articles\n     (25%)\n"
    )
    r = extract(raw)
    assert [(a.rank, a.count, a.share) for a in r.top_publishers] == [(1, 10938, 25)]
    assert ev(r, "top_publishers[0].share") == "25"


# --- ranks as labelled ordinals, a rank "-ranked of the N ... clusters" ---------------------

FRENCH_EXCEL = (
    "\ufeffGlobal Innovation Index 2025;;;\r\n"
    "Nordhaven, Norway;;;\r\n"
    ";;;\r\n"
    "Nordhaven is the third-ranked of the 4 Norwegian clusters within the top 100.;;;\r\n"
    "Indicator;Value;;\r\n"
    "PCT applications per 1 million inhabitants (last five years);1\u00a0284;;\r\n"
    "Global rank by size (largest S&T clusters);71st;;\r\n"
    "Global rank by intensity (relative to population density);19th;;\r\n"
    "Note: in the 2024 edition the cluster was 74th by size.;;;\r\n"
    ";;;\r\n"
    "Top PCT applicants;;;\r\n"
    "Rank;Applicant;Patents;Share\r\n"
    "1;NORD AS;387;18,0%\r\n"
    "2;HAVEN, SOCIÉTÉ COOPÉRATIVE;97;4,5%\r\n"
)


def test_labelled_ordinal_ranks_and_a_ranked_of_n_national_rank_in_a_french_export() -> None:
    r = extract(FRENCH_EXCEL, name="x.csv", fmt="csv")
    assert (r.global_size_rank, r.global_intensity_rank) == (71, 19)
    assert ev(r, "global_size_rank") == "71st"
    assert ev(r, "global_intensity_rank") == "19th"
    assert (r.national_rank, r.national_cluster_count) == (3, 4)
    assert ev(r, "national_rank") == "third"
    assert ev(r, "national_cluster_count") == "4"
    assert r.pct_applications == 1284 and ev(r, "pct_applications") == "1\u00a0284"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 387, 18.0), (2, "HAVEN, SOCIÉTÉ COOPÉRATIVE", 97, 4.5)]
    assert ev(r, "top_pct_applicants[1].share") == "4,5"


def test_a_footnote_marker_glued_to_a_labelled_rank_is_not_part_of_it() -> None:
    raw = (
        "Nordhaven, Norway\n\nIndicator\tValue\nGlobal rank by size (largest S&T clusters)\t58th¹\n"
    )
    r = extract(raw)
    assert r.global_size_rank == 58 and ev(r, "global_size_rank") == "58th"


def test_a_ranked_of_the_economys_n_clusters_national_rank() -> None:
    raw = (
        "Nordhaven, Norway\n\nNordhaven keeps its place as the second-ranked of Norway's 3 "
        "clusters in the top 100 S&T clusters in 2025.\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (2, 3)
    assert ev(r, "national_rank") == "second" and ev(r, "national_cluster_count") == "3"


# --- figures stated for an earlier edition than the profile's --------------------------------


def test_a_rank_stated_for_an_earlier_edition_is_not_read() -> None:
    raw = (
        "Subject: Global Innovation Index 2025 - cluster profile\n\n"
        "Nordhaven, Norway\n\n"
        "Indicator\tValue\n"
        "Global rank by size (largest S&T clusters)\t58th¹\n"
        "PCT applications per 1 million inhabitants\t1 163²\n\n"
        "¹ The cluster was 61st by size in GII 2024.\n"
        "² In the 2024 edition it filed 998 PCT applications per million.\n"
    )
    r = extract(raw)
    assert r.global_size_rank == 58 and ev(r, "global_size_rank") == "58th"
    assert r.pct_applications == 1163 and ev(r, "pct_applications") == "1 163"
    assert r.edition == 2025


def test_an_earlier_edition_named_alone_gives_its_figure() -> None:
    raw = "Nordhaven, Norway\n\nIn the 2024 edition the cluster was 74th by size.\n"
    r = extract(raw)
    assert r.global_size_rank == 74 and ev(r, "global_size_rank") == "74th"


def test_a_later_edition_named_in_passing_does_not_drop_the_profiles_figures() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "In the Global Innovation Index 2025, Nordhaven is the 96th largest science and "
        "technology cluster. Review again for the 2026 edition.\n"
    )
    r = extract(raw)
    assert r.global_size_rank == 96 and ev(r, "global_size_rank") == "96th"


# --- a press release: ranks and top lists in words, names in title case ---------------------

PRESS = (
    "Nordhaven climbs into the world's 35 largest science and technology clusters\n\n"
    "Global Innovation Index 2024: Nordhaven, Norway\n\n"
    "Nordhaven ranks 32nd among the world's largest science and technology clusters in the "
    "Global Innovation Index 2024, and 33rd by intensity. Among the 9 Norwegian clusters in "
    "the top 100 S&T clusters it is the third-ranked.\n\n"
    "Universities dominate patenting. Among PCT applicants, Nordhaven University ranks first "
    "with 146 applications, a 12% share. Haven Institute of Science and Tech. is second with "
    "74 applications (6%), and Nord Tobacco is third, also with 70 applications (6%).\n\n"
    "Nordhaven University is also the leading publishing organization, with 27,449 scientific "
    "articles (45%). Fjord University is second with 9,957 articles (16%), and National "
    "Institute of Marine Research - Norway is third with 7,290 articles (12%).\n"
)


def test_a_top_list_in_prose_with_title_case_names_before_their_rank_words() -> None:
    r = extract(PRESS)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [
        (1, "Nordhaven University", 146, 12),
        (2, "Haven Institute of Science and Tech.", 74, 6),
        (3, "Nord Tobacco", 70, 6),
    ]
    assert ev(r, "top_pct_applicants[0].rank") == "first"
    assert ev(r, "top_pct_applicants[1].name") == "Haven Institute of Science and Tech."
    assert ev(r, "top_pct_applicants[2].count") == "70"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [
        (1, "Nordhaven University", 27449, 45),
        (2, "Fjord University", 9957, 16),
        (3, "National Institute of Marine Research - Norway", 7290, 12),
    ]
    assert ev(r, "top_publishers[0].rank") == "leading"
    assert ev(r, "top_publishers[2].name") == "National Institute of Marine Research - Norway"


def test_a_press_releases_ranks_in_words() -> None:
    r = extract(PRESS)
    assert (r.global_size_rank, r.global_intensity_rank) == (32, 33)
    assert ev(r, "global_size_rank") == "32nd"  # not the headline's "35 largest"
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_rank") == "third" and ev(r, "national_cluster_count") == "9"
    assert r.edition == 2024


def test_a_pronoun_before_a_rank_word_is_no_name_and_the_list_is_not_read() -> None:
    raw = OPENING + (
        "Among PCT applicants, Nordhaven University ranks first with 146 applications, a 12% "
        "share. It is second with 74 applications (6%).\n"
    )
    assert extract(raw).top_pct_applicants == []


# --- the LLM path: "last five years" in words between a label and its figure -----------------


def test_a_period_in_words_between_a_label_and_its_figure_is_no_rival_number() -> None:
    line = "PCT applications per 1 million inhabitants, last five years\t1 163²"
    raw = "Nordhaven, Norway\n\nIndicator\tValue\n" + line + "\n"
    doc = parse("x.txt", raw, "text")
    facts = ClusterFacts.model_validate({"pct_applications": {"value": 1163, "quote": line}})
    g = ground(facts, SourceView.of(doc))
    assert g.problems == []
    a, b = g.spans["pct_applications"]
    assert (g.values["pct_applications"], raw[a:b]) == (1163, "1 163")
