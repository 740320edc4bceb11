"""Rounds AP and AQ (first runs 0.993 and 0.992): an `<ol>` whose items are rows of boxes,
list titles a blank line above the column titles of two lists side by side, and a partner
wrapped inside the enumeration's last item."""

from __future__ import annotations

from layout_fixtures import blocks, extract, ranked, span

OL = (
    "<html><body><h1>Lunvik, Norway</h1><h2>Top PCT applicants</h2><ol>"
    '<li><span class="org">LUNVIK UNIVERSITY</span> <span>88</span> <span>41%</span></li>'
    '<li><span class="org">FJORD TECH, AS</span> <span>52</span> <span>24%</span></li>'
    "</ol></body></html>"
)


def test_an_ol_of_box_rows_ranks_its_items_by_the_numbers_it_prints() -> None:
    r = extract(OL, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [
        (1, "LUNVIK UNIVERSITY", 88, 41),
        (2, "FJORD TECH, AS", 52, 24),
    ]
    assert span(r, OL, "top_pct_applicants[1].rank") == "<li>"  # the number the list prints
    assert span(r, OL, "top_pct_applicants[1].count") == "52"


PDF = (
    "Lunvik, Norway\n\n"
    "Top PCT applicants                                  Top publishing organizations\n\n"
    "                                 Patents    Share                                   "
    "   Articles    Share\n"
    "1  LUNVIK UNIVERSITY                 88      41%     1  LUNVIK UNIVERSITY             "
    "     4,120      45%\n"
    "2  NORTHERN INSTITUTE OF             52      24%     2  FJORD HOSPITAL                "
    "     1,957      21%\n"
    "   MARINE TECHNOLOGY                                 3  NORWEGIAN INSTITUTE FOR       "
    "       990      11%\n"
    "3  FJORD TECH AS                     30      14%        WATER RESEARCH\n\n"
    "24% of Lunvik's PCT patent applications are filed in collaboration with other\n"
    "inventors, with Bergen, Oslo and Frankfurt am\n"
    "Main emerging as the top collaborative locations.\n"
)


def test_list_titles_a_blank_line_above_the_column_titles_head_their_lists() -> None:
    r = extract(PDF)
    assert ranked(r.top_publishers) == [
        (1, "LUNVIK UNIVERSITY", 4120, 45),
        (2, "FJORD HOSPITAL", 1957, 21),
        (3, "NORWEGIAN INSTITUTE FOR WATER RESEARCH", 990, 11),  # not an applicant
    ]
    assert [e.rank for e in r.top_pct_applicants] == [1, 2, 3]
    assert span(r, PDF, "top_publishers[2].count") == "990"


def test_a_partner_wrapped_inside_the_last_item_of_the_list() -> None:
    r = extract(PDF)
    assert r.patent_collaboration.partners == ["Bergen", "Oslo", "Frankfurt am Main"]
    assert span(r, PDF, "patent_collaboration.partners[2]") == "Frankfurt am\nMain"


SHORT_HEADER = (
    "Lunvik, Norway\n\n"
    "Top PCT applicants                                      Top publishing organizations\n"
    "                         Patents   Share                                     "
    "          Articles   Share\n"
    "1  LUNVIK UNIVERSITY            88     41%             1  LUNVIK UNIVERSITY          "
    "    4,120     45%\n"
    "2  NORTHERN INSTITUTE OF        52     24%             2  FJORD HOSPITAL             "
    "    1,957     21%\n"
    "   MARINE TECHNOLOGY                                   3  NORWEGIAN INSTITUTE FOR    "
    "      990     11%\n"
    "3  FJORD TECH AS                30     14%                WATER RESEARCH\n"
)


def test_column_titles_printed_shorter_than_the_rows_leave_both_lists_whole() -> None:
    # Set AR: the "Patents Share ... Articles Share" line has four cells over eight columns.
    r = extract(SHORT_HEADER)
    assert ranked(r.top_pct_applicants) == [
        (1, "LUNVIK UNIVERSITY", 88, 41),
        (2, "NORTHERN INSTITUTE OF MARINE TECHNOLOGY", 52, 24),
        (3, "FJORD TECH AS", 30, 14),
    ]
    assert ranked(r.top_publishers)[2] == (3, "NORWEGIAN INSTITUTE FOR WATER RESEARCH", 990, 11)
    assert span(r, SHORT_HEADER, "top_publishers[2].rank") == "3"


def test_a_citation_mark_after_the_last_partner_is_not_part_of_its_name() -> None:
    raw = (
        "<html><body><h1>Lunvik, Norway</h1><p>71% of Lunvik&#8217;s scientific articles are "
        "published in collaboration with other organizations, with the top three collaborating "
        "locations being <b>Bergen</b>, <b>Oslo</b> and <b>Graz</b>.<sup>[2]</sup></p>"
        "</body></html>"
    )
    r = extract(raw, "x.html", "html")
    assert r.publication_collaboration.partners == ["Bergen", "Oslo", "Graz"]
    assert span(r, raw, "publication_collaboration.partners[2]") == "Graz"


FRAME = (
    "Lunvik, Norway\n\n"
    "Lunvik is the third-ranked cluster, out of 7 Norwegian clusters, in 2025.\n\n"
    "Top technology fields in Lunvik\n\n"
    "  Patents                share  Publications          share\n"
    "0 Optics                   60%  Biology                 70%\n"
    "1 Other                    40%  Other                   30%\n"
)


def test_a_data_frames_index_one_space_from_its_first_column_is_no_part_of_the_name() -> None:
    r = extract(FRAME)
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]
    assert [(f.field, f.share) for f in r.publication_fields] == [("Biology", 70), ("Other", 30)]
    assert span(r, FRAME, "patent_fields[0].field") == "Optics"
    # Leading numbers that are no 0, 1, 2 ... index stay in their cell.
    raw = "   Field             share\n12 Optics            60%\n15 Radio             40%\n"
    assert ("table", [["Field", "share"], ["12 Optics", "60%"], ["15 Radio", "40%"]]) in blocks(raw)
