"""Layout mechanisms added in round AT/AU (and the last misses of sets AR/AS): each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import extract, pairs, ranked, span


def test_a_title_that_reads_like_a_section_heading_still_gives_the_economy() -> None:
    # "campos" are fields in Portuguese, but not in a place's "dos Campos": the title names
    # the economy of "São José dos Campos", the cluster the opening sentence is about.
    raw = (
        "GII 2024 · Cluster profiles\t95\n\n"
        "São José dos Campos, Brazil\n\n"
        "São José dos Campos is the third-ranked cluster, out of 4 Brazilian clusters, that "
        "falls within the top 100 S&T clusters in 2024. It filed 23 PCT applications and "
        "published 2,114 scientific articles per 1 million inhabitants.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy, r.national_rank) == ("São José dos Campos", "Brazil", 3)
    assert span(r, raw, "economy") == "Brazil"
    assert raw.index("Brazil") == r.evidence["economy"].start


def test_no_economy_from_a_title_naming_another_cluster() -> None:
    # "Campos, Brazil" reads as a field heading too ("campos": fields); "São José dos Campos"
    # no longer does (round AX: a place's "dos Campos"), so it would be an ordinary title.
    raw = (
        "Campos, Brazil\n\n"
        "Campinas is the third-ranked cluster, out of 4 Brazilian clusters. It filed 23 PCT "
        "applications and published 2,114 scientific articles per 1 million inhabitants.\n"
    )
    r = extract(raw)
    assert r.cluster == "Campinas"
    assert r.economy == ""


def test_a_title_written_as_a_sentence_of_its_own_gives_the_economy() -> None:
    raw = (
        "MEMORANDUM\n\n"
        "1. Summary\n\n"
        "Source: Global Innovation Index 2025. Valle Quetzal–San Jerónimo, Mexico.\n\n"
        "Valle Quetzal–San Jerónimo is the third-ranked cluster, out of 3 Mexican clusters. It "
        "filed 27 PCT applications and published 3 118 scientific articles.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Valle Quetzal–San Jerónimo", "Mexico")
    assert span(r, raw, "economy") == "Mexico"
    assert r.evidence["economy"].line == 5


def test_cells_each_holding_a_whole_breakdown() -> None:
    raw = (
        "Hefei, China\n\n"
        "Hefei is the twelfth-ranked cluster. It filed 692 PCT applications.\n\n"
        "Top technology fields\n\n"
        "   Patents:       Pharmaceuticals 18%; Transport 15%; Furniture, games 12%; Other 55%\n"
        "   Publications:  Chemistry 21%; Clinical medicine 19%; Other 60%\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [
        ("Pharmaceuticals", 18),
        ("Transport", 15),
        ("Furniture, games", 12),
        ("Other", 55),
    ]
    assert pairs(r.publication_fields) == [
        ("Chemistry", 21),
        ("Clinical medicine", 19),
        ("Other", 60),
    ]
    assert span(r, raw, "patent_fields[2].field") == "Furniture, games"
    assert span(r, raw, "publication_fields[1].share") == "19"


def test_bar_split_breakdowns_after_an_arrow_label() -> None:
    raw = (
        "Tūmanako Harbour, New Zealand\n\n"
        "Tūmanako Harbour is the second-ranked cluster. It filed 83 PCT applications.\n\n"
        "🔬 Top technology fields\n"
        "Patents → Food chemistry 22% | Medical technology 16% | Other 62%\n"
        "Publications → Applied biology 20% | Clinical medicine 18% | Other 62%\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [
        ("Food chemistry", 22),
        ("Medical technology", 16),
        ("Other", 62),
    ]
    assert pairs(r.publication_fields) == [
        ("Applied biology", 20),
        ("Clinical medicine", 18),
        ("Other", 62),
    ]
    assert span(r, raw, "publication_fields[0].field") == "Applied biology"
    assert span(r, raw, "patent_fields[2].share") == "62"


def test_a_remark_after_the_last_partners_sentence_is_no_part_of_its_name() -> None:
    raw = (
        "Changsha, China\n\n"
        "Changsha is the tenth-ranked cluster. It filed 338 PCT applications.\n\n"
        "54% of Changsha's scientific articles are published in collaboration with other "
        "organizations, with the top three collaborating locations being Beijing, Wuhan and "
        "Shanghai-Suzhou. (edited) \n"
    )
    r = extract(raw)
    assert r.publication_collaboration.partners == ["Beijing", "Wuhan", "Shanghai-Suzhou"]
    assert span(r, raw, "publication_collaboration.partners[2]") == "Shanghai-Suzhou"


def test_a_sheets_notes_cell_beside_one_row_is_no_entry() -> None:
    raw = (
        "Global Innovation Index 2024,,,,Notes\n"
        '"Dąbrowa Śląska, Poland",,,,"pasted from WIPO site, checked 2025-02-11 (KW)"\n'
        '"Dąbrowa Śląska is the first-ranked cluster, out of 2 Polish clusters. It filed 58 PCT '
        'applications.",,,,\n'
        ",,,,\n"
        "Top PCT applicants,,,,\n"
        ",,Patents,Share,\n"
        '1,"POLITECHNIKA ŚLĄSKA, GLIWICE",41,19%,\n'
        "2,ZAKŁADY AZOTOWE DĄBROWA S.A.,17,8%,only 2 applicants listed on the page\n"
    )
    r = extract(raw, "x.csv", "csv")
    assert ranked(r.top_pct_applicants) == [
        (1, "POLITECHNIKA ŚLĄSKA, GLIWICE", 41, 19),
        (2, "ZAKŁADY AZOTOWE DĄBROWA S.A.", 17, 8),
    ]
    assert (r.cluster, r.economy) == ("Dąbrowa Śląska", "Poland")
    assert span(r, raw, "economy") == "Poland"
    assert span(r, raw, "top_pct_applicants[1].share") == "8"


def test_an_llm_quote_of_one_quoted_csv_cell_keeps_its_comma() -> None:
    from nlq.extractors.align import SourceView
    from nlq.layout import parse

    raw = (
        "Patents,,Publications,\n"
        '"Materials, metallurgy (13%)",Pharmaceuticals (7%),Chemistry (15%),Earth sciences (6%)\n'
    )
    view = SourceView.of(parse("x.csv", raw, "csv"))
    found = view.find_quote("Materials, metallurgy (13%)", set())
    assert found is not None
    start, end = view.raw_span(*found)
    assert raw[start:end] == "Materials, metallurgy (13%)"
    assert view.find_quote("Materials, metallurgy (14%)", set()) is None


def test_a_rank_column_titled_hash_over_an_empty_name_title_is_no_heading() -> None:
    raw = (
        "Changsha, China\n\n"
        "Changsha is the tenth-ranked cluster. It filed 309 PCT applications.\n\n"
        "TOP PCT APPLICANTS\n"
        "\t\t\t\n"
        "#\t\tPCT filings\tShare\n"
        "1\tCENTRAL SOUTH UNIVERSITY\t146\t12 %\n"
        "2\tCHINA TOBACCO\t74\t6 %\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "CENTRAL SOUTH UNIVERSITY", 146, 12),
        (2, "CHINA TOBACCO", 74, 6),
    ]
    assert span(r, raw, "top_pct_applicants[0].count") == "146"


def test_a_collaboration_tables_partners_join_the_share_a_sentence_states_again() -> None:
    raw = (
        "# Changsha, China\n\n"
        "Changsha is the 10th-ranked cluster. It filed 309 PCT applications.\n\n"
        "## Collaboration\n\n"
        "| | Share | Top collaborating locations |\n"
        "|:--|--:|:--|\n"
        "| Patents | 6% | Beijing, Shenzhen-Hong Kong-Guangzhou, Shanghai-Suzhou |\n"
        "| Publications | 54% | Beijing, Wuhan |\n\n"
        "6% of Changsha's PCT patent applications are filed in collaboration with other "
        "inventors; 54% of Changsha's scientific articles are published in collaboration with "
        "other organizations.\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.patent_collaboration.share == 6
    assert r.patent_collaboration.partners == [
        "Beijing",
        "Shenzhen-Hong Kong-Guangzhou",
        "Shanghai-Suzhou",
    ]
    assert r.publication_collaboration.partners == ["Beijing", "Wuhan"]
    assert span(r, raw, "publication_collaboration.partners[1]") == "Wuhan"


_PDF_COPY = (
    "Hefei, China\n"
    "Hefei is the twelfth-ranked cluster, out of 26 Chinese clusters. It filed 692 PCT\n"
    "applications.\n"
    "Top publishing organizations\n"
    "Articles Share\n"
    "1 UNIVERSITY OF SCIENCE & TECH. 10,938 25%\n"
    "OF CHINA\n"
    "2 HEFEI UNIVERSITY OF TECHNOLOGY 6,842 16%\n"
    "Top technology fields in Hefei\n"
    "Publications\n"
    "Chemistry (21%) Earth sciences (7%)\n"
    "Engineering (16%) Other (56%)\n"
    "61% of Hefei's scientific articles are published in collaboration with other\n"
    "organizations, with the top three collaborating locations being Beijing and Wuhan.\n"
    "Source: WIPO, GII 2024 database, March 2024 extract (PATENTSCOPE).            48\n"
)


def test_a_line_no_name_starts_with_ends_the_name_wrapped_above_it() -> None:
    r = extract(_PDF_COPY)
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF SCIENCE & TECH. OF CHINA", 10938, 25),
        (2, "HEFEI UNIVERSITY OF TECHNOLOGY", 6842, 16),
    ]
    start = _PDF_COPY.index("UNIVERSITY OF SCIENCE")
    assert r.evidence["top_publishers[0].name"].start == start
    assert span(r, _PDF_COPY, "top_publishers[0].name").endswith("OF CHINA")


def test_a_source_line_with_its_page_number_is_no_field() -> None:
    r = extract(_PDF_COPY)
    assert pairs(r.publication_fields) == [
        ("Chemistry", 21),
        ("Earth sciences", 7),
        ("Engineering", 16),
        ("Other", 56),
    ]


def test_the_top_ranked_cluster_is_the_first() -> None:
    raw = (
        "Nørrevik, Norway\n\n"
        "Nørrevik is the top-ranked cluster, out of 2 Norwegian clusters, that falls within the "
        "top 100 S&T clusters in 2024. It filed 287 PCT applications.\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (1, 2)
    assert span(r, raw, "national_rank") == "top"


def test_the_edition_a_heading_names_with_the_year_of_the_rank_sentences() -> None:
    raw = (
        "# Turkish S&T clusters\n\n"
        "Notes on Turkish S&T clusters. Data: GII 2023 release, table 3.\n\n"
        "## Global Innovation Index 2024\n\n"
        "### Yeşilköprü, Türkiye\n\n"
        "Yeşilköprü is the second-ranked cluster, out of 3 clusters in Türkiye, that falls "
        "within the top 100 S&T clusters in 2024. It filed 27 PCT applications.\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.edition == 2024
    assert r.evidence["edition"].line == 5
