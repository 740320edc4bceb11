"""Rules added for data sheets (a workbook's key-value summary, a semicolon CSV, a long-format
export typed by a section column): each test is a small inline sheet of a fictional cluster for
one rule, checking the values and their exact evidence on the rules path."""

from __future__ import annotations

from pathlib import Path

from layout_fixtures import blocks, extract, span

from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import read_document

SUMMARY = (
    "Indicator;Value;;\n"
    "Edition;2025;;\n"
    "Cluster;Nordhaven;;\n"
    "Economy;Norway;;\n"
    "National rank;3;;\n"
    "{count}"
    "Global rank by size;61;;\n"
    "{intensity}"
    "PCT applications;1204;;\n"
    "Scientific articles;12345;;\n"
)


def _summary(count: str = "", intensity: str = "Global rank by intensity;44;;\n") -> str:
    return SUMMARY.format(count=count, intensity=intensity)


def test_column_titles_over_label_value_rows_head_one_key_value_table() -> None:
    raw = _summary()
    tables = [rows for kind, rows in blocks(raw, "csv") if kind == "table"]
    assert tables[0][:3] == [["Indicator", "Value"], ["Edition", "2025"], ["Cluster", "Nordhaven"]]
    r = extract(raw, "x.csv", "csv")
    assert r.edition == 2025
    assert r.evidence["edition"].start == raw.index("2025")
    # titles over one row of figures are still the figures' labels
    pasted = "Cluster;Economy\nNordhaven;Norway\n\nNational rank;Global size rank\n3;61\n"
    assert ("table", [["National rank", "3"], ["Global size rank", "61"]]) in blocks(pasted, "csv")


def test_the_clusters_of_the_economy_in_the_top_100_are_the_national_count() -> None:
    raw = _summary(count="Clusters of the economy in top 100;4;;\n")
    r = extract(raw, "x.csv", "csv")
    assert r.national_cluster_count == 4
    assert r.evidence["national_cluster_count"].start == raw.index("4;;\nGlobal rank by size")


def test_an_economy_adjective_names_the_national_count() -> None:
    raw = _summary(count="Norwegian clusters in the top 100;9;;\n")
    r = extract(raw, "x.csv", "csv")
    assert r.national_cluster_count == 9
    assert span(r, raw, "national_cluster_count") == "9"
    # clusters in the top 100 naming no economy may be all of them
    for label in ("Clusters in top 100", "Global clusters in top 100"):
        raw = _summary(count=f"{label};100;;\n")
        assert extract(raw, "x.csv", "csv").national_cluster_count is None


def test_a_rank_titled_with_its_measure_in_parentheses() -> None:
    raw = _summary(intensity="Global rank (intensity);44;;\n").replace(
        "Global rank by size", "Global rank (size)"
    )
    r = extract(raw, "x.csv", "csv")
    assert (r.global_size_rank, r.global_intensity_rank) == (61, 44)
    assert r.evidence["global_intensity_rank"].start == raw.index("44")


def test_a_workbook_rank_titled_so_with_a_note_cell_beside_it(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    for row in (
        ("Nordhaven, Norway", None, None),
        (None, None, None),
        ("Indicator", "Value", "Note"),
        ("National rank", 3, "third of the Norwegian clusters"),
        ("Global rank (size)", 61, None),
        ("Global rank (intensity)", 44, "relative to population density"),
        ("PCT applications", 1204, "per 1 million inhabitants"),
    ):
        ws.append(row)
    path = tmp_path / "nordhaven.xlsx"
    wb.save(path)
    doc = read_document(path)
    r = RulesExtractor().extract(doc).record
    assert check_evidence(r, doc.raw) == []
    assert (r.global_size_rank, r.global_intensity_rank) == (61, 44)
    assert span(r, doc.raw, "global_intensity_rank") == "44"


EXPORT = (
    "section,rank,name,value,share_pct\n"
    "profile,,Cluster,Nordhaven,\n"
    "profile,,Economy,Norway,\n"
    "profile,,National rank,3,\n"
    "profile,,PCT applications,1204,\n"
    "top_pct_applicants,1,FJELL MARINE AS,212,18\n"
    "top_pct_applicants,2,NORDHAVEN UNIVERSITY,97,8\n"
    "patent_collaboration,,Share filed in collaboration,,23\n"
    "patent_collaboration,1,Bergen,,\n"
    "patent_collaboration,2,Oslo,,\n"
    "publication_collaboration,,Share published in collaboration,,71\n"
    "publication_collaboration,2,Stockholm,,\n"
    "publication_collaboration,1,Oslo,,\n"
)


def test_a_long_export_gives_the_collaboration_share_bare_and_a_partner_a_row() -> None:
    r = extract(EXPORT, "x.csv", "csv")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        23,
        ["Bergen", "Oslo"],
    )
    # partners in the order of their ranks
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        71,
        ["Oslo", "Stockholm"],
    )
    assert r.evidence["patent_collaboration.share"].start == EXPORT.index("23\n")
    assert span(r, EXPORT, "publication_collaboration.partners[1]") == "Stockholm"


def test_a_bare_number_outside_a_share_column_is_no_collaboration_share() -> None:
    raw = EXPORT.replace(",,Share filed in collaboration,,23", ",,Share filed in collaboration,23,")
    r = extract(raw, "x.csv", "csv")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share is None
    assert r.patent_collaboration.partners == ["Bergen", "Oslo"]


DECIMAL_COMMAS = (
    "sep=;\n"
    "section;rank;name;value;share\n"
    "profile;;Cluster;Nordhaven;\n"
    "profile;;Economy;Norway;\n"
    "top_pct_applicants;1;FJELL MARINE AS;212;18,4\n"
    "top_pct_applicants;2;NORDHAVEN UNIVERSITY;97;8,1\n"
    "top_publishers;1;NORDHAVEN UNIVERSITY;1.204;41,0\n"
    "top_publishers;2;FJELL HOSPITAL;1.016;23,5\n"
    "patent_fields;;Optics;;61,5\n"
    "patent_fields;;Other;;38,5\n"
    "patent_collaboration;;Share in collaboration;;11,2\n"
    "patent_collaboration;1;Bergen;;\n"
)


def test_a_semicolon_export_writes_bare_shares_with_a_decimal_comma() -> None:
    r = extract(DECIMAL_COMMAS, "x.csv", "csv")
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "FJELL MARINE AS", 212, 18.4),
        (2, "NORDHAVEN UNIVERSITY", 97, 8.1),
    ]
    assert [(e.count, e.share) for e in r.top_publishers] == [(1204, 41.0), (1016, 23.5)]
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 61.5), ("Other", 38.5)]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 11.2
    assert span(r, DECIMAL_COMMAS, "top_pct_applicants[1].share") == "8,1"
    assert span(r, DECIMAL_COMMAS, "patent_collaboration.share") == "11,2"


def test_a_decimal_comma_outside_a_share_column_is_no_share() -> None:
    raw = DECIMAL_COMMAS.replace("section;rank;name;value;share", "section;rank;name;value;note")
    r = extract(raw, "x.csv", "csv")
    assert all(e.share is None for e in r.top_pct_applicants)
    assert r.patent_collaboration is None or r.patent_collaboration.share is None
