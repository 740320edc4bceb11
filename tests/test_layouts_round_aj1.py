"""Round AJ (1): a French-locale Excel CSV of "label;value" rows (a title row among them, a
dated "Exported" row after it, collaboration shares written as a sentence in a cell), and a
tidy long CSV of one fact per row with position and label columns and the cluster and economy
in columns of their own."""

from __future__ import annotations

from layout_fixtures import blocks, extract, ranked, span

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse

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
    # under a row of words only (values of the labels above it), labels over figures still pair
    raw = "Cluster\tEconomy\nLunvik\tNorway\nNational rank\tGlobal size rank\n3\t41\n"
    assert ("table", [["National rank", "3"], ["Global size rank", "41"]]) in blocks(raw, "csv")


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


TIDY = (
    "row_id,source,edition,cluster,economy,indicator,position,label,value,unit,retrieved\n"
    "1,GII 2025,2025,Lunvik,Norway,headline,,"
    '"third-ranked cluster, out of 7 Norwegian clusters, in the top 100",,,2026-01-02\n'
    "2,GII 2025,2025,Lunvik,Norway,pct_applications_per_1m,,"
    "PCT applications per 1 million inhabitants (last five years),88,count,2026-01-02\n"
    "3,GII 2025,2025,Lunvik,Norway,rank_size,,largest science and technology cluster in 2025,"
    "41st,rank,2026-01-02\n"
    "4,GII 2025,2025,Lunvik,Norway,top_pct_applicant,1,LUNVIK UNIVERSITY,52,patents,2026-01-02\n"
    "5,GII 2025,2025,Lunvik,Norway,top_pct_applicant_share,1,LUNVIK UNIVERSITY,40%,share,"
    "2026-01-02\n"
    "6,GII 2025,2025,Lunvik,Norway,top_pct_applicant,2,FJORD AS,26,patents,2026-01-02\n"
    "7,GII 2025,2025,Lunvik,Norway,top_pct_applicant_share,2,FJORD AS,20%,share,2026-01-02\n"
    "8,GII 2025,2025,Lunvik,Norway,patent_collaboration_share,,"
    "PCT patent applications filed in collaboration with other inventors,6%,share,2026-01-02\n"
    "9,GII 2025,2025,Lunvik,Norway,patent_collaboration_partner,1,Oslo,,,2026-01-02\n"
    "10,GII 2025,2025,Lunvik,Norway,patent_collaboration_partner,2,Bergen,,,2026-01-02\n"
)


def test_a_tidy_sheets_constant_columns_read_once_as_key_value_rows() -> None:
    first = blocks(TIDY, "csv")[0]
    assert first == (
        "table",
        [
            ["source", "GII 2025"],
            ["edition", "2025"],
            ["cluster", "Lunvik"],
            ["economy", "Norway"],
            ["retrieved", "2026-01-02"],
        ],
    )  # the row_id column differs on every row: not read
    r = extract(TIDY, "x.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Lunvik", "Norway", 2025)
    assert span(r, TIDY, "cluster") == "Lunvik"
    assert (r.national_rank, r.national_cluster_count) == (3, 7)


def test_a_position_and_label_column_and_a_unit_column_join_counts_and_shares() -> None:
    r = extract(TIDY, "x.csv", "csv")
    assert ranked(r.top_pct_applicants) == [
        (1, "LUNVIK UNIVERSITY", 52, 40),
        (2, "FJORD AS", 26, 20),
    ]
    assert span(r, TIDY, "top_pct_applicants[1].share") == "20"
    assert span(r, TIDY, "top_pct_applicants[1].name") == "FJORD AS"
    assert r.patent_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        6,
        ["Oslo", "Bergen"],
    )


def test_a_keyed_metrics_label_names_its_figure_and_an_ordinal_comes_first() -> None:
    r = extract(TIDY, "x.csv", "csv")
    assert (r.pct_applications, r.global_size_rank) == (88, 41)
    assert span(r, TIDY, "pct_applications") == "88"
    assert span(r, TIDY, "global_size_rank") == "41st"
    lines = [t for kind, t in blocks(TIDY, "csv") if kind == "paragraph"]
    assert "rank size: 41st largest science and technology cluster in 2025" in lines


def _grounded_size_rank(raw: str, fmt: str, quote: str) -> tuple[object, list]:
    g = ground(
        ClusterFacts.model_validate({"global_size_rank": {"value": 41, "quote": quote}}),
        SourceView.of(parse("x", raw, fmt)),
    )
    return g.values.get("global_size_rank"), g.problems


def test_an_edition_ending_the_label_cell_is_no_rival_of_the_rank_after_it() -> None:
    row = "3,GII 2025,2025,Lunvik,Norway,rank_size,,largest science and technology cluster in 2025,"
    row += "41st,rank,2026-01-02"
    assert _grounded_size_rank(TIDY, "csv", row) == (41, [])
    # across lines, in text, the year still stands between a label and another figure
    text = "Lunvik\n\n3rd largest science and technology cluster in 2025\n\n41st S&T cluster\n"
    value, problems = _grounded_size_rank(text, "text", text.strip())
    assert value is None and problems


def test_a_plain_metric_beside_keyed_ones_keeps_its_name_before_its_figure() -> None:
    raw = (
        "indicator,position,label,value\n"
        "edition,,Global Innovation Index,2025\n"
        "pct_applications_per_1m,,PCT applications per 1 million inhabitants,88\n"
        "title,,Lunvik,\n"
    )
    lines = [t for kind, t in blocks(raw, "csv") if kind == "paragraph"]
    assert lines[:2] == [
        "edition: Global Innovation Index 2025",
        "pct applications per 1m - PCT applications per 1 million inhabitants: 88",
    ]


def test_a_share_metric_with_a_percent_unit_joins_its_lists_entries() -> None:
    raw = TIDY.replace("FJORD AS,20%,share,", "FJORD AS,20,%,").replace(
        "LUNVIK UNIVERSITY,40%,share,", "LUNVIK UNIVERSITY,40,%,"
    )
    r = extract(raw, "x.csv", "csv")
    assert ranked(r.top_pct_applicants) == [
        (1, "LUNVIK UNIVERSITY", 52, 40),
        (2, "FJORD AS", 26, 20),
    ]
    assert span(r, raw, "top_pct_applicants[0].share") == "40"
