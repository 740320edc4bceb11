"""A year in parentheses after a "National rank" label is no rank: "National rank (2023): 2"
was read as national rank 2023 (a figure the page never gives as a rank)."""

from __future__ import annotations

from layout_fixtures import ev, extract

SHEET = (
    "Nordhaven, Norway\n\nCluster\tNordhaven\nEconomy\tNorway\n{label}\t2\n"
    "Global rank by size\t58\n"
)


def test_a_year_after_the_national_rank_label_is_not_read_as_the_rank() -> None:
    r = extract(SHEET.format(label="National rank (2023)"), "x.tsv", "csv")
    assert r.national_rank != 2023
    assert r.national_rank is None
    assert r.global_size_rank == 58


def test_the_labelled_national_rank_is_still_read() -> None:
    r = extract(SHEET.format(label="National rank"), "x.tsv", "csv")
    assert r.national_rank == 2
    assert ev(r, "national_rank") == "2"
