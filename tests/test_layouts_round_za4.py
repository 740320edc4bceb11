"""Layout mechanisms added for the testers' round Z/AA layouts of developer za4: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import ev, extract, ranked


def test_reference_style_links_keep_their_text_and_drop_label_and_definitions() -> None:
    raw = (
        "# Lodz, Poland\n\n## Top PCT applicants\n\n"
        "1. [POLITECHNIKA][pl] — 61 patents (14%)\n"
        "2. [MARBUD, SP. Z O.O.][MB] — 35 patents (8%)\n\n"
        '[pl]: https://p.example/ "est. 1945"\n[mb]: https://m.example/\n'
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "POLITECHNIKA", 61, 14),
        (2, "MARBUD, SP. Z O.O.", 35, 8),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "POLITECHNIKA"
    assert ev(r, "top_pct_applicants[1].name") == "MARBUD, SP. Z O.O."


def test_brackets_without_a_definition_are_left_alone() -> None:
    from nlq.layout.ref_links import reference_link_edits

    assert reference_link_edits("see [a][b] and [c]: nothing\n") == []
    assert reference_link_edits("[x][y]\n\n[z]: https://z.example/\n") == []


def test_a_wiki_table_keyed_by_section_splits_into_both_top_lists() -> None:
    raw = (
        "Hefei, China\n\n"
        "|| List || Rank || Organization || Count || Share ||\n"
        "| Top PCT applicants | 1 | CHANGXIN MEMORY | 2,069 | 54% |\n"
        "| Top PCT applicants | 2 | SUNGROW POWER SUPPLY CO., LTD | 92 | 2% |\n"
        "| Top publishing organizations | 1 | HEFEI UNIVERSITY | 10,938 | 25% |\n"
        "| Top publishing organizations | 2 | ANHUI UNIVERSITY | 6,842 | 16% |\n"
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
    assert ev(r, "top_publishers[1].count") == "6,842"
    assert ev(r, "top_pct_applicants[1].name") == "SUNGROW POWER SUPPLY CO., LTD"


def test_a_wiki_table_keyed_by_breakdown_gives_both_field_lists() -> None:
    raw = (
        "Hefei, China\n\nTop technology fields\n\n"
        "|| Breakdown || Field || Share ||\n"
        "| Patents | Semiconductors | 35% |\n"
        "| Patents | Other | 65% |\n"
        "| Publications | Chemistry | 21% |\n"
        "| Publications | Other | 79% |\n"
    )
    r = extract(raw)
    assert [(f.field, f.share) for f in r.patent_fields] == [("Semiconductors", 35), ("Other", 65)]
    assert [(f.field, f.share) for f in r.publication_fields] == [("Chemistry", 21), ("Other", 79)]
    assert ev(r, "publication_fields[0].field") == "Chemistry"


def test_a_table_whose_first_column_does_not_repeat_stays_one_table() -> None:
    from nlq.layout import parse

    raw = "|| Name || Count || Share ||\n| A | 1 | 2% |\n| B | 3 | 4% |\n| C | 5 | 6% |\n"
    tables = [b for b in parse("x.txt", raw, "text").blocks if b.kind == "table"]
    assert len(tables) == 1
    assert [c.text for c in tables[0].rows[0]] == ["Name", "Count", "Share"]


_SCHEDULE = (
    "SCHEDULE 2 — CLUSTER PROFILE DATA\n\n"
    "1. Identification\n1.1 Cluster and economy: Val-sur-Mer, France\n"
    "1.2 Edition: Global Innovation Index 2025\n\n"
    "2. Output\n2.1 The cluster:\n(a) filed 522 PCT applications; and\n"
    "(b) published 11 740 scientific articles,\n"
    "both per 1 million inhabitants over the last five years.\n\n"
    "3. Top PCT applicants\n3.1 The top PCT applicants are, in rank order:\n"
    "(a) rank 1: ATELIERS AÉRO, S.A.S. — 301 patents (21%);\n"
    "(b) rank 2: CNRS — 186 patents (13%).\n\n"
    "4. Top technology fields\n"
    "4.1 Patents: (i) Transport 22%; (ii) Engines, pumps, turbines 15%; (iii) Other 63%.\n"
    "4.2 Publications: (i) Chemistry 40%; (ii) Other 60%.\n\n"
    "5. Term\n5.1 This Schedule applies for 24 months; clause 2.1(a) survives termination.\n"
)


def test_a_contract_schedule_reads_sub_clause_rows_and_roman_numbered_fields() -> None:
    r = extract(_SCHEDULE)
    assert (r.cluster, r.economy, r.pct_applications, r.scientific_articles) == (
        "Val-sur-Mer",
        "France",
        522,
        11740,
    )
    assert ranked(r.top_pct_applicants) == [
        (1, "ATELIERS AÉRO, S.A.S.", 301, 21),
        (2, "CNRS", 186, 13),
    ]
    assert ev(r, "top_pct_applicants[0].rank") == "1"
    assert ev(r, "top_pct_applicants[0].name") == "ATELIERS AÉRO, S.A.S."
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Transport", 22),
        ("Engines, pumps, turbines", 15),
        ("Other", 63),
    ]
    assert ev(r, "patent_fields[1].field") == "Engines, pumps, turbines"
    assert [(f.field, f.share) for f in r.publication_fields] == [("Chemistry", 40), ("Other", 60)]


def test_text_without_lettered_sub_clauses_is_not_rewritten() -> None:
    from nlq.layout.clauses import clause_edits

    numbered = "1.1 Intro\n1.2 More\n2.1 Patents: (i) A 5%\n2.2 End\n3.1 x\n"
    assert clause_edits(numbered) == []


_BRIEFING = (
    "[Transcript of audio briefing, recording 3 of 7, 00:04:12]\n\n"
    "Okay, next one. Nordhaven, Norway.\n\n"
    "So Nordhaven is the fourth-ranked cluster, out of nine Norwegian clusters, that falls "
    "within the top one hundred S&T clusters in 2024. It filed 309 PCT applications, per one "
    "million inhabitants. That makes it the thirty-second largest science and technology "
    "cluster in 2024.\n\n"
    "Top PCT applicants. Number one, NORD UNIVERSITY, 146 patents, twelve percent. Number two, "
    "FJORD AS, seventy-four patents, six percent. Number three, HAVN LTD., also seventy-four, "
    "six percent.\n\n"
    "Fifty-four percent of Nordhaven's scientific articles are published in collaboration with "
    "other organizations, with the top three collaborating locations being Oslo, Bergen and "
    "Trondheim.\n"
)


def test_a_transcribed_briefing_reads_spoken_lists_and_numbers_in_words() -> None:
    r = extract(_BRIEFING)
    assert (r.cluster, r.economy, r.national_rank, r.national_cluster_count) == (
        "Nordhaven",
        "Norway",
        4,
        9,
    )
    assert (r.pct_applications, r.global_size_rank) == (309, 32)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD UNIVERSITY", 146, 12),
        (2, "FJORD AS", 74, 6),
        (3, "HAVN LTD.", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[1].count") == "seventy-four"
    assert ev(r, "global_size_rank") == "thirty-second"
    assert ev(r, "cluster") == "Nordhaven"
    assert r.publication_collaboration.share == 54
    assert ev(r, "publication_collaboration.share").startswith("Fifty-four")


def test_numbers_in_words_stay_words_without_a_spoken_list() -> None:
    from nlq.layout.spoken import spoken_edits

    assert spoken_edits("It is the thirty-second largest cluster, twelve percent.\n") == []
