"""Layout mechanisms added for the testers' round C text layouts (newswire, print files, org,
reST directives, chat copies, French-locale exports, numbered reports): each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

from __future__ import annotations

import pytest
from layout_fixtures import BODY, OPENING, extract, pairs, ranked, span


def test_a_newswire_dateline_names_the_economy_and_the_subject_the_cluster() -> None:
    raw = (
        "NORDHAVEN CLIMBS INTO THE TOP TEN\nNewswire | 27 September 2024\n\n"
        "NORDHAVEN, Norway — Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. "
        "It filed 1,204 PCT applications.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy, r.national_rank) == ("Nordhaven", "Norway", 3)
    assert span(r, raw, "cluster") == "Nordhaven"
    assert raw.index("Nordhaven is") == r.evidence["cluster"].start
    assert span(r, raw, "economy") == "Norway"


def test_a_dateline_whose_place_is_not_the_subject_names_no_economy() -> None:
    raw = "OSLO, Norway — Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n"
    r = extract(raw + "It filed 1,204 PCT applications.\n")
    assert (r.cluster, r.economy) == ("Nordhaven", "")


def test_a_top_list_in_prose_that_names_each_entry_before_its_rank() -> None:
    raw = OPENING + (
        "The top applicant is NORD SUBSEA, ranked first with 146 PCT applications, a 12% share. "
        "In second place is ILSBY YARD CO. with 74 applications (6%), tied with the "
        "third-placed NORD ELEKTRO, also at 74 applications and 6%.\n\n"
        "UNIVERSITY OF NORDHAVEN ranks first among publishing organizations with 27,449 "
        "articles, or 45% of the total. NORD HOSPITAL is second with 9,957 articles (16%).\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 146, 12),
        (2, "ILSBY YARD CO.", 74, 6),
        (3, "NORD ELEKTRO", 74, 6),
    ]
    assert span(r, raw, "top_pct_applicants[2].rank") == "third"
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 27449, 45),
        (2, "NORD HOSPITAL", 9957, 16),
    ]
    assert span(r, raw, "top_publishers[0].count") == "27,449"


def test_prose_with_two_names_before_one_count_is_no_list() -> None:
    raw = OPENING + (
        "NORD SUBSEA and ILSBY YARD are first with 146 PCT applications, a 12% share. "
        "NORD ELEKTRO is second with 74 applications (6%).\n"
    )
    assert extract(raw).top_pct_applicants == []


PRINT_FILE = """1RUN 2024-10-14  JOB RPT07      S&T CLUSTER PROFILE REPORT          PAGE    1
 CLUSTER ............: Nordhaven, Norway
 NATIONAL RANK ......: 2 OF 9 NORWEGIAN CLUSTERS
 GLOBAL RANK, SIZE ..: 86
 GLOBAL RANK, INTENS.: 93  (BY INTENSITY)
 PCT APPLICATIONS ...: 9       PER 1 MILLION INHABITANTS

 SECTION B - TOP PUBLISHING ORGANIZATIONS
 RNK  ORGANIZATION NAME                   SCI.      ART.
                                          ARTICLES  SHARE
 001  UNIVERSITY OF NORDHAVEN                3,040    38%
 002  NORD HOSPITAL                          1,760    22%
1RUN 2024-10-14  JOB RPT07      S&T CLUSTER PROFILE REPORT          PAGE    2
 SECTION B - TOP PUBLISHING ORGANIZATIONS (CONTINUED)
 003  NORD INSTITUTE                           400     5%
 ***  END OF SECTION B  (3 RECORDS)

 SECTION C - TOP TECHNOLOGY FIELDS
 C.1 PATENTS                              C.2 PUBLICATIONS
     Optics ..................... 61%        Biology ................... 70%
     Other ...................... 39%        Chemistry ................. 20%
                                              Other ..................... 10%

 SECTION D - COLLABORATION
 D.1 PATENTS ........: 55% OF PCT PATENT APPLICATIONS FILED IN COLLABORATION
     TOP LOCATIONS ..: Oslo / Bergen / Graz
 ***  END OF REPORT  PREVIOUS RUN 2023-10-09 (EDITION 2023)
"""


def test_a_print_file_with_dot_leaders_page_headers_and_trailers() -> None:
    r = extract(PRINT_FILE)
    assert (r.cluster, r.economy, r.national_rank, r.national_cluster_count) == (
        "Nordhaven",
        "Norway",
        2,
        9,
    )
    assert (r.global_size_rank, r.global_intensity_rank, r.pct_applications) == (86, 93, 9)
    assert span(r, PRINT_FILE, "global_intensity_rank") == "93"
    # The page header inside the table and the trailer line are not rows; the section goes on
    # after "(CONTINUED)".
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 3040, 38),
        (2, "NORD HOSPITAL", 1760, 22),
        (3, "NORD INSTITUTE", 400, 5),
    ]
    assert span(r, PRINT_FILE, "top_publishers[2].rank") == "003"
    assert not [w for w in r.warnings if "copy" in w or "rank" in w]
    # Side-by-side breakdowns under numbered headings, the longer one's last row in its column.
    assert pairs(r.patent_fields) == [("Optics", 61), ("Other", 39)]
    assert pairs(r.publication_fields) == [("Biology", 70), ("Chemistry", 20), ("Other", 10)]
    assert span(r, PRINT_FILE, "publication_fields[2].field") == "Other"
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 55
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Graz"]
    assert r.edition is None  # the trailer's "EDITION 2023" is gone with its line


def test_leaders_before_a_colon_go_and_leaders_between_columns_become_spaces() -> None:
    from nlq.layout.leaders import leader_edits
    from nlq.layout.rewrite import apply

    text = "SIZE ..: 86\nOptics ..... 61%   Other .... 9%\nand so on ... later\n"
    out = apply(text, leader_edits(text)).text
    assert out == "SIZE: 86\nOptics       61%   Other      9%\nand so on ... later\n"


RST = (
    """:orphan:

.. meta::
   :description: Nordhaven, Norway -- GII 2023 page (superseded)

Nordhaven, Norway
*****************

*Global Innovation Index 2024*

"""
    + BODY.replace("1,204", "88")
    + """Applicants and publishers
=========================

.. table:: Top PCT applicants
   :widths: auto

   ====  ===================  =======  =====
   Rank  Applicant            Patents  Share
   ====  ===================  =======  =====
   1     NORD SUBSEA ZRT.     345      23%
   2     ILSBY YARD, KFT.     150      10%
   ====  ===================  =======  =====

.. table:: Top publishing organizations

   ====  ===================  ========  =====
   Rank  Organization         Articles  Share
   ====  ===================  ========  =====
   1     NORD UNIVERSITY      2,871     51%
   2     NORD HOSPITAL        957       17%
   ====  ===================  ========  =====

Top technology fields
=====================

.. list-table:: Patents
   :header-rows: 1

   * - Field
     - Share
   * - Electrical machinery,
       apparatus, energy
     - 60%
   * - Other
     - 40%

.. footer:: Generated from the 2025 preview build. Page 1.
"""
)


def test_rst_directives_table_captions_list_tables_and_metadata() -> None:
    r = extract(RST, "x.rst")
    assert r.edition == 2024  # not the meta description's 2023 nor the footer's 2025
    assert span(r, RST, "edition") == "2024"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA ZRT.", 345, 23),
        (2, "ILSBY YARD, KFT.", 150, 10),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORD UNIVERSITY", 2871, 51),
        (2, "NORD HOSPITAL", 957, 17),
    ]
    assert pairs(r.patent_fields) == [
        ("Electrical machinery, apparatus, energy", 60),
        ("Other", 40),
    ]
    assert span(r, RST, "patent_fields[1].share") == "40"
    assert r.publication_fields == []


def test_chat_rows_with_abbreviated_units_and_breakdowns_after_an_arrow() -> None:
    raw = OPENING + (
        "*Top PCT applicants*\n"
        "• 1. NORD PHARMA A/S – 1,450 PCT apps (29%)\n"
        "• 2. ILSBY WIND & WATER A/S – 450 PCT apps (9%)\n\n"
        "*Top technology fields*\n"
        "Patents → Optics 31% · Electrical machinery, apparatus, energy 12% · Other 57%\n"
        "Publications → Medicine 70% · Other 30%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD PHARMA A/S", 1450, 29),
        (2, "ILSBY WIND & WATER A/S", 450, 9),
    ]
    assert span(r, raw, "top_pct_applicants[0].count") == "1,450"
    assert pairs(r.patent_fields) == [
        ("Optics", 31),
        ("Electrical machinery, apparatus, energy", 12),
        ("Other", 57),
    ]
    assert span(r, raw, "patent_fields[1].field") == "Electrical machinery, apparatus, energy"
    assert pairs(r.publication_fields) == [("Medicine", 70), ("Other", 30)]


ORG = (
    """#+TITLE: Nordhaven, Norway
#+SUBTITLE: Global Innovation Index 2024
#+OPTIONS: toc:nil

* Overview                                                          :profile:
  :PROPERTIES:
  :RETRIEVED: [2023-11-18 Mon 09:12]
  :END:

"""
    + BODY
    + """* Top PCT applicants
#+NAME: tbl-applicants
| Rank | Applicant    | Patents | Share |
|------+--------------+---------+-------|
|    1 | NORD SUBSEA  |   2,069 |   54% |
|    2 | ILSBY YARD   |     114 |    3% |

* Top technology fields
** Patents
| Field          |   % |
|----------------+-----|
| Semiconductors |  65 |
| Other          |  35 |
|----------------+-----|
| Total          | 100 |
#+TBLFM: @>$2=vsum(@I..@II)

* TODO Compare with the 2023 edition                               :noexport:
  - rank was 13th of 24 in 2023, 77 PCT applications
"""
)


def test_an_org_document_read_as_its_export() -> None:
    r = extract(ORG, "x.org")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert span(r, ORG, "economy") == "Norway"
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 2069, 54), (2, "ILSBY YARD", 114, 3)]
    # A '%' column of bare numbers, the total row after the rule left out.
    assert pairs(r.patent_fields) == [("Semiconductors", 65), ("Other", 35)]
    assert span(r, ORG, "patent_fields[1].share") == "35"
    assert r.national_rank == 3  # the :noexport: subtree's "13th of 24" is gone


def test_a_total_row_that_is_not_100_is_not_taken_for_a_total() -> None:
    raw = OPENING + (
        "Top technology fields\n\nPatents\n\n| Field | % |\n|---+---|\n| Optics | 40 |\n"
        "| Other | 35 |\n| Total | 25 |\n"
    )
    assert pairs(extract(raw).patent_fields) == [("Optics", 40), ("Other", 35), ("Total", 25)]


def test_numbered_sections_and_subsections_are_headings_not_ranked_rows() -> None:
    raw = (
        "Nordhaven, Norway\n\n1. Overview\n\n1.1 Position. Nordhaven is the 3rd-ranked cluster, "
        "out of 9 Norwegian clusters.\n\n2. Top PCT applicants\n\n"
        "   Rank  Applicant              Patents  Share\n"
        "   1     NORD SUBSEA JSC             14    26%\n"
        "   2     ILSBY YARD                   8    15%\n\n"
        "3. Top technology fields\n\n4.1 Patents\n    Optics       60%\n    Other        40%\n\n"
        "4.2 Publications\n    Medicine     70%\n    Other        30%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA JSC", 14, 26),
        (2, "ILSBY YARD", 8, 15),
    ]
    assert span(r, raw, "top_pct_applicants[1].name") == "ILSBY YARD"
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Medicine", 70), ("Other", 30)]
    assert r.top_publishers == []


def test_a_french_locale_export_with_decimal_commas_and_dot_leaders() -> None:
    raw = OPENING + (
        "Top PCT applicants\n"
        "  Rang   Déposant / Applicant        Brevets      Part\n"
        "  1      SOLVANIX S.A.               1\u202f264    28,5\u00a0%\n"
        "  2      UNIVERSITÉ DE NORDHAVEN        488    11,0\u00a0%\n\n"
        "Top technology fields\n  Patents\n"
        "    Pharmaceuticals ............ 18,5\u00a0%\n"
        "    Other ...................... 81,5\u00a0%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "SOLVANIX S.A.", 1264, 28.5),
        (2, "UNIVERSITÉ DE NORDHAVEN", 488, 11.0),
    ]
    assert span(r, raw, "top_pct_applicants[0].share") == "28,5"
    assert span(r, raw, "top_pct_applicants[0].count") == "1\u202f264"
    assert pairs(r.patent_fields) == [("Pharmaceuticals", 18.5), ("Other", 81.5)]


def test_a_decimal_comma_is_read_only_before_a_percent_sign() -> None:
    from nlq.numbers import NUMBER_RE, parse_number

    assert [m.group() for m in NUMBER_RE.finditer("12,5 % and 12,34 % and 1,500 %")] == [
        "12,5",
        "1,500",
    ]
    assert parse_number("12,5") == 12.5
    assert parse_number("1,500") == 1500


@pytest.mark.parametrize(
    "dateline",
    [
        "NORDHAVEN, Norway, Sept. 27 — ",
        "NORDHAVEN, Norway (Newswire) -- ",
        "NORDHAVEN (Newswire) — ",
        "NORDHAVEN, 27 September – ",
    ],
)
def test_dateline_variants(dateline: str) -> None:
    raw = dateline + BODY
    r = extract(raw)
    assert r.cluster == "Nordhaven"
    assert r.economy == ("Norway" if "Norway" in dateline else "")


def test_a_numbered_name_in_capitals_is_no_heading() -> None:
    raw = OPENING + (
        "Top publishing organizations\n\n"
        "1. NORD UNIVERSITY — 3,115 articles (46%)\n"
        "2. PARTNERS HEALTHCARE\n"
        "3. NORD HOSPITAL — 542 articles (8%)\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [
        (1, "NORD UNIVERSITY", 3115, 46),
        (2, "PARTNERS HEALTHCARE", None, None),
        (3, "NORD HOSPITAL", 542, 8),
    ]


def test_a_simple_rst_table_without_directives() -> None:
    raw = OPENING + (
        "Top PCT applicants\n------------------\n\n"
        "====  ===================  =======  =====\n"
        "Rank  Applicant            Patents  Share\n"
        "====  ===================  =======  =====\n"
        "1     NORD SUBSEA ZRT.     345      23%\n"
        "2     ILSBY YARD, KFT.     150      10%\n"
        "====  ===================  =======  =====\n"
    )
    r = extract(raw, "x.rst")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA ZRT.", 345, 23),
        (2, "ILSBY YARD, KFT.", 150, 10),
    ]


def test_an_edition_in_an_underscore_italic() -> None:
    raw = "Nordhaven, Norway\n_GII 2025_\n\n" + BODY
    r = extract(raw)
    assert r.edition == 2025
    assert span(r, raw, "edition") == "2025"


def test_an_rst_csv_table_and_a_comment_block() -> None:
    raw = OPENING + (
        ".. csv-table:: Top PCT applicants\n"
        '   :header: "Rank", "Applicant", "Patents", "Share"\n'
        "   :widths: 5, 40, 10, 10\n\n"
        '   1, "NORD SUBSEA, KFT.", 345, 23%\n'
        "   2, ILSBY YARD, 150, 10%\n\n"
        "..\n   A comment: ranked 4th of 8 in 2023, 77 PCT applications.\n"
    )
    r = extract(raw, "x.rst")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA, KFT.", 345, 23),
        (2, "ILSBY YARD", 150, 10),
    ]
    assert span(r, raw, "top_pct_applicants[0].name") == "NORD SUBSEA, KFT."
    assert (r.national_rank, r.pct_applications) == (3, 1204)


def test_a_share_far_from_its_count_is_not_its_share() -> None:
    raw = OPENING + (
        "NORD SUBSEA ranks first with 146 PCT applications (12%). ILSBY YARD is second with 74 "
        "applications. Elsewhere in the report, and for other reasons entirely, 6% is quoted.\n"
    )
    assert extract(raw).top_pct_applicants == []


def test_org_comments_and_a_leader_before_a_figure() -> None:
    from nlq.layout.leaders import leader_edits
    from nlq.layout.rewrite import apply

    text = "Other ......18%\n"
    assert apply(text, leader_edits(text)).text == "Other       18%\n"
    raw = ORG.replace(
        "* Overview",
        "# ranked 13th of 24 Norwegian clusters\n#+BEGIN_COMMENT\n77 PCT applications\n"
        "#+END_COMMENT\n* Overview",
    )
    r = extract(raw, "x.org")
    assert (r.national_rank, r.pct_applications) == (3, 1204)
