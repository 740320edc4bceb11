"""Round AK (the inputs the issue names, written fresh): PDF text with two lists side by side
whose names wrap beside the other list's rows, a field name wrapped in a side-by-side
breakdown, an enumeration's last items wrapped alone, a national rank with its count in
parentheses, and partners named before "are the top collaborative locations"."""

from __future__ import annotations

from layout_fixtures import blocks, extract, pairs, ranked, span

PDF = (
    "Lunvik, Norway\n\n"
    "Lunvik is the third-ranked cluster, out of 7 Norwegian clusters, that falls within the top\n"
    "100 S&T clusters in 2025.\n\n"
    "Top PCT applicants                                  Top publishing organizations\n"
    "                               Patents    Share                                   "
    "     Articles    Share\n"
    "1   LUNVIK UNIVERSITY              88      41%    1   LUNVIK UNIVERSITY                "
    "  4,120      45%\n"
    "2   NORTHERN INSTITUTE OF          52      24%    2   FJORD HOSPITAL                   "
    "  1,957      21%\n"
    "    MARINE TECHNOLOGY                             3   NORWEGIAN INSTITUTE FOR WATER    "
    "    990      11%\n"
    "3   FJORD TECH AS                  30      14%        RESEARCH\n\n"
    "Top technology fields\n\n"
    "Patents                                       Publications\n"
    "Marine engineering              40%          Oceanography                 30%\n"
    "Electrical machinery,           35%          Biology                      45%\n"
    "apparatus, energy                            Chemistry                    25%\n"
    "Other                           25%\n"
)


def test_names_wrapped_beside_the_other_lists_rows_join_their_own_list() -> None:
    r = extract(PDF)
    assert ranked(r.top_pct_applicants) == [
        (1, "LUNVIK UNIVERSITY", 88, 41),
        (2, "NORTHERN INSTITUTE OF MARINE TECHNOLOGY", 52, 24),
        (3, "FJORD TECH AS", 30, 14),
    ]
    assert ranked(r.top_publishers) == [
        (1, "LUNVIK UNIVERSITY", 4120, 45),
        (2, "FJORD HOSPITAL", 1957, 21),
        (3, "NORWEGIAN INSTITUTE FOR WATER RESEARCH", 990, 11),  # its own rank column
    ]
    assert span(r, PDF, "top_publishers[2].rank") == "3"
    name = span(r, PDF, "top_pct_applicants[1].name")
    assert name.startswith("NORTHERN INSTITUTE OF") and name.endswith("MARINE TECHNOLOGY")
    assert span(r, PDF, "top_publishers[2].name").endswith("RESEARCH")


def test_a_field_wrapped_in_a_side_by_side_breakdown_keeps_both_lists_whole() -> None:
    r = extract(PDF)
    assert pairs(r.patent_fields) == [
        ("Marine engineering", 40),
        ("Electrical machinery, apparatus, energy", 35),
        ("Other", 25),
    ]
    assert pairs(r.publication_fields) == [("Oceanography", 30), ("Biology", 45), ("Chemistry", 25)]
    assert span(r, PDF, "publication_fields[2].share") == "25"


def test_a_row_one_cell_short_without_a_figure_is_still_a_title_row() -> None:
    # A printed data frame's header over an untitled index column stays as it is.
    raw = "   field           share\n0  Optics          60\n1  Other           40\n"
    assert ("table", [["field", "share"], ["0", "Optics", "60"], ["1", "Other", "40"]]) in blocks(
        raw
    )


COLLAB = (
    "Lunvik, Norway\n\n"
    "Lunvik is Norway's third-ranked cluster (out of 7 Norwegian clusters that fall within the "
    "top 100 S&T clusters in 2025).\n\n"
    "Just 9% of Lunvik's PCT patent applications are filed in collaboration with other "
    "inventors; **Bergen**, **Oslo** and **Trondheim** are the top collaborative locations.\n\n"
    "61% of Lunvik's scientific articles are published in collaboration with other\n"
    "organizations, with the top three collaborating locations being Bergen, Tromsø\n"
    "Nord and Oslo.\n"
)


def test_a_national_rank_with_its_count_in_parentheses() -> None:
    r = extract(COLLAB, "x.md", "markdown")
    assert (r.national_rank, r.national_cluster_count) == (3, 7)
    assert span(r, COLLAB, "national_rank") == "third"
    assert span(r, COLLAB, "national_cluster_count") == "7"


def test_partners_named_before_are_the_top_collaborative_locations() -> None:
    r = extract(COLLAB, "x.md", "markdown")
    assert r.patent_collaboration.share == 9
    assert r.patent_collaboration.partners == ["Bergen", "Oslo", "Trondheim"]
    assert span(r, COLLAB, "patent_collaboration.partners[2]") == "Trondheim"


def test_an_enumerations_last_items_wrapped_alone_stay_in_the_sentence() -> None:
    r = extract(COLLAB, "x.md", "markdown")
    assert r.publication_collaboration.partners == ["Bergen", "Tromsø Nord", "Oslo"]
    assert span(r, COLLAB, "publication_collaboration.partners[1]") == "Tromsø\nNord"
