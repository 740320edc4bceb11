"""Rules added after rounds CC/CD: each test is a small inline document of a fictional cluster
for one rule, checking the values and their exact evidence on the rules path."""

from __future__ import annotations

from layout_fixtures import extract, laid, pairs, ranked

from nlq.evaluate import check_evidence
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.share_tiles import share_tile_blocks

# A long-format export (one row per fact, "Section,Rank,Name / Field,Value,Share (%)"), its
# key-value head ending in a label with a date, its field rows filling only the name and share.
LONG_EXPORT = """\ufeffCluster profile export,,,,
Edition,Global Innovation Index 2024,,,
Cluster,Varnhem,,,
Economy,Sweden,,,
Exported,2024-11-02 09:15,,,
,,,,
Section,Rank,Name / Field,Value,Share (%)
Summary,,National rank (among Swedish clusters in the top 100),2,
Summary,,Swedish clusters in the top 100,4,
Top PCT applicants,1,VARNHEM KRAFT AB,412,30
Top PCT applicants,2,"LERUM PUMPS, AB",206,15
Patent technology fields,,Electrical machinery,,31
Patent technology fields,,"Engines, pumps, turbines",,12
Patent technology fields,,Measurement,,9
Publication fields,,Engineering,,40
Publication fields,,Chemistry,,35
Publication fields,,Other,,25
"""


def test_a_key_value_heads_last_rows_are_no_labels_over_values() -> None:
    r = extract(LONG_EXPORT, "x.csv", "csv")
    assert (r.edition, r.cluster, r.economy) == (2024, "Varnhem", "Sweden")
    assert (r.national_rank, r.national_cluster_count) == (2, 4)
    assert check_evidence(r, LONG_EXPORT) == []


def test_a_long_exports_field_rows_leave_the_rank_and_value_columns_empty() -> None:
    r = extract(LONG_EXPORT, "x.csv", "csv")
    assert pairs(r.patent_fields) == [
        ("Electrical machinery", 31),
        ("Engines, pumps, turbines", 12),
        ("Measurement", 9),
    ]
    assert pairs(r.publication_fields) == [("Engineering", 40), ("Chemistry", 35), ("Other", 25)]
    assert any("patent_fields: shares sum to 52%" in w for w in r.warnings)
    assert check_evidence(r, LONG_EXPORT) == []


# A workbook's notes sheet citing the previous edition's ranks under a parenthesised label.
KEYED_SHEET = (
    "Varnhem, Sweden\nGlobal Innovation Index 2025\n\nItem\tValue\nCluster\tVarnhem\n"
    "Global rank by size (nth largest S&T cluster)\t57\n"
    "Global rank by intensity (relative to population density)\t2\n\nNotes\n"
    "For reference only (previous edition, GII 2024 – NOT this profile): global rank by size 55,"
    " by intensity 3.\n"
)


def test_an_aside_naming_an_earlier_edition_before_a_colon_labels_its_clause() -> None:
    r = extract(KEYED_SHEET, "x.tsv", "csv")
    assert (r.edition, r.global_size_rank, r.global_intensity_rank) == (2025, 57, 2)


# A slide deck's tiles (as the .pptx reader gives them): each figure over its label.
TILES = """# Varnhem, Sweden

Global Innovation Index 2024 – S&T cluster profile

## At a glance

2 of 4

National rank – Swedish clusters in the top 100 S&T clusters

117

PCT applications per 1 million inhabitants, last five years

#58

Global rank by size – largest science and technology clusters, 2024

3,468

Scientific articles per 1 million inhabitants, last five years

#91

Global rank by intensity (relative to population density), 2024

2
"""


def test_a_slides_rank_tiles_over_their_labels() -> None:
    r = extract(TILES, "x.md", "markdown")
    assert (r.national_rank, r.national_cluster_count) == (2, 4)
    assert (r.global_size_rank, r.global_intensity_rank) == (58, 91)
    assert (r.pct_applications, r.scientific_articles) == (117, 3468)
    assert r.evidence["global_size_rank"].text == "58"
    assert r.evidence["national_cluster_count"].text == "4"


def test_a_rank_under_its_label_is_not_the_next_labels_rank() -> None:
    # Labels above their values: "#91" is the intensity rank's, never the size rank's.
    raw = (
        "# Varnhem, Sweden\n\nGlobal Innovation Index 2024\n\n"
        "Global rank by intensity (relative to population density), 2024\n\n#91\n\n"
        "Global rank by size – largest science and technology clusters, 2024\n\n#58\n\n"
        "It filed 117 PCT applications per 1 million inhabitants.\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.pct_applications == 117
    assert r.global_size_rank in (None, 58)


# pdftotext -layout of a report's four columns of field legends (two a breakdown), staggered:
# a field alone on its line in a column the line above leaves empty.
LEGENDS = "\n".join(
    [
        "Varnhem, Sweden",
        "Global Innovation Index 2024",
        "",
        "Top technology fields in Varnhem",
        "Patents" + " " * 67 + "Publications",
        "",
        "Pharmaceuticals (15%)               Organic fine chemistry (7%)            "
        "Clinical medicine (25%)             Engineering (9%)",
        "Biotechnology (12%)                 Analysis of biological materials       "
        "Chemistry (13%)                     Materials science (6%)",
        "                                    (5%)",
        "Medical tech. (8%)" + " " * 56 + "Biochem. & biotech. (12%)           Pharmacology (5%)",
        "                                    Transport (4%)",
        "Basic materials chemistry (7%)" + " " * 44 + "Physics & math (11%)                "
        "Other (19%)",
        "                                    Other (42%)",
        "",
        "Source: WIPO Statistics Database.",
    ]
)


def test_a_field_alone_in_a_column_the_line_above_leaves_empty() -> None:
    r = extract(LEGENDS)
    assert pairs(r.patent_fields) == [
        ("Pharmaceuticals", 15),
        ("Biotechnology", 12),
        ("Medical tech.", 8),
        ("Basic materials chemistry", 7),
        ("Organic fine chemistry", 7),
        ("Analysis of biological materials", 5),
        ("Transport", 4),
        ("Other", 42),
    ]
    assert pairs(r.publication_fields) == [
        ("Clinical medicine", 25),
        ("Chemistry", 13),
        ("Biochem. & biotech.", 12),
        ("Physics & math", 11),
        ("Engineering", 9),
        ("Materials science", 6),
        ("Pharmacology", 5),
        ("Other", 19),
    ]


# A designer's one-pager as PDF text: a share's tile ("40%" centred beside its two-line
# phrase) over a partner list of numbered rows.
SHARE_TILE = laid(
    [(0, "Varnhem, Sweden")],
    [(0, "Global Innovation Index 2024")],
    [],
    [(0, "Varnhem filed 117 PCT applications per 1 million inhabitants.")],
    [],
    [(25, "of PCT patent applications are filed in")],
    [(3, "40%"), (25, "collaboration with other inventors")],
    [],
    [(3, "Top collaborative locations")],
    [(3, "1"), (7, "New York City, NY")],
    [(3, "2"), (7, "San Jose–San Francisco, CA")],
    [(3, "3"), (7, "Boston–Cambridge, MA")],
)


def test_a_shares_tile_beside_its_two_line_phrase_and_numbered_partner_rows() -> None:
    r = extract(SHARE_TILE)
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 40
    assert r.patent_collaboration.partners == [
        "New York City, NY",
        "San Jose–San Francisco, CA",
        "Boston–Cambridge, MA",
    ]
    assert r.evidence["patent_collaboration.share"].text == "40"
    assert r.patent_fields == []


# A ranked list, then a bare "Publications" over a legend of names and shares two by two.
LIST_THEN_LEGEND = """Varnhem, Sweden
Global Innovation Index 2024

TOP PUBLISHING ORGANIZATIONS
1   VARNHEM UNIVERSITY          5,120     36%
2   LERUM INSTITUTE             1,410     10%

Publications
   Clinical medicine    28%        Chemistry         7%
   Engineering          40%        Other            25%
"""


def test_a_bare_kind_title_over_a_legend_two_by_two_ends_the_ranked_list() -> None:
    r = extract(LIST_THEN_LEGEND)
    assert [e.name for e in r.top_publishers] == ["VARNHEM UNIVERSITY", "LERUM INSTITUTE"]
    assert sorted(pairs(r.publication_fields)) == [
        ("Chemistry", 7),
        ("Clinical medicine", 28),
        ("Engineering", 40),
        ("Other", 25),
    ]


# pdftotext -layout of two breakdowns side by side: the left one's field wrapped after a comma
# onto a line of its own at the left margin, beside nothing.
WRAPPED_LEFT_FIELD = "\n".join(
    [
        "Varnhem, Sweden",
        "Global Innovation Index 2024",
        "",
        "Top technology fields in Varnhem",
        "",
        "Patents" + " " * 53 + "Publications",
        "Transport" + " " * 36 + "14%            Physics & math" + " " * 31 + "20%",
        "Electrical machinery," + " " * 24 + "10%            Engineering" + " " * 34 + "15%",
        "apparatus, energy",
        "Computer technology" + " " * 27 + "9%            Clinical medicine" + " " * 28 + "14%",
        "Other" + " " * 40 + "67%            Other" + " " * 40 + "51%",
    ]
)


def test_a_left_field_wrapped_after_a_comma_to_the_margin() -> None:
    r = extract(WRAPPED_LEFT_FIELD)
    assert pairs(r.patent_fields) == [
        ("Transport", 14),
        ("Electrical machinery, apparatus, energy", 10),
        ("Computer technology", 9),
        ("Other", 67),
    ]
    assert pairs(r.publication_fields)[:2] == [("Physics & math", 20), ("Engineering", 15)]


# A real PDF's text of two ranked lists side by side, names wrapped in narrow cells, the text
# layer setting a blank line before a name's rest that the other list's row shares.
SIDE_BLANKS = "\n".join(
    [
        " Varnhem, Sweden",
        " Global Innovation Index 2024",
        "",
        "Top PCT applicants                                               "
        "Top publishing organizations",
        "",
        "                                        Patents   Share                         "
        "                         Articles   Share",
        "",
        " 1    VARNHEM KRAFT                        5,576     34%           1   NORRVIK ADVANCED"
        "                    15,210     39%",
        "      AKTIEBOLAG                                                       INSTITUTE OF "
        "SCIENCE AND",
        " 2    LERUM INSTITUTE OF APPLIED           2,296     14%               ENGINEERING",
        "",
        "      ELECTRONICS                                                  2   VÄSTRA NATIONAL"
        "                      5,850     15%",
        " 3    ALINGSÅS BATTERY                       984      6%               "
        "UNIVERSITY OF TECHNOLOGY",
        "",
        "      SOLUTIONS, AB                                                3   BORÅS INSTITUTE FOR"
        "                2,340       6%",
        "                                                                       BASIC SCIENCE",
        "",
        " Top technology fields in Varnhem",
    ]
)


def test_blank_lines_inside_side_by_side_lists_before_a_names_rest() -> None:
    r = extract(SIDE_BLANKS)
    assert ranked(r.top_pct_applicants) == [
        (1, "VARNHEM KRAFT AKTIEBOLAG", 5576, 34),
        (2, "LERUM INSTITUTE OF APPLIED ELECTRONICS", 2296, 14),
        (3, "ALINGSÅS BATTERY SOLUTIONS, AB", 984, 6),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORRVIK ADVANCED INSTITUTE OF SCIENCE AND ENGINEERING", 15210, 39),
        (2, "VÄSTRA NATIONAL UNIVERSITY OF TECHNOLOGY", 5850, 15),
        (3, "BORÅS INSTITUTE FOR BASIC SCIENCE", 2340, 6),
    ]


# A real PDF's text: a sidebar at the right whose last lines go on beside the heading that
# ends the intro's column; two breakdowns side by side, one field set with its share on its
# last line beside a field of the other set with its share on its first.
SIDEBAR_TAIL = "\n".join(
    [
        "Global Innovation Index 2024" + " " * 71 + "Last edition (GII 2023)",
        "Varnhem, Sweden" + " " * 84 + "Figures from the 2023 profile,",
        " " * 99 + "for comparison only:",
        "Varnhem is the second-ranked cluster, out of 3 Swedish clusters, that falls"
        + " " * 24
        + "• 81st largest cluster",
        "within the top 100 S&T clusters in 2024. It filed 376 PCT applications and"
        + " " * 25
        + "• 66th by intensity",
        "published 9,418 scientific articles, both per 1 million inhabitants over the"
        + " " * 23
        + "About the data",
        "last five years." + " " * 83 + "PCT applications are assigned",
        " " * 99 + "to clusters by inventor address,",
        "Top PCT applicants" + " " * 81 + "2018–2022. Shares are",
        " " * 99 + "rounded.",
        "                                       Patents     Share",
        " 1    VARNHEM KRAFT AB                      258     12%",
        " 2    LERUM PUMPS AB                        172      8%",
        "",
        "Top technology fields in Varnhem",
        "Patents                                     Publications",
        "",
        " Pharmaceuticals                  16%        Clinical medicine                31%",
        " Medical technology               10%        Neurosciences &                    9%",
        " Analysis of biological                      behavior",
        " materials                         6%        Biochem. & biotech.                8%",
        " Other                            68%        Other                            52%",
    ]
)


def test_a_sidebars_last_lines_beside_the_heading_that_ends_the_intro() -> None:
    r = extract(SIDEBAR_TAIL)
    assert ranked(r.top_pct_applicants) == [
        (1, "VARNHEM KRAFT AB", 258, 12),
        (2, "LERUM PUMPS AB", 172, 8),
    ]


def test_a_field_with_its_share_on_its_last_line_beside_one_with_it_on_its_first() -> None:
    r = extract(SIDEBAR_TAIL)
    assert pairs(r.patent_fields) == [
        ("Pharmaceuticals", 16),
        ("Medical technology", 10),
        ("Analysis of biological materials", 6),
        ("Other", 68),
    ]
    assert pairs(r.publication_fields) == [
        ("Clinical medicine", 31),
        ("Neurosciences & behavior", 9),
        ("Biochem. & biotech.", 8),
        ("Other", 52),
    ]


# A real PDF's text of a justified paragraph: every word gap two spaces, a space-separated
# count among them.
JUSTIFIED = (
    "Varnhem, Sweden\nGlobal Innovation Index 2024\n\n"
    "Varnhem is the second-ranked cluster, out of 2 Swedish clusters, that falls within the top\n"
    "clusters  in  2024.  It  filed  268  PCT  applications  and  published  10  744  scientific"
    "  articles,  both  per  1\n"
    "million inhabitants over the last five years.\n"
)


def test_a_justified_lines_wide_word_gaps_keep_a_space_separated_count_whole() -> None:
    r = extract(JUSTIFIED)
    assert (r.pct_applications, r.scientific_articles) == (268, 10744)
    assert r.evidence["scientific_articles"].text == "10  744"


# A real PDF's text of a table whose names are centred on their rows: a name of three lines
# has one above its figures and one below; one of two lines, one below.
CENTRED = "\n".join(
    [
        "Varnhem, Sweden",
        "Global Innovation Index 2024",
        "",
        "Top PCT applicants",
        "                                       Patents       Share",
        "     ARCTIC MARINE",
        "1    BIOPROSPECTING AS,                     141        22%",
        "     VARNHEM",
        "2    NORDNORSK                                96       15%",
        "     HAVBRUKSINSTITUTT AS",
        "     UNIVERSITETET I VARNHEM",
        "3    – NORGES ARKTISKE                        58         9%",
        "     UNIVERSITET",
        "",
        "Top publishing organizations",
    ]
)


def test_name_lines_between_rows_shared_out_when_names_are_centred() -> None:
    r = extract(CENTRED)
    assert ranked(r.top_pct_applicants) == [
        (1, "ARCTIC MARINE BIOPROSPECTING AS, VARNHEM", 141, 22),
        (2, "NORDNORSK HAVBRUKSINSTITUTT AS", 96, 15),
        (3, "UNIVERSITETET I VARNHEM – NORGES ARKTISKE UNIVERSITET", 58, 9),
    ]


# A two-page PDF's text: each breakdown a table of its own under its kind's title, the next
# title right under the last row, no blank line between.
TITLE_UNDER_ROW = """Varnhem, Sweden
Global Innovation Index 2024

 Top technology fields in Varnhem
 Patents

Field                                                 Share
Pharmaceuticals                                         55%
Other                                                   45%
 Publications

Field                                                 Share
Chemistry                                               62%
Other                                                   38%
"""


def test_the_next_breakdowns_title_right_under_a_row_is_no_fields_rest() -> None:
    r = extract(TITLE_UNDER_ROW)
    assert pairs(r.patent_fields) == [("Pharmaceuticals", 55), ("Other", 45)]
    assert pairs(r.publication_fields) == [("Chemistry", 62), ("Other", 38)]


# A memo's collaboration sentences naming US metro areas with their state codes.
METROS = (
    "Varnhem, Sweden\nGlobal Innovation Index 2024\n\n"
    "17% of Varnhem's PCT patent applications are filed in collaboration with other inventors,"
    " with New York City, NY, San Jose–San Francisco, CA and Washington, DC–Baltimore, MD"
    " emerging as the top collaborative locations.\n"
)


def test_a_metro_areas_state_code_joined_to_its_next_city_stays_one_partner() -> None:
    r = extract(METROS)
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == [
        "New York City, NY",
        "San Jose–San Francisco, CA",
        "Washington, DC–Baltimore, MD",
    ]


# A workbook's collaboration sheet: one partner a column under numbered titles, one partner's
# name holding a comma.
PARTNER_COLUMNS = (
    "Varnhem, Sweden\nGlobal Innovation Index 2024\n\nCollaboration\n\n"
    "Output\tShare in collaboration\tTop partner 1\tTop partner 2\tTop partner 3\n"
    "PCT patent applications (co-inventions)\t12%\tSeoul\tBusan\tSan Jose–San Francisco, CA\n"
    "Scientific articles (co-publications)\t64%\tSeoul\tBusan\tGwangju\n"
)


def test_a_partner_column_whose_name_holds_a_comma_is_one_of_the_columns() -> None:
    r = extract(PARTNER_COLUMNS, "x.tsv", "csv")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Seoul", "Busan", "San Jose–San Francisco, CA"]


# A deck's text: a footer on every slide, the slide's number after it.
DECK = """# Varnhem, Sweden

Global Innovation Index 2025 · Science and technology cluster profile

Varnhem filed 5,874 PCT applications per 1 million inhabitants.

Varnhem Strategy Team | GII 2025 briefing | internal

2

## Who files and who publishes

Top PCT applicants

\t\tPatents\tShare
1\tVARNHEM KRAFT AB\t5,460\t42%
2\tLERUM PUMPS AB\t2,210\t17%

Top publishing organizations

\t\tArticles\tShare
1\tVARNHEM UNIVERSITY\t8,280\t46%
2\tLERUM INSTITUTE\t2,340\t13%

Varnhem Strategy Team | GII 2025 briefing | internal

3

## Collaboration

29% of Varnhem's PCT patent applications are filed in collaboration with other inventors.

Varnhem Strategy Team | GII 2025 briefing | internal

4
"""


def test_a_decks_footer_on_every_slide_is_no_row_of_a_list() -> None:
    r = extract(DECK)
    assert [e.name for e in r.top_publishers] == ["VARNHEM UNIVERSITY", "LERUM INSTITUTE"]
    assert [e.name for e in r.top_pct_applicants] == ["VARNHEM KRAFT AB", "LERUM PUMPS AB"]


# pdftotext -layout of a page with a comparison box at the right, beside the top lists.
BOX = laid(
    [(0, "Varnhem, Sweden")],
    [(0, "Varnhem is the second-ranked cluster, out of 2 Swedish clusters, in the top 100.")],
    [(0, "It is the 94th largest science and technology cluster in 2023.")],
    [],
    [(0, "Top PCT applicants")],
    [(79, "FOR COMPARISON:")],
    [(55, "Patents    Share"), (79, "STOCKHOLM, SWEDEN")],
    [(0, "1      VARNHEM KRAFT AB"), (57, "68     15%")],
    [(0, "2      LERUM PUMPS AKTIEBOLAG"), (57, "45     10%"), (79, "1st of 2 Swedish clusters")],
    [(79, "47th largest cluster")],
    [(0, "3      ALINGSÅS INSTITUTE"), (57, "27      6%")],
    [(79, "71st by intensity")],
    [(79, "188 PCT applications")],
    [(0, "Top publishing organizations"), (79, "14 027 articles")],
    [],
    [(55, "Articles   Share")],
    [(0, "1      VARNHEM UNIVERSITY"), (53, "21 840     42%")],
    [(0, "2      LERUM INSTITUTE OF TECHNOLOGY"), (53, "12 480     24%")],
)


def test_a_comparison_box_at_the_right_reads_after_the_lists_beside_it() -> None:
    r = extract(BOX)
    assert [e.name for e in r.top_pct_applicants] == [
        "VARNHEM KRAFT AB",
        "LERUM PUMPS AKTIEBOLAG",
        "ALINGSÅS INSTITUTE",
    ]
    assert ranked(r.top_publishers) == [
        (1, "VARNHEM UNIVERSITY", 21840, 42),
        (2, "LERUM INSTITUTE OF TECHNOLOGY", 12480, 24),
    ]
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (2, 2, 94)


def test_a_comparison_boxs_figures_are_never_the_profiles() -> None:
    # The profile states no size rank and no PCT figure of its own: the box's are Stockholm's.
    raw = BOX.replace("It is the 94th largest science and technology cluster in 2023.", "")
    r = extract(raw)
    assert (r.global_size_rank, r.global_intensity_rank, r.pct_applications) == (None, None, None)
    assert r.national_rank == 2


# A scraper's JSON whose units say its shares are fractions of the cluster's total.
FRACTIONS_JSON = """{
  "units": {"share": "fraction of the cluster's total (0-1)"},
  "profile": {
    "edition": 2025,
    "title": "Varnhem, Sweden",
    "pctApplications": 119,
    "topApplicants": [
      {"position": 1, "organisation": "VARNHEM KRAFT AB", "applications": 540, "share": 0.09},
      {"position": 2, "organisation": "LERUM PUMPS AB", "applications": 420, "share": 0.07}
    ],
    "technologyFields": {
      "patents": [
        {"label": "Computer tech.", "share": 0.27},
        {"label": "Other", "share": 0.73}
      ]
    },
    "collaboration": {"patents": {"share": 0.44, "topLocations": ["Lerum", "Borås"]}}
  }
}
"""


def test_a_data_files_shares_stated_as_fractions_in_its_units_are_percents() -> None:
    r = extract(FRACTIONS_JSON, "x.json", "yaml")
    assert ranked(r.top_pct_applicants) == [
        (1, "VARNHEM KRAFT AB", 540, 9),
        (2, "LERUM PUMPS AB", 420, 7),
    ]
    assert pairs(r.patent_fields) == [("Computer tech.", 27), ("Other", 73)]
    assert r.patent_collaboration is not None and r.patent_collaboration.share == 44
    assert r.evidence["top_pct_applicants[0].share"].text == "0.09"


def test_a_data_files_fractions_without_such_a_note_stay_unread_as_shares() -> None:
    raw = FRACTIONS_JSON.replace('"share": "fraction', '"note": "fraction')
    r = extract(raw, "x.json", "yaml")
    assert all(e.share != 9 for e in r.top_pct_applicants)


# A designed one-pager's two collaboration statements side by side, each share in a ring beside
# the middle line of its sentence, as the page's table reader lays them: a share column and a
# sentence column each.
RING_LINES = [
    ("", "of Varnhem's PCT patent applications are filed", "", "of Varnhem's articles are"),
    ("", "in collaboration with other inventors, with", "", "published in collaboration"),
    ("4%", "Lerum, Borås and Alingsås as the top locations.", "48%", "with Lerum, Borås and Oslo."),
]


def test_two_ringed_shares_beside_the_lines_of_their_sentences() -> None:
    raw = "\n".join("   ".join(cells) for cells in RING_LINES)
    rows, pos = [], 0
    for cells in RING_LINES:
        row = []
        for cell in cells:
            at = raw.index(cell, pos) if cell else pos
            row.append(MappedText.verbatim(raw, at, at + len(cell)) if cell else MappedText("", []))
            pos = at + len(cell)
        rows.append(tuple(row))
    blocks = share_tile_blocks([Block(BlockKind.TABLE, rows=tuple(rows))])
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert blocks[0].text.text == (
        "4% of Varnhem's PCT patent applications are filed in collaboration with other"
        " inventors, with Lerum, Borås and Alingsås as the top locations."
    )
    assert blocks[1].text.text.startswith("48% of Varnhem's articles are published")
    a, b = blocks[1].text.raw_span(0, 3)
    assert raw[a:b] == "48%"
    # A table whose first column holds more than one figure is no pair of tiles.
    other = [rows[0], (rows[2][0], rows[1][1], rows[2][2], rows[1][3]), rows[2]]
    assert share_tile_blocks([Block(BlockKind.TABLE, rows=tuple(other))])[0].kind is BlockKind.TABLE


# A real PDF's text of side-by-side lists: the right list's name rest ends the left list's
# next row, a blank line between it and its row.
RIGHT_REST = laid(
    [(0, "Varnhem, Sweden")],
    [(0, "Global Innovation Index 2024")],
    [],
    [(0, "Top PCT applicants"), (68, "Top publishing organizations")],
    [],
    [(46, "Patents     Share"), (115, "Articles   Share")],
    [],
    [
        (0, "1    VARNHEM KRAFT AB"),
        (51, "188      16%"),
        (68, "1    VARNHEM UNIVERSITY"),
        (112, "5,912      39%"),
    ],
    [(68, "2    LERUM HOSPITAL"), (112, "3,180      21%")],
    [],
    [
        (0, "2    LERUM PUMPS AB"),
        (51, "118      10%"),
        (68, "3    CNRS, DÉLÉGATION VÄST"),
        (112, "1,820      12%"),
    ],
    [],
    [(0, "3    ALINGSÅS MINES AB"), (52, "83       7%"), (73, "GÖTALAND")],
)


def test_a_right_lists_name_rest_ending_the_left_lists_row_after_a_blank() -> None:
    r = extract(RIGHT_REST)
    assert ranked(r.top_publishers) == [
        (1, "VARNHEM UNIVERSITY", 5912, 39),
        (2, "LERUM HOSPITAL", 3180, 21),
        (3, "CNRS, DÉLÉGATION VÄST GÖTALAND", 1820, 12),
    ]
    assert [e.name for e in r.top_pct_applicants] == [
        "VARNHEM KRAFT AB",
        "LERUM PUMPS AB",
        "ALINGSÅS MINES AB",
    ]


# A markdown brief grouping its sections by kind: a generic breakdown heading under "## Patents".
BY_KIND = """# Varnhem, Sweden

Global Innovation Index 2024. Varnhem filed 128 PCT applications per 1 million inhabitants.

## Publications

### Top science fields

- Engineering: 60%
- Other: 40%

## Patents

### Top PCT applicants

_No applicant-level data is available for this cluster in this edition._

### Top technology fields

- Computer technology: 58%
- Other: 42%
"""


def test_a_generic_breakdown_heading_under_a_kinds_heading_is_that_kinds() -> None:
    r = extract(BY_KIND, "x.md", "markdown")
    assert pairs(r.patent_fields) == [("Computer technology", 58), ("Other", 42)]
    assert pairs(r.publication_fields) == [("Engineering", 60), ("Other", 40)]
