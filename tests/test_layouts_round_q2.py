"""Layouts of tester round Q (second part): a newsletter e-mail laid out in tables, an HTML page
whose top lists are `<ol>`s without printed numbers, pdftotext output with a blank line after
every cell, a Google Docs markdown export with backslash escapes. Each test is a small inline
input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, blocks, ev, extract

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.layout.layout_tables import layout_table_starts
from nlq.layout.spaced_cells import spaced_cell_edits

# --- a newsletter laid out in tables: layout tables are boxes, the data tables inside read --

NEWSLETTER = (
    "<html><body>"
    '<div style="display:none;max-height:0">Our GII 2023 archive (38 profiles).</div>'
    '<table role="presentation" width="600"><tr><td>Global Innovation Index 2025</td></tr>'
    "<tr><td><h1>Nordhaven, Norway</h1></td></tr>"
    "<tr><td><p>Of the 9 Norwegian clusters in the top 100 S&amp;T clusters in 2025, Nordhaven "
    "is the third-ranked. It filed <b>1,204 PCT applications</b> and published "
    "<b>12,345 scientific articles</b>.</p>"
    '<table role="presentation"><tr>'
    "<td><span>64th</span><br />largest science and technology cluster in 2025</td>"
    "<td><span>27th</span><br />S&amp;T cluster by intensity in 2025</td></tr></table>"
    "</td></tr>"
    "<tr><td>Top PCT applicants</td></tr>"
    "<tr><td><table><tr><td></td><td></td><td>Patents</td><td>Share</td></tr>"
    "<tr><td>1</td><td>NORD AS</td><td>146</td><td>12%</td></tr>"
    "<tr><td>2</td><td>FJORD ASA</td><td>90</td><td>7%</td></tr></table></td></tr>"
    "<tr><td>Last year Nordhaven was 70th by size.</td></tr>"
    "</table></body></html>"
)


def test_layout_tables_are_found_by_role_or_by_holding_a_table() -> None:
    nested = "<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>"
    assert layout_table_starts(nested) == {0}
    assert layout_table_starts('<table role="presentation"><tr><td>x</td></tr></table>') == {0}
    assert layout_table_starts("<table><tr><td>1</td></tr></table>") == set()


def test_a_newsletter_laid_out_in_tables_is_read_as_its_page() -> None:
    r = extract(NEWSLETTER, "x.html", "html")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert r.edition == 2025  # not the hidden preheader's 2023
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_rank") == "third" and ev(r, "national_cluster_count") == "9"
    # a big rank over its phrase, "<span>64th</span><br />largest ...", and not "70th by size"
    assert r.global_size_rank == 64 and ev(r, "global_size_rank") == "64th"
    assert r.global_intensity_rank == 27 and ev(r, "global_intensity_rank") == "27th"
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD AS", 146, 12),
        (2, "FJORD ASA", 90, 7),
    ]
    assert ev(r, "top_pct_applicants[1].name") == "FJORD ASA"


def test_a_data_table_is_still_one_table() -> None:
    page = (
        "<h1>Nordhaven, Norway</h1><table><tr><td>1</td><td>NORD AS</td><td>146</td>"
        "<td>12%</td></tr></table>"
    )
    assert ("table", [["1", "NORD AS", "146", "12%"]]) in blocks(page, "html")


# --- an ordered list prints its ranks -------------------------------------------------------

OL_PAGE = (
    "<h1>Nordhaven, Norway</h1><p>" + BODY + "</p><h2>Top PCT applicants</h2>"
    "<ol><li>NORD AS &mdash; 1&nbsp;204 patents (22%)</li>"
    "<li>FJORD ASA &mdash; 547 patents (10%)</li></ol>"
    "<h2>Top publishing organizations</h2>"
    '<ol start="4"><li>NORD UNIVERSITY &mdash; 8&nbsp;190 articles (39%)</li>'
    "<li>FJORD INSTITUTE &mdash; 2&nbsp;520 articles (12%)</li></ol>"
)


def test_the_items_of_an_ordered_list_have_the_numbers_it_prints() -> None:
    r = extract(OL_PAGE, "x.html", "html")
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD AS", 1204, 22),
        (2, "FJORD ASA", 547, 10),
    ]
    assert ev(r, "top_pct_applicants[0].rank") == "<li>"  # the mark that prints the number
    assert ev(r, "top_pct_applicants[0].count") == "1&nbsp;204"
    assert [e.rank for e in r.top_publishers] == [4, 5]  # counted from the list's start


def test_unordered_lists_and_lettered_lists_print_no_rank() -> None:
    for tag, attrs in (("ul", ""), ("ol", ' type="a"'), ("ol", ' style="list-style:none"')):
        page = OL_PAGE.replace("<ol>", f"<{tag}{attrs}>", 1).replace("</ol>", f"</{tag}>", 1)
        r = extract(page, "x.html", "html")
        assert [e.rank for e in r.top_pct_applicants] == [None, None], tag + attrs


def test_a_list_item_printing_its_own_rank_keeps_it() -> None:
    page = OL_PAGE.replace("<li>NORD AS", "<li>7. NORD AS").replace("<li>FJORD ASA", "<li>8. FJ")
    r = extract(page, "x.html", "html")
    assert [e.rank for e in r.top_pct_applicants] == [7, 8]
    assert ev(r, "top_pct_applicants[0].rank") == "7"


# --- pdftotext without -layout, a blank line after every cell -------------------------------

SPACED = (
    OPENING + "Top PCT applicants\n\nPatents\n\nShare\n\n"
    "1\n\nNORD SYSTEMS\n\n146\n\n12%\n\n2\n\nFJORD MARINE\n\n90\n\n7%\n\n"
    "Top publishing organizations\n\nArticles\n\nShare\n\n"
    "1\n\nNORD UNIVERSITY\n\n900\n\n40%\n\n2\n\nNORWEGIAN INSTITUTE OF MARINE -\nRESEARCH\n\n"
    "300\n\n13%\n\n"
    "Most of the articles are written in collaboration with other organizations.\n\n17\n"
)


def test_cells_set_one_per_paragraph_are_rebuilt_into_rows() -> None:
    r = extract(SPACED)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD SYSTEMS", 146, 12),
        (2, "FJORD MARINE", 90, 7),
    ]
    assert r.top_publishers[1].name == "NORWEGIAN INSTITUTE OF MARINE - RESEARCH"
    assert ev(r, "top_publishers[1].name") == "NORWEGIAN INSTITUTE OF MARINE -\nRESEARCH"
    assert ev(r, "top_publishers[1].count") == "300"


def test_prose_keeps_its_blank_lines() -> None:
    assert spaced_cell_edits(OPENING + "Top PCT applicants\n\n1\n\nNORD SYSTEMS\n\n146\n\n") == []
    edits = spaced_cell_edits(SPACED)
    last = max(e.end for e in edits)
    assert SPACED[last:].startswith("13%\n\nMost of the")  # the run ends before prose


# --- markdown backslash escapes -------------------------------------------------------------


def test_backslash_escapes_are_read_as_the_character() -> None:
    md = (
        "## **Nordhaven, Norway**\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 "
        "S\\&T clusters in 2025\\. It filed **1,204 PCT applications**.\n\n"
        "* 27th S\\&T cluster by intensity (relative to population density) in 2025\n"
    )
    r = extract(md, "x.md", "markdown")
    assert r.global_intensity_rank == 27 and ev(r, "global_intensity_rank") == "27th"
    assert r.edition == 2025 and ev(r, "edition") == "2025"


def test_an_item_whose_text_is_in_a_paragraph_keeps_its_number() -> None:
    page = OL_PAGE.replace("<li>", "<li><p>").replace("</li>", "</p></li>")
    r = extract(page, "x.html", "html")
    assert [(e.rank, e.name) for e in r.top_pct_applicants] == [(1, "NORD AS"), (2, "FJORD ASA")]
    assert ev(r, "top_pct_applicants[1].rank") == "<li>"


def test_an_llm_rank_is_grounded_on_the_number_the_list_prints() -> None:
    doc = parse("x.html", OL_PAGE, "html")
    rows = [
        {"rank": 1, "name": "NORD AS", "count": 1204, "quote": "NORD AS — 1 204 patents (22%)"},
        {"rank": 3, "name": "FJORD ASA", "count": 547, "quote": "FJORD ASA — 547 patents (10%)"},
    ]
    g = ground(ClusterFacts.model_validate({"top_pct_applicants": rows}), SourceView.of(doc))
    assert [e["rank"] for e in g.values["top_pct_applicants"]] == [1, None]  # 3 is not printed
    a, b = g.spans["top_pct_applicants[0].rank"]
    assert OL_PAGE[a:b] == "<li>"
    assert any("top_pct_applicants[1].rank" in p.reask for p in g.problems)
