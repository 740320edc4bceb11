"""Layout mechanisms added for the testers' round AH/AI layouts of developer ai2: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, blocks, ev, extract, pairs, ranked, span

_R_SESSION = (
    'R version 4.3.2 (2023-10-31) -- "Eye Holes"\n'
    "Copyright (C) 2023 The R Foundation for Statistical Computing\n\n"
    "> library(tidyverse)\n"
    "── Attaching core tidyverse packages ──────── tidyverse 2.0.0 ──\n"
    "✔ dplyr     1.1.4     ✔ readr     2.1.5\n"
    '> prof <- read_rds("profiles_2024.rds") |> filter(id == "NO-03")\n'
    '> cat(prof$header, sep = "\\n")\n' + OPENING + "> prof$applicants[[1]]\n"
    "# A tibble: 2 × 4\n"
    "   rank name                       patents share_pct\n"
    "  <int> <chr>                        <int>     <dbl>\n"
    "1     1 NORD DISPLAY CO., LTD.        3410        41\n"
    "2     2 HAVEN ELECTRONICS CORP.       1247        15\n"
    "> prof$patent_fields[[1]]\n"
    "# A tibble: 3 × 2\n"
    "  field                share_pct\n"
    "  <chr>                    <dbl>\n"
    "1 Semiconductors              29\n"
    "2 Computer tech.              17\n"
    "3 Other                       54\n"
    '> nrow(read_rds("profiles_2024.rds"))\n'
    "[1] 100\n"
)


def test_an_r_session_reads_its_tibbles_without_row_index_or_type_row() -> None:
    r = extract(_R_SESSION)
    assert r.cluster == "Nordhaven"
    assert r.pct_applications == 1204
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD DISPLAY CO., LTD.", 3410, 41),
        (2, "HAVEN ELECTRONICS CORP.", 1247, 15),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "NORD DISPLAY CO., LTD."
    assert span(r, _R_SESSION, "top_pct_applicants[1].share") == "15"
    assert span(r, _R_SESSION, "top_pct_applicants[1].rank") == "2"
    assert r.evidence["top_pct_applicants[1].rank"].start == _R_SESSION.index("2     2 HAVEN") + 6


def test_an_r_object_print_names_the_list_its_tibble_holds() -> None:
    r = extract(_R_SESSION)
    assert pairs(r.patent_fields) == [("Semiconductors", 29), ("Computer tech.", 17), ("Other", 54)]
    assert ev(r, "patent_fields[1].field") == "Computer tech."
    assert ev(r, "patent_fields[2].share") == "54"
    assert r.publication_fields == []


def test_an_r_session_drops_banner_prompts_messages_and_printed_vectors() -> None:
    texts = [b[1] for b in blocks(_R_SESSION) if b[0] != "table"]
    joined = "\n".join(texts)
    for decoy in ("R version", "Copyright", "tidyverse", "dplyr", "read_rds", "[1] 100", "tibble"):
        assert decoy not in joined
    assert "applicants" in texts and "patent fields" in texts


def test_an_r_data_frame_printed_flush_right_is_cut_at_its_titles_ends() -> None:
    raw = (
        'R version 4.3.2 (2023-10-31) -- "Eye Holes"\n\n'
        '> prof <- readRDS("p.rds")\n'
        '> cat(prof$header, sep = "\\n")\n' + OPENING + "> as.data.frame(prof$applicants[[1]])\n"
        "  rank                       name patents share\n"
        "1    1    MIRAE DISPLAY CO., LTD.    3410    41\n"
        "2    2 GYEONGAN ELECTRONICS CORP.    1247    15\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "MIRAE DISPLAY CO., LTD.", 3410, 41),
        (2, "GYEONGAN ELECTRONICS CORP.", 1247, 15),
    ]
    assert ev(r, "top_pct_applicants[1].name") == "GYEONGAN ELECTRONICS CORP."
    assert r.evidence["top_pct_applicants[1].rank"].start == raw.index("2    2 GYEONGAN") + 5
    assert "header" not in [b[1] for b in blocks(raw)]  # what cat() writes has no name


def test_quoted_mail_lines_are_no_r_session() -> None:
    from nlq.layout.r_console import r_console_edits

    assert r_console_edits("> Hefei is ranked 11th.\n> It filed 233 PCT applications.\n") == []
    assert r_console_edits("> x <- f(1)\n> y$z\n[1] 2\n") == []  # no banner, no tibble


_PANELS = (
    OPENING + "Table A1. Top PCT applicants and publishing organizations\n"
    "------------------------------------------------------------\n"
    "Rank  Organization                         Count    Share (%)\n"
    "------------------------------------------------------------\n"
    "Panel A: PCT applicants (patents)\n"
    "1     NORDHAVEN INSTITUTE, SEDE SUR          14       12\n"
    "2     UNIVERSITY OF NORDHAVEN                11        9\n"
    "Panel B: Publishing organizations (articles)\n"
    "1     UNIVERSITY OF NORDHAVEN             9,812       52\n"
    "2     NORDHAVEN HOSPITAL                  3,961       21\n"
    "------------------------------------------------------------\n"
)


def test_one_title_line_over_two_panels_titles_each_panel() -> None:
    r = extract(_PANELS)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN INSTITUTE, SEDE SUR", 14, 12),
        (2, "UNIVERSITY OF NORDHAVEN", 11, 9),
    ]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 9812, 52),
        (2, "NORDHAVEN HOSPITAL", 3961, 21),
    ]
    assert span(r, _PANELS, "top_pct_applicants[0].share") == "12"
    assert span(r, _PANELS, "top_publishers[1].count") == "3,961"


def test_a_title_line_over_a_table_of_another_width_is_left_alone() -> None:
    raw = (
        OPENING + "Rank  Organization    Count    Share (%)\n"
        "Panel A: PCT applicants\n"
        "1     NORDHAVEN INSTITUTE      14\n"
        "2     UNIVERSITY OF NORDHAVEN  11\n"
    )
    r = extract(raw)
    assert [e.share for e in r.top_pct_applicants] == [None, None]


_SIDE_BY_SIDE = (
    OPENING + "Table A2. Top technology fields (share of the cluster's output, %)\n"
    "-----------------------------------------------------\n"
    "Patents                     %    Publications      %\n"
    "-----------------------------------------------------\n"
    "Biotechnology              26    Biology          25\n"
    "Food chemistry             19    Chemistry        46\n"
    "Pharmaceuticals            14    Other            29\n"
    "Other                      38\n"
    "-----------------------------------------------------\n"
)


def test_side_by_side_breakdowns_under_percent_titles_read_bare_shares() -> None:
    r = extract(_SIDE_BY_SIDE)
    assert pairs(r.patent_fields) == [
        ("Biotechnology", 26),
        ("Food chemistry", 19),
        ("Pharmaceuticals", 14),
        ("Other", 38),
    ]  # 97: titled as shares, read as printed
    assert pairs(r.publication_fields) == [("Biology", 25), ("Chemistry", 46), ("Other", 29)]
    assert span(r, _SIDE_BY_SIDE, "patent_fields[3].share") == "38"
    assert ev(r, "publication_fields[2].field") == "Other"


_OWN_WORDS = (
    OPENING + "Where the patents go: Pharmaceuticals 22%, Biotechnology 15%, Medical technology "
    "11%, Other 52%.\n\n"
    "Where the papers go: Clinical medicine 27%, Chemistry 35%, Other 38%.\n"
)


def test_an_inline_breakdown_after_a_label_in_the_pages_own_words() -> None:
    r = extract(_OWN_WORDS)
    assert pairs(r.patent_fields) == [
        ("Pharmaceuticals", 22),
        ("Biotechnology", 15),
        ("Medical technology", 11),
        ("Other", 52),
    ]
    assert pairs(r.publication_fields) == [
        ("Clinical medicine", 27),
        ("Chemistry", 35),
        ("Other", 38),
    ]
    assert ev(r, "patent_fields[2].field") == "Medical technology"
    assert span(r, _OWN_WORDS, "publication_fields[1].share") == "35"


def test_an_own_words_label_over_a_partial_list_or_organizations_reads_nothing() -> None:
    partial = OPENING + "Where the patents go: Pharmaceuticals 22%, Biotechnology 15%, Other 40%.\n"
    assert extract(partial).patent_fields == []
    capitals = (
        "Nordhaven, Norway\n\n" + BODY + "Who files the patents: NORD AS 50%, HAVEN ASA 30%, "
        "FJORD AB 20%.\n"
    )
    assert extract(capitals).patent_fields == []
