"""Layouts of tester round Q (third share): an analyst's remark in parentheses under a list,
French-locale spreadsheet exports, footnote markers glued to values, a press release with its
ranks and top lists in words. Each test is a small inline input for one mechanism, checking
the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract

# --- a remark in parentheses under a list item whose figures are complete ------------------

REMARK_UNDER_LIST = OPENING + (
    "Top publishing organizations:\n"
    "  1. NORDHAVEN UNIVERSITY: 10,938 articles (25%)\n"
    "  2. NORD AS: 5,986 articles (14%)\n"
    "  (NORD AS appears twice on the page, ranks 1 and 3 - copied as is)\n"
)


def test_a_parenthesised_remark_under_a_complete_item_is_not_part_of_it() -> None:
    assert blocks(REMARK_UNDER_LIST)[-2:] == [
        ("list_item", "NORD AS: 5,986 articles (14%)"),
        ("paragraph", "(NORD AS appears twice on the page, ranks 1 and 3 - copied as is)"),
    ]
    r = extract(REMARK_UNDER_LIST)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [(1, "NORDHAVEN UNIVERSITY", 10938, 25), (2, "NORD AS", 5986, 14)]
    assert ev(r, "top_publishers[1].share") == "14"
    assert r.scientific_articles == 12345


def test_figures_in_parentheses_under_an_item_that_lacks_them_still_continue_it() -> None:
    raw = OPENING + (
        "Top publishing organizations:\n  1. NORDHAVEN UNIVERSITY: 10,938 articles\n     (25%)\n"
    )
    r = extract(raw)
    assert [(a.rank, a.count, a.share) for a in r.top_publishers] == [(1, 10938, 25)]
    assert ev(r, "top_publishers[0].share") == "25"
