"""Layout mechanisms added for the testers' round X/Y layouts (a web page printed to PDF, an
academic appendix, top lists split into a count table and a share table, a Word document with
numbered chapters): each test is a small inline input for one mechanism, checking the values,
their exact evidence, and that no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, extract, pairs, ranked, span

_HEAD = "12/1/26, 10:41 AM                    Nordhaven, Norway - Global Innovation Index 2024\n"


def test_a_browser_print_header_opening_with_its_date_is_dropped_on_later_pages() -> None:
    raw = (
        _HEAD + "\n" + OPENING + "Top publishing organizations\n\n"
        "                                          Articles     Share\n"
        "1   UNIVERSITY OF NORDHAVEN                27,449       45%\n\n"
        "https://example.org/gii/2024/clusters/nordhaven-no-32          1/2\n"
        "\f" + _HEAD + "\n"
        "2   NORD HOSPITAL                           9,957       16%\n\n"
        "Top technology fields in Nordhaven\n\nPatents\n\n\n"
        "https://example.org/gii/2024/clusters/nordhaven-no-32          2/2\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 27449, 45),
        (2, "NORD HOSPITAL", 9957, 16),
    ]
    assert r.patent_fields == [] and r.publication_fields == []
    assert span(r, raw, "top_publishers[1].name") == "NORD HOSPITAL"
    assert all("10:41" not in b[1] for b in blocks(raw)[1:] if b[0] != "table")


def test_a_ranked_row_opening_every_page_is_still_kept() -> None:
    raw = "1 NORD SUBSEA 146\n\n\f1 NORD SUBSEA 146\n"
    assert [b for b in blocks(raw) if b[0] != "table" or b[1]]  # never deleted as a header
    assert sum("NORD SUBSEA" in str(b) for b in blocks(raw)) == 2


def test_an_appendix_table_caption_names_its_section_and_a_page_label_is_no_row() -> None:
    raw = OPENING + (
        "Table A4. Top publishing organizations, Nordhaven (2019–2023)ᵇ\n\n"
        "Rank   Organization                      Articles  Share\n"
        "1      UNIVERSITY OF NORDHAVEN           18,904    52%\n"
        "2      NORD HOSPITAL                     4,372     12%\n\n"
        "Source: WIPO (2024). ᵇ Share of the cluster's scientific articles.\n\n"
        "Table A5. Top technology fields in Nordhaven, patents and publications\n\n"
        "Patents                          Share (%)\n"
        "Pharmaceuticals                  23\n"
        "Other                            77\n\n"
        "Publications                     Share (%)\n"
        "Medicine                         24\n"
        "Biochem. & biotech.              76\n\n"
        "Source: WIPO (2024); see also Table 2 in the main text for the 2019 values.\n\n"
        "A-7\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 18904, 52),
        (2, "NORD HOSPITAL", 4372, 12),
    ]
    assert pairs(r.patent_fields) == [("Pharmaceuticals", 23), ("Other", 77)]
    assert pairs(r.publication_fields) == [("Medicine", 24), ("Biochem. & biotech.", 76)]
    assert span(r, raw, "patent_fields[0].share") == "23"
    assert span(r, raw, "publication_fields[1].field") == "Biochem. & biotech."


def test_a_top_list_split_into_a_count_table_and_a_share_table_is_joined_by_rank() -> None:
    raw = OPENING + (
        "Top PCT applicants — number of patents\n\n"
        "Rank  Applicant                 Patents\n"
        "1     NORD SUBSEA               146\n"
        "2     ILSBY YARD CO.            74\n\n"
        "Top PCT applicants — share of the cluster's applications\n\n"
        "Rank  Applicant                 Share\n"
        "1     NORD SUBSEA               12%\n"
        "2     ILSBY YARD CO.            6%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 146, 12),
        (2, "ILSBY YARD CO.", 74, 6),
    ]
    assert span(r, raw, "top_pct_applicants[1].count") == "74"
    assert span(r, raw, "top_pct_applicants[1].share") == "6"
    assert raw.index("6%") == r.evidence["top_pct_applicants[1].share"].start
    assert not any("second copy" in w for w in r.warnings)


def test_a_second_table_naming_other_organizations_is_no_half_of_the_first() -> None:
    raw = OPENING + (
        "Top PCT applicants — number of patents\n\n"
        "Rank  Applicant                 Patents\n"
        "1     NORD SUBSEA               146\n"
        "2     ILSBY YARD CO.            74\n\n"
        "Top PCT applicants — share of the cluster's applications\n\n"
        "Rank  Applicant                 Share\n"
        "1     NORD ELEKTRO              12%\n"
        "2     ILSBY YARD CO.            6%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 146, None),
        (2, "ILSBY YARD CO.", 74, None),
    ]
    assert any("second copy" in w for w in r.warnings)


def test_a_chapter_number_before_a_heading_opens_its_section() -> None:
    raw = OPENING + (
        "2 Leading organizations\n\n2.2 Top publishers\n\n"
        "Rank\tOrganization\tArticles\tShare\n"
        "1\tUNIVERSITY OF NORDHAVEN\t10,938\t25%\n\n"
        "3 Technology fields\n\n3.1 Patents\n\n"
        "Field\tShare\nSemiconductors\t35%\nOther\t65%\n\n"
        "3.2 Publications\n\nField\tShare\nChemistry\t21%\nOther\t79%\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [(1, "UNIVERSITY OF NORDHAVEN", 10938, 25)]
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Other", 65)]
    assert pairs(r.publication_fields) == [("Chemistry", 21), ("Other", 79)]
    assert span(r, raw, "patent_fields[0].share") == "35"


_FOOT = "https://example.org/gii/2024/clusters/nordhaven-no-32                {}/3\n"


def test_a_printed_page_pasted_without_form_feeds_loses_its_headers_and_counted_footers() -> None:
    raw = (
        _HEAD + "\n" + OPENING + "Top publishing organizations\n\n"
        "                                          Articles     Share\n"
        "1   UNIVERSITY OF NORDHAVEN                27,449       45%\n\n"
        + _FOOT.format(1)
        + _HEAD
        + "\n2   NORD HOSPITAL                           9,957       16%\n\n"
        "Top technology fields in Nordhaven\n\nPatents\n\nPublications\n\n"
        + _FOOT.format(2)
        + _HEAD
        + "\n6% of Nordhaven's PCT patent applications are filed in collaboration with other "
        "inventors, with Oslo and Bergen emerging as the top collaborative locations.\n\n"
        + _FOOT.format(3)
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 27449, 45),
        (2, "NORD HOSPITAL", 9957, 16),
    ]
    assert r.patent_fields == [] and r.publication_fields == []
    assert r.patent_collaboration.share == 6
    assert span(r, raw, "top_publishers[1].count") == "9,957"
    assert not any("example.org" in str(b) for b in blocks(raw))


def test_a_line_ending_in_a_fraction_that_does_not_count_pages_is_kept() -> None:
    raw = "Ratio of filings          1/2\n\nRatio of filings          1/2\n"
    assert sum("Ratio" in str(b) for b in blocks(raw)) >= 1
    assert "1/2" in str(blocks(raw))
