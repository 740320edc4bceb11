"""Layout mechanisms added for the testers' round V/W (set 1) layouts: TOML typed by hand, a
sheet of one fact per row, labels whose count or rank sits after an aside. Each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import blocks, extract, pairs, ranked, span

from nlq.layout.loader import sniff_format

TOML = """# Nordhaven - typed by hand (checked 2025-01-20, v2)
# 2023 values were: size 38, intensity 52 -- NOT this file
title = "Nordhaven, Norway"
edition = "Global Innovation Index 2024"

[ranks]
national = "third-ranked cluster, out of 9 Norwegian clusters"
size = "36th largest science and technology cluster in 2024"

[per_million_inhabitants_last_five_years]
pct_applications = 692
scientific_articles = 7921

[[top_pct_applicants]]
rank = 1
name = "NORD SUBSEA CO., LTD"
patents = 2069
share = "54%"

[[top_pct_applicants]]
rank = 2
name = 'ILSBY YARD'
patents = 114
share = "3%"

[technology_fields.patents]
"Computer tech." = "18%"   # a comment after a value
"Biochem. & biotech." = "6%"

[collaboration.publications]
share = "61%"  # published in collaboration with other organizations
top_locations = [
  "Oslo",
  "Bergen-Stavanger",
]
"""


def test_toml_is_sniffed_by_its_suffix() -> None:
    assert sniff_format("x.toml", TOML) == "toml"


def test_a_toml_file_reads_as_tables_and_key_value_lines_without_its_comments() -> None:
    got = blocks(TOML, "toml")
    assert ("paragraph", "title: Nordhaven, Norway") in got
    assert ("heading", "per million inhabitants last five years") in got
    assert ("paragraph", "pct applications: 692") in got
    assert (
        "table",
        [
            ["rank", "name", "patents", "share"],
            ["1", "NORD SUBSEA CO., LTD", "2069", "54%"],
            ["2", "ILSBY YARD", "114", "3%"],
        ],
    ) in got
    assert ("table", [["Computer tech.", "18%"], ["Biochem. & biotech.", "6%"]]) in got
    assert ("paragraph", "top locations: Oslo, Bergen-Stavanger") in got
    assert not any("2023" in str(b) or "checked" in str(b) for b in got)


def test_a_toml_profile_gives_its_record_with_exact_spans() -> None:
    r = extract(TOML, "x.toml", "toml")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.national_rank, r.national_cluster_count, r.global_size_rank) == (3, 9, 36)
    assert r.global_intensity_rank is None  # only the commented 2023 value names one
    assert (r.pct_applications, r.scientific_articles) == (692, 7921)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA CO., LTD", 2069, 54),
        (2, "ILSBY YARD", 114, 3),
    ]
    assert span(r, TOML, "top_pct_applicants[0].share") == "54"
    assert span(r, TOML, "top_pct_applicants[1].name") == "ILSBY YARD"
    assert pairs(r.patent_fields) == [("Computer tech.", 18), ("Biochem. & biotech.", 6)]
    assert r.publication_collaboration.share == 61
    assert r.publication_collaboration.partners == ["Oslo", "Bergen-Stavanger"]
    assert span(r, TOML, "publication_collaboration.partners[1]") == "Bergen-Stavanger"


def test_a_toml_value_with_escapes_maps_each_character_to_its_escape() -> None:
    raw = 'cluster = "Z\\u00fcrich"\neconomy = "Switzerland"\n'
    assert ("paragraph", "cluster: Zürich") in blocks(raw, "toml")


def test_a_file_that_is_not_toml_is_read_as_text() -> None:
    raw = "Nordhaven = the 3rd-ranked cluster\n[unclosed\n"
    got = blocks(raw, "toml")
    assert got and all(kind != "table" for kind, *_ in got)


FACTS = """metric,rank,name,value
profile title,,"Nordhaven, Norway",
edition,,Global Innovation Index,2024
national rank (out of 9 Norwegian clusters in the top 100 S&T clusters),,,3
S&T cluster by intensity (global rank relative to population density),,,33
PCT applications per 1 million inhabitants (last five years),,,"1,309"
top PCT applicants - patents,1,NORD SUBSEA,146
top PCT applicants - share,1,NORD SUBSEA,12%
top PCT applicants - patents,2,ILSBY YARD - NORWAY,74
top PCT applicants - share,2,ILSBY YARD - NORWAY,6%
share of scientific articles published in collaboration with other organizations,,,54%
top collaborating location (publications),2,Bergen-Stavanger,
top collaborating location (publications),1,Oslo,
note,,exported 2025-05-12 from sheet v3,
"""


def test_a_sheet_of_one_fact_per_row_reads_as_lines_and_ranked_tables() -> None:
    got = blocks(FACTS, "csv")
    assert ("paragraph", "edition: Global Innovation Index 2024") in got
    assert ("heading", "top PCT applicants") in got
    assert (
        "table",
        [
            ["rank", "name", "patents", "share"],
            ["1", "NORD SUBSEA", "146", "12%"],
            ["2", "ILSBY YARD - NORWAY", "74", "6%"],
        ],
    ) in got
    assert ("paragraph", "top collaborating location (publications): Oslo, Bergen-Stavanger") in got


def test_a_sheet_of_one_fact_per_row_gives_its_record_with_exact_spans() -> None:
    r = extract(FACTS, "x.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert r.global_intensity_rank == 33
    assert span(r, FACTS, "global_intensity_rank") == "33"
    assert r.pct_applications == 1309
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 146, 12),
        (2, "ILSBY YARD - NORWAY", 74, 6),
    ]
    assert span(r, FACTS, "top_pct_applicants[1].count") == "74"
    assert span(r, FACTS, "top_pct_applicants[1].share") == "6"
    assert r.publication_collaboration.share == 54
    assert r.publication_collaboration.partners == ["Oslo", "Bergen-Stavanger"]


def test_fact_rows_of_one_rank_naming_two_entries_are_not_joined() -> None:
    raw = (
        "metric,rank,name,value\n"
        "top PCT applicants - patents,1,NORD SUBSEA,146\n"
        "top PCT applicants - share,1,ILSBY YARD,12%\n"
    )
    got = blocks(raw, "csv")
    assert ("heading", "top PCT applicants") not in got


def test_a_rank_label_with_a_year_in_its_aside_is_not_read() -> None:
    r = extract("Nordhaven, Norway\n\nS&T cluster by intensity (2023 edition): 52\n")
    assert r.global_intensity_rank is None


def test_a_national_rank_label_counts_the_clusters_after_the() -> None:
    raw = "cluster: Nordhaven\neconomy: Norway\nnational rank: 5th of the 10 Norwegian clusters\n"
    r = extract(raw, "x.yaml", "yaml")
    assert (r.national_rank, r.national_cluster_count) == (5, 10)
    assert span(r, raw, "national_cluster_count") == "10"
    raw = raw.replace("the 10 Norwegian clusters", "the top 100") + "size rank: 58th largest\n"
    r = extract(raw, "x.yaml", "yaml")
    assert (r.national_rank, r.national_cluster_count) == (5, None)


def test_a_toml_number_written_with_underscores_is_left_out_not_misread() -> None:
    got = blocks("pct_applications = 1_874\nscientific_articles = 6310\n", "toml")
    assert got == [("paragraph", "scientific articles: 6310")]


def test_unranked_fact_rows_of_one_metric_read_as_a_breakdown() -> None:
    raw = FACTS.replace(
        "note,,",
        "technology fields - patents,,Semiconductors,35%\n"
        "technology fields - patents,,Computer tech.,18%\n"
        "note,,",
    )
    got = blocks(raw, "csv")
    assert ("table", [["Semiconductors", "35%"], ["Computer tech.", "18%"]]) in got
    r = extract(raw, "x.csv", "csv")
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Computer tech.", 18)]
    assert span(r, raw, "patent_fields[1].share") == "18"
    assert r.publication_collaboration.share == 54
