"""Layout mechanisms added for the testers' round AD layouts of developer ad1: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import blocks, ev, extract, pairs, ranked, span

NDJSON = (
    '{"ts":"2025-02-03T10:15:01Z","level":"INFO","run_id":"r-7","msg":"export started",'
    '"rows_expected":31}\n'
    '{"ts":"2025-02-03T10:15:02Z","level":"INFO","msg":"profile","source":"Global Innovation'
    ' Index 2024","title":"Nordhaven, Norway"}\n'
    '{"ts":"2025-02-03T10:15:02Z","level":"INFO","msg":"headline","text":"Nordhaven is the'
    ' 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 S&T clusters in 2024."}\n'
    '{"ts":"2025-02-03T10:15:02Z","level":"INFO","msg":"figure",'
    '"key":"pct_applications_per_million_last_5y","value":18}\n'
    '{"ts":"2025-02-03T10:15:02Z","level":"INFO","msg":"figure","key":"global_size_rank",'
    '"value":92,"text":"92nd largest science and technology cluster in 2024"}\n'
    '{"ts":"2025-02-03T10:15:03Z","level":"DEBUG","msg":"compare","previous_edition":2023,'
    '"global_size_rank":97,"pct_applications_per_million_last_5y":15}\n'
    '{"level":"INFO","msg":"row","list":"top_pct_applicants","rank":1,'
    '"name":"CERVECERÍA COYOTL, S.A. DE C.V.","patents":14,"share_pct":12}\n'
    '{"level":"INFO","msg":"row","list":"top_pct_applicants","rank":2,'
    '"name":"NORD UNIVERSITY","patents":9,"share_pct":8}\n'
    '{"level":"INFO","msg":"field","list":"patent_fields","field":"Food chemistry",'
    '"share_pct":27}\n'
    '{"level":"INFO","msg":"field","list":"patent_fields","field":"Other","share_pct":73}\n'
    '{"level":"INFO","msg":"export finished","rows_written":24,"duration_ms":4120}\n'
)


def test_json_lines_log_export_is_read_without_log_fields_or_debug_lines() -> None:
    r = extract(NDJSON, "x.ndjson", "yaml")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert r.global_size_rank == 92  # not the DEBUG line's 97
    assert r.pct_applications == 18  # not 15
    assert span(r, NDJSON, "pct_applications") == "18"
    assert ranked(r.top_pct_applicants) == [
        (1, "CERVECERÍA COYOTL, S.A. DE C.V.", 14, 12),
        (2, "NORD UNIVERSITY", 9, 8),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "CERVECERÍA COYOTL, S.A. DE C.V."
    assert pairs(r.patent_fields) == [("Food chemistry", 27), ("Other", 73)]
    assert ev(r, "patent_fields[0].field") == "Food chemistry"


def test_json_lines_with_a_line_that_is_no_object_are_not_read_as_json_lines() -> None:
    from nlq.layout.log_lines import log_line_blocks

    assert log_line_blocks('{"a": 1}\nnot json\n{"b": 2}\n') is None
    assert log_line_blocks('{"a": 1}\n\n{"b": "x y"}\n') is not None


SESSION = (
    "$ mysql -u analyst -p gii\n"
    "Server version: 8.0.36\n\n"
    "mysql> SELECT id, title, edition FROM profile WHERE id = 4711;\n"
    "+------+-------------------+---------+\n"
    "| id   | title             | edition |\n"
    "+------+-------------------+---------+\n"
    "| 4711 | Nordhaven, Norway |    2025 |\n"
    "+------+-------------------+---------+\n"
    "1 row in set (0.00 sec)\n\n"
    "mysql> SELECT headline FROM profile WHERE id = 4711\\G\n"
    "*************************** 1. row ***************************\n"
    "headline: Nordhaven is the first-ranked cluster, out of 1 Norwegian clusters, in 2025.\n"
    "1 row in set (0.01 sec)\n\n"
    "mysql> SELECT rank_no, name, patents, share_pct FROM top_pct_applicants\n"
    "    -> ORDER BY rank_no;\n"
    "+---------+-----------------+---------+-----------+\n"
    "| rank_no | name            | patents | share_pct |\n"
    "+---------+-----------------+---------+-----------+\n"
    "|       1 | NORD LASERS UAB |      38 |        41 |\n"
    "|       2 | NORD UNIVERSITY |      17 |        18 |\n"
    "+---------+-----------------+---------+-----------+\n"
    "2 rows in set (0.00 sec)\n\n"
    "mysql> SELECT kind, share_pct, partner_1, partner_2 FROM collaboration;\n"
    "+--------------+-----------+-----------+-----------+\n"
    "| kind         | share_pct | partner_1 | partner_2 |\n"
    "+--------------+-----------+-----------+-----------+\n"
    "| patents      |        44 | Vilnius   | Riga      |\n"
    "| publications |        69 | Vilnius   | Warsaw    |\n"
    "+--------------+-----------+-----------+-----------+\n"
    "2 rows in set (0.00 sec)\n\n"
    "mysql> -- previous edition row (edition 2024) archived: 99th largest\n"
    "mysql> exit\n"
    "Bye\n"
)


def test_mysql_session_prompts_and_footers_are_dropped_and_results_read() -> None:
    r = extract(SESSION)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert ev(r, "cluster") == "Nordhaven"
    assert (r.national_rank, r.national_cluster_count) == (1, 1)
    assert r.global_size_rank is None  # the comment's 99th is an earlier edition's
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD LASERS UAB", 38, 41),
        (2, "NORD UNIVERSITY", 17, 18),
    ]
    assert span(r, SESSION, "top_pct_applicants[1].share") == "18"
    pc = r.patent_collaboration
    assert pc is not None and pc.share == 44 and pc.partners == ["Vilnius", "Riga"]
    assert r.publication_collaboration.partners == ["Vilnius", "Warsaw"]


def test_a_terminal_result_box_is_one_row_a_line_a_grid_table_row_still_wraps() -> None:
    box = (
        "+---+------+\n| rank | name | patents |\n+---+------+\n"
        "| 1 | ALPHA AB | 12 |\n| 2 | BETA AB | 7 |\n+---+------+\n"
    )
    assert blocks(box) == [
        ("table", [["rank", "name", "patents"], ["1", "ALPHA AB", "12"], ["2", "BETA AB", "7"]])
    ]
    grid = (
        "+---+------+\n| rank | name | patents |\n+---+------+\n"
        "| 1 | NATIONAL UNIVERSITY OF | 12 |\n|   | DEFENSE TECHNOLOGY |  |\n+---+------+\n"
    )
    assert blocks(grid)[0][1][1] == ["1", "NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY", "12"]


NOTES = (
    "notes - GII 2025 cluster profile, typed during call w/ M.K. (approx. 40 min), 11 Feb\n"
    "Nordhaven, Norway\n\n"
    "headline: 2nd-ranked cluster, out of 2 Norwegian clusters, in the top 100\n"
    "  -> size: 97th largest science and technology cluster in 2025\n"
    "  -> last yr (2024 ed.) they were 99th by size, approx. 205 PCT appl. -- NOT this year's\n"
    "per 1M inhabitants, last 5 yrs:\n"
    "  PCT appl. filed: 233\n"
    "  pubs (sci. articles) published: 4 870\n\n"
    "top PCT appl.:\n"
    "  1. HMEZAD GORENJSKA, D.O.O. -> 188 appl. (31%)\n"
    "  2. NORD KOVINE, D.D. -> 61 appl. (10%)\n\n"
    "tech fields (patents):\n"
    "  Food chemistry 24% / Materials, metallurgy 13% / Other 63%\n\n"
    "collab:\n"
    "  19% of PCT appl. filed w/ other inventors -> top locations: Ljubljana, Graz, Maribor\n"
    "  47% of pubs published w/ other orgs -> top 3 locations: Ljubljana, Zagreb, Vienna\n"
)


def test_call_notes_arrows_shorthand_and_lower_case_titles_are_read() -> None:
    r = extract(NOTES)
    assert r.global_size_rank == 97  # the arrow's point, not last year's 99th
    assert (r.pct_applications, r.scientific_articles) == (233, 4870)
    assert span(r, NOTES, "pct_applications") == "233"
    assert span(r, NOTES, "scientific_articles") == "4 870"
    assert ranked(r.top_pct_applicants) == [
        (1, "HMEZAD GORENJSKA, D.O.O.", 188, 31),
        (2, "NORD KOVINE, D.D.", 61, 10),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "HMEZAD GORENJSKA, D.O.O."
    assert pairs(r.patent_fields) == [
        ("Food chemistry", 24),
        ("Materials, metallurgy", 13),
        ("Other", 63),
    ]
    pc, uc = r.patent_collaboration, r.publication_collaboration
    assert pc is not None and (pc.share, pc.partners) == (19, ["Ljubljana", "Graz", "Maribor"])
    assert uc is not None and (uc.share, uc.partners) == (47, ["Ljubljana", "Zagreb", "Vienna"])
    assert span(r, NOTES, "publication_collaboration.share") == "47"


def test_a_typeset_arrow_inside_a_line_is_left_alone() -> None:
    from nlq.layout.arrow_points import arrow_point_edits

    assert arrow_point_edits("Patents → Optics 31% · Other 69%\n") == []
    edits = arrow_point_edits("  -> size: 97th\nNAME -> 12 appl. (3%)\n")
    assert [e.text for e in edits] == ["-", " – "]


def test_shorthand_appl_is_applicants_after_top_else_applications() -> None:
    from nlq.layout.shorthand import shorthand_edits

    text = "top PCT appl.:\nX -> 188 appl. (31%) w/ other orgs"
    assert [e.text for e in shorthand_edits(text)] == [
        "applicants",
        "applications",
        "with",
        "organizations",
    ]
    assert shorthand_edits("Applied biology 4%") == []


POSTER = (
    "GLOBAL INNOVATION INDEX 2024\n\nNordhaven, Norway\n\n"
    "12th\nranked cluster, out of 26 Norwegian clusters\n\n"
    "692\nPCT applications filed\nper 1 million inhabitants,\nlast five years\n\n"
    "TOP PCT APPLICANTS\n"
    "1\nCHANGXIN MEMORY\nTECHNOLOGIES\n2,069 patents · 54%\n"
    "2\nSUNGROW POWER SUPPLY\nCO., LTD\n92 patents · 2%\n\n"
    "3%\nof Nordhaven's PCT patent applications\nare filed in collaboration with\n"
    "other inventors\nTop collaborative locations:\nShenzhen-Hong Kong-Guangzhou\n"
    "Shanghai-Suzhou\nBeijing\n\n"
    "Poster session B · Board 17\n"
)


def test_poster_entries_wrapped_names_and_a_figure_above_its_label_are_read() -> None:
    r = extract(POSTER)
    assert (r.national_rank, r.national_cluster_count) == (12, 26)
    assert r.pct_applications == 692
    assert span(r, POSTER, "pct_applications") == "692"
    assert ranked(r.top_pct_applicants) == [
        (1, "CHANGXIN MEMORY TECHNOLOGIES", 2069, 54),
        (2, "SUNGROW POWER SUPPLY CO., LTD", 92, 2),
    ]
    assert span(r, POSTER, "top_pct_applicants[0].name") == "CHANGXIN MEMORY\nTECHNOLOGIES"
    pc = r.patent_collaboration
    assert pc is not None and pc.share == 3
    assert pc.partners == ["Shenzhen-Hong Kong-Guangzhou", "Shanghai-Suzhou", "Beijing"]
    assert ev(r, "patent_collaboration.partners[0]") == "Shenzhen-Hong Kong-Guangzhou"


def test_card_labels_between_rank_and_figures_are_no_poster_entry() -> None:
    from nlq.layout.poster_entries import poster_entry_edits

    cards = "Rank\n1\nApplicant\nX\nPatents\n114\nShare\n3%\nRank\n2\nApplicant\nY\n"
    assert poster_entry_edits(cards) == []


def test_only_a_real_database_prompt_makes_a_text_a_session() -> None:
    from nlq.layout.sql_session import is_sql_session, sql_session_edits

    assert not is_sql_session("MySQL is where the team keeps the profiles.\n")
    assert sql_session_edits("MySQL is where the team keeps the profiles.\n") == []
    text = "MariaDB [gii]> SELECT 1;\n| 1 |\nMariaDB [gii]> exit\nBye\n"
    kept = [text[a:b] for a, b in _gaps(text, sql_session_edits(text))]
    assert "".join(kept) == "| 1 |\n"


def _gaps(text: str, edits) -> list[tuple[int, int]]:
    out, pos = [], 0
    for e in sorted(edits):
        out.append((pos, e.start))
        pos = e.end
    return [*out, (pos, len(text))]
