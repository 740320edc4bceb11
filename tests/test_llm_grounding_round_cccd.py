"""Grounding round CC/CD: a slide tile's national rank ("2 of 4") over its label ("National
rank – Indian clusters in the top 100 S&T clusters") is about what the label names, as the
rules extractor reads it ("label: 2 of 4")."""

from __future__ import annotations

from typing import Any

from llm_fixtures import ground_one, no_network_fixture  # noqa: F401  (a fixture)

# A .pptx deck's tiles as its text: each figure on a line of its own over its label.
SLIDE = (
    "# Varnhem, Sweden\n\n"
    "## At a glance\n\n"
    "2 of 4\n\n"
    "National rank – Swedish clusters in the top 100 S&T clusters\n\n"
    "117\n\n"
    "PCT applications per 1 million inhabitants, last five years\n"
)
QUOTE = "2 of 4\n\nNational rank – Swedish clusters in the top 100 S&T clusters"


def one(raw: str, key: str, value: Any, quote: str) -> tuple[Any, str | None]:
    """(value grounded or None, its evidence text) for one scalar of a slide deck's text."""
    return ground_one(raw, key, value, quote, "text", "deck.pptx")


def test_a_tiles_national_rank_and_count_over_their_label() -> None:
    assert one(SLIDE, "national_rank", 2, QUOTE) == (2, "2")
    assert one(SLIDE, "national_cluster_count", 4, QUOTE) == (4, "4")


def test_the_tiles_figures_are_not_each_others() -> None:
    assert one(SLIDE, "national_rank", 4, QUOTE) == (None, None)
    assert one(SLIDE, "national_cluster_count", 2, QUOTE) == (None, None)


# A real PDF's justified paragraph: every word gap two spaces, a space-separated count among them.
JUSTIFIED = (
    "Varnhem, Sweden\n\n"
    "clusters  in  2024.  It  filed  268  PCT  applications  and  published  10  744  scientific"
    "  articles,  both  per  1\n"
    "million inhabitants over the last five years.\n"
)


def test_a_justified_lines_count_is_the_whole_number_the_rules_read() -> None:
    line = JUSTIFIED.splitlines()[2]
    assert ground_one(JUSTIFIED, "scientific_articles", 10744, line, "pdf", "doc.pdf") == (
        10744,
        "10  744",
    )
    assert ground_one(JUSTIFIED, "pct_applications", 268, line, "pdf", "doc.pdf") == (268, "268")


def test_a_group_of_a_space_grouped_count_is_not_that_count() -> None:
    line = JUSTIFIED.splitlines()[2]
    assert ground_one(JUSTIFIED, "scientific_articles", 744, line, "pdf", "doc.pdf") == (
        None,
        None,
    )
    assert ground_one(JUSTIFIED, "scientific_articles", 10, line, "pdf", "doc.pdf") == (None, None)


# A long-format export: the count's title cell, then empty rank and name cells, then the count.
LONG_LABEL = (
    "section;item;rank;name;value;share (%)\n"
    "profile;cluster;;Nordhaven;;\n"
    "profile;national rank;;;3;\n"
    "profile;number of Norwegian clusters in top 100;;;9;\n"
)


def test_a_count_titled_by_the_top_100_across_empty_cells_is_grounded() -> None:
    quote = "profile;number of Norwegian clusters in top 100;;;9;"
    assert ground_one(LONG_LABEL, "national_cluster_count", 9, quote, "csv", "x.csv") == (9, "9")
    assert ground_one(LONG_LABEL, "national_cluster_count", 100, quote, "csv", "x.csv") == (
        None,
        None,
    )
