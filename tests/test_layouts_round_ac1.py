"""Layout mechanisms added for the testers' round AB/AC layouts of developer ac1: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, ev, extract, pairs, ranked


def test_google_doc_filled_and_hollow_circle_bullets_are_list_items() -> None:
    raw = (
        OPENING + "Top PCT applicants\n"
        "● 1 — ÚSTAV ORGANICKÉ CHEMIE, A.S. — 44 patents — 13%\n"
        "● 2 — NEMOCNICE KOLÍN — 31 patents — 9%\n"
        "    ○ Team note: about 9,000 articles, not in the profile.\n\n"
        "Top technology fields\nPatents\n● Organic fine chemistry: 26%\n● Other: 74%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "ÚSTAV ORGANICKÉ CHEMIE, A.S.", 44, 13),
        (2, "NEMOCNICE KOLÍN", 31, 9),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "ÚSTAV ORGANICKÉ CHEMIE, A.S."
    assert pairs(r.patent_fields) == [("Organic fine chemistry", 26), ("Other", 74)]
    assert ev(r, "patent_fields[0].field") == "Organic fine chemistry"


def test_a_one_column_ascii_box_is_read_as_its_lines() -> None:
    raw = (
        "+--------------------------------------------+\n"
        "| SUMMARY BOX                                |\n"
        "|   Cluster ............. Nordhaven, Norway  |\n"
        "|   Global size rank .... 36th largest       |\n"
        "+--------------------------------------------+\n\n" + BODY
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven"
    assert ev(r, "economy") == "Norway"


def test_a_memo_point_ending_in_a_colon_or_a_full_stop_heads_the_rows_under_it() -> None:
    raw = (
        OPENING + "3. Top PCT applicants (patents, share of the cluster's PCT applications):\n"
        "   (1) CHANGXIN MEMORY -- 2,069 -- 54%\n"
        "   (2) SUNGROW POWER SUPPLY CO., LTD -- 92 -- 2%\n"
        "   Note: the profile lists them as printed.\n\n"
        "5. Top technology fields.\n"
        "   5.1 Patents: Semiconductors 35%; Computer tech. 18%; Electrical\n"
        "       machinery 7%; Other 40%.\n"
        "   5.2 Publications: Chemistry 21%; Applied\n"
        "       biology 4%; Other 75%.\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "CHANGXIN MEMORY", 2069, 54),
        (2, "SUNGROW POWER SUPPLY CO., LTD", 92, 2),
    ]
    assert ev(r, "top_pct_applicants[1].name") == "SUNGROW POWER SUPPLY CO., LTD"
    assert pairs(r.patent_fields) == [
        ("Semiconductors", 35),
        ("Computer tech.", 18),
        ("Electrical machinery", 7),
        ("Other", 40),
    ]
    assert pairs(r.publication_fields) == [("Chemistry", 21), ("Applied biology", 4), ("Other", 75)]
    assert ev(r, "publication_fields[1].field") == "Applied\n       biology"
    assert r.top_publishers == []


def test_a_numbered_brief_title_with_the_index_in_parentheses_names_the_cluster() -> None:
    raw = (
        "Section 5 of 9: Cluster briefs\n\n"
        "5.3  Nordhaven, Norway (Global Innovation Index 2024)\n\n" + BODY
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "economy") == "Norway"


def test_partners_in_a_parenthetical_aside_lose_its_closing_bracket() -> None:
    raw = OPENING + (
        "Collaboration: 3% of Nordhaven's PCT patent applications are filed in collaboration "
        "with other inventors (top collaborative locations: Oslo, Hong Kong (China) and Bergen)."
    )
    r = extract(raw)
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Hong Kong (China)", "Bergen"]
    assert ev(r, "patent_collaboration.partners[2]") == "Bergen"


def test_an_inline_hash_numbered_list_after_its_label_is_read_as_that_list() -> None:
    raw = OPENING + (
        "Leading PCT applicants (patents; share): #1 CHANGXIN MEMORY (2,069; 54%), "
        "#2 SUNGROW POWER SUPPLY CO., LTD (92; 2%).\n\n"
        "Leading publishing organizations (articles; share): #1 HEFEI UNIVERSITY (10,938; 25%), "
        "#2 ANHUI UNIVERSITY (6,842; 16%). The analyst's #3 pick (5; 1%) is not in the profile.\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "CHANGXIN MEMORY", 2069, 54),
        (2, "SUNGROW POWER SUPPLY CO., LTD", 92, 2),
    ]
    assert ranked(r.top_publishers) == [
        (1, "HEFEI UNIVERSITY", 10938, 25),
        (2, "ANHUI UNIVERSITY", 6842, 16),
    ]
    assert ev(r, "top_pct_applicants[1].name") == "SUNGROW POWER SUPPLY CO., LTD"
    assert ev(r, "top_publishers[0].rank") == "1"
    assert ev(r, "top_publishers[1].count") == "6,842"


def test_hash_numbers_after_a_label_that_names_no_list_are_not_a_top_list() -> None:
    from nlq.extractors.hash_lists import hash_entries
    from nlq.layout.document import MappedText

    text = "Analyst picks: #1 ALPHA (5; 1%), #2 BETA (4; 1%)."
    assert hash_entries(MappedText.verbatim(text, 0, len(text))) is None
    listed = "Top PCT applicants: #1 ALPHA (5; 1%), #2 BETA (4; 1%)."
    assert hash_entries(MappedText.verbatim(listed, 0, len(listed))) is not None


def test_leading_before_a_numbered_rank_opens_the_list_and_ranks_nothing() -> None:
    raw = OPENING + (
        "The leading PCT applicants were NILA BIOLOGICS PVT. LTD. (ranked 1st, 41 patents, a 9% "
        "share), KUZHITHURA INSTITUTE OF TECHNOLOGY (2nd, 27 patents, 6%) and ANANTA PHOTONICS "
        "LTD. (3rd, 18 patents, 4%).\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NILA BIOLOGICS PVT. LTD.", 41, 9),
        (2, "KUZHITHURA INSTITUTE OF TECHNOLOGY", 27, 6),
        (3, "ANANTA PHOTONICS LTD.", 18, 4),
    ]
    assert ev(r, "top_pct_applicants[0].rank") == "1st"
    assert ev(r, "top_pct_applicants[2].name") == "ANANTA PHOTONICS LTD."


def test_both_collaboration_facts_in_one_sentence_joined_by_while() -> None:
    raw = OPENING + (
        "Collaboration is a notable strength: 11% of Nordhaven's PCT patent applications are "
        "filed in collaboration with other inventors, with Bergen, Oslo and Trondheim emerging "
        "as the top collaborative locations, while 38% of its scientific articles are published "
        "in collaboration with other organizations, the top three collaborating locations being "
        "Stavanger, Bergen and Oslo.\n"
    )
    r = extract(raw)
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        11,
        ["Bergen", "Oslo", "Trondheim"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        38,
        ["Stavanger", "Bergen", "Oslo"],
    )
    assert ev(r, "publication_collaboration.share") == "38"
    assert ev(r, "publication_collaboration.partners[0]") == "Stavanger"


def test_a_wrapped_line_starting_with_a_decimal_is_no_sub_point() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "3. Position. Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, for its\n"
        "   3.1 million inhabitants. It filed 1,204 PCT applications.\n"
    )
    r = extract(raw)
    assert r.national_rank == 3 and r.national_cluster_count == 9
    assert r.pct_applications == 1204
    assert ev(r, "pct_applications") == "1,204"
