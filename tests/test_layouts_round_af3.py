"""A spreadsheet saved as CSV in long form (set AF's af06 kind), read by the mechanisms added
for it: a title row cut at its unquoted comma, section names holding digits, a reviewer's
initials column, a breakdown leaving the Rank and Count columns empty, a one-figure section,
a prose cell restating its row's share, and a "Name / text" column title."""

from __future__ import annotations

from layout_fixtures import blocks, extract, pairs, ranked, span

SHEET = (
    "Lunvik, Norway — Global Innovation Index 2025,,,,,\n"
    "Section,Rank,Name / text,Count,Share (%),Checked by\n"
    'Headline,,"Lunvik is the third-ranked cluster, out of 7 Norwegian clusters, in 2025.",,,AB\n'
    "PCT applications filed (per 1 million inhabitants; last five years),,,412,,AB\n"
    "Top PCT applicants,1,LUNVIK UNIVERSITY,88,41,AB\n"
    '"Top PCT applicants",2,"FJORD TECH, AS",52,24,CD\n'
    "Technology fields – Patents,,Optics,,60,AB\n"
    "Technology fields – Patents,,Other,,40,AB\n"
    'Patent collaboration,,"9% of its PCT applications are filed in collaboration, with Bergen'
    ' and Oslo as the top collaborative locations.",,9,CD\n'
)


def test_a_long_form_sheet_is_read_section_by_section() -> None:
    b = blocks(SHEET, "csv")
    assert ("paragraph", "Lunvik, Norway — Global Innovation Index 2025") in b
    assert ("table", [["Name / text", "Share (%)"], ["Optics", "60"], ["Other", "40"]]) in b
    assert not any(k == "table" and "Checked by" in str(t) for k, t in b)  # initials dropped
    r = extract(SHEET, "lunvik.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Lunvik", "Norway", 2025)
    assert (r.national_rank, r.national_cluster_count) == (3, 7)
    assert r.pct_applications == 412
    assert span(r, SHEET, "pct_applications") == "412"
    assert ranked(r.top_pct_applicants) == [
        (1, "LUNVIK UNIVERSITY", 88, 41),
        (2, "FJORD TECH, AS", 52, 24),
    ]
    assert span(r, SHEET, "top_pct_applicants[1].name") == "FJORD TECH, AS"
    assert span(r, SHEET, "top_pct_applicants[0].share") == "41"
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert span(r, SHEET, "patent_fields[0].share") == "60"
    assert r.patent_collaboration.share == 9
    assert r.patent_collaboration.partners == ["Bergen", "Oslo"]


def test_a_label_with_a_digit_is_not_taken_for_a_prose_cell_restating_its_figure() -> None:
    # "in the top 100" holds no "10": the row stays a label and its value.
    sheet = (
        "section,rank,item,value,share\n"
        'Profile,,Cluster,"Lunvik, Norway",\n'
        "Profile,,Report,Global Innovation Index 2025,\n"
        "Overview,,National rank (out of 7 Norwegian clusters in the top 100),3,\n"
        "Overview,,PCT applications per 1 million inhabitants,412,\n"
        "Top PCT applicants,1,LUNVIK UNIVERSITY,88,41%\n"
        "Top PCT applicants,2,FJORD TECH AS,52,24%\n"
    )
    r = extract(sheet, "lunvik.csv", "csv")
    assert (r.national_rank, r.national_cluster_count) == (3, 7)
    assert span(r, sheet, "national_rank") == "3"
    assert r.pct_applications == 412


def test_a_title_row_with_more_filled_cells_than_its_surplus_stays_a_row() -> None:
    # Three filled cells in a row one cell wider than the sheet: not one title cut in two.
    sheet = "Rank,Name,Count\n1,A,2,3\n2,B,4\n3,C,5\n"
    b = blocks(sheet, "csv")
    assert ("paragraph", "1,A,2,3") not in b
    assert any(k == "table" and ["1", "A", "2", "3"] in t for k, t in b)
