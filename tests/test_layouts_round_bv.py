"""Rules added for round BV's layouts (a BI tool's one-record export, an API's JSON envelope):
each test is a small inline export of a fictional cluster for one rule, checking the values and
their exact evidence on the rules path."""

from __future__ import annotations

from pathlib import Path

from layout_fixtures import blocks, extract, ranked, span
from openpyxl import Workbook

from nlq.evaluate import check_evidence
from nlq.extractors.grounding import ClusterFacts, SourceView, ground
from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse, read_document

_COLUMNS = (
    "record_id,edition,cluster_name,economy,rank_national,clusters_in_economy,"
    "rank_size_global,rank_intensity_global,pct_applications_per_1m_5y,sci_articles_per_1m_5y,"
    "pct_applicant_1_name,pct_applicant_1_patents,pct_applicant_1_share,"
    "pct_applicant_2_name,pct_applicant_2_patents,pct_applicant_2_share,"
    "pct_applicant_3_name,pct_applicant_3_patents,pct_applicant_3_share,"
    "patent_fields,patent_collab_share,patent_collab_top_locations,rank_size_global_prev_edition"
)
_VALUES = (
    "NO-NRD-01,2025,Nordhaven,Norway,3,9,61,44,1204,12345,"
    "FJELL MARINE AS,212,18%,NORDHAVEN UNIVERSITY,97,8%,,,,"
    '"Optics (60%); Other (40%)",23%,Bergen | Oslo,58'
)
EXPORT = _COLUMNS + "\n" + _VALUES + "\n"


def test_a_one_record_export_across_many_columns_reads_as_its_profile() -> None:
    r = extract(EXPORT, "x.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert (r.global_size_rank, r.global_intensity_rank) == (61, 44)  # not the previous 58
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    # slots numbered in the column names are the ranks; the unused third slot gives nothing
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 212, 18),
        (2, "NORDHAVEN UNIVERSITY", 97, 8),
    ]
    assert span(r, EXPORT, "top_pct_applicants[1].rank") == "2"
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]
    assert r.patent_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        23,
        ["Bergen", "Oslo"],
    )
    assert span(r, EXPORT, "patent_collaboration.partners[1]") == "Oslo"


def test_an_exports_size_line_under_the_record_is_no_list_entry() -> None:
    raw = EXPORT + "\nRows: 1,Columns: 23\n"
    r = extract(raw, "x.csv", "csv")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 212, 18),
        (2, "NORDHAVEN UNIVERSITY", 97, 8),
    ]
    assert r.top_publishers == []
    # a line of counts that are not the export's size is still read
    kept = blocks(EXPORT + "\nRows: 1,Columns: 7\n", "csv")
    assert kept[-1][0] == "table"


def test_a_two_row_table_whose_first_row_is_no_column_names_stays_a_table() -> None:
    raw = "Rank,Applicant,Patents,Share,Rank,Organization,Articles,Share\n"
    raw += "1,FJELL MARINE AS,212,18%,1,NORDHAVEN UNIVERSITY,5902,34%\n"
    assert [kind for kind, _ in blocks(raw, "csv")] == ["table"]
    header = [k for k, _ in blocks(EXPORT, "csv")]
    assert "heading" in header  # the export's slots: a list under its name


API = """{"meta": {"query": {"economy": "MX", "edition": "latest"}},
 "data": {"title": "Nordhaven, Norway", "edition": 2025,
          "headline": "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters."}}
"""


def test_an_api_envelope_and_its_request_are_no_part_of_the_profile() -> None:
    r = extract(API, "x.json", "yaml")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")  # not the query's "MX"
    assert span(r, API, "economy") == "Norway"


def test_a_callouts_rank_comes_before_a_related_clusters_rank_below_it() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.\n\n"
        "96th\nlargest science and technology cluster in 2024\n27th\n"
        "S&T cluster by intensity (relative to population density) in 2024\n\n"
        "Top PCT applicants\n\n1\tFJELL MARINE AS\t212\t18%\n\n"
        "Related clusters\nBergen, Norway\n18th largest · 12th by intensity\n"
    )
    r = extract(raw, "x.txt", "text")
    assert (r.global_size_rank, r.global_intensity_rank) == (96, 27)
    assert span(r, raw, "global_intensity_rank") == "27th"


def test_a_sheet_cut_by_tabs_is_not_cut_at_the_commas_in_its_cells(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    rows = [
        [
            "Downloaded 30/09/2025. Previous edition (2024): Nordhaven 47th by size, 15th by "
            "intensity."
        ],  # fmt: skip
        ["Global Innovation Index 2025 – science and technology cluster profile"],
        ["Nordhaven, Norway"],
        ["Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters."],
        ["Global rank by size (largest S&T clusters)", None, 45],
        ["Global rank by intensity (relative to population density)", None, 14],
        ["PCT applications (per 1 million inhabitants, last five years)", None, "2,930"],
        ["Top PCT applicants"],
        ["Rank", "Organization", "Patents", "Share"],
        [1, "FJELL MARINE, AS", "1,452", "22%"],
        [2, "NORDHAVEN UNIVERSITY", "1,188", "18%"],
    ]
    for row in rows:
        ws.append(row)
    path = tmp_path / "nordhaven.xlsx"
    wb.save(path)
    doc = read_document(path)
    r = RulesExtractor().extract(doc).record
    assert check_evidence(r, doc.raw) == []
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    # the previous edition's ranks, named "(2024)" in parentheses, are not the profile's
    assert (r.global_size_rank, r.global_intensity_rank) == (45, 14)
    assert r.pct_applications == 2930
    assert [(e.name, e.count) for e in r.top_pct_applicants] == [
        ("FJELL MARINE, AS", 1452),
        ("NORDHAVEN UNIVERSITY", 1188),
    ]


def test_a_web_address_with_the_page_number_ending_each_page_is_a_footer() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.\n\n"
        "Top PCT applicants\n"
        "1       FJELL MARINE AS                               212          18%\n"
        "2       NORDHAVEN UNIVERSITY                           97           8%\n\n\n\n"
        "agency.example.no/report-2025                                          14\n"
        "\fNordland Agency · Annual Report 2025\n\n"
        "63% of Nordhaven’s scientific articles are published in collaboration with other "
        "organizations, with the top\nthree collaborating locations being Oslo,\n\n\n\n"
        "agency.example.no/report-2025                                          15\n"
        "\fNordland Agency · Annual Report 2025\n\nBergen and Tromsø.\n\f"
    )
    r = extract(raw, "x.txt", "text")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 212, 18),
        (2, "NORDHAVEN UNIVERSITY", 97, 8),
    ]
    assert r.publication_collaboration is not None
    assert r.publication_collaboration.partners == ["Oslo", "Bergen", "Tromsø"]


def test_a_list_of_one_slot_in_a_wide_export_is_a_column_like_the_others() -> None:
    raw = EXPORT.replace("rank_size_global_prev_edition", "survey_1_wave").replace(",58\n", ",7\n")
    texts = [t for kind, t in blocks(raw, "csv") if kind == "paragraph"]
    assert "survey 1 wave: 7" in texts


def test_a_national_rank_row_spread_over_cells_with_out_of_between() -> None:
    raw = (
        "Nordhaven, Norway\n\nOverview\n"
        "Rank among Norwegian clusters in the top 100\t\t3\tout of\t\t9\n"
        "Global rank by size (largest S&T clusters)\t\t61\n"
    )
    r = extract(raw, "x.tsv", "csv")
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (3, 9, 61)
    assert span(r, raw, "national_cluster_count") == "9"


QUOTED = """Nordhaven, Norway

Top PCT applicants
                                                   Patents     Share
 1    NORDHAVEN TEKNISKE UNIVERSITET                    11       17%
      STIFTELSEN FOR MEDISINSK FORSKNING „OLAV
 2    TRYGGVASON” NORDHAVEN                              7       11%
 3    FJELL MARINE AS                                    5        8%
      AVDELING SØR
"""


def test_a_line_opening_a_quote_starts_the_next_rows_name() -> None:
    r = extract(QUOTED, "x.txt", "text")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN TEKNISKE UNIVERSITET", 11, 17),
        (2, "STIFTELSEN FOR MEDISINSK FORSKNING „OLAV TRYGGVASON” NORDHAVEN", 7, 11),
        (3, "FJELL MARINE AS AVDELING SØR", 5, 8),  # a rest below its row stays its rest
    ]
    assert span(r, QUOTED, "top_pct_applicants[1].name").startswith("STIFTELSEN")


FOUR_LINES = """Nordhaven, Norway

Top technology fields
Patents

 Computer                 Electrical               Optics (23%)
 technology (21%)         machinery,               Transport
                          apparatus, energy        (15%)
                          (7%)
 Medical technology       Civil engineering        Other (28%)
 (12%)                    (6%)
"""


def test_a_field_wrapped_over_four_lines_in_its_column_is_one_field() -> None:
    r = extract(FOUR_LINES, "x.txt", "text")
    assert sorted((f.field, f.share) for f in r.patent_fields) == [
        ("Civil engineering", 6),
        ("Computer technology", 21),
        ("Electrical machinery, apparatus, energy", 7),
        ("Medical technology", 12),
        ("Optics", 23),
        ("Other", 28),
        ("Transport", 15),
    ]
    assert check_evidence(r, FOUR_LINES) == []


def test_the_llm_paths_figures_of_a_one_record_export_ground_on_their_column_names() -> None:
    facts = {
        "national_rank": {"value": 3, "quote": EXPORT},
        "national_cluster_count": {"value": 9, "quote": EXPORT},
        "global_size_rank": {"value": 61, "quote": EXPORT},
        "global_intensity_rank": {"value": 44, "quote": EXPORT},
        "pct_applications": {"value": 1204, "quote": EXPORT},
    }
    doc = parse("x.csv", EXPORT, "csv")
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(doc))
    assert g.problems == []
    assert {k: EXPORT[a:b] for k, (a, b) in g.spans.items()} == {
        k: str(v["value"]) for k, v in facts.items()
    }
    # a figure under another column's name is refused: the earlier edition's size rank, the
    # size rank as the national one, the articles as the PCT figure
    for key, wrong in [
        ("global_size_rank", 58),
        ("national_rank", 61),
        ("pct_applications", 12345),
    ]:
        g = ground(
            ClusterFacts.model_validate({key: {"value": wrong, "quote": EXPORT}}),
            SourceView.of(doc),
        )
        assert [p.path for p in g.problems] == [key]
