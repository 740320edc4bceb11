"""Layout mechanisms added for the second round of testers' layouts (reST, AsciiDoc, mobile
pages, card grids, slides, spreadsheets): each test is a small inline input for one mechanism,
checking the values, their exact evidence, and that no figure lands in the wrong field."""

from __future__ import annotations

import pytest
from layout_fixtures import BODY, OPENING, extract, pairs, ranked

from nlq.errors import ExtractionError

# --- titles: markup is not part of the name -----------------------------------------------


@pytest.mark.parametrize(
    ("title", "name", "fmt"),
    [
        ("===============\nNordhaven, Norway\n===============\n", "x.rst", "text"),  # overline
        ("= Nordhaven, Norway\nAnalysis Desk <desk@example.org>\n", "x.adoc", "text"),
        ("== Nordhaven, Norway ==\n", "x.wiki", "text"),
        ("# 🇳🇴 Nordhaven, Norway\n", "x.md", "markdown"),  # a flag before the name
    ],
)
def test_title_markup_is_not_part_of_the_cluster_name(title: str, name: str, fmt: str) -> None:
    r = extract(title + "\n" + BODY, name, fmt)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert r.evidence["cluster"].text == "Nordhaven"


def test_a_line_of_code_is_never_a_title() -> None:
    raw = "\\usepackage{booktabs,siunitx,multicol}\n\n" + BODY
    r = extract(raw)
    assert r.cluster == "Nordhaven"  # from the opening sentence, not from the package list
    with pytest.raises(ExtractionError, match="no cluster name found"):
        extract("\\usepackage{booktabs,siunitx}\n\nIt filed 1,204 PCT applications.\n")


# --- tables: column titles, names ending in a number, breakdowns in columns ---------------


def test_share_titles_in_words_and_a_name_ending_in_a_number() -> None:
    raw = OPENING + (
        "## Top publishing organizations\n\n"
        "| Pos. | Organización (Organization) | Artículos (Articles) | % of cluster |\n"
        "|:----:|:---|---:|---:|\n"
        "| 1 | UNIVERSITY OF NORDHAVEN | 3,904 | 44 |\n"
        "| 2 | HOSPITAL GENERAL DE ZONA NO. 33 | 710 | 8.5 |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 3904, 44),
        (2, "HOSPITAL GENERAL DE ZONA NO. 33", 710, 8.5),
    ]
    assert r.evidence["top_publishers[1].name"].text == "HOSPITAL GENERAL DE ZONA NO. 33"


def test_a_number_inside_a_name_cell_gives_way_to_the_count_cell_after_it() -> None:
    # No column titles: read left to right; "33" is part of the name, 710 is the count.
    raw = OPENING + "Top publishing organizations\n\n1\tHOSPITAL DE ZONA NO. 33\t710\t8%\n"
    r = extract(raw)
    assert ranked(r.top_publishers) == [(1, "HOSPITAL DE ZONA NO. 33", 710, 8)]


def test_both_breakdowns_in_one_table_read_by_their_columns() -> None:
    raw = OPENING + (
        "## Top technology fields\n\n"
        "| # | Patents | Publications |\n|--:|---|---|\n"
        "| 1 | Civil engineering (60%) | Chemistry (50%) |\n"
        "| 2 | Other (40%) | Engineering (30%) |\n"
        "| 3 | | Other (20%) |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert pairs(r.patent_fields) == [("Civil engineering", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 50), ("Engineering", 30), ("Other", 20)]


@pytest.mark.parametrize(
    "table",
    [
        # A spreadsheet export: the breakdown named by its table's title row.
        "Patents,Share,,\nOptics,60%,,\nOther,40%,,\n,,,\nPublications,Share,,\n"
        "Chemistry,70%,,\nOther,30%,,\n",
        # One table, the second breakdown's title row inside it.
        "| Patents | Share |\n|---|---|\n| Optics | 60% |\n| Other | 40% |\n"
        "| Publications | Share |\n| Chemistry | 70% |\n| Other | 30% |\n",
    ],
)
def test_a_breakdown_named_by_a_title_row_with_a_share_column(table: str) -> None:
    fmt, name = ("csv", "x.csv") if "," in table.split("\n")[0] else ("markdown", "x.md")
    raw = (
        (OPENING.replace("Nordhaven, Norway", '"Nordhaven, Norway"') if fmt == "csv" else OPENING)
        + "Top technology fields\n\n"
        + table
    )
    r = extract(raw, name, fmt)
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 70), ("Other", 30)]


def test_sideways_field_tables_and_spanning_header_rows_in_html() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>" + BODY + "</p>"
        "<table><tr><th colspan=4>Top PCT applicants</th></tr>"
        "<tr><th>#</th><th>Organization</th><th>Patents</th><th>Share</th></tr>"
        "<tr><td>1</td><td>NORD SUBSEA</td><td>2'876</td><td>24.5%</td></tr>"
        "<tr><th colspan=4>Top publishing organizations</th></tr>"
        "<tr><th>#</th><th>Organization</th><th>Articles</th><th>Share</th></tr>"
        "<tr><td>1</td><td>UNIVERSITY OF NORDHAVEN</td><td>5'120</td><td>41.0%</td></tr>"
        "</table><h2>Top technology fields</h2>"
        "<table><tr><th>Patents</th><td>Optics</td><td>Other</td></tr>"
        "<tr><th>Share</th><td>60%</td><td>40%</td></tr></table>"
        "<table><tr><th colspan=2>Publications</th></tr>"
        "<tr><td>Chemistry</td><td>70%</td></tr><tr><td>Other</td><td>30%</td></tr></table>"
    )
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 2876, 24.5)]
    assert ranked(r.top_publishers) == [(1, "UNIVERSITY OF NORDHAVEN", 5120, 41.0)]
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 70), ("Other", 30)]
    assert r.evidence["top_pct_applicants[0].count"].text == "2'876"


def test_a_paragraph_without_a_share_is_no_field() -> None:
    raw = OPENING + "Top technology fields\n\nPatents\n\nOptics (60%)\nOther (40%)\n\n"
    raw += "(took 0.41 s · cache hit · gii-cli 3.2.0)\n"
    r = extract(raw)
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]


def test_a_per_capita_label_inside_a_row_is_not_the_cluster_figure() -> None:
    raw = OPENING.replace(" and published 12,345 scientific articles", "") + (
        "Top publishers\n\n- {rank: 3, name: NORD, articles: 933, share: 7%}\n"
    )
    assert extract(raw).scientific_articles is None


def test_a_paragraph_written_in_spans_is_text_not_a_row_of_cells() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>" + BODY + "</p><p><span>3% of Nordhaven's PCT patent "
        "applications are filed in collaboration with other inventors, with </span><b><span>"
        "Oslo</span></b><span>, </span><b><span>Bergen</span></b><span> and </span><b><span>"
        "Tromsø</span></b><span> emerging as the top collaborative locations.</span></p>"
    )
    r = extract(raw, "x.html", "html")
    assert r.patent_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        3,
        ["Oslo", "Bergen", "Tromsø"],
    )
    assert r.publication_fields == []


# --- labels and values on lines of their own -----------------------------------------------


MOBILE = (
    "Nordhaven, Norway\nGlobal Innovation Index 2024\n\n"
    "National rank\n3 of 9\nNorwegian clusters in the top 100\n"
    "Size rank\n36\nlargest science and technology cluster in 2024\n"
    "PCT applications\n1,204\nper 1 million inhabitants, last five years\n"
    "Scientific articles\n12,345\nper 1 million inhabitants, last five years\n\n"
    "Top PCT applicants\n"
    "Rank\n1\nApplicant\nNORD SUBSEA\nPatents\n2,069\nShare\n54%\n"
    "Rank\n2\nApplicant\nILSBY YARD, AS\nPatents\n114\nShare\n3%\n\n"
    "Top technology fields\nPublications\nBiochem. & biotech.\n60%\nOther\n40%\n\n"
    "Patent collaboration\n3%\nof Nordhaven's PCT patent applications are filed in collaboration\n"
    "Top collaborative locations\nOslo\nBergen-Voss\n\n↑ Top\n"
)


def test_a_mobile_page_with_every_label_and_value_on_its_own_line() -> None:
    r = extract(MOBILE)
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (3, 9, 36)
    assert (r.pct_applications, r.scientific_articles, r.edition) == (1204, 12345, 2024)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 2069, 54),
        (2, "ILSBY YARD, AS", 114, 3),
    ]
    assert pairs(r.publication_fields) == [("Biochem. & biotech.", 60), ("Other", 40)]
    assert r.patent_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        3,
        ["Oslo", "Bergen-Voss"],
    )
    assert r.evidence["global_size_rank"].text == "36"


def test_a_grid_of_cells_after_a_header_of_titles() -> None:
    cells = ["Rank", "Applicant", "Patents", "Share", "1", "HYDRO-FORGES INC.", "132", "15%"]
    cells += ["2", "UNIVERSITÉ DE SAINT-ÉLOI", "79", "9%"]
    raw = (
        "<div>Nordhaven, Norway</div><div>"
        + BODY
        + "</div><div>Top PCT applicants</div>"
        + "".join(f"<div class=cell>{c}</div>" for c in cells)
        + "<div>Top publishing organizations</div>"
    )
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [
        (1, "HYDRO-FORGES INC.", 132, 15),
        (2, "UNIVERSITÉ DE SAINT-ÉLOI", 79, 9),
    ]


def test_a_report_card_of_aligned_labels() -> None:
    raw = (
        "Edition                  Global Innovation Index 2024\n"
        "Cluster                  Nordhaven, Norway\n"
        "Size rank                36th largest science and technology cluster in 2024\n\n"
        "TOP TECHNOLOGY FIELDS - PATENTS\n"
        "Computer tech. ............................ 60%\nOther ..................... 40%\n\n"
        "PATENT COLLABORATION     3% of Nordhaven's PCT patent applications are filed in "
        "collaboration with other inventors\n"
        "                         Top collaborative locations: Oslo, Bergen\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert (r.edition, r.global_size_rank) == (2024, 36)
    assert pairs(r.patent_fields) == [("Computer tech.", 60), ("Other", 40)]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert r.patent_collaboration.share == 3


def test_a_bare_publications_label_is_not_the_per_capita_figure() -> None:
    raw = OPENING.replace(" and published 12,345 scientific articles", "") + (
        "collaboration\tshare\n\npatents\t47\npublications\t69\n\n"
        "Publications per 1 million inhabitants (last five years): 2,614\n"
    )
    r = extract(raw)
    assert r.scientific_articles == 2614


# --- rows over two lines, slide decks, AsciiDoc -----------------------------------------------


def test_a_ranked_row_whose_figures_are_on_the_next_line() -> None:
    raw = OPENING + (
        "Top PCT applicants\nPatents\nShare\n1 POLITECHNIKA WRZOSOWSKA\n53 13%\n"
        "2 ZAKŁADY CHEMICZNE ŁĘCZNO S.A.\n29 7%\n"
    )
    assert ranked(extract(raw).top_pct_applicants) == [
        (1, "POLITECHNIKA WRZOSOWSKA", 53, 13),
        (2, "ZAKŁADY CHEMICZNE ŁĘCZNO S.A.", 29, 7),
    ]


def test_a_slide_deck_with_circled_ranks_and_labelled_bullets() -> None:
    raw = (
        "Slide 1\nNordhaven, Norway\nS&T cluster profile | Global Innovation Index 2024\n\n"
        "Slide 2\nAt a glance\n"
        "▪ National rank: 2nd of 2 Norwegian clusters in the top 100 S&T clusters\n"
        "▪ Global size rank: 88th largest science and technology cluster\n"
        "▪ PCT applications per 1 million inhabitants (last five years): 18\n"
        "Draft – not for circulation | 2\n\n"
        "Slide 3\nWho files patents? Top PCT applicants\n"
        "① NORD SUBSEA — 37 filings · 15%\n② ILSBY YARD (PTY) LTD — 22 filings · 9%\n"
        "Draft – not for circulation | 3\n\n"
        "Slide 4\nWorking with others\n"
        "▪ Patents: 32% of PCT applications are filed in collaboration with other inventors\n"
        "    Top collaborative locations: Oslo, Cape Town, London\n"
        "Draft – not for circulation | 4\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (2, 2, 88)
    assert r.pct_applications == 18
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 37, 15),
        (2, "ILSBY YARD (PTY) LTD", 22, 9),
    ]
    assert r.evidence["top_pct_applicants[0].rank"].text == "①"
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 32
    assert r.patent_collaboration.partners == ["Oslo", "Cape Town", "London"]


def test_ranks_written_with_a_colon_before_their_description() -> None:
    raw = OPENING + (
        "- ranked 32nd: largest science and technology cluster in 2024\n"
        "- ranked 33rd: S&T cluster by intensity (relative to population density) in 2024\n"
    )
    r = extract(raw)
    assert (r.global_size_rank, r.global_intensity_rank) == (32, 33)


def test_an_asciidoc_table_with_one_cell_per_line() -> None:
    raw = (
        "= Nordhaven, Norway\n\n" + BODY + "== Top publishing organizations\n\n"
        '[cols="1,6,2,1"]\n|===\n|Rank\n|Organization\n|Articles\n|Share\n\n'
        "|1\n|UNIVERSITY OF NORDHAVEN\n|6,020\n|35%\n\n|2\n|TNO NORD, HIGH TECH CAMPUS\n"
        "|1,204\n|7%\n|===\n"
    )
    r = extract(raw, "x.adoc")
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 6020, 35),
        (2, "TNO NORD, HIGH TECH CAMPUS", 1204, 7),
    ]


def test_a_mail_intro_line_before_the_title_is_not_the_title() -> None:
    raw = "On Monday, Ana wrote:\n>> Nordhaven, Norway\n>>\n" + "".join(
        f">> {line}\n" for line in BODY.splitlines()
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")


def test_a_section_named_alone_in_the_first_cell_of_a_row() -> None:
    raw = OPENING + (
        "## Top technology fields\n\n| Field | Share |\n|---|---|\n| **Patents** | |\n"
        "| Optics | 60% |\n| Other | 40% |\n| **Publications** | |\n| Chemistry | 70% |\n"
        "| Other | 30% |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 70), ("Other", 30)]


def test_an_apostrophe_that_starts_a_name_is_kept() -> None:
    raw = "# 's-Hertogenbosch, Netherlands\n\n" + BODY.replace("Nordhaven", "'s-Hertogenbosch")
    r = extract(raw, "x.md", "markdown")
    assert (r.cluster, r.economy) == ("'s-Hertogenbosch", "Netherlands")


def test_a_footer_line_after_a_ranked_table_is_no_row() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>" + BODY + "</p><h2>Top publishing organizations</h2>"
        "<table><tr><td>1</td><td>UNIVERSITY OF NORDHAVEN</td><td>3’904</td><td>44%</td></tr>"
        "</table><p>Confidential · 3</p>"
    )
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_publishers) == [(1, "UNIVERSITY OF NORDHAVEN", 3904, 44)]
    assert any("'Confidential' has no rank among ranked rows" in w for w in r.warnings)


def test_ordinal_rank_cells_and_headings_in_other_languages() -> None:
    raw = (
        "# Nordhaven, Norway\n\n"
        + BODY
        + (
            "## Principales solicitantes PCT\n\n| Puesto | Solicitante | Patentes | % |\n"
            "|---|---|---|---|\n| 1st | NORD SUBSEA | 2,069 | 54% |\n"
            "| 2nd | ILSBY YARD | 114 | 3% |\n\n"
            "## Domaines technologiques\n\n### Brevets\n\n- Optique (60 %)\n- Autre (40 %)\n"
        )
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 2069, 54), (2, "ILSBY YARD", 114, 3)]
    assert pairs(r.patent_fields) == [("Optique", 60), ("Autre", 40)]


def test_a_printed_key_value_series_with_identifier_keys() -> None:
    raw = (
        "cluster                   Nordhaven\neconomy                      Norway\n"
        "edition                        2025\nnational_rank                     2\n"
        "national_cluster_count            9\nglobal_size_rank                 70\n"
        "pct_per_million_5y              981\narticles_per_million_5y        6102\n"
        "dtype: object\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (2, 9, 70)
    assert (r.pct_applications, r.scientific_articles) == (981, 6102)
    assert r.evidence["global_size_rank"].text == "70"


def test_a_field_breakdown_written_in_a_sentence() -> None:
    raw = OPENING + (
        "Technology fields. Patent applications concentrate in Pharmaceuticals (24%), Organic "
        "fine chemistry (13%), Electrical machinery, apparatus, energy (9%), Biotechnology (7%) "
        "and Other (47%). Scientific publications are led by Physics & math (60%), followed by "
        "Chemistry (30%) and Other (10%).\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [
        ("Pharmaceuticals", 24),
        ("Organic fine chemistry", 13),
        ("Electrical machinery, apparatus, energy", 9),
        ("Biotechnology", 7),
        ("Other", 47),
    ]
    assert pairs(r.publication_fields) == [("Physics & math", 60), ("Chemistry", 30), ("Other", 10)]


def test_percentages_in_a_sentence_that_do_not_add_up_are_no_breakdown() -> None:
    raw = OPENING + (
        "Patent applications grew in Optics (24%), Biotechnology (13%) and Other (9%) last year.\n"
    )
    assert extract(raw).patent_fields == []


def test_a_top_list_written_in_sentences() -> None:
    raw = OPENING + (
        "Patent applicants. The largest applicant, NORD SUBSEA D.D., filed 88 applications, or 21% "
        "of the total. The second, ILSBY YARD, filed 42 applications (10%). The third, KONČAR-"
        "NORD ELEKTRO, D.D., filed 25 applications, that is 6% of the total.\n\n"
        "Publishing organizations. The first place belongs to UNIVERSITY OF NORDHAVEN with "
        "3,115 articles, or 46% of the output. The second is INSTITUT RUĐER – NORD with 1,016 "
        "articles (15%), and the third is NORD HOSPITAL with 542 articles (8%).\n\n"
        "35% of Nordhaven's PCT patent applications are filed in collaboration with other "
        "inventors, mostly with inventors in Oslo, Bergen and Graz, which are the top "
        "collaborative locations.\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA D.D.", 88, 21),
        (2, "ILSBY YARD", 42, 10),
        (3, "KONČAR-NORD ELEKTRO, D.D.", 25, 6),
    ]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 3115, 46),
        (2, "INSTITUT RUĐER – NORD", 1016, 15),
        (3, "NORD HOSPITAL", 542, 8),
    ]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Graz"]


def test_one_ranked_sentence_is_no_list() -> None:
    raw = OPENING + "The largest applicant, NORD SUBSEA, filed 88 applications, or 21% of all.\n"
    assert extract(raw).top_pct_applicants == []


NOTEBOOK = """In [1]: profile.meta
Out[1]:
cluster                   Nordhaven
economy                      Norway
edition                        2025
national_rank                     2
dtype: object

In [2]: profile.top_pct_applicants
Out[2]:
   rank                name  patents  share_pct
0     1         NORD SUBSEA      518       22.0
1     2  O'SULLIVAN & SONS      306       13.0

In [3]: profile.patent_fields
Out[3]:
field
Medical technology    62
Other                 38
Name: share_pct, dtype: int64

In [4]: profile.collaboration
Out[4]:
              share_pct               top_locations
patents              47  [Oslo, Bergen, Boston-Cambridge]
publications         69          [Oslo, Tromsø, London]
"""


def test_a_console_session_printing_data_frames() -> None:
    r = extract(NOTEBOOK)
    assert (r.cluster, r.economy, r.edition, r.national_rank) == ("Nordhaven", "Norway", 2025, 2)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 518, 22.0),
        (2, "O'SULLIVAN & SONS", 306, 13.0),
    ]
    assert pairs(r.patent_fields) == [("Medical technology", 62), ("Other", 38)]
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.share == 47
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Boston-Cambridge"]
    assert r.publication_collaboration.partners == ["Oslo", "Tromsø", "London"]


def test_bare_numbers_are_shares_only_when_they_add_up_to_100() -> None:
    raw = OPENING + "Top technology fields\n\nPatents\n\nOptics\t62\nOther\t30\n"
    assert extract(raw).patent_fields == [] or all(
        f.share is None for f in extract(raw).patent_fields
    )


def test_a_collaboration_table_in_markdown() -> None:
    raw = OPENING + (
        "## Collaboration\n\n| | Share | Top locations |\n|---|---|---|\n"
        "| Patents | 47% | Oslo, Bergen |\n| Publications | 69% | Oslo, Tromsø |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        47,
        ["Oslo", "Bergen"],
    )
    assert r.publication_collaboration.partners == ["Oslo", "Tromsø"]
