"""Layout mechanisms added for the testers' round BM sheets (an analyst's workbook, a
hand-built sheet saved as CSV): each test is a small inline input for one mechanism, checking
the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import ev, extract, ranked

WORKBOOK_ROWS = (
    "Nordhaven, Norway\n\n"
    "Cluster\tNordhaven\n"
    "Economy\tNorway\n"
    "National rank (among the economy's top-100 clusters)\t2\n"
    "Number of Norwegian clusters in the top 100\t3\n"
    "Global rank – size\t58\n"
    "Global rank – intensity (relative to population density)\t41\n"
)


def test_a_sheet_row_titles_ranks_by_a_dash_and_an_aside_and_counts_by_number() -> None:
    r = extract(WORKBOOK_ROWS, "x.tsv", "csv")
    assert (r.national_rank, r.national_cluster_count) == (2, 3)
    assert (r.global_size_rank, r.global_intensity_rank) == (58, 41)
    assert ev(r, "national_rank") == "2"
    assert ev(r, "national_cluster_count") == "3"
    assert ev(r, "global_size_rank") == "58"
    assert ev(r, "global_intensity_rank") == "41"
    # an aside naming a year is an earlier edition's rank
    dated = WORKBOOK_ROWS.replace("size\t", "size (2023)\t").replace("population density", "2023")
    r = extract(dated, "x.tsv", "csv")
    assert (r.global_size_rank, r.global_intensity_rank) == (None, None)


def test_the_number_of_clusters_in_the_economy_with_an_aside() -> None:
    raw = (
        "Cluster,Lundholm,,\r\nEconomy,Sweden,,\r\nNational rank,2,,\r\n"
        "Number of clusters in economy (top 100),5,,\r\nGlobal rank by size,77,,\r\n"
    )
    r = extract(raw, "x.csv", "csv")
    assert (r.national_rank, r.national_cluster_count) == (2, 5)
    assert ev(r, "national_cluster_count") == "5"


COLLAB_SHEET = (
    "Nordhaven, Norway,,,\r\n"
    ",,,\r\n"
    "Collaboration,Share in collaboration,Top collaborating locations,\r\n"
    "PCT patent applications,7%,Bergvik,\r\n"
    ",,Lundholm,\r\n"
    ",,Fjordby-Skarsund,\r\n"
    "Scientific articles,51%,Bergvik,\r\n"
    ",,Tromvik,\r\n"
    ",,,\r\n"
    "Top PCT applicants,,,\r\n"
    "Rank,Applicant,Patents,Share\r\n"
    "1,NORDHAVEN MARINE AS,412,9%\r\n"
    "2,FJORD ROBOTICS AS,233,5%\r\n"
)


def test_partners_one_a_row_down_the_locations_column_of_a_collaboration_table() -> None:
    r = extract(COLLAB_SHEET, "x.csv", "csv")
    pat, pub = r.patent_collaboration, r.publication_collaboration
    assert pat is not None and pub is not None
    assert (pat.share, pat.partners) == (7, ["Bergvik", "Lundholm", "Fjordby-Skarsund"])
    assert (pub.share, pub.partners) == (51, ["Bergvik", "Tromvik"])
    assert ev(r, "patent_collaboration.partners[2]") == "Fjordby-Skarsund"
    assert ev(r, "publication_collaboration.partners[1]") == "Tromvik"
    assert ev(r, "publication_collaboration.share") == "51"
    # the heading in the first column after the table is still a heading of its own list
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN MARINE AS", 412, 9),
        (2, "FJORD ROBOTICS AS", 233, 5),
    ]


def test_a_row_continuing_a_column_stays_a_row_and_a_first_column_heading_does_not() -> None:
    from nlq.layout.text import text_blocks

    blocks = text_blocks(COLLAB_SHEET, delimited=True)
    rows = [[c.text for c in row] for b in blocks for row in (b.rows or ())]
    assert ["", "", "Lundholm"] in rows
    assert ["Collaboration", "Share in collaboration", "Top collaborating locations"] in rows
    assert not any(row and row[0] == "Top PCT applicants" for row in rows)
