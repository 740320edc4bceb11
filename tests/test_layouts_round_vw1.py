"""Layout mechanisms added for the testers' round V/W (set 1) layouts: TOML typed by hand, a
sheet of one fact per row, labels whose count or rank sits after an aside. Each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import extract

from nlq.schema import ClusterProfile


def span(record: ClusterProfile, raw: str, path: str) -> str:
    ev = record.evidence[path]
    return raw[ev.start : ev.end]


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
