"""Rules added for round BT's held-out layouts (page text of PDFs as pypdf and pdftotext lay
it out): each test is a small inline page of a fictional cluster for one rule, checking the
values, their exact evidence, and that no running head lands in a list."""

from __future__ import annotations

from layout_fixtures import extract, ranked, span

from nlq.extractors.contents import contents_table
from nlq.layout import parse
from nlq.layout.furniture import furniture_edits

INTRO = (
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 in "
    "2024.\nIt filed 1,204 PCT applications and published 12,345 scientific articles.\n\n"
)
PUBLISHERS = (
    "Top publishing organizations\n\n"
    "                                   Articles  Share\n"
    "1  NORDHAVEN UNIVERSITY               5,902    34%\n"
    "2  FJELL HOSPITAL                     1,117     9%\n"
)
FIELDS = "Top technology fields\n\nPatents\n\nOptics          60%\nOther           40%\n"


def test_a_running_head_whose_second_part_changes_from_page_to_page_is_no_row() -> None:
    raw = (
        "Regional Innovation Review 2024           Cluster profiles\n\n"
        "Nordhaven, Norway\n\n" + INTRO + PUBLISHERS + "\n\n\n"
        "\fRegional Innovation Review 2024                  Nordhaven, Norway\n\n"
        "3  NORD INSTITUTE                       706     6%\n\n" + FIELDS + "\f"
    )
    r = extract(raw, "x.txt", "text")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert span(r, raw, "cluster") == "Nordhaven"
    assert r.evidence["cluster"].start == raw.index("Nordhaven, Norway")  # not the head's
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 5902, 34),
        (2, "FJELL HOSPITAL", 1117, 9),
        (3, "NORD INSTITUTE", 706, 6),
    ]
    assert r.top_pct_applicants == []
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]


def test_a_later_pages_head_ending_in_its_page_number_is_no_row() -> None:
    raw = (
        "Nordhaven, Norway\n\n" + INTRO + PUBLISHERS + "\n\n\n"
        "\fNORWAY | Science and technology cluster profile                        2\n\n"
        "3  NORD INSTITUTE                       706     6%\n\n" + FIELDS + "\f"
    )
    r = extract(raw, "x.txt", "text")
    assert [e.name for e in r.top_publishers] == [
        "NORDHAVEN UNIVERSITY",
        "FJELL HOSPITAL",
        "NORD INSTITUTE",
    ]
    assert furniture_edits(raw) != []
    # an opening line whose number is not the page's and has no separator is left alone
    kept = raw.replace("NORWAY | Science", "NORWAY Science").replace("     2\n", "     7\n")
    assert kept.count("profile") == 1 and "     7\n" in kept
    assert furniture_edits(kept) == []


def test_rank_tiles_whose_phrases_are_centred_under_their_figures() -> None:
    raw = (
        "Nordhaven, Norway\n\n" + INTRO + "                           97th"
        "                                                    88th\n\n"
        "                                                                  S&T cluster by "
        "intensity (relative to population\n"
        "          largest science and technology cluster in 2024"
        "                         density) in 2024\n\n" + PUBLISHERS
    )
    r = extract(raw, "x.txt", "text")
    assert (r.global_size_rank, r.global_intensity_rank) == (97, 88)
    assert span(r, raw, "global_size_rank") == "97th"
    assert span(r, raw, "global_intensity_rank") == "88th"


def test_key_figures_titled_with_the_profiles_own_phrases() -> None:
    raw = (
        "<html><body><h1>Nordhaven, Norway</h1><p>" + INTRO.replace("\n", " ") + "</p>\n"
        '<dl class="key-figures">\n'
        "<div><dt>Largest science and technology cluster in 2024</dt><dd>79<sup>th</sup></dd>"
        "</div>\n<div><dt>S&amp;T cluster by intensity (relative to population density) in "
        "2024</dt><dd>90<sup>th</sup></dd></div>\n</dl></body></html>\n"
    )
    r = extract(raw, "x.html", "html")
    assert (r.global_size_rank, r.global_intensity_rank) == (79, 90)
    assert span(r, raw, "global_size_rank") == "79<sup>th"  # the ordinal as printed
    sheet = "Indicator;Value\nLargest S&T cluster;61st\nCluster by intensity;44\n"
    r = extract("Nordhaven, Norway\n\n" + sheet, "x.csv", "csv")
    assert (r.global_size_rank, r.global_intensity_rank) == (61, 44)


SLIDES = (
    "# Nordhaven, Norway\n\nAt a glance\n\n3rd\n\nranked cluster, out of 9 Norwegian clusters\n\n"
    "1,204\n\nPCT applications per 1 million inhabitants (last five years)\n\n61st\n\n"
    "largest science and technology cluster in 2024\n\n12,345\n\n"
    "scientific articles per 1 million inhabitants (last five years)\n\n2\n\n"
    "## Top PCT applicants\n\n1\tFJELL MARINE AS\t212\t18%\n\n3\n\n## Collaboration\n\n"
    "- Patents: 23% of PCT applications filed in collaboration with other inventors\n"
    "- Top collaborative locations: Oslo, Bergen\n"
    "- Publications: 71% of scientific articles published in collaboration with other "
    "organizations\n"
    "- Top collaborating locations: Oslo, Rio de Janeiro\n"
)


def test_a_slides_count_tiles_read_with_the_label_under_each_figure() -> None:
    r = extract(SLIDES, "x.md", "markdown")
    assert (r.pct_applications, r.scientific_articles, r.global_size_rank) == (1204, 12345, 61)
    assert span(r, SLIDES, "pct_applications") == "1,204"
    assert ranked(r.top_pct_applicants) == [(1, "FJELL MARINE AS", 212, 18)]
    # labels above their values: a value is not joined to the next figure's label
    box = (
        "Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters."
        "\n\nPCT applications (per 1 million inhabitants)\n\n58\n\n"
        "Scientific articles (per 1 million inhabitants)\n\n6 205\n"
    )
    r = extract(box, "x.md", "markdown")
    assert (r.pct_applications, r.scientific_articles) == (58, 6205)


def test_partner_lists_labelled_under_a_collaboration_slide_follow_their_shares() -> None:
    r = extract(SLIDES, "x.md", "markdown")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        23,
        ["Oslo", "Bergen"],
    )
    assert r.publication_collaboration.partners == ["Oslo", "Rio de Janeiro"]
    assert span(r, SLIDES, "publication_collaboration.partners[1]") == "Rio de Janeiro"


VIEWER_COPY = (
    "Nordhaven, Norway\n" + INTRO.replace("\n\n", "\n") + "Top PCT applicants\nPatents Share\n"
    "1 FJELL MARINE AS 212 18%\n"
    "2 NORGES TEKNISK-NATURVITENSKAPELIGE UNIVERSITET 97 8%\n"
    "TRONDHEIM\n"
    "3 HAVFORSKNINGSINSTITUTTET, AVDELING 40 3%\n"
    "NORD, A.S.\n"
    "{after}"
)


def test_a_names_rest_under_its_figures_between_two_rows_joins_the_row() -> None:
    raw = VIEWER_COPY.format(after="Top publishing organizations\nArticles Share\n")
    r = extract(raw, "x.txt", "text")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 212, 18),
        (2, "NORGES TEKNISK-NATURVITENSKAPELIGE UNIVERSITET TRONDHEIM", 97, 8),
        (3, "HAVFORSKNINGSINSTITUTTET, AVDELING NORD, A.S.", 40, 3),
    ]
    assert r.top_publishers == []
    # a line naming a section under the last row stays a heading
    raw = VIEWER_COPY.format(after="").replace("NORD, A.S.\n", "TOP PUBLISHING ORGANIZATIONS\n")
    raw += "1 NORDHAVEN UNIVERSITY 5,902 34%\n"
    r = extract(raw, "x.txt", "text")
    assert r.top_pct_applicants[2].name == "HAVFORSKNINGSINSTITUTTET, AVDELING"
    assert ranked(r.top_publishers) == [(1, "NORDHAVEN UNIVERSITY", 5902, 34)]


def test_a_line_under_the_last_row_of_a_list_that_never_wrapped_is_no_name_rest() -> None:
    raw = VIEWER_COPY.format(after="").replace("\nTRONDHEIM\n", "\n")
    r = extract(raw, "x.txt", "text")
    assert r.top_pct_applicants[1].name == "NORGES TEKNISK-NATURVITENSKAPELIGE UNIVERSITET"
    assert r.top_pct_applicants[2].name == "HAVFORSKNINGSINSTITUTTET, AVDELING"


def test_a_right_hand_field_on_a_row_whose_left_name_wrapped_stays_in_its_column() -> None:
    raw = (
        "Nordhaven, Norway\n\n" + INTRO + "Top technology fields in Nordhaven\n\n"
        "Patents                                                     Publications\n\n"
        "Electrical machinery,            22%                        Engineering          18%\n"
        "apparatus, energy                                           Materials science    15%\n"
        "Optics                      9%                              Chemistry            13%\n"
        "Transport                7%                                 Other                54%\n"
        "Other                                      62%\n"
    )
    r = extract(raw, "x.txt", "text")
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Electrical machinery, apparatus, energy", 22),
        ("Optics", 9),
        ("Transport", 7),
        ("Other", 62),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Engineering", 18),
        ("Materials science", 15),
        ("Chemistry", 13),
        ("Other", 54),
    ]


def _two_columns(left: list[str], right: list[str], gutter: int = 76) -> str:
    lines = []
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else ""
        b = right[k] if k < len(right) else ""
        lines.append((a.ljust(gutter) + b).rstrip())
    return "\n".join(lines) + "\n"


FACT_SHEET_LEFT = [
    "Nordhaven is the 3rd-ranked cluster, out of 9 clusters of its economy, in",
    "the top 100 S&T clusters in 2024. It filed 1,204 PCT applications and",
    "published 12,345 scientific articles, both per 1 million inhabitants",
    "over the last five years.",
    "",
    "Top PCT applicants",
    "                                     Patents    Share",
    " 1   FJELL MARINE AS                     212      18%",
    " 2   NORDHAVEN UNIVERSITY                 97       8%",
    "",
    "Top publishing organizations",
    "                                    Articles    Share",
    " 1   NORDHAVEN UNIVERSITY              5 902      34%",
    " 2   FJELL HOSPITAL                    1 117       9%",
]
FACT_SHEET_RIGHT = [
    "Top technology fields in Nordhaven",
    "Patents",
    "Other special machines     Optics (31%)",
    "(12%)",
    "Transport (20%)            Other (37%)",
    "Publications",
    "Clinical medicine (40%)    Agricultural & food",
    "                           sciences (8%)",
    "Chemistry (22%)            Other (30%)",
    "",
    "Collaboration",
    "23% of Nordhaven's PCT patent applications are filed in",
    "collaboration with other inventors, with Oslo and Bergen",
    "emerging as the top collaborative locations.",
]


def test_a_fact_sheet_whose_left_column_holds_tables_is_read_column_by_column() -> None:
    raw = "Nordhaven, Norway" + " " * 170 + "FACT SHEET 07/2024\n"  # a label at the far side
    raw += "Global Innovation Index 2024 · Science and technology cluster fact sheet\n\n\n"
    raw += _two_columns(FACT_SHEET_LEFT, FACT_SHEET_RIGHT)
    r = extract(raw, "x.txt", "text")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert r.evidence["economy"].start == raw.index("Norway")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 212, 18),
        (2, "NORDHAVEN UNIVERSITY", 97, 8),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 5902, 34),
        (2, "FJELL HOSPITAL", 1117, 9),
    ]
    assert sorted((f.field, f.share) for f in r.patent_fields) == [
        ("Optics", 31),
        ("Other", 37),
        ("Other special machines", 12),
        ("Transport", 20),
    ]
    assert sorted((f.field, f.share) for f in r.publication_fields) == [
        ("Agricultural & food sciences", 8),
        ("Chemistry", 22),
        ("Clinical medicine", 40),
        ("Other", 30),
    ]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert span(r, raw, "patent_fields[0].share") == "12"


STATISTICS_WORKBOOK = (
    "Contents\n\nScience and technology clusters: Nordhaven, Norway\n\n"
    "Publisher:\tStatistics Nordland – Research and Innovation\nRelease:\t3 October 2024\n"
    "Table\tContent\nT1\tKey indicators\nT2\tTop PCT applicants\n"
    "T3\tTop publishing organizations\nT4\tTop technology fields\nT5\tCollaboration\n\n"
    "T1\n\nTable 1. Nordhaven, Norway – key indicators, Global Innovation Index 2024\n\n"
    "Indicator\tValue\t\t\tUnit / remark\n"
    "National rank¹\t3\tout of\t9\tNorwegian clusters within the top 100 S&T clusters\n"
    "Global rank, cluster size²\t61\t\t\tlargest science and technology cluster\n"
    "Global rank, S&T intensity³\t44\t\t\tS&T cluster by intensity\n"
    "PCT applications\t1,204\t\t\tper 1 million inhabitants\n\n"
    "T3\n\nTable 3. Top publishing organizations, Nordhaven\n\n"
    "Rank\tOrganization\tScientific articles\tShare (%)\n"
    "1\tNORDHAVEN UNIVERSITY\t5,902\t34\n2\tFJELL HOSPITAL\t1,117\t9\n\n"
    "T4\n\nTable 4. Top technology fields in Nordhaven\n\n"
    "Patents (PCT)\t\t\tPublications\n"
    "Technology field\tShare (%)\t\tScientific field\tShare (%)\n"
    "Optics\t61\t\tChemistry\t52\nTransport\t9\t\tOther\t48\nOther\t30\n"
)


def test_a_statistics_offices_workbook_with_contents_footnoted_labels_and_titled_shares() -> None:
    raw = STATISTICS_WORKBOOK
    r = extract(raw, "x.txt", "text")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert (r.global_size_rank, r.global_intensity_rank) == (61, 44)
    assert span(r, raw, "global_size_rank") == "61"
    # the contents name the sections and open none; the publisher of the sheet is no entry
    assert r.top_pct_applicants == []
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 5902, 34),
        (2, "FJELL HOSPITAL", 1117, 9),
    ]
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Optics", 61),
        ("Transport", 9),
        ("Other", 30),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [("Chemistry", 52), ("Other", 48)]
    assert span(r, raw, "publication_fields[1].share") == "48"


def test_a_table_of_contents_is_told_from_a_table_of_the_lists() -> None:
    def tables(raw: str) -> list:
        return [b for b in parse("x", raw, "text").blocks if b.rows]

    contents = tables("T1\tKey indicators\nT2\tTop PCT applicants\nT3\tTop publishing "
                      "organizations\nT4\tTop technology fields\nT5\tCollaboration\n")  # fmt: skip
    assert [contents_table(t) for t in contents] == [True]
    chapters = tables("2.1\tTop PCT applicants\tp. 4\n2.2\tTop publishing organizations\tp. 5\n"
                      "3\tCollaboration\tp. 7\n")  # fmt: skip
    assert [contents_table(t) for t in chapters] == [True]
    # rows with figures are data, whatever their cells say
    data = tables("Top PCT applicants\t146\t12%\nTop publishing organizations\t2,069\t54%\n"
                  "Collaboration\t33\t61%\n")  # fmt: skip
    assert [contents_table(t) for t in data] == [False]
    # two sections named are no contents (a kind's two lists side by side)
    pair = tables("T2\tTop PCT applicants\nT3\tTop publishing organizations\nT9\tAnnex\n")
    assert [contents_table(t) for t in pair] == [False]
