"""Rules added after round CH and the held-out cases: each test is a small inline document of
a fictional cluster for one rule, checking the values and their exact evidence on the rules
path."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, blocks, ev, extract, laid, pairs, ranked


def _glued(first: str, second: str) -> str:
    """A PDF's side-by-side lists, each row alone between blank lines, the left list's ranks
    one space from their names."""
    return (
        OPENING
        + laid([(0, "Top PCT applicants"), (60, "Top publishing organizations")])
        + "\n\n"
        + laid([(44, "Patents  Share"), (104, "Articles Share")])
        + "\n\n"
        + laid(
            [(0, first), (46, "54   15%"), (60, "1  NORDHAVEN UNIVERSITET"), (102, "16 400   40%")]
        )
        + "\n\n"
        + laid([(0, second), (46, "29    8%"), (60, "2  HAVN INSTITUTT"), (103, "6 150   15%")])
        + "\n"
    )


def test_ranks_one_space_from_their_names_are_split_off_when_they_count_down_the_list() -> None:
    raw = _glued("1 FJORD BIOTEKNOLOGI AS", "2 HAVN ENERGI, ASA")
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD BIOTEKNOLOGI AS", 54, 15),
        (2, "HAVN ENERGI, ASA", 29, 8),
    ]
    assert (ev(r, "top_pct_applicants[1].rank"), ev(r, "top_pct_applicants[1].name")) == (
        "2",
        "HAVN ENERGI, ASA",
    )
    assert ranked(r.top_publishers)[1] == (2, "HAVN INSTITUTT", 6150, 15)


def test_a_name_that_begins_with_a_number_out_of_rank_order_is_left_whole() -> None:
    r = extract(_glued("3 FJORD BIOTEKNOLOGI AS", "7 HAVN ENERGI, ASA"))
    assert [e.name for e in r.top_pct_applicants] == [
        "3 FJORD BIOTEKNOLOGI AS",
        "7 HAVN ENERGI, ASA",
    ]
    assert [e.rank for e in r.top_pct_applicants] == [None, None]


def _report(marker: str, footnote: str) -> str:
    """A report chapter's PDF text naming the economy only in a sentence that a footnote
    reference, alone on its line, cuts in two."""
    return (
        "Innovation Scan 2024 — Nordhaven                                   Chapter 3\n\n"
        "The Global Innovation Index ranks the world's 100 largest science and technology\n"
        "clusters by their PCT applications and articles. This chapter summarises the profile of\n"
        f"{marker}\n"
        "Nordhaven, Norway in the 2024 edition\n"
        "3.1   Position\n" + BODY + f"{footnote}\n"
    )


def test_a_footnote_reference_alone_on_its_line_mid_sentence_is_left_out() -> None:
    note = "1 World Intellectual Property Organization (2024). Global Innovation Index 2024."
    r = extract(_report("1.", note))
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "economy") == "Norway"


def test_a_lone_number_without_its_footnote_below_is_kept() -> None:
    r = extract(_report("1.", "Source: WIPO (2024)."))
    assert (r.cluster, r.economy) == ("Nordhaven", "")  # the sentence stays cut in two


# A PDF's field grid, each row between blank lines, its last left field wrapped with its share
# at the start of the next line beside the left list's last field.
GRID = (
    OPENING
    + "Top technology fields in Nordhaven\n\n"
    + laid([(0, "Patents"), (68, "Publications")])
    + "\n"
    + laid([(1, "Computer technology (9%)"), (34, "Transport (6%)"), (70, "Chemistry (52%)")])
    + "\n\n"
    + laid([(1, "Semiconductors (7%)"), (34, "Optics (5%)"), (70, "Other (48%)")])
    + "\n\n"
    + laid([(1, "Audio-visual technology")])
    + "\n"
    + laid([(1, "(6%)"), (34, "Other (67%)")])
    + "\n\n"
)


def test_a_grids_last_field_wrapped_before_its_share_is_read_with_it_in_its_list() -> None:
    r = extract(GRID)
    assert pairs(r.patent_fields) == [
        ("Computer technology", 9),
        ("Transport", 6),
        ("Semiconductors", 7),
        ("Optics", 5),
        ("Audio-visual technology", 6),
        ("Other", 67),
    ]
    assert pairs(r.publication_fields) == [("Chemistry", 52), ("Other", 48)]
    assert ev(r, "patent_fields[4].share") == "6"


# Markdown: the patent partners as a numbered list under the sentence that ends "... are:",
# right after the publication fields' table.
AFTER_TABLE = (
    OPENING
    + "## Publication fields\n\n| Field | Share |\n|---|---|\n"
    + "| Chemistry | 60% |\n| Other | 40% |\n\n"
    + "17% of Nordhaven's PCT patent applications are filed in collaboration with other "
    + "inventors. The top collaborative locations are:\n\n1. Bergen\n2. London\n3. Munich\n\n"
)


def test_partners_listed_under_a_label_ending_in_are_after_a_fields_table_are_read() -> None:
    r = extract(AFTER_TABLE, "x.md", "markdown")
    assert r.patent_collaboration.share == 17
    assert r.patent_collaboration.partners == ["Bergen", "London", "Munich"]
    assert ev(r, "patent_collaboration.partners[2]") == "Munich"
    assert [p.field for p in r.publication_fields] == ["Chemistry", "Other"]


# Markdown: each kind's collaboration under a bold kind title, its partners a numbered list
# nested under the label's bullet.
BOLD_KINDS = (
    OPENING
    + "### Collaboration\n\n**Patents**\n\n"
    + "- Share of PCT applications filed in collaboration with inventors in other locations: "
    + "**47%**\n- Top collaborative locations:\n    1. Bergen\n    2. Oslo\n\n"
    + "**Publications**\n\n"
    + "- Share of scientific articles published in collaboration with other organizations: "
    + "**69%**\n- Top collaborating locations:\n    1. Oslo\n    2. Tromsø\n"
)


def test_a_bold_kind_title_after_a_partner_list_is_no_partner() -> None:
    r = extract(BOLD_KINDS, "x.md", "markdown")
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        47,
        ["Bergen", "Oslo"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        69,
        ["Oslo", "Tromsø"],
    )


def _footed(footer: str) -> str:
    """Two PDF pages, each ending in a running footer that opens with the year, its page
    number after a wide gap; the first page's footer right under the applicants' table."""
    return (
        OPENING
        + laid([(2, "Top PCT applicants"), (52, "Top publishing organizations")])
        + "\n\n"
        + laid(
            [(2, "1"), (6, "FJORD BIOTEKNOLOGI AS"), (34, "118"), (41, "19%")]
            + [(50, "1"), (54, "NORDHAVEN UNIVERSITET"), (82, "4,256"), (89, "28%")],
            [(2, "2"), (6, "HAVN ENERGI, ASA"), (35, "62"), (41, "10%")]
            + [(50, "2"), (54, "HAVN INSTITUTT"), (82, "1,976"), (89, "13%")],
        )
        + "\n\n\n\n"
        + laid([(2, footer), (94, "57")])
        + "\n\fTop technology fields in Nordhaven\n\n"
        + laid([(2, "Patents")])
        + "\n"
        + laid([(2, "Transport"), (34, "60%")])
        + "\n"
        + laid([(2, "Other"), (34, "40%")])
        + "\n\n"
        + laid([(2, footer), (94, "58")])
        + "\n"
    )


def test_a_running_footer_that_opens_with_its_year_is_no_ranked_row() -> None:
    r = extract(_footed("2025 · WIPO"))
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD BIOTEKNOLOGI AS", 118, 19),
        (2, "HAVN ENERGI, ASA", 62, 10),
    ]
    assert pairs(r.patent_fields) == [("Transport", 60), ("Other", 40)]
    assert not any("WIPO" in str(b) for b in blocks(_footed("2025 · WIPO")))  # both pages'


# A block editor's JSON export (Editor.js): each block's kind and its content under "data".
EDITOR_JSON = """{
  "time": 1733300000000,
  "blocks": [
    {"id": "a1", "type": "header", "data": {"text": "Nordhaven, Norway", "level": 1}},
    {"id": "a2", "type": "paragraph", "data": {"text": "Nordhaven is the 3rd-ranked cluster, \
out of 9 Norwegian clusters, in the top 100. It filed 1,204 PCT applications and published \
12,345 scientific articles."}},
    {"id": "a3", "type": "header", "data": {"text": "Top PCT applicants", "level": 2}},
    {"id": "a4", "type": "table", "data": {"withHeadings": true, "content": [
      ["Rank", "Applicant", "Patents", "Share"],
      ["1", "FJORD BIOTEKNOLOGI AS", "118", "19%"],
      ["2", "HAVN ENERGI, ASA", "62", "10%"]]}},
    {"id": "a5", "type": "list", "data": {"style": "unordered", "title": "Patent fields",
      "items": ["Transport (60%)", "Other (40%)"]}}
  ],
  "version": "2.30.7"
}
"""


def test_a_block_editors_json_is_read_block_by_block() -> None:
    r = extract(EDITOR_JSON, "x.json", "yaml")
    assert (r.cluster, r.economy, r.national_rank, r.scientific_articles) == (
        "Nordhaven",
        "Norway",
        3,
        12345,
    )
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD BIOTEKNOLOGI AS", 118, 19),
        (2, "HAVN ENERGI, ASA", 62, 10),
    ]
    assert pairs(r.patent_fields) == [("Transport", 60), ("Other", 40)]


# A European-locale long-format export: a version number in its head ("v2.1"), thousands
# dots, decimal-comma shares, and each collaboration share a row of its own, labelled; the
# patents' three partner rows are read under their item label, the publications' two beside it.
LONG_SEMICOLON = """Cluster profile export;;;;;
Tool: Regionsmonitor v2.1 · decimal comma · thousands dot;;;;;
section;item;rank;name;value;share (%)
profile;cluster;;Nordhaven;;
profile;economy;;Norway;;
profile;PCT applications per 1 million inhabitants;;;1.204;
profile;scientific articles per 1 million inhabitants;;;12.345;
top PCT applicants;organization;1;FJORD BIOTEKNOLOGI AS;5.620;31,5
top PCT applicants;organization;2;HAVN ENERGI ASA;2.900;16,3
patent collaboration;share in collaboration;;;;18,9
patent collaboration;top collaborating location;1;Bergen;;
patent collaboration;top collaborating location;2;Oslo;;
patent collaboration;top collaborating location;3;Aachen;;
publication collaboration;share in collaboration;;;;66,4
publication collaboration;top collaborating location;1;Oslo;;
publication collaboration;top collaborating location;2;Tromsø;;
"""


def test_a_long_semicolon_exports_dots_decimal_commas_and_labelled_shares_are_read() -> None:
    r = extract(LONG_SEMICOLON, "x.csv", "csv")
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD BIOTEKNOLOGI AS", 5620, 31.5),
        (2, "HAVN ENERGI ASA", 2900, 16.3),
    ]
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        18.9,
        ["Bergen", "Oslo", "Aachen"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        66.4,
        ["Oslo", "Tromsø"],
    )
    assert ev(r, "patent_collaboration.share") == "18,9"


# A designed page's text: the top lists at the left, the field breakdowns in a sidebar at the
# right, its title on the first list's heading line.
SIDEBAR = (
    OPENING
    + laid([(0, "TOP PCT APPLICANTS"), (90, "Top technology fields in Nordhaven")])
    + "\n"
    + laid([(56, "PATENTS"), (67, "SHARE")])
    + "\n"
    + laid([(0, "1"), (4, "FJORD BIOTEKNOLOGI AS"), (58, "5,620"), (69, "31%"), (90, "Patents")])
    + "\n"
    + laid([(0, "2"), (4, "HAVN ENERGI, ASA"), (58, "2,900"), (69, "16%"), (90, "Transport (60%)")])
    + "\n"
    + laid([(90, "Other (40%)")])
    + "\n"
    + laid([(0, "TOP PUBLISHING ORGANIZATIONS")])
    + "\n"
    + laid([(55, "ARTICLES"), (67, "SHARE")])
    + "\n"
    + laid(
        [(0, "1"), (4, "NORDHAVEN UNIVERSITET"), (57, "11,240"), (69, "47%"), (90, "Publications")]
    )
    + "\n"
    + laid([(0, "2"), (4, "HAVN INSTITUTT"), (58, "2,860"), (69, "12%"), (90, "Chemistry (52%)")])
    + "\n"
    + laid([(90, "Other (48%)")])
    + "\n"
)


def test_a_sidebar_of_breakdowns_beside_the_top_lists_is_read_after_them() -> None:
    r = extract(SIDEBAR)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD BIOTEKNOLOGI AS", 5620, 31),
        (2, "HAVN ENERGI, ASA", 2900, 16),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITET", 11240, 47),
        (2, "HAVN INSTITUTT", 2860, 12),
    ]
    assert pairs(r.patent_fields) == [("Transport", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 52), ("Other", 48)]


# A real PDF's intro: a three-line box at the right, titled as the previous edition, on the
# lines of the size and intensity ranks.
EARLIER_BOX = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It filed\n"
    "1,204 PCT applications and published 12,345 scientific articles, making it the:\n"
    + laid(
        [
            (4, "61st largest science and technology cluster in 2024"),
            (90, "Previous edition (GII 2023):"),
        ]
    )
    + "\n"
    + laid([(90, "57th largest, 9th by intensity,")])
    + "\n"
    + laid([(4, "8th S&T cluster by intensity in 2024"), (90, "3 120 PCT applications")])
    + "\n\n"
)


def test_a_three_line_box_titled_as_the_previous_edition_gives_none_of_its_figures() -> None:
    r = extract(EARLIER_BOX)
    assert (r.global_size_rank, r.global_intensity_rank, r.pct_applications) == (61, 8, 1204)
    assert ev(r, "global_intensity_rank") == "8th"


# A dashboard's long export: the rank labelled within the economy, the edition a row of its
# own, and the previous edition's rows under a section naming it by the index.
LONG_EDITIONS = (
    "Section;Rank;Label;Value;Share (%)\n"
    "Profile;;Edition;2024;\n"
    "Profile;;Cluster;Nordhaven;\n"
    "Profile;;Economy;Norway;\n"
    "Profile;;Rank within economy;2;\n"
    "Profile;;Number of clusters of the economy in the top 100;3;\n"
    "Profile;;Global rank by size;21;\n"
    "Top PCT applicants;1;FJORD BIOTEKNOLOGI AS;6204;37,8\n"
    "Top PCT applicants;2;HAVN ENERGI ASA;2431;14,8\n"
    "Previous edition (GII 2023, not comparable);;Global rank by size;23;\n"
    "Previous edition (GII 2023, not comparable);;Global rank by intensity;4;\n"
)


def test_a_long_exports_edition_row_beats_a_previous_editions_section() -> None:
    r = extract(LONG_EDITIONS, "x.csv", "csv")
    assert (r.edition, r.national_rank, r.national_cluster_count) == (2024, 2, 3)
    assert (r.global_size_rank, r.global_intensity_rank) == (21, None)
    assert ev(r, "edition") == "2024"


# A scraper's JSON: the page's title under a "heading" key, and markdown bold kept inside
# the strings of a list of records.
SCRAPED = """{
  "page": {
    "kicker": "Global Innovation Index 2024",
    "heading": "Nordhaven, Norway",
    "intro": "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. \
It filed **1,204 PCT applications** and published **12,345 scientific articles**.",
    "collaboration": [
      {"text": "58% of Nordhaven's scientific articles are published in collaboration with \
other organizations, with the top three collaborating locations being **Bergen**, \
**Boston-Cambridge, MA** and **Oslo**.", "highlighted": ["Bergen", "Oslo"]}
    ]
  }
}
"""


def test_a_scraped_pages_heading_key_and_bold_inside_its_strings_are_read() -> None:
    r = extract(SCRAPED, "x.json", "yaml")
    assert (r.cluster, r.economy, r.pct_applications) == ("Nordhaven", "Norway", 1204)
    assert r.publication_collaboration.share == 58
    assert r.publication_collaboration.partners == ["Bergen", "Boston-Cambridge, MA", "Oslo"]
    assert ev(r, "publication_collaboration.partners[0]") == "Bergen"


# A two-column page's text: a sidebar of last edition's figures at the right, and a blank on
# the left where only the sidebar has a line, inside the intro's sentence.
TWO_COLUMN = (
    laid([(1, "Global Innovation Index 2024"), (82, "Previous edition (GII 2023)")])
    + "\n"
    + laid([(82, "29th largest cluster · 14th by")])
    + "\n"
    + laid([(1, "Nordhaven, Norway"), (82, "intensity · 3 190 PCT")])
    + "\n"
    + laid([(82, "applications per million")])
    + "\n"
    + laid(
        [
            (1, "Nordhaven is the fifth-ranked cluster, out of 9 Norwegian clusters, that"),
            (82, "inhabitants"),
        ]
    )
    + "\n"
    + laid([(1, "falls within the top 100 S&T clusters in 2024. It filed 3 312 PCT")])
    + "\n"
    + laid([(82, "Other Norwegian clusters")])
    + "\n"
    + laid(
        [
            (1, "applications and published 2 964 scientific articles, both per 1"),
            (82, "Oslo (first-ranked),"),
        ]
    )
    + "\n"
    + laid([(1, "million inhabitants over the last five years."), (82, "Bergen, Trondheim")])
    + "\n"
    + laid([(1, "27th largest science and technology cluster in 2024"), (82, "Stavanger")])
    + "\n"
    + laid([(1, "12th S&T cluster by intensity in 2024")])
    + "\n\n"
)


def test_a_left_columns_sentence_goes_on_past_a_line_only_the_sidebar_fills() -> None:
    r = extract(TWO_COLUMN)
    assert (r.pct_applications, r.scientific_articles, r.global_size_rank) == (3312, 2964, 27)
    assert r.global_intensity_rank == 12  # not the sidebar's 2023 "14th by intensity"
    assert ev(r, "pct_applications") == "3 312"


# An infographic's text: a breakdown's rows run on under the applicants' table, untitled.
RUN_ON = (
    OPENING
    + "Top PCT applicants\n"
    + laid([(0, "1"), (4, "FJORD BIOTEKNOLOGI AS"), (60, "96"), (68, "10%")])
    + "\n"
    + laid([(0, "2"), (4, "HAVN ENERGI, ASA"), (60, "87"), (68, "9%")])
    + "\n"
    + laid([(13, "Pharmaceuticals"), (43, "10%")])
    + "\n"
    + laid([(13, "Civil engineering"), (43, "6%")])
    + "\n\n"
)


def test_rows_with_a_share_but_no_rank_or_count_under_ranked_rows_are_no_entries() -> None:
    r = extract(RUN_ON)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD BIOTEKNOLOGI AS", 96, 10),
        (2, "HAVN ENERGI, ASA", 87, 9),
    ]
    assert any("'Civil engineering' has no rank or count" in w for w in r.warnings)
