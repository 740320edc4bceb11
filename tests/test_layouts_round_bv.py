"""Rules added for round BV's layouts (a BI tool's one-record export, an API's JSON envelope):
each test is a small inline export of a fictional cluster for one rule, checking the values and
their exact evidence on the rules path."""

from __future__ import annotations

from layout_fixtures import blocks, extract, ranked, span

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
