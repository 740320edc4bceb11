"""Layout mechanisms added for the testers' round AB layouts of developer ab2: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, ev, extract, pairs, ranked, span


def test_a_heading_whose_value_names_the_output_is_a_heading() -> None:
    raw = (
        OPENING + "Top publishing organizations\n"
        "Rank\tOrganization\tArticles\tShare\n1\tNORD UNIVERSITY\t3,100\t31%\n\n"
        "Top technology fields: patents\n• Optics – 35%\n• Other – 65%\n\n"
        "Top technology fields: publications\n• Chemistry – 21%\n• Other – 79%\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [(1, "NORD UNIVERSITY", 3100, 31)]
    assert pairs(r.patent_fields) == [("Optics", 35), ("Other", 65)]
    assert pairs(r.publication_fields) == [("Chemistry", 21), ("Other", 79)]
    assert ev(r, "patent_fields[0].share") == "35"
    assert ev(r, "publication_fields[0].field") == "Chemistry"


def test_a_label_and_its_value_stay_content() -> None:
    raw = OPENING + "Top collaborative locations: Oslo, Bergen\n"
    r = extract(raw)
    assert r.patent_fields == [] and r.publication_fields == []


_COMPARE = (
    "Nordhaven, Norway\n\n"
    "Indicator\tNordhaven\tVestby (reference)\n"
    "PCT applications per 1 million inhabitants, last five years\t1,204\t538\n\n"
    "Top PCT applicants\n"
    "Rank\tNordhaven\tPatents\tShare\tVestby (reference)\tPatents\tShare\n"
    "1\tNORD ASA\t146\t12%\tVEST AS\t388\t9%\n"
    "2\tHAVN LAB\t74\t6%\tVEST UNIVERSITY\t301\t7%\n\n"
    "Top technology fields — patents\n"
    "Nordhaven\tVestby (reference)\n"
    "Optics (35%)\tControl (14%)\nOther (65%)\tOther (86%)\n\n"
    "Collaboration\tNordhaven\tVestby (reference)\n"
    "PCT applications filed with other inventors\t3%\t8%\n"
    "Top collaborative locations (patents)\tOslo; Bergen\tOslo; Drammen\n"
)


def test_a_comparison_sheet_reads_only_the_profile_cluster_columns() -> None:
    r = extract(_COMPARE)
    assert r.pct_applications == 1204
    assert ev(r, "pct_applications") == "1,204"
    assert ranked(r.top_pct_applicants) == [(1, "NORD ASA", 146, 12), (2, "HAVN LAB", 74, 6)]
    assert ev(r, "top_pct_applicants[1].name") == "HAVN LAB"
    assert pairs(r.patent_fields) == [("Optics", 35), ("Other", 65)]
    assert r.patent_collaboration.share == 3
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert span(r, _COMPARE, "patent_collaboration.share") == "3"


def test_a_table_without_the_cluster_in_its_header_keeps_every_column() -> None:
    from nlq.extractors.cluster_columns import own_cluster
    from nlq.layout import parse

    raw = "Rank\tApplicant\tPatents\tShare\tNotes\n1\tNORD ASA\t146\t12%\tnew\n"
    assert own_cluster(parse("x", raw, "text").blocks, "Nordhaven") is None
    assert own_cluster(parse("x", _COMPARE, "text").blocks, "Nordhaven") is not None


def test_a_peer_column_of_another_width_is_kept() -> None:
    from nlq.extractors.cluster_columns import _dropped
    from nlq.layout import parse

    raw = "Rank\tNordhaven\tPatents\tShare\tRemarks\n1\tNORD ASA\t146\t12%\tnew\n"
    (table,) = parse("x", raw, "text").blocks
    assert _dropped(table.rows, "Nordhaven") == set()


def test_a_later_correction_replaces_the_typo() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It "
        "filed 1,204 PCT applications and published 12,543 scientific articles, making it the "
        "35th S&T cluster by intensity in 2024.\n\n"
        "sorry, two typos above: articles are 12,345 not 12,543, and intensity is 33rd, not "
        "35th.\n"
    )
    r = extract(raw)
    assert r.scientific_articles == 12345
    assert ev(r, "scientific_articles") == "12,345"
    assert r.global_intensity_rank == 33
    assert ev(r, "global_intensity_rank") == "33rd"
    assert r.pct_applications == 1204


def test_a_should_be_correction_and_an_unrelated_not() -> None:
    raw = (
        OPENING + "Correction: 1,204 should be 1,240.\n\n"
        "No typo in the rank: 3rd, not 4th, as printed.\n"
    )
    r = extract(raw)
    assert r.pct_applications == 1240
    assert ev(r, "pct_applications") == "1,240"
    assert r.national_rank == 3  # no rank was read from a "4th": nothing to replace
    assert ev(r, "national_rank") == "3rd"


def test_without_a_correction_word_a_not_changes_nothing() -> None:
    raw = OPENING + "It is 12,000 not 12,345 by our count.\n"
    r = extract(raw)
    assert r.scientific_articles == 12345


def test_an_inline_profile_title_gives_the_economy() -> None:
    raw = (
        "Pasting the Nordhaven, Norway profile (Global Innovation Index 2024) for the deck\n"
        "> " + BODY
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "economy") == "Norway"


def test_partners_in_parentheses_after_a_collaboration_share() -> None:
    raw = (
        OPENING + "Collaboration: 6% of its PCT patent applications are filed in collaboration "
        "with other inventors (top locations Oslo, Bergen and Tromsø). 54% of its scientific "
        "articles are published in collaboration with other organizations (top three: Oslo, "
        "Stavanger and Bergen).\n"
    )
    r = extract(raw)
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Tromsø"]
    assert r.publication_collaboration.partners == ["Oslo", "Stavanger", "Bergen"]
    assert r.publication_collaboration.share == 54
    assert ev(r, "publication_collaboration.partners[1]") == "Stavanger"


def test_a_capitals_name_broken_at_a_hyphen_is_mended() -> None:
    raw = (
        OPENING + "Top PCT applicants\n"
        "                                         Patents    Share\n"
        "1   NORDHAVEN UNIVERSITY OF SCI-               146       12%\n"
        "    ENCE AND TECH.\n"
        "2   SHENZHEN-                                  74        6%\n"
        "    HONG KONG LAB\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY OF SCIENCE AND TECH.", 146, 12),
        (2, "SHENZHEN-HONG KONG LAB", 74, 6),
    ]


def test_broken_capital_word() -> None:
    from nlq.layout.name_words import broken_capital_word

    assert broken_capital_word("OF SCI-", "ENCE AND")
    assert broken_capital_word("TECHNO-", "LOGY")
    assert not broken_capital_word("SHANGHAI-", "SUZHOU")
    assert not broken_capital_word("sci-", "ence")
    assert not broken_capital_word("NATIONAL-", "UNIVERSITY")


def test_an_llm_quote_of_a_name_broken_in_a_word_is_grounded() -> None:
    from nlq.extractors.align import SourceView
    from nlq.layout import parse

    raw = "2   CHANGSHA UNIVERSITY OF SCI-                74        6%\n    ENCE AND TECH.\n"
    view = SourceView.of(parse("x.txt", raw, "text"))
    found = view.find_broken_word_name("CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", 0, len(raw))
    assert found is not None
    start, head_end, tail_start, end = found
    assert view.text(start, head_end) + view.text(tail_start, end) == (
        "CHANGSHA UNIVERSITY OF SCIENCE AND TECH."
    )
    assert view.find_broken_word_name("CHANGSHA UNIVERSITY OF SCIENCES", 0, len(raw)) is None


def test_chat_reaction_lines_are_no_rows() -> None:
    raw = (
        "Ana Silva  10:02 AM\nNordhaven, Norway\n\n" + BODY + "Ana Silva  10:04 AM\n"
        "Top PCT applicants\n1. NORD ASA — 146 patents (12%)\n:eyes: 2  :white_check_mark: 1\n\n"
        "Rui Costa  10:11 AM\nthanks\n:+1: 3\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "NORD ASA", 146, 12)]
    assert not any("eyes" in w for w in r.warnings)
    assert ev(r, "top_pct_applicants[0].count") == "146"
