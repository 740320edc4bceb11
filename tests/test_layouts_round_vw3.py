"""Layout mechanisms added for the testers' round V/W layouts (an OCR'd scan, an HTML fragment
whose table titles sit in a spanning header row, a plain-text profile with numbered lists):
each test is a small inline input for one mechanism, checking the values, their exact
evidence, and that no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract, ranked

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.extractors.headings import classify_heading
from nlq.layout import parse
from nlq.layout.axis_ticks import axis_tick_edits
from nlq.layout.page_marks import page_mark_edits

SPANNED_TITLE = (
    "<h2>Nordhaven, Norway</h2><p>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian "
    "clusters, in the top 100. It filed 1,204 PCT applications.</p>"
    "<table><thead>"
    '<tr><th rowspan="2">#</th><th colspan="3">Top PCT applicants</th></tr>'
    "<tr><th>Name</th><th>Count</th><th>Share</th></tr></thead><tbody>"
    "<tr><td>1</td><td>NORDHAVEN UNIVERSITY</td><td>1&nbsp;069</td><td>54%</td></tr>"
    "<tr><td>2</td><td>FJORD HOSPITAL</td><td>92</td><td>5%</td></tr>"
    "</tbody></table>"
)


def test_a_title_spanning_the_columns_of_a_two_row_header_heads_its_table() -> None:
    assert blocks(SPANNED_TITLE, "html")[2:4] == [
        ("paragraph", "Top PCT applicants"),
        (
            "table",
            [
                ["#", "Name", "Count", "Share"],
                ["1", "NORDHAVEN UNIVERSITY", "1\xa0069", "54%"],
                ["2", "FJORD HOSPITAL", "92", "5%"],
            ],
        ),
    ]
    r = extract(SPANNED_TITLE, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 1069, 54),
        (2, "FJORD HOSPITAL", 92, 5),
    ]
    assert ev(r, "top_pct_applicants[0].count") == "1&nbsp;069"
    assert ev(r, "top_pct_applicants[1].name") == "FJORD HOSPITAL"


def test_a_column_group_title_over_the_figures_is_not_a_table_title() -> None:
    raw = (
        "<table><tr><th rowspan=2>Rank</th><th rowspan=2>Organization</th>"
        "<th rowspan=2>Kind</th><th colspan=2>Output</th></tr>"
        "<tr><th>Count</th><th>Share</th></tr>"
        "<tr><td>1</td><td>NORDHAVEN UNIVERSITY</td><td>university</td><td>318</td>"
        "<td>19%</td></tr></table>"
    )
    assert blocks(raw, "html") == [
        (
            "table",
            [
                ["Rank", "Organization", "Kind", "Count", "Share"],
                ["1", "NORDHAVEN UNIVERSITY", "university", "318", "19%"],
            ],
        )
    ]


NUMBERED = (
    "CLUSTER PROFILE: Nordhaven, Norway\n\n"
    "Of the 9 Norwegian clusters that make the top 100 S&T clusters in 2024, Nordhaven ranks "
    "third (the third-ranked cluster). It filed 1,204 PCT applications.\n"
    "By size it is the 40th largest cluster in 2024; by intensity (relative to population "
    "density) it is the 12th S&T cluster in 2024.\n\n"
    "Top PCT applicants (rank. name: patents, share)\n"
    "1. NORDHAVEN UNIVERSITY: 1,146, 12%\n"
    "2. FJORD HOSPITAL: 74, 6%\n\n"
    "Patent collaboration\n"
    "7% of Nordhaven's PCT patent applications are filed in collaboration with other "
    "inventors. Top collaborative locations:\n"
    "  1. Oslo\n"
    "  2. Bergen\n"
)


def test_a_heading_spelling_out_its_rows_after_a_colon_in_parentheses_heads_its_list() -> None:
    r = extract(NUMBERED)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 1146, 12),
        (2, "FJORD HOSPITAL", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[0].count") == "1,146"
    assert ev(r, "top_pct_applicants[0].share") == "12"


def test_a_numbered_partner_list_after_a_label_ending_the_share_paragraph() -> None:
    r = extract(NUMBERED)
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 7
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert ev(r, "patent_collaboration.share") == "7"
    assert ev(r, "patent_collaboration.partners[1]") == "Bergen"


def test_a_national_rank_followed_by_an_aside_and_a_fronted_intensity_rank() -> None:
    r = extract(NUMBERED)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_rank") == "third"
    assert ev(r, "national_cluster_count") == "9"
    assert r.global_size_rank == 40
    assert r.global_intensity_rank == 12
    assert ev(r, "global_intensity_rank") == "12th"


def test_a_fronted_size_is_not_an_intensity_rank() -> None:
    raw = OPENING + "By intensity it is the 40th largest cluster.\n"
    assert extract(raw).global_intensity_rank is None


OCR = (
    "GIobal Innovation lndex 2024                    Page l\n\n"
    "Nordhaven, Norway\n\n" + OPENING.split("\n\n", 1)[1] + "Top PCT appIicants\n\n"
    "        Patents   Share\n"
    "1  NORDHAVEN UNIVERSITY        146   12 %\n"
    "2  FJORD HOSPITAL               74    6%\n\n"
    "Top technology fields in Nordhaven\n\n"
    "Patents\n  0%    l0%    20%    30%\n\n"
    "Publications\n  0%    10%    20%    30%\n\n"
    ". WlPO                                      Page l of 2\n"
)


def test_an_ocr_capital_i_for_l_in_a_heading() -> None:
    assert classify_heading("Top PCT appIicants") == classify_heading("Top PCT applicants")
    r = extract(OCR)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 12),
        (2, "FJORD HOSPITAL", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[0].share") == "12"


def test_chart_axis_ticks_and_ocr_page_marks_are_no_fields() -> None:
    r = extract(OCR)
    assert r.patent_fields == [] and r.publication_fields == []
    assert any(w.startswith("patent_fields: no data found") for w in r.warnings)
    assert any(w.startswith("publication_fields: no data found") for w in r.warnings)


def test_an_axis_is_ticks_from_zero_in_equal_steps() -> None:
    text = "Patents\n  0%    l0%    20%    30%\nShares\n  0%  35%  18%  7%\n35%  18%  7%\n"
    edits = axis_tick_edits(text)
    assert [text[e.start : e.end] for e in edits] == ["  0%    l0%    20%    30%\n"]


def test_page_marks_after_a_gap_go_and_the_header_words_stay() -> None:
    text = "GII 2024        Page l\nPage l of 2\nPage 3\nTop 3 page 2 fields\nWIPO    Page 4 / 9"
    cut = [text[e.start : e.end] for e in page_mark_edits(text)]
    assert cut == ["        Page l", "Page l of 2\n", "    Page 4 / 9"]


def test_an_llm_quote_of_a_sentence_with_a_word_broken_at_a_line_end_is_grounded() -> None:
    raw = (
        OPENING + "6% of Nordhaven's PCT patent applications are filed in col-\n"
        "laboration with other inventors, with Oslo and Bergen emerging as the top\n"
        "collaborative locations.\n"
    )
    view = SourceView.of(parse("x.txt", raw, "text"))
    quote = (
        "6% of Nordhaven's PCT patent applications are filed in col-laboration with other "
        "inventors, with Oslo and Bergen emerging as the top collaborative locations."
    )
    span = view.find_quote(quote, set())
    assert span is not None
    a, b = view.raw_span(*span)
    assert raw[a:b] == raw[raw.index("6% of") : raw.index("locations.") + len("locations.")]
    assert "collaboration" in view.words(*span)
    item = {"share": 6, "partners": ["Oslo", "Bergen"], "quote": quote}
    facts = ClusterFacts.model_validate({"patent_collaboration": item})
    assert ground(facts, view).problems == []
