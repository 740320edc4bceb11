"""Grounding round BW/BX: a name the source writes verbatim keeps a character the view reads as
markup ("(A*STAR)"), while a name copied with its markup is still read as the page shows it."""

from __future__ import annotations

from typing import Any

from llm_fixtures import ground_one, no_network_fixture  # noqa: F401  (a fixture)

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse

PUBLISHERS = (
    "# Norrvik, Sweden\n\n"
    "## Top publishing organizations\n\n"
    "| Rank | Organization | Articles | Share |\n"
    "|---|---|---|---|\n"
    "| 1 | AGENCY FOR SCIENCE & RESEARCH (A*STAR) | 9,530 | 11% |\n"
    "| 2 | **NORRVIK UNIVERSITY** | 4,100 | 5% |\n"
)


def publisher(raw: str, row: dict[str, Any], fmt: str = "markdown") -> tuple[str | None, str]:
    """(the grounded name or None, its evidence text) of one publisher row."""
    doc = parse("doc.md", raw, fmt)
    g = ground(ClusterFacts.model_validate({"top_publishers": [row]}), SourceView.of(doc))
    rows = g.values.get("top_publishers") or []
    span = g.spans.get("top_publishers[0].name")
    return (rows[0]["name"] if rows else None), (span and doc.raw[span[0] : span[1]]) or ""


def test_a_name_written_verbatim_keeps_its_lone_asterisk() -> None:
    line = PUBLISHERS.splitlines()[6]
    row = {"rank": 1, "count": 9530, "share": 11, "quote": line}
    name = "AGENCY FOR SCIENCE & RESEARCH (A*STAR)"
    assert publisher(PUBLISHERS, {**row, "name": name}) == (name, name)
    # The model dropping the asterisk is read the same way the view reads it.
    assert publisher(PUBLISHERS, {**row, "name": "AGENCY FOR SCIENCE & RESEARCH (ASTAR)"})[0] == (
        "AGENCY FOR SCIENCE & RESEARCH (ASTAR)"
    )


def test_a_name_copied_with_its_emphasis_is_the_name_the_page_shows() -> None:
    line = PUBLISHERS.splitlines()[7]
    row = {"rank": 2, "count": 4100, "share": 5, "quote": line}
    assert publisher(PUBLISHERS, {**row, "name": "**NORRVIK UNIVERSITY**"}) == (
        "NORRVIK UNIVERSITY",
        "NORRVIK UNIVERSITY",
    )


# A slide's key figures in a PDF's layout text: a "3rd of 5" tile and two count tiles, each
# phrase under its figure and beside the other tiles' phrases.
TILES = (
    "Norrvik, Sweden\n\n"
    "Key figures\n\n"
    "   3rd of 5                                         41st\n\n"
    "   Swedish clusters in the top 100 S&T              largest science and technology\n"
    "   clusters                                         cluster in 2025\n\n\n"
    "   19                                               3 412\n\n"
    "   PCT applications per 1 million                   scientific articles per 1 million\n"
    "   inhabitants (last five years)                    inhabitants (last five years)\n"
)


def one(raw: str, key: str, value: Any, quote: str) -> tuple[Any, str | None]:
    """(value grounded or None, its evidence text) for one scalar of a PDF's text."""
    return ground_one(raw, key, value, quote, "pdf", "doc.pdf")


def lines(raw: str, first: str, n: int) -> str:
    """`n` lines of `raw` from the one holding `first`."""
    rows = raw.splitlines()
    i = next(k for k, row in enumerate(rows) if first in row)
    return "\n".join(rows[i : i + n])


def test_a_tile_of_a_national_rank_or_a_count_is_about_the_words_after_its_figure() -> None:
    ranks = lines(TILES, "3rd of 5", 3)
    assert one(TILES, "national_rank", 3, ranks) == (3, "3rd")
    assert one(TILES, "national_cluster_count", 5, ranks) == (5, "5")
    counts = lines(TILES, "3 412", 3)
    assert one(TILES, "pct_applications", 19, counts) == (19, "19")
    assert one(TILES, "scientific_articles", 3412, counts) == (3412, "3 412")


def test_a_tile_figure_is_never_what_the_other_tiles_phrase_names() -> None:
    counts = lines(TILES, "3 412", 3)
    assert one(TILES, "scientific_articles", 19, counts) == (None, None)
    assert one(TILES, "pct_applications", 3412, counts) == (None, None)
    ranks = lines(TILES, "3rd of 5", 3)
    assert one(TILES, "national_rank", 41, ranks) == (None, None)
    assert one(TILES, "global_size_rank", 3, ranks) == (None, None)
    # The phrase must be quoted: the figures' line alone says nothing of them.
    assert one(TILES, "pct_applications", 19, lines(TILES, "3 412", 1)) == (None, None)


# A breakdown set in four columns, each field wrapped word by word down its own column.
GRID = (
    "Norrvik, Sweden\n\n"
    "Top technology fields\n\n"
    "Patents                                               Publications\n\n"
    "   Medical                 Measurement                   Clinical medicine"
    "       Chemistry (9%)\n"
    "   technology (21%)        (8%)                          (28%)\n"
    "   Electrical              Engines, pumps,               Physics & math          Other (63%)\n"
    "   machinery,              turbines (6%)                 (15%)\n"
    "   apparatus,                                            Engineering\n"
    "   energy (14%)                                          (13%)\n"
    "   Other (51%)\n"
)


def field(raw: str, name: str, share: int, quote: str) -> tuple[str | None, str]:
    doc = parse("doc.pdf", raw, "pdf")
    row = {"field": name, "share": share, "quote": quote}
    g = ground(ClusterFacts.model_validate({"patent_fields": [row]}), SourceView.of(doc))
    rows = g.values.get("patent_fields") or []
    span = g.spans.get("patent_fields[0].field")
    return (rows[0]["field"] if rows else None), (span and doc.raw[span[0] : span[1]]) or ""


def test_a_field_wrapped_word_by_word_down_its_column_is_found_in_its_quote() -> None:
    quote = lines(GRID, "Electrical", 4)
    got, evidence = field(GRID, "Electrical machinery, apparatus, energy", 14, quote)
    assert got == "Electrical machinery, apparatus, energy"
    assert evidence.startswith("Electrical") and evidence.endswith("energy")
    # Words of another column's cells are no piece of it.
    assert field(GRID, "Electrical pumps, apparatus, energy", 14, quote)[0] is None


def scalar(raw: str, fmt: str, name: str, key: str, value: Any, quote: str) -> Any:
    doc = parse(name, raw, fmt)
    g = ground(
        ClusterFacts.model_validate({key: {"value": value, "quote": quote}}), SourceView.of(doc)
    )
    return g.values.get(key)


# Key figures as tab rows, the national rank and count as "2nd of 4", last edition beside.
KEY_ROWS = (
    "Norrvik, Sweden\n\n## Key figures\n\n"
    "Indicator\tGII 2025\tGII 2024\n"
    "Rank among Swedish clusters in the top 100\t2nd of 4\t3rd of 5\n"
    "PCT applications per 1 mln inhabitants (5 yrs)\t47\t45\n"
)
# A CSV's row: the rank in its cell, "out of 2" in the next one.
KEY_CSV = "Key figures,,\nRank among Swedish clusters in the top 100,1,out of 2\n"


def test_a_key_figures_row_of_nth_of_m_grounds_the_rank_and_the_count() -> None:
    rank = KEY_ROWS.splitlines()[5]
    assert scalar(KEY_ROWS, "markdown", "x.md", "national_rank", 2, rank) == 2
    assert scalar(KEY_ROWS, "markdown", "x.md", "national_cluster_count", 4, rank) == 4
    # The earlier edition's column is no figure of this one.
    assert scalar(KEY_ROWS, "markdown", "x.md", "national_rank", 3, rank) is None
    assert scalar(KEY_ROWS, "markdown", "x.md", "national_cluster_count", 5, rank) is None
    row = KEY_CSV.splitlines()[1]
    assert scalar(KEY_CSV, "csv", "x.csv", "national_rank", 1, row) == 1
    assert scalar(KEY_CSV, "csv", "x.csv", "national_cluster_count", 2, row) == 2
    pct = KEY_ROWS.splitlines()[6]
    assert scalar(KEY_ROWS, "markdown", "x.md", "pct_applications", 47, pct) == 47


def test_an_intensity_rank_after_its_definition_between_dashes() -> None:
    raw = (
        "Norrvik, Sweden\n\nBy size it is the 71st largest cluster; by intensity – output "
        "relative to population density – it ranks 96th.\n"
    )
    quote = "by intensity – output relative to population density – it ranks 96th"
    assert scalar(raw, "text", "x.txt", "global_intensity_rank", 96, quote) == 96
    assert scalar(raw, "text", "x.txt", "global_intensity_rank", 71, quote) is None
