"""Layouts of round Z/AA (third share): BI dashboard exports, API JSON, spreadsheet pastes."""

from __future__ import annotations

from layout_fixtures import ev, extract


def test_a_long_format_breakdown_after_a_ranked_list_is_no_part_of_that_list() -> None:
    raw = (
        'Title,"Nordhaven, Norway"\n,\n'
        "section,rank,name,count,share\n"
        "Top publishing organizations,1,NORDHAVEN UNIVERSITY,900,40%\n"
        "Top publishing organizations,2,NORDHAVEN HOSPITAL,300,13%\n,\n"
        "breakdown,field,share\n"
        "Patents,Pharmaceuticals,24%\nPatents,Biotechnology,17%\nPatents,Other,59%\n"
        "Publications,Clinical medicine,28%\nPublications,Chemistry,10%\n"
        "Publications,Other,62%\n"
    )
    record = extract(raw, "x.csv", "csv")
    assert [(p.rank, p.name, p.count, p.share) for p in record.top_publishers] == [
        (1, "NORDHAVEN UNIVERSITY", 900, 40),
        (2, "NORDHAVEN HOSPITAL", 300, 13),
    ]
    assert [(f.field, f.share) for f in record.patent_fields] == [
        ("Pharmaceuticals", 24),
        ("Biotechnology", 17),
        ("Other", 59),
    ]
    assert [(f.field, f.share) for f in record.publication_fields] == [
        ("Clinical medicine", 28),
        ("Chemistry", 10),
        ("Other", 62),
    ]
    assert ev(record, "patent_fields[0].field") == "Pharmaceuticals"
    assert ev(record, "publication_fields[0].share") == "28"


def test_a_metric_value_export_with_per_1m_labels_and_a_clusters_in_economy_row() -> None:
    raw = (
        'Title,"Nordhaven, Norway"\n,\nmetric,value\nNational rank,2\n'
        "Clusters in economy (Norwegian clusters),3\nGlobal size rank,71\n"
        'PCT applications per 1M inhabitants (last five years),"1 284"\n'
        'Scientific articles per 1M inhabitants (last five years),"9 806"\n'
    )
    record = extract(raw, "x.csv", "csv")
    assert (record.national_rank, record.national_cluster_count) == (2, 3)
    assert (record.pct_applications, record.scientific_articles) == (1284, 9806)
    assert ev(record, "national_cluster_count") == "3"
    assert ev(record, "pct_applications") == "1 284"
    assert ev(record, "scientific_articles") == "9 806"


def test_a_sheet_with_each_label_in_the_row_above_its_value() -> None:
    raw = (
        "Cluster\tEconomy\tEdition\nNordhaven\tNorway\t2024\n"
        "National rank\tGlobal size rank\tGlobal intensity rank\n3\t97\t41\n"
        "PCT applications (per 1M inhabitants, 5 yrs)\tScientific articles\n88\t6 120\n"
        "Patent fields\t\t\nBiotechnology\tFood chemistry\tOther\n31%\t22%\t47%\n"
        "Patent collaboration share\tTop partners\n14%\tTallinn; Helsinki\n"
        "Publication collaboration share\tTop partners\n71%\tTallinn; Helsinki; Uppsala\n"
    )
    record = extract(raw, "x.tsv", "csv")
    assert (record.cluster, record.economy, record.edition) == ("Nordhaven", "Norway", 2024)
    assert (record.national_rank, record.global_size_rank, record.global_intensity_rank) == (
        3,
        97,
        41,
    )
    assert (record.pct_applications, record.scientific_articles) == (88, 6120)
    assert [(f.field, f.share) for f in record.patent_fields] == [
        ("Biotechnology", 31),
        ("Food chemistry", 22),
        ("Other", 47),
    ]
    assert ev(record, "global_intensity_rank") == "41"
    assert ev(record, "scientific_articles") == "6 120"
    assert record.patent_collaboration is not None and record.publication_collaboration is not None
    assert record.patent_collaboration.share == 14
    assert record.patent_collaboration.partners == ["Tallinn", "Helsinki"]
    assert record.publication_collaboration.partners == ["Tallinn", "Helsinki", "Uppsala"]
    assert ev(record, "publication_collaboration.partners[2]") == "Uppsala"


def test_column_titles_over_several_rows_stay_a_table() -> None:
    raw = (
        "Nordhaven, Norway\n\nTop PCT applicants\n"
        "Rank\tApplicant\tPatents\tShare\n1\tNORDHAVEN AS\t52\t18%\n2\tFJORD LAB\t29\t10%\n"
    )
    record = extract(raw, "x.tsv", "csv")
    assert [(a.rank, a.name, a.count, a.share) for a in record.top_pct_applicants] == [
        (1, "NORDHAVEN AS", 52, 18),
        (2, "FJORD LAB", 29, 10),
    ]
