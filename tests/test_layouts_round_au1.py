"""Layout mechanisms added for the testers' round AU layouts: a PDF viewer's "Copy All" (every
table cell on a line of its own, names wrapped after a comma, chart axis ticks one a line). Each
test is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, extract, pairs, ranked, span

CELLS = (
    OPENING + "Top PCT applicants\nPatents\nShare\n"
    "1\nNORDHAVEN PRECISION CO.,\nLTD.\n1,204\n38%\n"
    "2\nFJELL OPTICAL, INC.\n388\n12%\n"
    "3\nNORDHAVEN PRECISION CO.,\nLTD.\n160\n5%\n"
)


def test_a_name_wrapped_after_a_comma_stays_one_cell_of_its_ranked_row() -> None:
    r = extract(CELLS)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN PRECISION CO., LTD.", 1204, 38),
        (2, "FJELL OPTICAL, INC.", 388, 12),
        (3, "NORDHAVEN PRECISION CO., LTD.", 160, 5),
    ]
    assert span(r, CELLS, "top_pct_applicants[1].rank") == "2"
    assert span(r, CELLS, "top_pct_applicants[2].rank") == "3"
    assert span(r, CELLS, "top_pct_applicants[2].count") == "160"
    name = r.evidence["top_pct_applicants[0].name"]
    assert CELLS[name.start : name.end] == "NORDHAVEN PRECISION CO.,\nLTD."


def test_a_sentence_between_a_rank_and_a_figure_is_not_a_name() -> None:
    raw = "Totals\n3\nIt filed a lot, and it published\nmany articles in total.\n160\n5%\n"
    assert not any(kind == "table" for kind, _ in blocks(raw))


AXIS = (
    OPENING + "Top technology fields in Nordhaven\nPatents\n0%\n10%\n20%\n30%\n"
    "Optics (24%)\nMeasurement (17%)\nOther (59%)\n"
)


def test_axis_ticks_one_a_line_are_not_a_row_of_the_breakdown() -> None:
    r = extract(AXIS)
    assert pairs(r.patent_fields) == [("Optics", 24), ("Measurement", 17), ("Other", 59)]
    assert span(r, AXIS, "patent_fields[0].share") == "24"
    assert ("paragraph", "Patents") in blocks(AXIS)


def test_shares_one_a_line_that_do_not_rise_in_equal_steps_are_kept() -> None:
    assert blocks("Shares\n0%\n10%\n15%\n") == [("table", [["Shares", "0%", "10%", "15%"]])]
    assert blocks("Shares\n0%\n10%\n20%\n") == [("paragraph", "Shares")]


HEAD = "Global Innovation Index 2025 – Cluster Profiles            17\n"
FRAMED = (
    HEAD + "\n" + OPENING + "Top technology fields in Nordhaven\n\nPatents\n\n"
    "Optics (60%)      Other (40%)\n\n" + HEAD
)


def test_one_page_header_repeated_as_its_footer_is_furniture() -> None:
    r = extract(FRAMED)
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert span(r, FRAMED, "patent_fields[1].share") == "40"
    assert all("Cluster Profiles" not in str(b) for b in blocks(FRAMED))


def test_a_first_and_a_last_line_with_different_numbers_stay() -> None:
    raw = HEAD + "\n" + OPENING + HEAD.replace("17", "40")
    assert sum("Cluster Profiles" in str(b) for b in blocks(raw)) == 2


def test_a_line_repeated_with_nothing_between_is_no_page_frame() -> None:
    raw = HEAD + "\n" + HEAD
    assert sum("Cluster Profiles" in str(b) for b in blocks(raw)) == 2
