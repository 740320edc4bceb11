"""Round AO (everyday documents, first run 0.972): a national rank written with Word's
non-breaking hyphen, and one whose cluster is named by its economy before a dash and the
count."""

from __future__ import annotations

from layout_fixtures import extract, span


def test_a_non_breaking_hyphen_is_a_hyphen() -> None:
    raw = (
        "Lunvik, Norway\r\n\r\nLunvik is the third\u2011ranked cluster, out of 7 Norwegian "
        "clusters, that falls within the top 100 S&T clusters in 2025.\r\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (3, 7)
    assert span(r, raw, "national_rank") == "third"


def test_a_rank_among_the_economys_clusters_after_a_dash() -> None:
    raw = (
        "Lunvik, Norway\n\n"
        "• Lunvik is the third-ranked Norwegian cluster – out of 7 Norwegian clusters in the top "
        "100 S&T clusters in 2025\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (3, 7)
    assert span(r, raw, "national_cluster_count") == "7"
    # A world rank is still no national one: "the 36th largest cluster of the 100".
    r = extract("Lunvik, Norway\n\nLunvik is the 36th largest cluster of the 100 in 2025.\n")
    assert r.national_rank is None
