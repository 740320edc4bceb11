"""Layout mechanisms added for the testers' rounds T and U (chat exports, a Slack thread with
the page pasted in a code block, national ranks written as a place or a position): each test
is a small inline input for one mechanism, checking the values, their exact evidence, and that
no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import blocks, ev, extract

BODY = (
    "It filed 1,204 PCT applications and published 12,345 scientific articles, making it the "
    "40th largest cluster.\n\n"
)


def test_a_national_rank_written_as_a_place_among_the_national_clusters() -> None:
    raw = (
        "Nordhaven, Norway\n\nWithin the top 100 S&T clusters in 2025, Nordhaven holds 5th place"
        " among the\n6 Norwegian clusters. " + BODY
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (5, 6)
    assert ev(r, "national_rank") == "5th"
    assert ev(r, "national_cluster_count") == "6"
    assert r.global_size_rank == 40


def test_a_national_rank_written_as_a_position_out_of_the_national_clusters() -> None:
    raw = (
        "Nordhaven, Norway\n\nWith its tenth-ranked position, out of 26 Norwegian clusters, "
        "Nordhaven falls within the top 100 S&T clusters in 2024. " + BODY
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (10, 26)
    assert ev(r, "national_rank") == "tenth"
    assert ev(r, "national_cluster_count") == "26"


def test_a_place_among_all_clusters_is_no_national_rank() -> None:
    raw = "Nordhaven, Norway\n\nNordhaven holds 40th place among the 100 clusters. " + BODY
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (None, None)


CHAT = (
    "#profiles · exported 2025-02-03 (47 messages)\n\n"
    "[09:02] Anna K.: can someone read me the Nordhaven page? the 2023 PDF had it 38th by size\n"
    '[09:04] Rui: sure. Title is "Global Innovation Index 2024" and then "Nordhaven, Norway"\n'
    "[09:05] Rui: it's the third-ranked cluster, out of 9 Norwegian clusters, in 2024\n"
    "[09:06] Rui: it filed 1,204 PCT applications and published 12,345 scientific articles,"
    " making it the 40th largest cluster\n"
    "[09:08] Rui: Top PCT applicants (patents, share):\n"
    "  1. NORDHAVEN WIND AS — 146 patents, 12%\n"
    "  2. FJORD ENZYMES — 74 patents, 6%\n"
    "[09:09] Anna K.: thanks! 2 more to do\n"
)


def test_a_chat_export_reads_its_messages_without_the_writer_and_time_marks() -> None:
    r = extract(CHAT)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (3, 9, 40)
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants] == [
        (1, "NORDHAVEN WIND AS", 146, 12),
        (2, "FJORD ENZYMES", 74, 6),
    ]
    assert ev(r, "cluster") == "Nordhaven"
    assert ev(r, "top_pct_applicants[0].name") == "NORDHAVEN WIND AS"
    assert ev(r, "pct_applications") == "1,204"


def test_each_chat_message_is_a_paragraph_of_its_own() -> None:
    texts = [t for kind, t in blocks(CHAT) if kind != "table"]
    assert 'sure. Title is "Global Innovation Index 2024" and then "Nordhaven, Norway"' in texts
    assert not any("Rui:" in t or "[09:" in t for t in texts)


def test_two_timed_lines_are_no_chat_export() -> None:
    raw = "[09:02] Anna: hello\n[09:04] Rui: hi\n"
    assert any("Anna:" in t for _, t in blocks(raw))


SLACK = (
    "#cluster-profiles\n"
    "Priya Raman  10:42 AM\n"
    "last year (2023) they were 91st by size with ~70 PCT applications\n"
    "Marc Bélanger  10:44 AM\n"
    "pasting the 2024 page below\n"
    "Marc Bélanger  10:45 AM\n"
    "```\n"
    "Global Innovation Index 2024\n\n"
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It filed 88 PCT\n"
    "applications and published 12,345 scientific articles, making it the:\n\n"
    "85th largest science and technology cluster in 2024\n\n"
    "39th S&T cluster by intensity in 2024\n\n"
    "Top PCT applicants\n\n"
    "\t\tPatents\tShare\n"
    "1\tNORDHAVEN WIND AS\t64\t16%\n"
    "2\tFJORD ENZYMES\t48\t12%\n"
    "3\tBERGEN-STORD OPTICS, A.S.\t28\t7%\n"
    "```\n"
    "Priya Raman  10:47 AM\n"
    "thanks! so 85th now vs 91st, and 88 vs ~70. 2 replies\n"
)


def test_a_page_pasted_in_a_code_block_of_a_thread_is_the_page() -> None:
    r = extract(SLACK)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.pct_applications, r.global_size_rank, r.global_intensity_rank) == (88, 85, 39)
    assert [(a.rank, a.name, a.count) for a in r.top_pct_applicants][2] == (
        3,
        "BERGEN-STORD OPTICS, A.S.",
        28,
    )
    assert ev(r, "pct_applications") == "88"
    assert ev(r, "global_size_rank") == "85th"
    texts = [t for _, t in blocks(SLACK)]
    assert not any("Priya" in t or "~70" in t or "```" in t for t in texts)


def test_a_code_block_shorter_than_the_talk_around_it_is_not_the_page() -> None:
    raw = SLACK.replace("```\nGlobal", "Global").replace("7%\n```\n", "7%\n")
    assert "```" not in raw  # the page's own fence is gone: the talk holds the only block
    raw = raw.replace("pasting the 2024 page below\n", "pasting:\n```\nNordhaven 2023\n```\n")
    texts = [t for _, t in blocks(raw)]
    assert "Nordhaven, Norway" in texts
    assert not any("Marc Bélanger" in t for t in texts)  # the writer lines still go
    assert any("last year (2023)" in t for t in texts)  # the talk is kept


def test_a_slack_thread_without_a_code_block_reads_each_message() -> None:
    raw = (
        "Priya Raman  10:42 AM\nNordhaven, Norway\n\nMarc Bélanger  10:44 AM\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n"
        "Priya Raman  10:47 AM\nthanks!\n"
    )
    r = extract(raw)
    assert (r.cluster, r.national_rank) == ("Nordhaven", 3)
    assert ev(r, "national_rank") == "3rd"
    assert not any("Raman" in t for _, t in blocks(raw))


def test_a_quoted_title_after_a_sentence_end_is_not_the_title() -> None:
    raw = (
        'Title is "Global Innovation Index 2024". The mail said "Oslo, Norway" too.\n\n'
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n"
    )
    r = extract(raw)
    assert r.cluster == "Nordhaven"
    assert not r.economy


def test_a_title_quoted_by_a_heading_reads_sentence_names_cluster_and_economy() -> None:
    raw = (
        "The page heading reads “Nordhaven, Norway” under the 2024 logo.\n\n"
        "It is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven"
    assert ev(r, "economy") == "Norway"


def test_a_count_written_as_an_approximation_is_not_the_figure() -> None:
    raw = (
        "Nordhaven, Norway\n\nLast year they had ~70 PCT applications and about 9,000 "
        "scientific articles.\n\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian "
        "clusters. It filed 88 PCT applications and published 12,345 scientific articles.\n"
    )
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (88, 12345)
    assert ev(r, "pct_applications") == "88"
    assert ev(r, "scientific_articles") == "12,345"


def test_a_count_given_only_as_an_approximation_is_missing_not_guessed() -> None:
    raw = (
        "Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters."
        " It filed roughly 90 PCT applications and published 12,345 scientific articles.\n"
    )
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (None, 12345)
    assert any(w.startswith("pct_applications: no data found") for w in r.warnings)
