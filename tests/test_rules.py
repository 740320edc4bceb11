"""The deterministic extractor on small documents written for one behaviour each."""

from __future__ import annotations

import pytest

from nlq.errors import ExtractionError
from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse
from nlq.schema import ClusterProfile

OPENING = (
    "Global Innovation Index 2025\n\nNordhaven–Ilsby, Norway\n\n"
    "Nordhaven–Ilsby is the 3rd-ranked cluster, out of nine Norwegian clusters, in the top 100. "
    "It filed **1\u202f204 PCT applications** and published **12 345 scientific articles**, both "
    "per 1 million inhabitants, making it the:\n\n"
    "87th largest science and technology cluster in 2025\n\n"
    "5th S&T cluster by intensity (relative to population density) in 2025\n\n"
)


def extract(raw: str, name: str = "x.txt", fmt: str = "text") -> ClusterProfile:
    doc = parse(name, raw, fmt)
    record = RulesExtractor().extract(doc).record
    assert check_evidence(record, raw) == []
    return record


def test_opening_sentence_facts_with_unusual_separators() -> None:
    r = extract(OPENING)
    assert (r.edition, r.cluster, r.economy) == (2025, "Nordhaven–Ilsby", "Norway")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert (r.global_size_rank, r.global_intensity_rank) == (87, 5)
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert r.evidence["pct_applications"].text == "1\u202f204"
    assert r.evidence["national_cluster_count"].text == "nine"


def test_numbered_list_with_commas_in_names_and_fields() -> None:
    raw = OPENING + (
        "## Top PCT applicants\n\n"
        "1. SØRLAND ENERGI, AS — 2,069 patents (54%)\n"
        "2. ÅSGARD MARINE — 114 patents (3%)\n\n"
        "## Top technology fields (patents)\n\n"
        "- Engines, pumps, turbines: 35%\n- Civil engineering: 65%\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "SØRLAND ENERGI, AS", 2069, 54),
        (2, "ÅSGARD MARINE", 114, 3),
    ]
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Engines, pumps, turbines", 35),
        ("Civil engineering", 65),
    ]
    assert r.evidence["top_pct_applicants[0].rank"].text == "1"
    assert "top_pct_applicants: no data found" not in " ".join(r.warnings)
    assert "publication_fields: no data found in the profile" in r.warnings


def test_side_by_side_tables_are_split_by_their_headings() -> None:
    raw = OPENING + (
        "Top PCT applicants                        Top publishing organizations\n\n"
        "  1  ACME ROBOTICS      500   40%         1  NORD UNIVERSITY        9,000   50%\n"
        "  2  BETA CORP          250   20%         2  ILSBY INSTITUTE OF     4,500   25%\n"
        "                                             TECHNOLOGY\n"
    )
    r = extract(raw)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "ACME ROBOTICS", 500, 40),
        (2, "BETA CORP", 250, 20),
    ]
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_publishers] == [
        (1, "NORD UNIVERSITY", 9000, 50),
        (2, "ILSBY INSTITUTE OF TECHNOLOGY", 4500, 25),
    ]


def test_partners_split_on_commas_and_and_inside_bold_runs() -> None:
    raw = OPENING + (
        "6% of Nordhaven–Ilsby's PCT patent applications are filed in collaboration with other "
        "inventors, with **Beijing, Shenzhen-Hong Kong-Guangzhou** and **Tokyo–Yokohama** emerging "
        "as the top collaborative locations.\n\n"
        "54% of Nordhaven–Ilsby's scientific articles are published in collaboration with other "
        "organizations, with the top three collaborating locations being **Boston–Cambridge, MA**, "
        "**Oslo** and **Bergen**."
    )
    r = extract(raw)
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.share == 6
    assert r.patent_collaboration.partners == [
        "Beijing",
        "Shenzhen-Hong Kong-Guangzhou",
        "Tokyo–Yokohama",
    ]
    assert r.publication_collaboration.share == 54
    assert r.publication_collaboration.partners == ["Boston–Cambridge, MA", "Oslo", "Bergen"]


def test_data_quality_warnings() -> None:
    raw = OPENING + (
        "Top PCT applicants\n\n\t\tPatents\tShare\n"
        "1\tACME\t100\t10%\n2\tACME\t90\t30%\n\n"
        "Top technology fields in Nordhaven\n\nPublications\n\n"
        "| | |\n|---|---|\n| Physics (50%) | Biology (47%) |\n"
    )
    r = extract(raw)
    text = "\n".join(r.warnings)
    assert "top_pct_applicants: 'ACME' appears at ranks 1 and 2" in text
    assert "top_pct_applicants: count/share ratios disagree beyond rounding" in text
    assert "publication_fields: shares sum to 97%" in text
    assert "patent_fields: no data found in the profile" in text


def test_a_second_copy_of_a_section_is_reported_not_merged() -> None:
    raw = OPENING + (
        "Top PCT applicants\n\n\t\tPatents\tShare\n1\tACME\t100\t10%\n\n"
        "Top PCT applicants\n\n\t\tPatents\tShare\n1\tOTHER\t999\t99%\n"
    )
    r = extract(raw)
    assert [e.name for e in r.top_pct_applicants] == ["ACME"]
    assert any("second copy of the section" in w and "line" in w for w in r.warnings)


def test_a_figure_not_in_the_source_is_never_emitted() -> None:
    r = extract("Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster, out of 9 clusters.\n")
    assert r.national_rank == 3
    assert r.pct_applications is None and r.top_pct_applicants == [] and r.global_size_rank is None
    assert "pct_applications: no data found in the profile" in r.warnings


def test_text_without_a_cluster_is_refused_naming_the_file() -> None:
    with pytest.raises(ExtractionError, match=r"^notes\.txt: no cluster name found"):
        RulesExtractor().extract(parse("notes.txt", "shopping list: eggs and milk\n", "text"))


def test_a_title_alone_is_not_a_profile() -> None:
    with pytest.raises(ExtractionError, match=r"^notes\.txt: no cluster-profile facts found"):
        RulesExtractor().extract(parse("notes.txt", "Eggs, milk\n\nBuy them today.\n", "text"))


def test_unmarked_lines_ending_in_figures_are_list_items() -> None:
    raw = OPENING + (
        "Top technology fields in Nordhaven\n\nPublications\n\n"
        "Oceanography: 60%\nMarine biology: 40%\n\n"
        "Top PCT applicants\n\n"
        "NORD SUBSEA, AS ... 1,300 patents, 65%\nILSBY YARD ... 700 patents, 35%\n"
    )
    r = extract(raw)
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Oceanography", 60),
        ("Marine biology", 40),
    ]
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (None, "NORD SUBSEA, AS", 1300, 65),
        (None, "ILSBY YARD", 700, 35),
    ]


def test_html_list_items_with_a_bare_leading_rank() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 2nd-ranked cluster, out of 9 clusters.</p>"
        "<h2>Top PCT applicants</h2><ul>"
        "<li><span>1</span> <b>NORD SUBSEA</b> <span>1,300</span> <span>65%</span></li>"
        "<li><span>2</span> <b>ILSBY YARD</b> <span>700</span> <span>35%</span></li></ul>"
    )
    r = extract(raw, "x.html", "html")
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD SUBSEA", 1300, 65),
        (2, "ILSBY YARD", 700, 35),
    ]
