"""Layouts of tester round M: a spreadsheet with a totals row, pages fed in scanner order,
a textbook, a German page and a WordPress post. Each test is a small inline input for one
mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import extract

from nlq.schema import ClusterProfile


def ev(record: ClusterProfile, path: str) -> str:
    return record.evidence[path].text


# --- a totals row under a top list is no entry -----------------------------------------------

TOTALS = (
    "Nordhaven, Norway\n\n"
    "Top publishing organizations\n"
    "Rank  Organization                 Articles   Share\n"
    "1     UNIVERSITY OF NORDHAVEN         1 512     25%\n"
    "2     NORDHAVEN HOSPITAL                846     14%\n"
    "      Top 2 total                     2 358     39%\n"
)


def test_a_top_n_total_row_is_not_an_entry() -> None:
    r = extract(TOTALS)
    assert [(p.rank, p.name, p.count, p.share) for p in r.top_publishers] == [
        (1, "UNIVERSITY OF NORDHAVEN", 1512, 25),
        (2, "NORDHAVEN HOSPITAL", 846, 14),
    ]
    assert ev(r, "top_publishers[1].count") == "846"


# --- the running footer of the last page (no form feed after it) is furniture ----------------

PAGES = (
    "Global Innovation Index 2024\n\nNordhaven, Norway\n\n"
    "Top publishing organizations\n\n"
    "\t\tArticles\tShare\n"
    "1\tUNIVERSITY OF NORDHAVEN\t1,512\t25%\n"
    "2\tNORDHAVEN HOSPITAL\t846\t14%\n\n"
    "WIPO · Global Innovation Index 2025 series\t\t1 / 2\n"
    "\f\n"
    "Collaboration\n\n"
    "61% of Nordhaven's scientific articles are published in collaboration with other "
    "organizations, with the top three collaborating locations being Oslo, Bergen and Lima.\n\n"
    "WIPO · Global Innovation Index 2025 series\t\t2 / 2\n"
)


def test_the_last_pages_footer_is_no_publisher_and_no_edition() -> None:
    r = extract(PAGES)
    assert [p.name for p in r.top_publishers] == ["UNIVERSITY OF NORDHAVEN", "NORDHAVEN HOSPITAL"]
    assert r.edition == 2024 and ev(r, "edition") == "2024"
