"""Layout mechanisms added for the testers' round G layouts (a long-form TSV export with the
section in its first column, markdown definition lists, a German profile): each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import extract, ranked, span

from nlq.layout import parse
from nlq.layout.document import BlockKind

LONG_TSV = (
    "Section\tLabel\tValue\n"
    "Profile\tCluster\tNordhaven, Norway\n"
    "Profile\tSummary\tNordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It "
    "filed 1204 PCT applications.\n"
    "\n"
    "Section\tRank\tApplicant\tPatents\tShare\n"
    "Top PCT applicants\t1\tNORD SUBSEA\t146\t12%\n"
    "Top PCT applicants\t2\tILSBY YARD\t74\t6%\n"
    "Top publishing organizations\t1\tUNIVERSITY OF NORDHAVEN\t9957\t45%\n"
    "Top publishing organizations\t2\tNORD HOSPITAL\t7290\t33%\n"
    "\n"
    "Section\tBreakdown\tField\tShare\n"
    "Top technology fields\tPatents\t\t\n"
    "Top technology fields\tPublications\t\t\n"
    "\n"
    "Section\tKind\tShare\tTop locations\n"
    "Collaboration\tPCT patent applications filed with other inventors\t6%\tOslo, Bergen\n"
    "Collaboration\tScientific articles published with other organizations\t54%\tOslo, Lund\n"
)


def test_a_first_column_repeating_the_section_is_its_heading_not_a_name() -> None:
    blocks = parse("x.tsv", LONG_TSV, "csv").blocks
    heads = [b.text.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert heads[:4] == [
        "Profile",
        "Top PCT applicants",
        "Top publishing organizations",
        "Top technology fields",
    ]
    r = extract(LONG_TSV, "x.tsv", "csv")
    assert (r.cluster, r.economy, r.national_rank, r.pct_applications) == (
        "Nordhaven",
        "Norway",
        3,
        1204,
    )
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 146, 12), (2, "ILSBY YARD", 74, 6)]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 9957, 45),
        (2, "NORD HOSPITAL", 7290, 33),
    ]
    assert span(r, LONG_TSV, "top_publishers[1].name") == "NORD HOSPITAL"
    assert span(r, LONG_TSV, "top_pct_applicants[0].count") == "146"
    assert r.patent_fields == [] and r.publication_fields == []


def test_a_collaboration_row_named_by_a_phrase_gives_its_kind() -> None:
    r = extract(LONG_TSV, "x.tsv", "csv")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        6,
        ["Oslo", "Bergen"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        54,
        ["Oslo", "Lund"],
    )
    assert span(r, LONG_TSV, "publication_collaboration.share") == "54"
    assert span(r, LONG_TSV, "publication_collaboration.partners[1]") == "Lund"


def test_a_column_of_distinct_names_stays_a_column() -> None:
    raw = "Applicant\tPatents\tShare\nNORD SUBSEA\t146\t12%\nILSBY YARD\t74\t6%\n"
    blocks = parse("x.tsv", raw, "csv").blocks
    assert [b.kind for b in blocks] == [BlockKind.TABLE]
    assert blocks[0].rows[1][0].text == "NORD SUBSEA"


DEFLIST = (
    "# Nordhaven, Norway\n\n"
    "PCT applications\n:   1 204 per 1 million inhabitants over the last five years\n\n"
    "## Top PCT applicants\n\n"
    "NORD SUBSEA, A.S.\n:   Rank 1 · 146 patents · 12%\n\n"
    "ILSBY YARD\n:   Rank 2 · 74 patents · 6%\n\n"
    "## Top technology fields\n\n### Patents\n\n"
    "Optics\n:   60.5%\n\nOther\n:   39.5%\n\n"
    "## Collaboration\n\n"
    "Patent collaboration\n"
    ":   29% of PCT patent applications filed in collaboration with other inventors\n"
    ":   Top collaborative locations: Oslo, Bergen and Lund\n"
)


def test_definition_list_terms_with_short_definitions_make_one_table() -> None:
    blocks = parse("x.md", DEFLIST, "markdown").blocks
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["NORD SUBSEA, A.S.", "Rank 1", "146 patents", "12%"],
        ["ILSBY YARD", "Rank 2", "74 patents", "6%"],
    ]
    r = extract(DEFLIST, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA, A.S.", 146, 12),
        (2, "ILSBY YARD", 74, 6),
    ]
    assert span(r, DEFLIST, "top_pct_applicants[1].rank") == "2"
    assert span(r, DEFLIST, "top_pct_applicants[0].name") == "NORD SUBSEA, A.S."
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60.5), ("Other", 39.5)]
    assert span(r, DEFLIST, "patent_fields[1].share") == "39.5"


def test_definition_list_sentences_are_lines_after_their_term() -> None:
    r = extract(DEFLIST, "x.md", "markdown")
    assert r.pct_applications == 1204
    assert span(r, DEFLIST, "pct_applications") == "1 204"
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 29
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Lund"]
    assert span(r, DEFLIST, "patent_collaboration.partners[2]") == "Lund"


def test_a_line_opened_by_a_colon_without_a_term_is_left_alone() -> None:
    raw = "# Nordhaven, Norway\n\n: not a definition\n"
    blocks = parse("x.md", raw, "markdown").blocks
    assert blocks[-1].text.text == ": not a definition"


def test_yaml_front_matter_is_not_read_as_a_heading() -> None:
    raw = '---\ntitle: "Nordhaven – GII profile"\nlang: en\n---\n\n# Nordhaven, Norway\n'
    blocks = parse("x.md", raw, "markdown").blocks
    assert [b.text.text for b in blocks] == ["Nordhaven, Norway"]
    assert blocks[0].text.raw_span(0, 9) == (raw.index("Nordhaven,"), raw.index("Nordhaven,") + 9)


def test_a_file_opening_with_a_rule_over_a_title_keeps_it() -> None:
    raw = "---\nNordhaven, Norway\n---\n\nNordhaven is the 3rd-ranked cluster.\n"
    blocks = parse("x.md", raw, "markdown").blocks
    assert blocks[0].text.text == "Nordhaven, Norway"


GERMAN = (
    "Globaler Innovationsindex 2025\n\n"
    "Nordhaven, Norwegen\n\n"
    "Nordhaven ist der drittplatzierte Cluster von 9 norwegischen Clustern. Er meldete "
    "**1,204 PCT-Anmeldungen** an und veröffentlichte **12,345 wissenschaftliche Artikel**. "
    "Damit ist er der:\n\n"
    "41. größte Wissenschafts- und Technologiecluster 2025\n\n"
    "57. WuT-Cluster nach Intensität 2025\n\n"
    "Top-Publikationsorganisationen\n\n"
    "| | | Artikel | Anteil |\n|---|---|---|---|\n"
    "| 1 | UNIVERSITY OF NORDHAVEN | 9,957 | 45 % |\n"
    "| 2 | NORD HOSPITAL | 7,290 | 33 % |\n\n"
    "61 % der wissenschaftlichen Artikel von Nordhaven werden in Zusammenarbeit mit anderen "
    "Organisationen veröffentlicht; die wichtigsten Kooperationsstandorte sind **Oslo**, "
    "**Bergen** und **Lund**.\n"
)


def test_german_sentences_give_the_ranks_and_counts() -> None:
    r = extract(GERMAN, "x.md", "markdown")
    assert (r.edition, r.cluster, r.national_rank, r.national_cluster_count) == (
        2025,
        "Nordhaven",
        3,
        9,
    )
    assert span(r, GERMAN, "national_rank") == "dritt"
    assert (r.global_size_rank, r.global_intensity_rank) == (41, 57)
    assert span(r, GERMAN, "global_size_rank") == "41"
    assert span(r, GERMAN, "global_intensity_rank") == "57"
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert span(r, GERMAN, "scientific_articles") == "12,345"


def test_german_headings_and_collaboration_sentences() -> None:
    r = extract(GERMAN, "x.md", "markdown")
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 9957, 45),
        (2, "NORD HOSPITAL", 7290, 33),
    ]
    assert r.top_pct_applicants == []
    assert r.publication_collaboration is not None and r.patent_collaboration is None
    assert r.publication_collaboration.share == 61
    assert r.publication_collaboration.partners == ["Oslo", "Bergen", "Lund"]
    assert span(r, GERMAN, "publication_collaboration.partners[2]") == "Lund"


def test_german_ordinal_and_cardinal_words() -> None:
    from nlq.extractors import german

    assert german.parse_ordinal("zwölft") == 12
    assert german.parse_ordinal("einundzwanzigst") == 21
    assert german.parse_ordinal("neunzehnt") == 19
    assert german.parse_cardinal("sechsundzwanzig") == 26
    assert german.parse_cardinal("sechzehn") == 16
    assert german.parse_ordinal("Cluster") is None


def test_a_numbered_english_list_is_no_ordinal_sentence() -> None:
    raw = (
        "Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian "
        "clusters.\n\n1. 41st largest cluster\n2. 57th S&T cluster by intensity\n"
    )
    r = extract(raw)
    assert (r.global_size_rank, r.global_intensity_rank) == (41, 57)


def test_german_labels_give_ranks_and_counts() -> None:
    raw = (
        "Nordhaven, Norwegen\n\n"
        "Nordhaven ist der 3. Cluster von 9 norwegischen Clustern.\n\n"
        "Größenrang: 41\n\nRang nach Intensität: 57\n\n"
        "PCT-Anmeldungen (pro 1 Million Einwohner): 1,204\n\n"
        "Wissenschaftliche Artikel (pro 1 Million Einwohner): 12,345\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert (r.global_size_rank, r.global_intensity_rank) == (41, 57)
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert span(r, raw, "pct_applications") == "1,204"


def test_definition_parts_between_dashes() -> None:
    raw = (
        "# Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian "
        "clusters.\n\n## Top PCT applicants\n\n"
        "NORD SUBSEA\n:   Rank 1 – 146 patents – 12%\n\nILSBY YARD\n:   Rank 2 – 74 patents – 6%\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 146, 12), (2, "ILSBY YARD", 74, 6)]
    assert span(r, raw, "top_pct_applicants[1].share") == "6"


def test_two_leading_columns_naming_a_cluster_and_its_sections() -> None:
    raw = (
        "Cluster\tSection\tRank\tApplicant\tPatents\tShare\n"
        "Nordhaven\tTop PCT applicants\t1\tNORD SUBSEA\t146\t12%\n"
        "Nordhaven\tTop PCT applicants\t2\tILSBY YARD\t74\t6%\n"
        "Nordhaven\tTop publishing organizations\t1\tUNIVERSITY OF NORDHAVEN\t9957\t45%\n"
        "Nordhaven\tTop publishing organizations\t2\tNORD HOSPITAL\t7290\t33%\n"
    )
    blocks = parse("x.tsv", raw, "csv").blocks
    assert [b.text.text for b in blocks if b.kind is BlockKind.PARAGRAPH] == [
        "Nordhaven",
        "Top PCT applicants",
        "Top publishing organizations",
    ]
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert [c.text for c in tables[1].rows[1]] == ["1", "UNIVERSITY OF NORDHAVEN", "9957", "45%"]


def test_german_rank_before_the_count_of_clusters() -> None:
    raw = "Nordhaven, Norwegen\n\nNordhaven ist der zweite von drei norwegischen Clustern.\n"
    r = extract(raw + "Er meldete 1,204 PCT-Anmeldungen an.\n")
    assert (r.national_rank, r.national_cluster_count) == (2, 3)
    assert span(r, raw, "national_rank") == "zweit"
    assert span(r, raw, "national_cluster_count") == "drei"
