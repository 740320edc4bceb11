"""Set AH layouts (round ah2): a long-form sheet keyed by identifiers with a share column, a
Wikipedia article copied as text, a Markdown blog post."""

from __future__ import annotations

from layout_fixtures import blocks, extract, pairs, ranked, span

LONG_SHEET = (
    "\ufeffProfile export,,,,\r\n"
    "record,key,rank,name,value,share\r\n"
    "meta,edition,,,2025,\r\n"
    "meta,cluster,,Lunvik,,\r\n"
    "meta,economy,,Norway,,\r\n"
    "headline,national_rank,,,3,\r\n"
    "headline,national_cluster_count,,,7,\r\n"
    "headline,global_size_rank,,,81,\r\n"
    'headline,scientific_articles_per_1m_inhabitants_5y,,,"4,120",\r\n'
    'collaboration,patents,,"Bergen, Oslo-Drammen, Stavanger",,9%\r\n'
    'collaboration,publications,,"Bergen, Trondheim",,61%\r\n'
    "export,rows,,,11,\r\n"
)


def test_identifier_metrics_read_as_words_and_named_shares_as_a_collaboration_table() -> None:
    b = blocks(LONG_SHEET, "csv")
    assert ("paragraph", "national rank: 3") in b
    assert ("heading", "patents") in b
    assert (
        "table",
        [["key", "name", "share"], ["patents", "Bergen, Oslo-Drammen, Stavanger", "9%"]],
    ) in b
    r = extract(LONG_SHEET, "lunvik.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Lunvik", "Norway", 2025)
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (3, 7, 81)
    assert r.scientific_articles == 4120
    assert span(r, LONG_SHEET, "scientific_articles") == "4,120"
    assert span(r, LONG_SHEET, "national_rank") == "3"
    assert r.patent_collaboration.share == 9
    assert r.patent_collaboration.partners == ["Bergen", "Oslo-Drammen", "Stavanger"]
    assert span(r, LONG_SHEET, "patent_collaboration.partners[1]") == "Oslo-Drammen"
    assert span(r, LONG_SHEET, "patent_collaboration.share") == "9"
    assert r.publication_collaboration.share == 61
    assert r.publication_collaboration.partners == ["Bergen", "Trondheim"]
    assert r.pct_applications is None  # "rows,,,11" is the export's, no figure of the profile


def test_a_fact_sheet_share_column_is_a_ranked_list_column_and_a_breakdown_figure() -> None:
    sheet = (
        "key,rank,name,value,share\n"
        'cluster,,"Lunvik, Norway",,\n'
        "top_pct_applicants,1,LUNVIK UNIVERSITY,88,41%\n"
        'top_pct_applicants,2,"FJORD TECH, AS",52,24%\n'
        'patent_fields,,"Electrical machinery, apparatus, energy",,60%\n'
        "patent_fields,,Other,,40%\n"
    )
    r = extract(sheet, "lunvik.csv", "csv")
    assert ranked(r.top_pct_applicants) == [
        (1, "LUNVIK UNIVERSITY", 88, 41),
        (2, "FJORD TECH, AS", 52, 24),
    ]
    assert span(r, sheet, "top_pct_applicants[1].share") == "24"
    assert pairs(r.patent_fields) == [
        ("Electrical machinery, apparatus, energy", 60),
        ("Other", 40),
    ]
    assert span(r, sheet, "patent_fields[0].share") == "60"


def test_partners_after_chiefly_with_close_a_collaboration_sentence() -> None:
    page = (
        "Lunvik, Norway\n\n"
        "Lunvik is the 3rd-ranked cluster, out of 7 Norwegian clusters, in GII 2025.\n\n"
        "Collaboration\n\n"
        "17% of the cluster's PCT patent applications are filed in collaboration with other "
        "inventors, chiefly with Bergen, Oslo and Stavanger.\n"
    )
    r = extract(page)
    assert r.patent_collaboration.share == 17
    assert r.patent_collaboration.partners == ["Bergen", "Oslo", "Stavanger"]
    assert span(r, page, "patent_collaboration.partners[2]") == "Stavanger"


def test_chiefly_with_other_organizations_names_no_partner() -> None:
    page = (
        "Lunvik, Norway\n\n"
        "Lunvik is the 3rd-ranked cluster, out of 7 Norwegian clusters, in GII 2025.\n\n"
        "17% of the cluster's PCT patent applications are filed in collaboration, chiefly "
        "with other inventors.\n"
    )
    r = extract(page)
    assert r.patent_collaboration.share == 17
    assert r.patent_collaboration.partners == []


POST = (
    "# What the GII 2025 says about Lunvik\n\n"
    "I have followed this cluster since 2019. Last year's (2024) profile had it 79th "
    "largest; this year it moved up. Here is the 2025 profile.\n\n"
    "## Lunvik, Norway\n\n"
    "Lunvik is the third-ranked cluster, out of 7 Norwegian clusters, in 2025, the:\n\n"
    "- **74th** largest science and technology cluster in 2025\n"
    "- **22nd** S&T cluster by intensity in 2025\n"
)


def test_last_years_profile_by_its_year_in_an_aside_gives_no_rank() -> None:
    r = extract(POST, "post.md", "markdown")
    assert r.edition == 2025
    assert r.global_size_rank == 74
    assert span(r, POST, "global_size_rank") == "74th"
    assert r.global_intensity_rank == 22


def test_an_earlier_profile_named_after_the_current_one_in_prose_gives_no_rank() -> None:
    page = (
        "Lunvik, Norway\n\nThe 2025 profile puts Lunvik 74th largest. Last year's (2024) "
        "profile had it 79th largest.\n"
    )
    r = extract(page)
    assert r.global_size_rank == 74
    assert span(r, page, "global_size_rank") == "74th"


def test_a_collaboration_metric_with_all_partners_and_a_bare_share_is_read_without_a_heading() -> (
    None
):
    sheet = (
        "key,rank,name,value,share\n"
        'cluster,,"Lunvik, Norway",,\n'
        "national_rank,,,3,\n"
        'patent_collaboration,,"Bergen, Oslo",,9\n'
        'patents,,"Bergen, Trondheim",,61\n'  # no word says collaboration: not read
    )
    r = extract(sheet, "lunvik.csv", "csv")
    assert r.patent_collaboration.share == 9
    assert r.patent_collaboration.partners == ["Bergen", "Oslo"]
    assert span(r, sheet, "patent_collaboration.partners[1]") == "Oslo"
    assert r.publication_collaboration is None
