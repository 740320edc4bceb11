"""Rules added after rounds BX/BY (a one-pager whose left margin of callouts runs down the whole
page): each test is a small inline document of a fictional cluster for one rule, checking the
values and their exact evidence on the rules path."""

from __future__ import annotations

from layout_fixtures import extract, laid, ranked

from nlq.evaluate import check_evidence

# A regional agency's one-pager, as pypdf's layout mode prints it: a margin of notes (one of
# them 36 characters wide, some of them clauses of figures) beside the whole main column, the
# rank tiles set with a symbol font's bullets (DEL) at the main column's start.
SIDEBAR = laid(
    [(0, "Norrvik Regional Agency · Innovation Note 7/2024")],
    [],
    [],
    [(45, "Global Innovation Index 2024")],
    [(2, "At a glance")],
    [(2, "Province population (2023):"), (45, "Norrvik, Sweden")],
    [(2, "1.2 million")],
    [
        (2, "Universities in the cluster"),
        (45, "Norrvik is the second-ranked cluster, out of 4 Swedish clusters, that falls"),
    ],
    [
        (2, "area: 6"),
        (45, "within the top 100 S&T clusters in 2024. It filed 212 PCT applications"),
    ],
    [
        (2, "Science parks: 3, incl. Norrvik"),
        (45, "and published 4,240 scientific articles, both per 1 million inhabitants"),
    ],
    [(2, "Innovation Park and Älvsby Hub"), (45, "over the last five years, making it the:")],
    [],
    [
        (2, "Earlier editions"),
        (46, "\x7f"),
        (49, "77th largest science and technology cluster in 2024"),
    ],
    [
        (2, "GII 2023: 81st largest cluster;"),
        (46, "\x7f"),
        (49, "56th S&T cluster by intensity (relative to population density) in 2024"),
    ],
    [(2, "58th by intensity"), (45, "Top PCT applicants")],
    [(2, "GII 2022: 84th largest cluster"), (121, "Patents"), (132, "Share")],
    [(2, "Compare"), (46, "1"), (51, "NORRVIK ELEKTRONIK AKTIEBOLAG"), (118, "57"), (125, "21%")],
    [],
    [
        (2, "Stockholm, Sweden – 1st of 4 Swedish"),
        (46, "2"),
        (51, "ÄLVSBY TEKNISKA HÖGSKOLA"),
        (118, "19"),
        (126, "7%"),
    ],
    [(2, "clusters, 24th largest, 19th by")],
    [(2, "intensity; 934 PCT applications and"), (45, "Top publishing organizations")],
    [(2, "6,102 scientific articles per 1")],
    [(2, "million inhabitants"), (121, "Articles"), (132, "Share")],
    [(2, "Contact"), (46, "1"), (51, "NORRVIK UNIVERSITET"), (115, "1,870"), (125, "21%")],
    [],
    [
        (2, "Norrvik Regional Agency, Strategy"),
        (46, "2"),
        (51, "ÄLVSBY TEKNISKA HÖGSKOLA"),
        (117, "990"),
        (125, "11%"),
    ],
    [(2, "Unit"), (46, "3"), (51, "NORRVIK UNIVERSITY HOSPITAL"), (117, "720"), (126, "8%")],
    [(2, "+46 31 310 04 00")],
    [],
    [(45, "12% of Norrvik's PCT patent applications are filed in collaboration with")],
    [(45, "other inventors, with Stockholm, Uppsala and Umeå emerging as the top")],
    [(45, "collaborative locations.")],
    [],
)


def test_a_margin_of_notes_down_the_whole_page_is_read_after_the_main_column() -> None:
    r = extract(SIDEBAR, "x.pdf", "pdf")
    assert (r.cluster, r.economy, r.national_rank, r.national_cluster_count) == (
        "Norrvik",
        "Sweden",
        2,
        4,
    )
    # The callouts' ranks, not the margin's earlier editions or the other cluster's.
    assert (r.global_size_rank, r.global_intensity_rank) == (77, 56)
    assert (r.pct_applications, r.scientific_articles) == (212, 4240)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK ELEKTRONIK AKTIEBOLAG", 57, 21),
        (2, "ÄLVSBY TEKNISKA HÖGSKOLA", 19, 7),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORRVIK UNIVERSITET", 1870, 21),
        (2, "ÄLVSBY TEKNISKA HÖGSKOLA", 990, 11),
        (3, "NORRVIK UNIVERSITY HOSPITAL", 720, 8),
    ]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Stockholm", "Uppsala", "Umeå"]
    assert check_evidence(r, SIDEBAR) == []


KEY_FIGURES = """# Norrvik, Sweden

## Key figures

| Indicator | GII 2024 | GII 2023 (for comparison) |
|---|---:|---:|
| Rank among Swedish clusters in the top 100 | 2nd of 4 | 3rd of 5 |
| Global rank by size (largest S&T clusters) | 89th | 92nd |
| PCT applications per 1 million inhabitants, last five years | 14 | 12 |
"""


def test_a_key_figures_rank_among_the_economys_clusters_written_nth_of_m() -> None:
    r = extract(KEY_FIGURES, "x.md", "markdown")
    assert (r.national_rank, r.national_cluster_count) == (2, 4)
    assert (r.global_size_rank, r.pct_applications) == (89, 14)
    assert r.evidence["national_rank"].text == "2"
    assert r.evidence["national_cluster_count"].text == "4"
    assert check_evidence(r, KEY_FIGURES) == []


# A deck's slides as text: key figures as tiles, a figure over its phrase, one after another;
# the collaboration slide's shares the same way, over the rest of their sentences.
DECK = """# Norrvik, Sweden

## Norrvik at a glance

2nd

of 4 Swedish clusters in the top 100

61st

largest S&T cluster worldwide

169

PCT applications per 1M inhabitants, last 5 years

10,382

scientific articles per 1M inhabitants, last 5 years

## Collaboration

Patents

24%

of Norrvik's PCT applications are filed in collaboration with inventors elsewhere

Top partner locations: Oslo · Uppsala · Umeå

Publications

82%

of Norrvik's scientific articles are published with other organizations

Top partner locations: Oslo, London and Uppsala
"""


def test_a_decks_count_tiles_one_after_another_and_its_share_tiles() -> None:
    r = extract(DECK, "x.md", "markdown")
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (2, 4, 61)
    assert (r.pct_applications, r.scientific_articles) == (169, 10382)
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        24,
        ["Oslo", "Uppsala", "Umeå"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        82,
        ["Oslo", "London", "Uppsala"],
    )
    assert r.top_publishers == []  # "of Norrvik's scientific articles ..." heads no section
    assert check_evidence(r, DECK) == []


# A reply that retells both collaboration facts in one sentence, a semicolon between them.
REPLY = """Norrvik, Sweden — GII 2025 S&T cluster profile

Norrvik is the 2nd of the 4 Swedish clusters in the top 100 S&T clusters.

Collaboration: 48% of Norrvik's PCT applications are filed with inventors from other \
locations, mostly Oslo, Uppsala and Umeå; on the publications side 68% of the articles are \
co-published with other organizations, mainly in Oslo, Bergen and Lund.
"""


def test_both_collaboration_facts_in_one_sentence_with_their_partners_after_mostly() -> None:
    r = extract(REPLY, "x.txt", "text")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        48,
        ["Oslo", "Uppsala", "Umeå"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        68,
        ["Oslo", "Bergen", "Lund"],
    )
    assert check_evidence(r, REPLY) == []


# A news story: the intensity rank after an aside between dashes, and both collaboration facts
# in one sentence joined by "and", the first one's partners between dashes.
NEWS = """Norrvik, Sweden

Measured by size, Norrvik is the 71st largest science and technology cluster in the world; \
by intensity – output relative to population density – it ranks 96th.

Collaboration is common. Some 44% of Norrvik’s PCT applications were filed together with \
inventors in other locations – most often in Oslo, Uppsala and Umeå – and 71% of its \
scientific articles were published with other organizations, chiefly in Oslo, Lund and Bergen.
"""

# A note's arrows to the partners.
ARROWS = """# Norrvik, Sweden

## Collaboration

- **Patents:** 35% of PCT applications filed with inventors outside the cluster → [[Oslo]], \
New York City, San Jose–San Francisco
- **Publications:** 72% of articles published with other organizations → [[Oslo]], Lund, \
Boston–Cambridge
"""


def test_a_storys_intensity_rank_after_a_dashed_aside_and_its_joined_collaboration() -> None:
    r = extract(NEWS, "x.txt", "text")
    assert (r.global_size_rank, r.global_intensity_rank) == (71, 96)
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        44,
        ["Oslo", "Uppsala", "Umeå"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        71,
        ["Oslo", "Lund", "Bergen"],
    )
    assert check_evidence(r, NEWS) == []


def test_a_notes_partners_after_an_arrow() -> None:
    r = extract(ARROWS, "x.md", "markdown")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        35,
        ["Oslo", "New York City", "San Jose–San Francisco"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        72,
        ["Oslo", "Lund", "Boston–Cambridge"],
    )
    assert check_evidence(r, ARROWS) == []


# A Google Sheets download: key figures with a "Checked" column, the national rank's count in
# a cell of its own, two breakdowns side by side with a spacer between them (the right one
# longer), and each kind's partners spread over the cells under one title.
SHEET = """\
"Norrvik, Sweden – GII 2025 S&T cluster profile",,,,,,,,
,,,,,,,,
Key figures,,,,,,,,Checked
Rank among Swedish clusters in the top 100,1,out of 2,,,,,,AK 26.9.
Global size rank,37,,,,,,,AK 26.9.
,,,,,,,,
Top technology fields – patents,,,,,Top technology fields – publications,,,
Field,Share,,,,Field,Share,,
Digital communication,38 %,,,,Clinical medicine,24 %,,
Computer technology,12 %,,,,Biochem. & biotech.,11 %,,
Other,50 %,,,,Physics & math,10 %,,
,,,,,Other,55 %,,
,,,,,,,,
Collaboration,,,,,,,,
,Share with other locations,Top partner locations,,,,,,
PCT applications,19 %,Stockholm,Tampere,Oulu,,,,
Scientific articles,76 %,Stockholm,London,Turku,,,,
"""


def test_a_sheets_side_by_side_shares_with_percent_and_partners_across_cells() -> None:
    r = extract(SHEET, "x.csv", "csv")
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (1, 2, 37)
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Digital communication", 38),
        ("Computer technology", 12),
        ("Other", 50),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Clinical medicine", 24),
        ("Biochem. & biotech.", 11),
        ("Physics & math", 10),
        ("Other", 55),
    ]
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        19,
        ["Stockholm", "Tampere", "Oulu"],
    )
    assert r.publication_collaboration.partners == ["Stockholm", "London", "Turku"]
    assert r.evidence["patent_fields[0].share"].text == "38"
    assert check_evidence(r, SHEET) == []


# A report's tables under numbered captions that end in the years they cover (a PDF's text).
CAPTIONS = """Norrvik, Sweden

Norrvik is the second-ranked cluster, out of 4 Swedish clusters, that falls within the top 100.

Table 3.2 – Top PCT applicants, Norrvik, 2019–2023
 #       Applicant                                     PCT           Share
                                                applications
 1       NORRVIK KRAFT AB                               402            10%
 2       NORRVIK UNIVERSITY                             176             4%
Source: WIPO (2024). Shares of the cluster’s total.

Table 3.3 – Top publishing organizations, Norrvik, 2019–2023
 #       Organization                              Articles          Share
 1       NORRVIK UNIVERSITY                          34,210            39%
 2       ÄLVSBY HOSPITAL                              8,870            10%
Source: WIPO (2024). Shares of the cluster’s total.
"""


def test_captions_ending_in_the_years_their_tables_cover_head_their_lists() -> None:
    r = extract(CAPTIONS, "x.pdf", "pdf")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK KRAFT AB", 402, 10),
        (2, "NORRVIK UNIVERSITY", 176, 4),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORRVIK UNIVERSITY", 34210, 39),
        (2, "ÄLVSBY HOSPITAL", 8870, 10),
    ]
    assert check_evidence(r, CAPTIONS) == []


# A web page printed to PDF: rank tiles over their phrases above a "Related clusters" strip
# with another cluster's ranks, and both chart legends side by side, each entry after its
# colour swatch (the right one shorter).
PRINTED = laid(
    [(5, "Norrvik, Sweden")],
    [],
    [],
    [
        (
            5,
            "Norrvik is the 1st-ranked cluster, out of 2 Swedish clusters, that falls within"
            " the top 100 S&T",
        ),
    ],
    [(5, "clusters in 2025, making it the:")],
    [],
    [(8, "44th"), (75, "31st")],
    [],
    [
        (8, "largest science and technology cluster in 2025"),
        (75, "S&T cluster by intensity (relative to population"),
    ],
    [(75, "density) in 2025")],
    [],
    [(6, "Top technology fields in Norrvik")],
    [],
    [(6, "Patents"), (75, "Publications")],
    [(6, "■"), (9, "Pharmaceuticals (10%)"), (75, "■"), (78, "Clinical medicine (30%)")],
    [
        (6, "■"),
        (9, "Electrical machinery, apparatus, energy (7%)"),
        (75, "■"),
        (78, "Chemistry (7%)"),
    ],
    [(6, "■"), (9, "Optics (5%)"), (75, "■"), (78, "Other (63%)")],
    [(6, "■"), (9, "Other (78%)")],
    [],
    [],
    [(7, "Related")],
    [
        (7, "clusters"),
        (34, "Älvsby, Sweden · 2nd of 2 Swedish clusters · 95th largest · 38th by intensity"),
    ],
    [],
)


def test_a_printed_pages_tiles_and_its_legends_side_by_side_after_swatches() -> None:
    r = extract(PRINTED, "x.pdf", "pdf")
    assert (r.global_size_rank, r.global_intensity_rank) == (44, 31)
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Pharmaceuticals", 10),
        ("Electrical machinery, apparatus, energy", 7),
        ("Optics", 5),
        ("Other", 78),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Clinical medicine", 30),
        ("Chemistry", 7),
        ("Other", 63),
    ]
    assert check_evidence(r, PRINTED) == []


def test_a_sheets_per_capita_labels_written_per_1_mln() -> None:
    raw = (
        "Norrvik, Sweden\n\nKey figures\n"
        "PCT applications per 1 mln inhabitants (5 yrs)\t47\n"
        "Scientific articles per 1 mln inhabitants (5 yrs)\t9,604\n"
    )
    r = extract(raw, "x.txt", "text")
    assert (r.pct_applications, r.scientific_articles) == (47, 9604)
    assert r.evidence["scientific_articles"].text == "9,604"


# An Acrobat copy: one row a line, single spaces; a German compound broken after its hyphen
# ends the first line before the row's figures, its rest and acronym on the next.
ACROBAT = """Norrvik, Sweden
Top publishing organizations
Articles Share
1 NORRVIK UNIVERSITET 31,860 44%
2 EIDGENÖSSISCHE MATERIALPRÜFUNGS- 3,905 5%
UND FORSCHUNGSANSTALT (EMPA)
3 ÄLVSBY RESEARCH – NORRVIK 1,096 2%
"""


def test_a_name_broken_after_its_hyphen_before_its_figures_goes_on_below() -> None:
    r = extract(ACROBAT, "x.txt", "text")
    assert ranked(r.top_publishers) == [
        (1, "NORRVIK UNIVERSITET", 31860, 44),
        (2, "EIDGENÖSSISCHE MATERIALPRÜFUNGS- UND FORSCHUNGSANSTALT (EMPA)", 3905, 5),
        (3, "ÄLVSBY RESEARCH – NORRVIK", 1096, 2),
    ]
    assert check_evidence(r, ACROBAT) == []


# A designed profile's tiles: each caption's first line above and right of its big figure, a
# section's heading two blank lines under the figures.
DESIGNED = laid(
    [(0, "Norrvik, Sweden")],
    [
        (
            0,
            "Norrvik is the fourth-ranked cluster, out of 6 Swedish clusters, that falls"
            " within the top 100.",
        ),
    ],
    [],
    [],
    [
        (22, "largest science and technology cluster in 2024"),
        (105, "S&T cluster by intensity (relative to population"),
    ],
    [(2, "71st"), (85, "14th"), (105, "density) in 2024")],
    [],
    [],
    [(0, "Top PCT applicants"), (83, "Top publishing organizations")],
    [],
)


def test_a_designed_tiles_caption_beside_it_before_a_heading_two_lines_below() -> None:
    r = extract(DESIGNED + "\n1   NORRVIK AB   3,712   39%\n", "x.pdf", "pdf")
    assert (r.global_size_rank, r.global_intensity_rank) == (71, 14)
    assert r.evidence["global_size_rank"].text == "71st"


# Two lists side by side in a PDF's layout text: a left row alone on its line (its figures set
# flush right a few columns off), its name's rest on the next line beside the right list's row.
BESIDE = laid(
    [(0, "Norrvik, Sweden")],
    [],
    [(0, "Top PCT applicants"), (71, "Top publishing organizations")],
    [],
    [(43, "Patents"), (54, "Share"), (115, "Articles"), (125, "Share")],
    [(0, "1"), (3, "NORRVIK RESEARCH DEVELOPMENT"), (46, "1 012"), (57, "5%"), (71, "1")]
    + [(75, "NORRVIK UNIVERSITY"), (117, "34 210"), (127, "29%")],
    [(3, "COMPANY OF THE UNIVERSITY")],
    [(3, "OF NORRVIK LTD."), (71, "2"), (75, "ÄLVSBY HÖGSKOLA"), (117, "28 866"), (127, "24%")],
    [(75, "OF SCIENCE")],
    [(0, "2"), (3, "RAMOT AT NORRVIK UNIVERSITY"), (48, "744"), (57, "3%")],
    [(3, "LTD."), (71, "3"), (75, "NORRVIK MEDICAL CENTER"), (118, "9 140"), (129, "8%")],
    [],
    [(0, "3"), (3, "NORRVIK VISION AB"), (48, "702"), (57, "3%"), (71, "4")]
    + [(75, "ÄLVSBY HOSPITAL"), (118, "7 702"), (129, "7%")],
    [],
)


def test_a_left_rows_name_rest_beside_the_right_lists_row_after_a_short_row() -> None:
    r = extract(BESIDE, "x.pdf", "pdf")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK RESEARCH DEVELOPMENT COMPANY OF THE UNIVERSITY OF NORRVIK LTD.", 1012, 5),
        (2, "RAMOT AT NORRVIK UNIVERSITY LTD.", 744, 3),
        (3, "NORRVIK VISION AB", 702, 3),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORRVIK UNIVERSITY", 34210, 29),
        (2, "ÄLVSBY HÖGSKOLA OF SCIENCE", 28866, 24),
        (3, "NORRVIK MEDICAL CENTER", 9140, 8),
        (4, "ÄLVSBY HOSPITAL", 7702, 7),
    ]
    assert check_evidence(r, BESIDE) == []


# pdftotext's text of a table whose cells are centred vertically: a name of two lines has its
# first line above the row's rank and figures and its second below; a short name is on the row.
CENTRED = """Norrvik, Sweden

Top PCT applicants

                                                       Patents     Share

        NORRVIK UNIVERSITET FÖR TEKNIK OCH
  1                                                         21       18%
        DESIGN

        ÄLVSBY HÖGSKOLA – NORRVIK CAMPUS FÖR
  2                                                         14       12%
        MEDICIN OCH HÄLSA

  3     NORRVIK VARV AB                                      4        3%
"""


def test_a_name_centred_on_its_row_one_line_above_and_one_below() -> None:
    r = extract(CENTRED, "x.txt", "text")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK UNIVERSITET FÖR TEKNIK OCH DESIGN", 21, 18),
        (2, "ÄLVSBY HÖGSKOLA – NORRVIK CAMPUS FÖR MEDICIN OCH HÄLSA", 14, 12),
        (3, "NORRVIK VARV AB", 4, 3),
    ]
    assert check_evidence(r, CENTRED) == []


# A designed profile's two lists side by side, names wrapped in both: a left name's rest beside
# the right list's next row, and a right name joined over two lines longer than its line.
TWO_LISTS = laid(
    [(0, "Norrvik, Sweden")],
    [],
    [(0, "Top PCT applicants"), (83, "Top publishing organizations")],
    [],
    [(61, "Patents"), (73, "Share"), (144, "Articles"), (156, "Share")],
    [],
    [(0, "1"), (6, "NORRVIK ATOMFORSKNING OCH ALTERNATIVA"), (64, "3,712"), (75, "39%"), (83, "1")]
    + [(89, "NORRVIK UNIVERSITET"), (146, "19,874"), (158, "47%")],
    [(6, "ENERGIKÄLLOR AB"), (83, "2"), (89, "NATIONELLA FORSKNINGSRÅDET FÖR"), (146, "12,310")]
    + [(158, "29%")],
    [(0, "2"), (6, "ÄLVSBY ELEKTRONIK AB"), (66, "880"), (76, "9%"), (89, "VETENSKAP (NFV)")],
    [(0, "3"), (6, "NORRVIK VARV AB"), (66, "611"), (76, "6%"), (83, "3")]
    + [(89, "NORRVIK ATOMFORSKNING OCH ALTERNATIVA"), (147, "6,905"), (158, "16%")],
    [(89, "ENERGIKÄLLOR OCH MILJÖTEKNIK AB")],
    [],
)


def test_two_lists_side_by_side_whose_joined_names_are_longer_than_their_lines() -> None:
    r = extract(TWO_LISTS, "x.pdf", "pdf")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK ATOMFORSKNING OCH ALTERNATIVA ENERGIKÄLLOR AB", 3712, 39),
        (2, "ÄLVSBY ELEKTRONIK AB", 880, 9),
        (3, "NORRVIK VARV AB", 611, 6),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORRVIK UNIVERSITET", 19874, 47),
        (2, "NATIONELLA FORSKNINGSRÅDET FÖR VETENSKAP (NFV)", 12310, 29),
        (3, "NORRVIK ATOMFORSKNING OCH ALTERNATIVA ENERGIKÄLLOR OCH MILJÖTEKNIK AB", 6905, 16),
    ]
    assert check_evidence(r, TWO_LISTS) == []


# PyMuPDF's text blocks of a profile: one cell a line, a blank line between rows, a name wrapped
# over two lines, and a field of the legend wrapped before its share.
BLOCKS = """Norrvik, Sweden

Top PCT applicants

Patents
Share

1
NORRVIK KRAFT AB
540
9%

2
ÄLVSBY TEKNISKA
HÖGSKOLA NORRVIK
480
8%

3
NORRVIK VARV AB
300
5%

Top technology fields in Norrvik

Publications

Clinical medicine (22%)
Environmental sciences
(6%)
Biochem. & biotech. (11%)
Other (61%)
"""


def test_pymupdf_blocks_one_cell_a_line_each_row_between_blank_lines() -> None:
    r = extract(BLOCKS, "x.txt", "text")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK KRAFT AB", 540, 9),
        (2, "ÄLVSBY TEKNISKA HÖGSKOLA NORRVIK", 480, 8),
        (3, "NORRVIK VARV AB", 300, 5),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Clinical medicine", 22),
        ("Environmental sciences", 6),
        ("Biochem. & biotech.", 11),
        ("Other", 61),
    ]
    assert check_evidence(r, BLOCKS) == []


def test_a_table_of_titles_under_a_header_naming_both_lists_holds_no_entries() -> None:
    # A designer's page (round CA): under "# | Top PCT applicants | ... | Top publishing
    # organizations | ...", a row of titles only, narrower than the header's columns.
    from nlq.extractors.lists import section_entries
    from nlq.layout.document import Block, BlockKind, MappedText

    raw = "Patents Share"
    row = (MappedText.verbatim(raw, 0, 7), MappedText.verbatim(raw, 8, 13))
    table = Block(BlockKind.TABLE, rows=(row,))
    assert section_entries([table], 2, [], [(1, 4), (4, 7)]) == [[], []]


# pdftotext -layout of two pages: the first page's header under its number on a line of its
# own, the second's header the number, a wide gap, then the header's first cell.
PAGES = laid(
    [(98, "87")],
    [(0, "GLOBAL INNOVATION INDEX 2024"), (69, "SCIENCE AND TECHNOLOGY CLUSTERS")],
    [],
    [(4, "Norrvik, Sweden")],
    [],
    [(0, "Top PCT applicants")],
    [(40, "Patents"), (52, "Share")],
    [(0, "1"), (4, "NORRVIK KRAFT AB"), (42, "540"), (53, "9%")],
    [(0, "2"), (4, "ÄLVSBY HÖGSKOLA"), (42, "480"), (53, "8%")],
    [],
    [(0, "88"), (71, "GLOBAL INNOVATION INDEX 2024")],
    [],
    [(0, "Top publishing organizations")],
    [(40, "Articles"), (52, "Share")],
    [(0, "1"), (4, "NORRVIK UNIVERSITET"), (40, "9,870"), (53, "21%")],
    [],
)


def test_a_later_pages_header_a_number_before_the_first_pages_header_cell() -> None:
    r = extract(PAGES, "x.txt", "text")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK KRAFT AB", 540, 9),
        (2, "ÄLVSBY HÖGSKOLA", 480, 8),
    ]
    assert ranked(r.top_publishers) == [(1, "NORRVIK UNIVERSITET", 9870, 21)]
    assert check_evidence(r, PAGES) == []


# A briefing's numbered sections: the next section's number right under the list's last row.
BRIEFING = laid(
    [(0, "Norrvik, Sweden")],
    [],
    [(0, "Top PCT applicants")],
    [(3, "#"), (9, "Applicant"), (60, "Patents"), (75, "Share")],
    [(3, "1"), (9, "NORRVIK KRAFT AB"), (62, "402"), (76, "10%")],
    [(3, "2"), (9, "ROBERT NORRVIK ENGINEERING AND BUSINESS SOLUTIONS"), (62, "121"), (77, "2%")],
    [(9, "PRIVATE LIMITED")],
    [],
    [(0, "2. Position of the cluster")],
    [(0, "Norrvik is the third-ranked cluster, out of 4 Swedish clusters.")],
    [],
)


def test_the_next_sections_number_under_a_lists_last_row_is_no_row() -> None:
    r = extract(BRIEFING, "x.pdf", "pdf")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORRVIK KRAFT AB", 402, 10),
        (2, "ROBERT NORRVIK ENGINEERING AND BUSINESS SOLUTIONS PRIVATE LIMITED", 121, 2),
    ]
    assert r.national_rank == 3
    assert check_evidence(r, BRIEFING) == []


# A PDF viewer's copy of two breakdowns side by side, fields wrapped in both columns: the right
# field's rest beside the left list's next row.
LEGENDS = laid(
    [(0, "Norrvik, Sweden")],
    [],
    [(0, "Top technology fields in Norrvik")],
    [],
    [(2, "Patents"), (46, "Publications")],
    [],
    [(2, "Electrical machinery,"), (29, "13%"), (46, "Clinical"), (61, "31%")],
    [(2, "apparatus, energy"), (46, "medicine")],
    [(2, "Measurement"), (29, "11%"), (46, "Biochem. &"), (62, "8%")],
    [(2, "Transport"), (30, "9%"), (46, "biotech.")],
    [(2, "Other"), (29, "67%"), (46, "Other"), (61, "61%")],
    [],
)


def test_a_right_fields_rest_beside_the_left_lists_next_row() -> None:
    r = extract(LEGENDS, "x.txt", "text")
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Electrical machinery, apparatus, energy", 13),
        ("Measurement", 11),
        ("Transport", 9),
        ("Other", 67),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Clinical medicine", 31),
        ("Biochem. & biotech.", 8),
        ("Other", 61),
    ]
    assert check_evidence(r, LEGENDS) == []


# A saved page: each kind's partners one a line under their label, the next kind's heading and
# the page's feedback question right after the last one.
PARTNER_LINES = """<html><body><main><h1>Norrvik, Sweden</h1>
<h2>Collaboration</h2>
<h3>Patents</h3><p>6%</p>
<p>of Norrvik’s PCT patent applications are filed in collaboration with other inventors</p>
<h4>Top collaborative locations</h4><ul><li>Oslo</li><li>Uppsala</li><li>Umeå</li></ul>
<h3>Publications</h3><p>58%</p>
<p>of Norrvik’s scientific articles are published in collaboration with other organizations</p>
<h4>Top collaborative locations</h4><ul><li>Oslo</li><li>Lund</li><li>Bergen</li></ul>
<p>Was this page helpful?</p>
</main></body></html>
"""


def test_a_partner_list_one_a_line_stops_at_a_heading_or_a_question() -> None:
    r = extract(PARTNER_LINES, "x.html", "html")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        6,
        ["Oslo", "Uppsala", "Umeå"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        58,
        ["Oslo", "Lund", "Bergen"],
    )
    assert check_evidence(r, PARTNER_LINES) == []


def test_a_slides_table_cell_of_one_partner_a_paragraph(tmp_path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    from nlq.extractors.rules import RulesExtractor
    from nlq.layout import read_document

    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[1])
    first.shapes.title.text = "Norrvik, Sweden"
    first.placeholders[1].text = "Norrvik is the second-ranked cluster, out of 4 Swedish clusters."
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Collaboration"
    rows = [
        ["", "Share in collaboration", "Top collaborative locations"],
        ["PCT patent applications (with other inventors)", "22%", "Oslo\nSan Jose–San Francisco"],
        ["Scientific articles (with other organizations)", "73%", "Oslo\nLund\nAachen"],
    ]
    table = slide.shapes.add_table(3, 3, Inches(0.5), Inches(2), Inches(9), Inches(2)).table
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            first, *rest = text.split("\n")
            cell.text_frame.text = first
            for item in rest:
                cell.text_frame.add_paragraph().text = item
    path = tmp_path / "deck.pptx"
    deck.save(path)
    doc = read_document(path)
    r = RulesExtractor().extract(doc).record
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "San Jose–San Francisco"]
    assert r.publication_collaboration.partners == ["Oslo", "Lund", "Aachen"]
    assert check_evidence(r, doc.raw) == []


# A workbook read as text: the breakdowns' "check sum" row left empty (a formula with no cached
# value), then another sheet's table of clusters under the same heading.
WORKBOOK = (
    "Norrvik, Sweden\n\n"
    "Top technology fields in Norrvik (GII 2024)\n"
    "Patents\t\t\tPublications\n"
    "Field\tShare (%)\t\tField\tShare (%)\n"
    "Digital communication\t15\t\tEngineering\t16\n"
    "Computer technology\t14\t\tClinical medicine\t15\n"
    "Other\t71\t\tChemistry\t11\n"
    "\t\t\tOther\t58\n\n\n"
    "check sum\t\t\tcheck sum\n\n"
    "SE clusters\n\n"
    "Cluster\tSize rank 2024\tSize rank 2023\n"
    "Norrvik\t4\t3\n"
    "Älvsby\t21\t19\n"
)


def test_a_breakdowns_empty_check_sum_row_and_a_table_below_are_no_fields() -> None:
    r = extract(WORKBOOK, "x.txt", "text")
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Digital communication", 15),
        ("Computer technology", 14),
        ("Other", 71),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Engineering", 16),
        ("Clinical medicine", 15),
        ("Chemistry", 11),
        ("Other", 58),
    ]
    assert check_evidence(r, WORKBOOK) == []
