"""Layouts of tester round P: PDF text with headings on the column-title line and a running
header on every page, an edition cited before the profile's own, an HTML table holding two
lists in row groups, a long (tidy) CSV export. Each test is a small inline input for one
mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract

# --- PDF text: a top list's heading on the line of its column titles --------------------------

HEADING_BESIDE_TITLES = OPENING + (
    "   Top PCT applicants                              Patents        Share\n"
    "   1   NORD AS                                        1 104          36%\n"
    "   2   HAVEN TEKNISKA                                   215           7%\n"
    "       HÖGSKOLAN\n"
    "\n"
    "   Top publishing organizations                   Articles        Share\n"
    "   1   NORDHAVEN UNIVERSITY                          14 020          44%\n"
    "   2   NORD AS                                        1 593           5%\n"
)


def test_a_heading_on_the_line_of_its_column_titles_names_the_list() -> None:
    r = extract(HEADING_BESIDE_TITLES)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 1104, 36), (2, "HAVEN TEKNISKA HÖGSKOLAN", 215, 7)]
    assert ev(r, "top_pct_applicants[0].count") == "1 104"
    name = ev(r, "top_pct_applicants[1].name")  # from its first line to its continuation
    assert name.startswith("HAVEN TEKNISKA ") and name.endswith("\n       HÖGSKOLAN")
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [(1, "NORDHAVEN UNIVERSITY", 14020, 44), (2, "NORD AS", 1593, 5)]
    assert ev(r, "top_publishers[0].count") == "14 020"


def test_a_bare_column_title_beside_count_titles_is_a_header_not_a_heading() -> None:
    raw = OPENING + (
        "Top PCT applicants\n\n"
        "Applicant            Patents    Share\n"
        "NORD AS                  146      12%\n"
        "HAVEN ASA                 74       6%\n"
    )
    r = extract(raw)
    assert [(a.name, a.count, a.share) for a in r.top_pct_applicants] == [
        ("NORD AS", 146, 12),
        ("HAVEN ASA", 74, 6),
    ]


# --- a running header repeated at the top of every page --------------------------------------

RUNNING_HEADER = (
    "GLOBAL INNOVATION INDEX 2025          SCIENCE AND TECHNOLOGY CLUSTERS\n\n"
    + OPENING
    + "Top publishing organizations            Articles     Share\n"
    "1   NORDHAVEN UNIVERSITY                  14 020       44%\n"
    "2   NORD AS                                1 593        5%\n"
    "\n"
    "\fGLOBAL INNOVATION INDEX 2025          SCIENCE AND TECHNOLOGY CLUSTERS\n\n"
    "Top technology fields in Nordhaven\n\n"
    "Patents\n"
    "Computer tech.       60%\n"
    "Other                40%\n"
)


def test_a_line_repeated_at_the_top_of_each_page_is_a_running_header() -> None:
    texts = [b for b in blocks(RUNNING_HEADER) if "SCIENCE AND TECHNOLOGY" in str(b)]
    assert len(texts) == 1  # the first page keeps its copy; the second page's is furniture
    r = extract(RUNNING_HEADER)
    assert [p.name for p in r.top_publishers] == ["NORDHAVEN UNIVERSITY", "NORD AS"]
    assert [(f.field, f.share) for f in r.patent_fields] == [("Computer tech.", 60), ("Other", 40)]


def test_a_first_line_not_repeated_on_the_next_page_stays() -> None:
    raw = "Nordhaven cluster profile page one\n" + OPENING + "\fNordhaven, Norway (continued)\n"
    assert ("paragraph", "Nordhaven, Norway (continued)") in blocks(raw)


# --- an edition cited before the profile's own -------------------------------------------------


def test_the_edition_agrees_with_the_year_the_ranks_are_stated_for() -> None:
    raw = (
        "Page revised 03.06.2025 · see also: Bergen profile (GII 2022)\n\n"
        "Global Innovation Index 2024\n\n"
        "Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 in "
        "2024. It filed 1,204 PCT applications.\n"
    )
    r = extract(raw)
    assert r.edition == 2024
    start = r.evidence["edition"].start
    assert raw[start - 24 : start + 4] == "Global Innovation Index 2024"


def test_the_first_edition_named_is_kept_when_the_ranks_state_no_year() -> None:
    raw = (
        "Global Innovation Index 2023\n\n"
        "Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. See GII 2022.\n"
    )
    assert extract(raw).edition == 2023


# --- an HTML table with cells spanning rows: both top lists in row groups -----------------------

HTML_OPENING = (
    "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian "
    "clusters, in the top 100. It filed 1,204 PCT applications.</p>"
)
ROW_GROUPS = HTML_OPENING + (
    "<table><thead>"
    '<tr><th rowspan="2">List</th><th rowspan="2">Rank</th><th rowspan="2">Organization</th>'
    '<th colspan="2">Output</th></tr>'
    "<tr><th>Count</th><th>Share</th></tr></thead>"
    '<tbody><tr><th rowspan="2" scope="rowgroup">Top PCT applicants</th><td>1</td>'
    "<td>UNIVERSIT&Eacute; DE NORD</td><td>318</td><td>19%</td></tr>"
    "<tr><td>2</td><td>HAVEN INC.</td><td>184</td><td>11%</td></tr></tbody>"
    '<tbody><tr><th rowspan="2" scope="rowgroup">Top publishing organizations</th><td>1</td>'
    "<td>UNIVERSIT&Eacute; DE NORD</td><td>29&nbsp;614</td><td>51%</td></tr>"
    "<tr><td>2</td><td>NORD HOSPITAL</td><td>8&nbsp;710</td><td>15%</td></tr></tbody></table>"
)


def test_row_group_labels_of_an_html_table_name_its_lists() -> None:
    assert blocks(ROW_GROUPS, fmt="html")[2:5] == [
        ("paragraph", "Top PCT applicants"),
        (
            "table",
            [
                ["Rank", "Organization", "Count", "Share"],
                ["1", "UNIVERSITÉ DE NORD", "318", "19%"],
                ["2", "HAVEN INC.", "184", "11%"],
            ],
        ),
        ("paragraph", "Top publishing organizations"),
    ]
    r = extract(ROW_GROUPS, name="x.html", fmt="html")
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "UNIVERSITÉ DE NORD", 318, 19), (2, "HAVEN INC.", 184, 11)]
    assert ev(r, "top_pct_applicants[0].name") == "UNIVERSIT&Eacute; DE NORD"
    assert ev(r, "top_pct_applicants[1].share") == "11"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [(1, "UNIVERSITÉ DE NORD", 29614, 51), (2, "NORD HOSPITAL", 8710, 15)]
    assert ev(r, "top_publishers[0].count") == "29&nbsp;614"


def test_a_header_of_two_rows_is_one_and_spanned_places_stay_empty() -> None:
    raw = (
        '<table><tr><th rowspan="2">Rank</th><th rowspan="2">Applicant</th>'
        '<th colspan="2">Output</th></tr><tr><th>Patents</th><th>Share</th></tr>'
        '<tr><td rowspan="2">2</td><td>NORD AS</td><td>74</td><td>6%</td></tr>'
        "<tr><td>HAVEN ASA</td><td>74</td><td>6%</td></tr></table>"
    )
    assert blocks(raw, fmt="html") == [
        (
            "table",
            [
                ["Rank", "Applicant", "Patents", "Share"],
                ["2", "NORD AS", "74", "6%"],
                ["", "HAVEN ASA", "74", "6%"],
            ],
        )
    ]


def test_a_table_spanning_only_columns_is_read_as_written() -> None:
    raw = "<table><tr><th colspan=2>Patents</th></tr><tr><td>Optics</td><td>35%</td></tr></table>"
    assert blocks(raw, fmt="html") == [("paragraph", "Patents"), ("table", [["Optics", "35%"]])]


# --- a long (tidy) CSV export: one fact a row -------------------------------------------------

LONG_CSV = (
    "\ufeffsection,rank,item,value,share\r\n"
    "Profile,,Report,Global Innovation Index 2024,\r\n"
    'Profile,,Cluster,"Nordhaven, Norway",\r\n'
    "Overview,,National rank (out of 9 Norwegian clusters in the top 100),3,\r\n"
    'Overview,,PCT applications per 1 million inhabitants (last five years),"1,204",\r\n'
    "Overview,,Rank by size (largest S&T cluster in 2024),32,\r\n"
    "Overview,,Rank by intensity (relative to population density) in 2024,33,\r\n"
    "Top PCT applicants,1,NORD AS,146,12%\r\n"
    "Top PCT applicants,2,HAVEN ASA,74,6%\r\n"
    "Patent collaboration,,Share of PCT applications filed in collaboration with other "
    "inventors,,6%\r\n"
    "Patent collaboration,2,Top collaborative location,Bergen,\r\n"
    "Patent collaboration,1,Top collaborative location,Oslo,\r\n"
    "Patent collaboration,3,Top collaborative location,Boston-Cambridge,\r\n"
    ",,,,\r\n"
    "Exported 2026-01-22 from sheet 'GII clusters 2023-2025',,,,\r\n"
)


def test_a_long_export_gives_its_title_and_ranks_in_label_rows() -> None:
    r = extract(LONG_CSV, name="x.csv", fmt="csv")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert ev(r, "cluster") == "Nordhaven"
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_rank") == "3" and ev(r, "national_cluster_count") == "9"
    assert (r.global_size_rank, r.global_intensity_rank) == (32, 33)  # never the 2024 in a label
    assert ev(r, "global_size_rank") == "32" and ev(r, "global_intensity_rank") == "33"
    assert r.pct_applications == 1204 and ev(r, "pct_applications") == "1,204"
    assert [(a.rank, a.name) for a in r.top_pct_applicants] == [(1, "NORD AS"), (2, "HAVEN ASA")]


def test_collaboration_in_label_rows_takes_its_partners_in_rank_order() -> None:
    r = extract(LONG_CSV, name="x.csv", fmt="csv")
    c = r.patent_collaboration
    assert c is not None and c.share == 6 and ev(r, "patent_collaboration.share") == "6"
    assert c.partners == ["Oslo", "Bergen", "Boston-Cambridge"]
    assert ev(r, "patent_collaboration.partners[1]") == "Bergen"
    assert r.publication_collaboration is None


def test_a_label_row_with_a_rank_is_no_share_and_a_name_is_no_partner_without_its_label() -> None:
    raw = LONG_CSV.replace("Top collaborative location,Bergen", "Top collaborative note,Bergen")
    c = extract(raw, name="x.csv", fmt="csv").patent_collaboration
    assert c is not None and c.partners == ["Oslo", "Boston-Cambridge"]


def test_row_groups_under_titles_for_the_figures_only() -> None:
    raw = (
        "<table><tr><th>Rank</th><th>Organization</th><th>Count</th><th>Share</th></tr>"
        '<tr><td rowspan="2">Top PCT applicants</td><td>1</td><td>NORD AS</td><td>146</td>'
        "<td>12%</td></tr><tr><td>2</td><td>HAVEN ASA</td><td>74</td><td>6%</td></tr></table>"
    )
    assert blocks(raw, fmt="html") == [
        ("paragraph", "Top PCT applicants"),
        (
            "table",
            [
                ["Rank", "Organization", "Count", "Share"],
                ["1", "NORD AS", "146", "12%"],
                ["2", "HAVEN ASA", "74", "6%"],
            ],
        ),
    ]
