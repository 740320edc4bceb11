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
        "Section 5 of 9: Cluster briefs\n\n5.3  Nordhaven, Norway (Global Innovation Index 2024)\n\n"
        + BODY
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
