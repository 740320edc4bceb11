"""Rules added after round CH and the held-out cases: each test is a small inline document of
a fictional cluster for one rule, checking the values and their exact evidence on the rules
path."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract, laid, ranked


def _glued(first: str, second: str) -> str:
    """A PDF's side-by-side lists, each row alone between blank lines, the left list's ranks
    one space from their names."""
    return (
        OPENING
        + laid([(0, "Top PCT applicants"), (60, "Top publishing organizations")])
        + "\n\n"
        + laid([(44, "Patents  Share"), (104, "Articles Share")])
        + "\n\n"
        + laid(
            [(0, first), (46, "54   15%"), (60, "1  NORDHAVEN UNIVERSITET"), (102, "16 400   40%")]
        )
        + "\n\n"
        + laid([(0, second), (46, "29    8%"), (60, "2  HAVN INSTITUTT"), (103, "6 150   15%")])
        + "\n"
    )


def test_ranks_one_space_from_their_names_are_split_off_when_they_count_down_the_list() -> None:
    raw = _glued("1 FJORD BIOTEKNOLOGI AS", "2 HAVN ENERGI, ASA")
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD BIOTEKNOLOGI AS", 54, 15),
        (2, "HAVN ENERGI, ASA", 29, 8),
    ]
    assert (ev(r, "top_pct_applicants[1].rank"), ev(r, "top_pct_applicants[1].name")) == (
        "2",
        "HAVN ENERGI, ASA",
    )
    assert ranked(r.top_publishers)[1] == (2, "HAVN INSTITUTT", 6150, 15)


def test_a_name_that_begins_with_a_number_out_of_rank_order_is_left_whole() -> None:
    r = extract(_glued("3 FJORD BIOTEKNOLOGI AS", "7 HAVN ENERGI, ASA"))
    assert [e.name for e in r.top_pct_applicants] == [
        "3 FJORD BIOTEKNOLOGI AS",
        "7 HAVN ENERGI, ASA",
    ]
    assert [e.rank for e in r.top_pct_applicants] == [None, None]
