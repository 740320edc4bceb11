"""Layouts of tester round M: a spreadsheet with a totals row, pages fed in scanner order,
a textbook, a German page and a WordPress post. Each test is a small inline input for one
mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import ev, extract

# --- a totals row under a top list is no entry -----------------------------------------------

TOTALS = (
    "Nordhaven, Norway\n\n"
    "Top publishing organizations\n"
    "Rank  Organization                 Articles   Share\n"
    "1     UNIVERSITY OF NORDHAVEN         1 512     25%\n"
    "2     NORDHAVEN HOSPITAL                846     14%\n"
    "      Top 2 total                     2 358     39%\n"
)


def test_a_top_n_total_row_is_not_an_entry() -> None:
    r = extract(TOTALS)
    assert [(p.rank, p.name, p.count, p.share) for p in r.top_publishers] == [
        (1, "UNIVERSITY OF NORDHAVEN", 1512, 25),
        (2, "NORDHAVEN HOSPITAL", 846, 14),
    ]
    assert ev(r, "top_publishers[1].count") == "846"


# --- the running footer of the last page (no form feed after it) is furniture ----------------

PAGES = (
    "Global Innovation Index 2024\n\nNordhaven, Norway\n\n"
    "Top publishing organizations\n\n"
    "\t\tArticles\tShare\n"
    "1\tUNIVERSITY OF NORDHAVEN\t1,512\t25%\n"
    "2\tNORDHAVEN HOSPITAL\t846\t14%\n\n"
    "WIPO · Global Innovation Index 2025 series\t\t1 / 2\n"
    "\f\n"
    "Collaboration\n\n"
    "61% of Nordhaven's scientific articles are published in collaboration with other "
    "organizations, with the top three collaborating locations being Oslo, Bergen and Lima.\n\n"
    "WIPO · Global Innovation Index 2025 series\t\t2 / 2\n"
)


def test_the_last_pages_footer_is_no_publisher_and_no_edition() -> None:
    r = extract(PAGES)
    assert [p.name for p in r.top_publishers] == ["UNIVERSITY OF NORDHAVEN", "NORDHAVEN HOSPITAL"]
    assert r.edition == 2024 and ev(r, "edition") == "2024"


# --- German: dots between groups of three digits, "publizierende", the edition heading --------

GERMAN = (
    "# Globaler Innovationsindex 2025\n\n"
    "## Nordhaven, Norwegen\n\n"
    "Nordhaven ist der zweitplatzierte Cluster von 3 norwegischen Clustern, die 2025 zu den Top "
    "100 der W&T-Cluster zählen. Er meldete **412 PCT-Anmeldungen** an und veröffentlichte "
    "**4.876 wissenschaftliche Artikel**, jeweils pro 1 Million Einwohner in den letzten fünf "
    "Jahren. Stand 12.03.2026.\n\n"
    "## Wichtigste publizierende Organisationen\n\n"
    "| Rang | Organisation | Artikel | Anteil |\n|---|---|---|---|\n"
    "| 1 | UNIVERSITÄT NORDHAVEN | 4.832 | 32 % |\n"
    "| 2 | KLINIKUM NORDHAVEN | 1.057 | 8,5 % |\n"
)


def test_german_dot_thousands_are_integers_with_the_dotted_evidence() -> None:
    r = extract(GERMAN, "x.md", "markdown")
    assert r.scientific_articles == 4876 and ev(r, "scientific_articles") == "4.876"
    assert [(p.rank, p.name, p.count, p.share) for p in r.top_publishers] == [
        (1, "UNIVERSITÄT NORDHAVEN", 4832, 32),
        (2, "KLINIKUM NORDHAVEN", 1057, 8.5),
    ]
    assert ev(r, "top_publishers[1].count") == "1.057"


def test_the_edition_is_read_from_a_german_index_heading() -> None:
    r = extract(GERMAN, "x.md", "markdown")
    assert r.edition == 2025 and ev(r, "edition") == "2025"


def test_dots_stay_decimals_outside_german_text() -> None:
    from nlq.layout.dot_thousands import dot_thousands_edits

    assert dot_thousands_edits("It published 4.876 articles and 1,234 patents.") == []


# --- a WordPress export: shortcodes read as the HTML they stand for ---------------------------

WORDPRESS = (
    '[gii_related edition="2023" rank="4"]\n'
    '[vc_row][vc_column width="1/1"][vc_column_text]\n'
    "<h1>Global Innovation Index 2025</h1>\n<h2>Nordhaven, Norway</h2>\n"
    "[/vc_column_text][/vc_column][/vc_row]\n"
    '[gii_heading level="3"]Top publishing organizations[/gii_heading]\n'
    "[table id=215 /]\n"
    '[table_row header="1"][cell][/cell][cell][/cell][cell]Articles[/cell][cell]Share[/cell]'
    "[/table_row]\n"
    "[table_row][cell]1[/cell][cell]UNIVERSIT&#258;TEA NORD[/cell][cell]2&nbsp;640[/cell]"
    "[cell]45%[/cell][/table_row]\n"
    "[table_row][cell]2[/cell][cell]NORD HOSPITAL[/cell][cell]587[/cell][cell]10%[/cell]"
    "[/table_row]\n"
    '[gii_heading level="3"]Top technology fields[/gii_heading]\n'
    '[vc_tta_tabs][vc_tta_section title="Patents" tab_id="pat"]\n'
    '[gii_bar value="60"]Optics (60%)[/gii_bar]\n'
    '[gii_bar value="40"]Other (40%)[/gii_bar]\n'
    "[/vc_tta_section][/vc_tta_tabs]\n"
    '[gii_footer year="2026"]\n'
)


def test_wordpress_shortcodes_are_read_as_tables_headings_and_paragraphs() -> None:
    r = extract(WORDPRESS)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert [(p.rank, p.name, p.count, p.share) for p in r.top_publishers] == [
        (1, "UNIVERSITĂTEA NORD", 2640, 45),
        (2, "NORD HOSPITAL", 587, 10),
    ]
    assert ev(r, "top_publishers[0].count") == "2&nbsp;640"
    assert ev(r, "top_publishers[0].name") == "UNIVERSIT&#258;TEA NORD"
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]
    assert ev(r, "patent_fields[0].share") == "60"


# --- a textbook: numbered paragraphs with a hanging indent, a top list as "(1) NAME, ..." -----

TEXTBOOK = (
    "Nordhaven, Norway\nGlobal Innovation Index 2024\n\n"
    "4.1  Position. Nordhaven is the second-ranked cluster, out of 3 Norwegian\n"
    "     clusters, that falls within the top 100 S&T clusters in 2024.\n\n"
    "4.4  Top PCT applicants. The three leading applicants are (1) NORD\n"
    "     UNIVERSITY, with 146 patents, a 12% share; (2) NORDHAVEN MARINE\n"
    "     TECH., with 74 patents, a 6% share; and\n"
    "     (3) NORD TOBACCO, with 70 patents, a 5% share.\n"
)


def test_a_hanging_numbered_paragraph_is_its_run_in_title_and_one_paragraph() -> None:
    from nlq.layout import parse

    got = [(b.kind.value, b.text.text) for b in parse("x", TEXTBOOK, "text").blocks]
    assert got[2:4] == [
        ("heading", "Position"),
        (
            "paragraph",
            "Nordhaven is the second-ranked cluster, out of 3 Norwegian clusters, that falls "
            "within the top 100 S&T clusters in 2024.",
        ),
    ]
    assert got[4] == ("heading", "Top PCT applicants")
    assert got[5][1].startswith("The three leading") and got[5][1].endswith("share.")


def test_a_top_list_ranked_by_numbers_in_brackets_in_prose() -> None:
    r = extract(TEXTBOOK)
    assert (r.national_rank, r.national_cluster_count) == (2, 3)
    assert [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants] == [
        (1, "NORD UNIVERSITY", 146, 12),
        (2, "NORDHAVEN MARINE TECH.", 74, 6),
        (3, "NORD TOBACCO", 70, 5),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "NORD\n     UNIVERSITY"
    assert ev(r, "top_pct_applicants[2].rank") == "(3)"
    assert ev(r, "top_pct_applicants[2].count") == "70"


# --- a table drawn with dashed rules, a name wrapped under its column after a dash -----------

DRAWN = (
    "Nordhaven, Norway\n\n"
    "     Table 4.2  Top publishing organizations\n"
    "     ---------------------------------------------------------------\n"
    "     No.  Organization                                Articles  Share\n"
    "     ---------------------------------------------------------------\n"
    "     1    NORD UNIVERSITY                              27,449    45%\n"
    "     2    NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY     7,290    12%\n"
    "          - NORWAY\n"
    "     ---------------------------------------------------------------\n"
)


def test_a_table_drawn_between_dashed_rules_with_a_wrapped_name() -> None:
    r = extract(DRAWN)
    assert [(p.rank, p.name, p.count, p.share) for p in r.top_publishers] == [
        (1, "NORD UNIVERSITY", 27449, 45),
        (2, "NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY - NORWAY", 7290, 12),
    ]
    assert ev(r, "top_publishers[1].count") == "7,290"
    # A wrapped name's evidence runs from its first line to its wrapped part, as the source has it.
    name = ev(r, "top_publishers[1].name")
    assert name.startswith("NATIONAL UNIVERSITY") and name.endswith("\n          - NORWAY")
