"""Round AJ (1): a French-locale Excel CSV of "label;value" rows (a title row among them, a
dated "Exported" row after it, collaboration shares written as a sentence in a cell), and a
tidy long CSV of one fact per row with position and label columns and the cluster and economy
in columns of their own."""

from __future__ import annotations

from layout_fixtures import blocks, extract, span

EXCEL = (
    "\ufeffCluster profile;;;;\r\n"
    "Source;Global Innovation Index 2024;;;\r\n"
    "Cluster;Lunvik-sur-Mer, France;;;\r\n"
    "Exported;12/02/2025 14:37;;;\r\n"
    "Headline;Lunvik-sur-Mer is the fifth-ranked cluster, out of 9 French clusters, that falls "
    "within the top 100 S&T clusters in 2024.;;;\r\n"
    "PCT applications (per 1 million inhabitants, last five years);1\u00a0046;;;\r\n"
    ";;;;\r\n"
    "Top PCT applicants;;;;\r\n"
    "Rank;Applicant;Patents;Share;\r\n"
    "1;LUNVIK OPTIQUE, SA;1\u00a0620;18\u00a0%;\r\n"
    "2;CNRS;990;11\u00a0%;\r\n"
    ";;;;\r\n"
    "Top technology fields;;;;\r\n"
    "Patents;Share;;Publications;Share\r\n"
    "Optics;60\u00a0%;;Physics;70\u00a0%\r\n"
    "Other;40\u00a0%;;Other;30\u00a0%\r\n"
    ";;;;\r\n"
    "Patent collaboration;9 % of Lunvik-sur-Mer's PCT patent applications are filed in "
    "collaboration with other inventors, with Paris, Grenoble and Lyon emerging as the top "
    "collaborative locations.;;;\r\n"
    "Publication collaboration;66 % of Lunvik-sur-Mer's scientific articles are published in "
    "collaboration with other organizations, with the top three collaborating locations being "
    "Paris, Grenoble and Geneva.;;;\r\n"
)


def test_label_value_rows_are_not_read_as_labels_over_values() -> None:
    # "Cluster;X, France" over "Exported;12/02/2025": two rows of a label;value run, not a
    # row of labels over a row of values ("Cluster" | "Exported").
    table = blocks(EXCEL, "csv")[1]
    assert table[0] == "table"
    assert table[1][:3] == [
        ["Source", "Global Innovation Index 2024"],
        ["Cluster", "Lunvik-sur-Mer, France"],
        ["Exported", "12/02/2025 14:37"],
    ]
    r = extract(EXCEL, "x.csv", "csv")
    assert (r.cluster, r.economy) == ("Lunvik-sur-Mer", "France")
    assert span(r, EXCEL, "cluster") == "Lunvik-sur-Mer"
    assert (r.national_rank, r.national_cluster_count, r.pct_applications) == (5, 9, 1046)
    assert span(r, EXCEL, "pct_applications") == "1\u00a0046"


def test_labels_over_values_still_read_column_by_column() -> None:
    raw = "Cluster\tEconomy\tEdition\nLunvik\tNorway\t2024\n"
    assert blocks(raw, "csv")[0] == (
        "table",
        [["Cluster", "Lunvik"], ["Economy", "Norway"], ["Edition", "2024"]],
    )


def test_collaboration_sentences_in_cells_are_read() -> None:
    r = extract(EXCEL, "x.csv", "csv")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        9,
        ["Paris", "Grenoble", "Lyon"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        66,
        ["Paris", "Grenoble", "Geneva"],
    )
    assert span(r, EXCEL, "patent_collaboration.share") == "9"
    assert span(r, EXCEL, "publication_collaboration.partners[2]") == "Geneva"
