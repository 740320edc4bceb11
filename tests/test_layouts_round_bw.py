"""Rules added for round BW's layouts (pandoc's markdown of a saved page, ...): each test is a
small inline document of a fictional cluster for one rule, checking the values and their exact
evidence on the rules path."""

from __future__ import annotations

from layout_fixtures import blocks, extract, ranked, span

from nlq.evaluate import check_evidence
from nlq.extractors.rank_tiles import tile_texts

PANDOC = """:::: {#main .main role="main"}
::: {.hero}
[Global Innovation Index 2025]{.hero__eyebrow}

# Nordhaven, Norway {#nordhaven-norway .hero__title}

[![Logo](./files/logo.svg){width="126"
height="40"}](https://example.org/)
:::

Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters.

::: {.kpi-card}
[61^st^]{.kpi-card__value}

[largest science and technology cluster in
2025]{.kpi-card__label}
:::

## Top PCT applicants {#top-pct-applicants .card__title}

+--------+--------------------------------+-----------+---------+
|        |                                |   Patents |   Share |
+========+================================+===========+=========+
| 1      | [FJELL MARINE                  |       212 |     18% |
|        | AS](#org-1){.org-link}         |           |         |
+--------+--------------------------------+-----------+---------+
| 2      | [NORDHAVEN UNIVERSITET]{.org}  |        97 |      8% |
+--------+--------------------------------+-----------+---------+

## Top publishing organizations

  --------------------------------------------------------------------
                                                    Articles   Share
  ------ ---------------------------------------- ---------- -------
       1 [NORDHAVEN UNIVERSITET](#pub-1)               5 902     34%

       2 [STIFTELSEN FOR MEDISINSK FORSKNING &         2 310      6%
         TEKNOLOGI](#pub-2)

       3 [FJELL MARINE AS](#pub-3)                       190      1%
  --------------------------------------------------------------------

## Top technology fields {#fields .section-title}

### Patents {#patents}

-   []{.legend__swatch style="background:#1f5fa8"} [Marine
    technology]{.legend__label} [60%]{.legend__value}
-   []{.legend__swatch style="background:#c9ced6"}
    [Other]{.legend__label} [40%]{.legend__value}
::::
"""


def test_pandocs_markdown_reads_as_the_page_it_was_written_from() -> None:
    r = extract(PANDOC, "x.md", "markdown")
    assert (r.cluster, r.economy, r.global_size_rank) == ("Nordhaven", "Norway", 61)
    assert span(r, PANDOC, "economy") == "Norway"  # no "{#nordhaven-norway" after it
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 212, 18),  # a link wrapped over a grid cell's lines
        (2, "NORDHAVEN UNIVERSITET", 97, 8),
    ]
    # a multiline table: the rank one space from the name, a blank line between rows, a
    # name's rest on its row's second line
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITET", 5902, 34),
        (2, "STIFTELSEN FOR MEDISINSK FORSKNING & TEKNOLOGI", 2310, 6),
        (3, "FJELL MARINE AS", 190, 1),
    ]
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Marine technology", 60),
        ("Other", 40),
    ]
    assert check_evidence(r, PANDOC) == []


def test_a_dash_line_above_rows_that_no_dash_line_closes_makes_no_multiline_table() -> None:
    raw = (
        "------------------------------------------------------------\n"
        "SECTION 02  TOP PUBLISHING ORGANIZATIONS\n"
        "RANK  ORGANIZATION                          ARTICLES  SHARE\n"
        "----  ------------------------------------  --------  -----\n"
        "   1  NORDHAVEN UNIVERSITET                    5,902    34%\n"
        "\n"
        "SECTION 03  TOP TECHNOLOGY FIELDS\n"
    )
    # the blank line under the rows ends the table: the next section's title is no row of it
    assert not any("NORDHAVEN" in str(b) and "SECTION 03" in str(b) for b in blocks(raw))


def test_a_tab_rows_lone_text_cell_under_its_name_is_the_names_rest() -> None:
    raw = (
        "Top publishing organizations\n\n"
        "1\tSTIFTELSEN FOR MEDISINSK\t2,310\t6%\n"
        "\tFORSKNING\n"
        "2\tFJELL MARINE AS\t190\t1%\n"
    )
    assert blocks(raw)[-1] == (
        "table",
        [
            ["1", "STIFTELSEN FOR MEDISINSK FORSKNING", "2,310", "6%"],
            ["2", "FJELL MARINE AS", "190", "1%"],
        ],
    )
    # a title in mixed case under a name in capitals is no rest of it
    titled = "1\tFJELL MARINE AS\t190\t1%\n\tTop publishing organizations\n"
    assert blocks(titled)[0][1][0] == ["1", "FJELL MARINE AS", "190", "1%"]


SHEET_NOTES = """"Cluster profile – Nordhaven, Norway",,,,
Top PCT applicants,,,,
Rank,Applicant,Patents,Share,Note
1,FJELL MARINE AS,212,18.0%,
2,NORDHAVEN UNIVERSITET,97,8.2%,only 2 applicants listed on the page
,,,,
Publication technology fields,,,,
Field,Share,,,
Oceanography,60%,,,
Other,38%,,,
Total,98%,,,doesn't add up to 100 - as printed on the site
"""


def test_a_sheets_remarks_beside_its_rows_are_no_entries() -> None:
    r = extract(SHEET_NOTES, "x.csv", "csv")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 212, 18),
        (2, "NORDHAVEN UNIVERSITET", 97, 8.2),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Oceanography", 60),
        ("Other", 38),
    ]
    assert "publication_fields: shares sum to 98%, not 100 ± 1" in r.warnings


SLIDE = """Nordhaven, Norway

Nordhaven at a glance

3rd of 9

Norwegian clusters in the top 100 S&T clusters

Who Nordhaven works with

41% of Nordhaven's PCT patent applications are filed in collaboration with other inventors

Top collaborative locations: Bergen · Tromsø–Alta · Oslo
"""


def test_a_slides_national_rank_tile_and_partners_between_middle_dots() -> None:
    r = extract(SLIDE, "x.txt", "text")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert span(r, SLIDE, "national_cluster_count") == "9"
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Bergen", "Tromsø–Alta", "Oslo"]
    assert span(r, SLIDE, "patent_collaboration.partners[1]") == "Tromsø–Alta"


MAIL = """Hi Ola,

As promised, the figures from the GII 2025 cluster profile "Nordhaven, Norway" (https://example.org/nordhaven).

Top PCT applicants:
  1. FJELL MARINE AS – 212 (18%)
  2. NORDHAVEN UNIVERSITET – 97 (8%)

Collaboration: 46% of Nordhaven's PCT applications are filed with outside inventors, top \
partner locations Bergen, Oslo and Tromsø–Alta. On the publications side it's 77%, mostly \
with Bergen, Aberdeen and Reykjavík.

Best,
Kari
"""


def test_a_mails_quoted_profile_title_and_its_collaboration_paragraph() -> None:
    r = extract(MAIL, "x.txt", "text")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert span(r, MAIL, "economy") == "Norway"
    assert r.publication_collaboration is not None
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        77,
        ["Bergen", "Aberdeen", "Reykjavík"],
    )
    assert span(r, MAIL, "publication_collaboration.share") == "77"
    assert r.patent_collaboration is not None and r.patent_collaboration.share == 46


WORD_BULLETS = (
    "Nordhaven, Norway\n\n"
    " 4. Collaboration\n"
    " \x7f  Patents: 8% of the cluster’s PCT patent applications are filed in collaboration with\n"
    "    other inventors; top collaborative locations Bergen, Oslo and\n"
    "    Tromsø–Alta.\n"
    " \uf0b7  Publications: 59% of its scientific articles are published in collaboration with\n"
    "    other organizations; top three collaborating locations Bergen, Oslo and Aberdeen.\n"
)


def test_a_word_processors_symbol_font_bullets_mark_list_items() -> None:
    r = extract(WORD_BULLETS, "x.txt", "pdf")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        8,
        ["Bergen", "Oslo", "Tromsø–Alta"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        59,
        ["Bergen", "Oslo", "Aberdeen"],
    )
    assert check_evidence(r, WORD_BULLETS) == []


TILES = """Nordhaven, Norway

Key figures

   3rd of 9                                         61st

   Norwegian clusters in the top 100 S&T            largest science and technology
   clusters                                         cluster in 2025


   19                                               3 412

   PCT applications per 1 million                   scientific articles per 1 million
   inhabitants (last five years)                    inhabitants (last five years)
"""


def test_a_slides_key_figure_tiles_in_layout_text() -> None:
    r = extract(TILES, "x.txt", "pdf")
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (3, 9, 61)
    assert (r.pct_applications, r.scientific_articles) == (19, 3412)
    assert span(r, TILES, "scientific_articles") == "3 412"
    assert check_evidence(r, TILES) == []


COLUMNS = """Nordhaven, Norway

Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.

Who Nordhaven collaborates with


  Patents                                                    Publications

  31% of Nordhaven’s PCT patent                              64% of Nordhaven’s scientific articles
  applications are filed in collaboration with               are published in collaboration with
  other inventors.                                           other organizations.


  Top locations                                              Top locations
  Bergen · Oslo · Tromsø                                     Bergen · Aberdeen · Reykjavík


Top technology fields in Nordhaven

  Patents                                               Publications

                                                        Oceanography                           56%

  [Chart to be added – data request pending with
  WIPO]                                                 Engineering                            21%

                                                        Other                                  23%
"""


def test_a_slides_two_columns_give_each_kind_its_own_lists() -> None:
    r = extract(COLUMNS, "x.txt", "pdf")
    assert r.patent_fields == []  # the left column is a placeholder; "WIPO]" is no field
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Oceanography", 56),
        ("Engineering", 21),
        ("Other", 23),
    ]
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.partners == ["Bergen", "Oslo", "Tromsø"]
    assert r.publication_collaboration.partners == ["Bergen", "Aberdeen", "Reykjavík"]
    assert check_evidence(r, COLUMNS) == []


def test_a_footer_with_its_page_number_between_dashes_is_furniture() -> None:
    raw = (
        "Nordhaven, Norway\n\nTop technology fields in Nordhaven\n"
        "Patents                                      Publications\n\n"
        "   Oceanography (60%)      Other (40%)       Engineering (70%)     Other (30%)\n"
        "\n\n\n"
        "example.org/gii                                                        – 1 –\n"
    )
    assert not any("example.org" in str(b) for b in blocks(raw, "pdf"))
    r = extract(raw, "x.txt", "pdf")
    assert [(f.field, f.share) for f in r.patent_fields] == [("Oceanography", 60), ("Other", 40)]


def test_a_pipe_row_a_converter_wrapped_inside_a_cell_is_one_row() -> None:
    raw = (
        "# Nordhaven, Norway\n\n## Top PCT applicants\n\n"
        "| | Patents| Share  \n---|---|---|---  \n"
        "1| FJELL MARINE AS| 36| 12%  \n"
        "2| STIFTELSEN FOR MEDISINSK FORSKNING – INSTITUTT FOR HAVBRUK, TEKNOLOGI\n"
        "OG MILJØ| 15| 5%  \n"
        "3| NORDHAVEN UNIVERSITET| 12| 4%  \n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL MARINE AS", 36, 12),
        (
            2,
            "STIFTELSEN FOR MEDISINSK FORSKNING – INSTITUTT FOR HAVBRUK, TEKNOLOGI OG MILJØ",
            15,
            5,
        ),
        (3, "NORDHAVEN UNIVERSITET", 12, 4),
    ]
    assert check_evidence(r, raw) == []


NARROW_GRID = """Nordhaven, Norway

Top technology fields in Nordhaven

Patents                                               Publications

   Medical                 Measurement                   Clinical medicine       Chemistry (9%)
   technology (21%)        (8%)                          (28%)
   Electrical              Engines, pumps,               Physics & math          Materials science
   machinery,              turbines (6%)                 (15%)                   (7%)
   apparatus,                                            Engineering             Other (28%)
   energy (14%)                                          (13%)
   Mechanical              Other (42%)
   elements (9%)
"""


def test_a_field_wrapped_word_by_word_in_a_narrow_grid_is_one_field() -> None:
    r = extract(NARROW_GRID, "x.txt", "pdf")
    assert ("Electrical machinery, apparatus, energy", 14) in [
        (f.field, f.share) for f in r.patent_fields
    ]
    assert len(r.patent_fields) == 6 and len(r.publication_fields) == 6
    assert check_evidence(r, NARROW_GRID) == []


BESIDE = "\n".join(
    [
        "Nordhaven, Norway",
        "",
        "Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters, in the top 100.",
        "",
        " " * 16
        + "largest science and technology cluster in 2024"
        + " " * 27
        + "S&T cluster by intensity (relative to population",
        "  61st" + " " * 69 + "44th          density) in 2024",
        "",
        "",
        "",
        "Top technology fields in Nordhaven",
        "",
        "Patents" + " " * 64 + "Publications",
        "",
        "Marine technology (27%)             Measurement (5%)                   "
        + "Engineering (18%)                   Other (82%)",
        "",
        "Electrical machinery, apparatus,    Other (62%)",
        "energy (6%)",
        "",
    ]
)


def test_ranks_captioned_beside_and_a_field_wrapped_at_the_margin() -> None:
    r = extract(BESIDE, "x.txt", "pdf")
    assert (r.global_size_rank, r.global_intensity_rank) == (61, 44)
    assert ("Electrical machinery, apparatus, energy", 6) in [
        (f.field, f.share) for f in r.patent_fields
    ]
    assert check_evidence(r, BESIDE) == []


def test_ranks_listed_one_a_line_are_no_tiles_captioned_beside() -> None:
    raw = (
        "   making it the:\n\n"
        "        36th   largest science and technology cluster in 2024\n"
        "        48th   S&T cluster by intensity (relative to population density) in 2024\n"
    )
    # each rank's phrase is its own line's, never the column of both lines
    assert not any("2024 S&T" in t.text for t in tile_texts(raw))
