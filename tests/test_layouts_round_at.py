"""Layout mechanisms added in round AT/AU (and the last misses of sets AR/AS): each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import extract, pairs, span


def test_a_title_that_reads_like_a_section_heading_still_gives_the_economy() -> None:
    # "campos" are fields in Portuguese: the title is also a field heading's shape, but the
    # opening sentence is about "São José dos Campos", so the title names its economy.
    raw = (
        "GII 2024 · Cluster profiles\t95\n\n"
        "São José dos Campos, Brazil\n\n"
        "São José dos Campos is the third-ranked cluster, out of 4 Brazilian clusters, that "
        "falls within the top 100 S&T clusters in 2024. It filed 23 PCT applications and "
        "published 2,114 scientific articles per 1 million inhabitants.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy, r.national_rank) == ("São José dos Campos", "Brazil", 3)
    assert span(r, raw, "economy") == "Brazil"
    assert raw.index("Brazil") == r.evidence["economy"].start


def test_no_economy_from_a_title_naming_another_cluster() -> None:
    raw = (
        "São José dos Campos, Brazil\n\n"
        "Campinas is the third-ranked cluster, out of 4 Brazilian clusters. It filed 23 PCT "
        "applications and published 2,114 scientific articles per 1 million inhabitants.\n"
    )
    r = extract(raw)
    assert r.cluster == "Campinas"
    assert r.economy == ""


def test_a_title_written_as_a_sentence_of_its_own_gives_the_economy() -> None:
    raw = (
        "MEMORANDUM\n\n"
        "1. Summary\n\n"
        "Source: Global Innovation Index 2025. Valle Quetzal–San Jerónimo, Mexico.\n\n"
        "Valle Quetzal–San Jerónimo is the third-ranked cluster, out of 3 Mexican clusters. It "
        "filed 27 PCT applications and published 3 118 scientific articles.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Valle Quetzal–San Jerónimo", "Mexico")
    assert span(r, raw, "economy") == "Mexico"
    assert r.evidence["economy"].line == 5


def test_cells_each_holding_a_whole_breakdown() -> None:
    raw = (
        "Hefei, China\n\n"
        "Hefei is the twelfth-ranked cluster. It filed 692 PCT applications.\n\n"
        "Top technology fields\n\n"
        "   Patents:       Pharmaceuticals 18%; Transport 15%; Furniture, games 12%; Other 55%\n"
        "   Publications:  Chemistry 21%; Clinical medicine 19%; Other 60%\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [
        ("Pharmaceuticals", 18),
        ("Transport", 15),
        ("Furniture, games", 12),
        ("Other", 55),
    ]
    assert pairs(r.publication_fields) == [
        ("Chemistry", 21),
        ("Clinical medicine", 19),
        ("Other", 60),
    ]
    assert span(r, raw, "patent_fields[2].field") == "Furniture, games"
    assert span(r, raw, "publication_fields[1].share") == "19"


def test_bar_split_breakdowns_after_an_arrow_label() -> None:
    raw = (
        "Tūmanako Harbour, New Zealand\n\n"
        "Tūmanako Harbour is the second-ranked cluster. It filed 83 PCT applications.\n\n"
        "🔬 Top technology fields\n"
        "Patents → Food chemistry 22% | Medical technology 16% | Other 62%\n"
        "Publications → Applied biology 20% | Clinical medicine 18% | Other 62%\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [
        ("Food chemistry", 22),
        ("Medical technology", 16),
        ("Other", 62),
    ]
    assert pairs(r.publication_fields) == [
        ("Applied biology", 20),
        ("Clinical medicine", 18),
        ("Other", 62),
    ]
    assert span(r, raw, "publication_fields[0].field") == "Applied biology"
    assert span(r, raw, "patent_fields[2].share") == "62"
