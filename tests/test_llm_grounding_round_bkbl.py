"""Grounding round BK/BL: a rank tile's figure is about its own tile's phrase (a PDF page's
big figures with the phrase on other lines), and a data sheet's national count titled by the
top 100 it counts ("Chinese clusters in top 100 | 26"); each rule with values it still refuses."""

from __future__ import annotations

from typing import Any

from llm_fixtures import no_network_fixture  # noqa: F401  (a fixture)

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse


def one(raw: str, key: str, value: Any, quote: str, fmt: str = "text", name: str = "doc.txt"):
    """(value found or None, evidence text or None) for one scalar."""
    doc = parse(name, raw, fmt)
    g = ground(
        ClusterFacts.model_validate({key: {"value": value, "quote": quote}}), SourceView.of(doc)
    )
    span = g.spans.get(key)
    return g.values.get(key), span and doc.raw[span[0] : span[1]]


# Two tiles in a page's layout text: a big "41" with its raised "st" and its phrase in the column
# to its right, the intensity tile's first line right above the size figure.
RAISED = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the first-ranked cluster, out of 3 Norwegian clusters, in the top 100.\n\n"
    "             st                                                       th\n"
    "                  largest science and technology                           "
    "S&T cluster by intensity (relative to\n"
    "   41             cluster in 2024                          77              "
    "population density) in 2024\n"
)
RAISED_QUOTE = "\n".join(RAISED.splitlines()[5:7])
# An annex page: ordinals alone on the prose's first line, each phrase in the column under it.
BOXES = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the first-ranked cluster, out of 3 Norwegian clusters, in the top 100      "
    "19th                 6th\n"
    "S&T clusters in 2024, filing 512 PCT applications per 1 million inhabitants.            "
    "largest science      S&T cluster by\n"
    "It published 2,210 scientific articles per 1 million inhabitants.                       "
    "and technology       intensity in 2024\n"
    "                                                                                        "
    "cluster in 2024\n"
)


def test_a_raised_suffix_tile_is_about_the_phrase_in_its_column() -> None:
    assert one(RAISED, "global_size_rank", 41, RAISED_QUOTE) == (41, "41")
    assert one(RAISED, "global_intensity_rank", 77, RAISED_QUOTE) == (77, "77")


def test_a_tile_figure_is_never_the_rank_its_neighbouring_tile_names() -> None:
    # "S&T cluster by intensity (relative to" sits right above the 41: still the size rank's.
    assert one(RAISED, "global_intensity_rank", 41, RAISED_QUOTE) == (None, None)
    assert one(RAISED, "global_size_rank", 77, RAISED_QUOTE) == (None, None)


def test_an_ordinal_box_is_about_the_phrase_under_it_when_the_quote_shows_it() -> None:
    lines = BOXES.splitlines()
    quote = "\n".join(lines[2:5])
    assert one(BOXES, "global_size_rank", 19, quote) == (19, "19th")
    assert one(BOXES, "global_intensity_rank", 6, quote) == (6, "6th")
    # the figure's own line alone does not show what it ranks; nor do lines short of the
    # word that names the measure ("S&T cluster by" / "intensity in 2024")
    assert one(BOXES, "global_size_rank", 19, lines[2]) == (None, None)
    assert one(BOXES, "global_intensity_rank", 6, "\n".join(lines[2:4])) == (None, None)
    assert one(BOXES, "global_intensity_rank", 19, quote) == (None, None)


def test_a_sheet_row_titled_by_the_economys_clusters_in_the_top_100_is_the_count() -> None:
    csv = "Indicator,Value\nNational rank,1\nClusters of the economy in top 100,3\n"
    assert one(
        csv, "national_cluster_count", 3, "Clusters of the economy in top 100,3", "csv", "d.csv"
    ) == (3, "3")
    semi = (
        "Indicator;Value;Note\nEdition;2024;\nNational rank;2;\n"
        "Clusters in the economy in the top 100;4;;\n"
    )
    assert one(
        semi,
        "national_cluster_count",
        4,
        "Clusters in the economy in the top 100;4;;",
        "csv",
        "d.csv",
    ) == (4, "4")
    table = "| Indicator | Value |\n|---|---|\n| Norwegian clusters in top 100 | 5 |\n"
    quote = "| Norwegian clusters in top 100 | 5 |"
    assert one(table, "national_cluster_count", 5, quote, "markdown", "d.md") == (5, "5")
    line = "Cluster: Nordhaven\nNorwegian clusters in top 100: 5\n"
    assert one(line, "national_cluster_count", 5, "Norwegian clusters in top 100: 5") == (5, "5")


def test_a_top_100_count_naming_no_economy_or_another_row_is_still_refused() -> None:
    line = (
        "Global clusters in the top 100: 87\nNorwegian clusters in top 100: 5\n"
        "Global rank by size: 41\n"
    )
    assert one(line, "national_cluster_count", 87, "Global clusters in the top 100: 87") == (
        None,
        None,
    )
    quote = "Norwegian clusters in top 100: 5\nGlobal rank by size: 41"
    assert one(line, "national_cluster_count", 41, quote) == (None, None)
    # the 100 names the list the clusters are in, not how many the economy has
    assert one(line, "national_cluster_count", 100, "Norwegian clusters in top 100: 5") == (
        None,
        None,
    )
