"""Layout mechanisms added for the testers' rounds T and U (chat exports, a Slack thread with
the page pasted in a code block, national ranks written as a place or a position): each test
is a small inline input for one mechanism, checking the values, their exact evidence, and that
no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import ev, extract

BODY = (
    "It filed 1,204 PCT applications and published 12,345 scientific articles, making it the "
    "40th largest cluster.\n\n"
)


def test_a_national_rank_written_as_a_place_among_the_national_clusters() -> None:
    raw = (
        "Nordhaven, Norway\n\nWithin the top 100 S&T clusters in 2025, Nordhaven holds 5th place"
        " among the\n6 Norwegian clusters. " + BODY
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (5, 6)
    assert ev(r, "national_rank") == "5th"
    assert ev(r, "national_cluster_count") == "6"
    assert r.global_size_rank == 40


def test_a_national_rank_written_as_a_position_out_of_the_national_clusters() -> None:
    raw = (
        "Nordhaven, Norway\n\nWith its tenth-ranked position, out of 26 Norwegian clusters, "
        "Nordhaven falls within the top 100 S&T clusters in 2024. " + BODY
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (10, 26)
    assert ev(r, "national_rank") == "tenth"
    assert ev(r, "national_cluster_count") == "26"


def test_a_place_among_all_clusters_is_no_national_rank() -> None:
    raw = "Nordhaven, Norway\n\nNordhaven holds 40th place among the 100 clusters. " + BODY
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (None, None)
