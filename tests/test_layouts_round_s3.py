"""Layout mechanisms added for the testers' round S layouts (README snapshots, chat messages,
CSS-grid pages): each test is a small inline input for one mechanism, checking the values,
their exact evidence, and that no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, extract, ranked

from nlq.extractors.header_lists import list_named_by_header
from nlq.extractors.headings import classify_heading
from nlq.layout import parse

README = (
    "# nordhaven\n\n" + OPENING + "## Who files the patents\n\n"
    "| # | Applicant | Patents | Share |\n|---|---|--:|--:|\n"
    "| 1 | NORDHAVEN WIND AS | 1,124 | 31% |\n| 2 | FJORD ENZYMES | 512 | 14% |\n\n"
    "## Where the papers come from\n\n"
    "| # | Organization | Articles | Share |\n|---|---|--:|--:|\n"
    "| 1 | NORDHAVEN UNIVERSITY | 14,870 | 48% |\n| 2 | FJORD HOSPITAL | 6,215 | 20% |\n"
)


def test_a_table_under_a_heading_in_own_words_is_named_by_its_column_titles() -> None:
    r = extract(README, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN WIND AS", 1124, 31),
        (2, "FJORD ENZYMES", 512, 14),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 14870, 48),
        (2, "FJORD HOSPITAL", 6215, 20),
    ]
    ev = r.evidence["top_pct_applicants[0].count"]
    assert README[ev.start : ev.end] == "1,124"
    ev = r.evidence["top_publishers[1].name"]
    assert README[ev.start : ev.end] == "FJORD HOSPITAL"


def test_a_table_without_a_count_title_is_named_only_by_a_list_naming_cell() -> None:
    raw = (
        OPENING + "## Who files the patents\n\n| # | Applicant | Share |\n|---|---|--:|\n"
        "| 1 | NORDHAVEN WIND AS | 31% |\n"
    )
    # The column titles alone (name and count) do not name it: there is no count title ...
    header = parse("x.md", raw, "markdown").blocks[-1].rows[0]
    assert list_named_by_header(header, classify_heading) is None
    # ... but its "Applicant" cell does (extractors/header_lists.header_list), with no count.
    r = extract(raw, "x.md", "markdown")
    assert [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants] == [
        (1, "NORDHAVEN WIND AS", None, 31)
    ]


def test_a_labelled_collaboration_line_names_its_top_locations_without_a_verb() -> None:
    raw = (
        OPENING + "Patent collaboration: 14 % of Nordhaven's PCT patent applications are filed "
        "with other inventors; top locations Oslo, Bergen-Stord and Trondheim.\n"
    )
    r = extract(raw)
    c = r.patent_collaboration
    assert (c.share, c.partners) == (14, ["Oslo", "Bergen-Stord", "Trondheim"])
    ev = r.evidence["patent_collaboration.partners[1]"]
    assert raw[ev.start : ev.end] == "Bergen-Stord"


def test_top_locations_that_do_not_close_the_sentence_name_no_partners() -> None:
    raw = (
        OPENING + "Patent collaboration: 14 % of Nordhaven's PCT patent applications are filed "
        "with other inventors; top locations Europe and Asia account for most of them.\n"
    )
    r = extract(raw)
    assert r.patent_collaboration.partners == []


GRID = (
    "<html><body><div>Nordhaven, Norway</div>"
    "<div>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.</div>"
    "<div>Top PCT applicants</div><div class='grid'>"
    "<div></div><div></div><div>Patents</div><div>Share</div>"
    "<div>1</div><div>Fjord Wind A/S</div><div>1&nbsp;124</div><div>31%</div>"
    "<div>2</div><div>Institut, Nordhaven</div><div>512</div><div>14%</div>"
    "</div><div>Nordhaven files with Oslo.</div></body></html>"
)


def test_a_div_grid_with_empty_rank_and_name_titles_is_read_as_rows() -> None:
    r = extract(GRID, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [
        (1, "Fjord Wind A/S", 1124, 31),
        (2, "Institut, Nordhaven", 512, 14),
    ]
    ev = r.evidence["top_pct_applicants[0].count"]
    assert GRID[ev.start : ev.end] == "1&nbsp;124"
    ev = r.evidence["top_pct_applicants[1].name"]
    assert GRID[ev.start : ev.end] == "Institut, Nordhaven"


def test_a_grid_of_one_row_under_figure_titles_is_not_rebuilt() -> None:
    one = GRID.replace("<div>2</div><div>Institut, Nordhaven</div><div>512</div><div>14%</div>", "")
    assert extract(one, "x.html", "html").top_pct_applicants == []


def test_a_grid_row_whose_rank_is_not_a_whole_number_stops_the_rows() -> None:
    raw = GRID.replace("<div>1</div>", "<div>first</div>")
    assert extract(raw, "x.html", "html").top_pct_applicants == []
