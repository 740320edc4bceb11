"""Layout mechanisms added for the testers' round AE layouts of developer ae1: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract, pairs, ranked

from nlq.layout.checkboxes import checkbox_edits
from nlq.layout.forum import thread_edits
from nlq.layout.remarks import remark_edits

CHECKLIST = (
    "# Data-entry checklist — cluster profile: Nordhaven, Norway\n\n"
    "Reviewer: A. B. · template v7 · 5 items · 4 of 5 checked\n\n"
    "1. [x] Title line copied: **Nordhaven, Norway**\n"
    "2. [x] Per 1 million inhabitants: filed **1,204 PCT applications** and published "
    "**12,345 scientific articles**\n"
    "3. [x] Top PCT applicants (rank · name · patents · share)\n"
    "   - [x] 1 · NORD TECH AS · 310 · 26%\n"
    "   - [ ] 2 · HAVEN UNIVERSITY · 120 · 10% *(spelled as in the source, keep)*\n"
    "4. [x] Top technology fields — Patents\n"
    "   - [x] Semiconductors — 35%\n"
    "   - [X] Other — 65%\n"
    "5. [ ] Sent to second reviewer on 2025-02-03 (ticket 4471)\n"
)


def test_checklist_boxes_are_not_part_of_names_and_an_unticked_row_is_still_a_row() -> None:
    r = extract(CHECKLIST, "x.md", "markdown")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD TECH AS", 310, 26),
        (2, "HAVEN UNIVERSITY", 120, 10),
    ]
    assert ev(r, "top_pct_applicants[1].name") == "HAVEN UNIVERSITY"
    assert ev(r, "top_pct_applicants[1].share") == "10"
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Other", 65)]
    assert ev(r, "patent_fields[1].field") == "Other"


def test_a_dated_note_item_after_a_field_list_is_no_field() -> None:
    r = extract(CHECKLIST, "x.md", "markdown")
    assert all("reviewer" not in f.field for f in r.patent_fields + r.publication_fields)


def test_check_boxes_are_removed_only_from_a_checklist() -> None:
    assert checkbox_edits("- [x] one\n[ ] two\n") == []  # one list item: no checklist
    assert checkbox_edits("see [x] here\nand [ ] there\nor [x] that\n") == []  # mid-line
    edits = checkbox_edits("- [x] a\n- [ ] b\n1. [X] c\n")
    assert [(e.start, e.end, e.text) for e in edits] == [(2, 6, ""), (10, 14, ""), (19, 23, "")]


def test_an_italic_remark_is_removed_only_after_a_figure_at_the_end_of_a_line() -> None:
    text = "1 · NAME · 92 · 2% *(keep)*\nSome *(emphasis)* here\nOther _(aside)_ words\n"
    edits = remark_edits(text)
    assert [text[e.start : e.end] for e in edits] == [" *(keep)*"]
    assert remark_edits("no remarks here (at all)\n") == []
    assert remark_edits("1 · NAME · 2,069 *(54%)*\n2 · X · 92 _(2)_\n") == []  # figures stay


def test_an_italic_share_after_a_count_is_still_read() -> None:
    raw = (
        "# Nordhaven, Norway\n\n" + OPENING.split("\n\n", 1)[1] + "## Top PCT applicants\n\n"
        "1. NORD TECH AS — 310 *(26%)*\n2. HAVEN UNIVERSITY — 120 *(10%)*\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD TECH AS", 310, 26),
        (2, "HAVEN UNIVERSITY", 120, 10),
    ]
    assert ev(r, "top_pct_applicants[0].share") == "26"


FORUM = (
    "Data & Indicators › GII cluster profiles\n"
    "Thread: Nordhaven numbers?      (14 replies · 2,311 views)\n"
    "-----------------------------------------\n"
    "#1  ola_n   Posted 09 Feb 2025, 11:02\n"
    "-----------------------------------------\n"
    "Here is the page as I copied it.\n\n"
    "> Nordhaven, Norway\n"
    ">\n"
    "> Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It\n"
    "> filed 1,204 PCT applications and published 12,345 scientific articles.\n"
    ">\n"
    "> Top technology fields in Nordhaven\n"
    ">\n"
    "> Patents\n"
    "> Semiconductors (35%)\n"
    "> Other (65%)\n\n"
    "Thanks!\n\n"
    "-----------------------------------------\n"
    "#2  kari_b   Posted 09 Feb 2025, 13:47\n"
    "-----------------------------------------\n"
    "ola_n wrote:\n"
    ">> It filed 1,204 PCT\n"
    ">\n"
    "> My copy of the 2025 edition says Nordhaven filed 1,731 PCT applications and is\n"
    "> 2nd-ranked out of 9 Norwegian clusters.\n\n"
    "[Reply]  [Quote]  [Report]          Page 1 of 2   Next ›\n"
)


def test_a_forum_thread_reads_only_the_quoted_profile() -> None:
    r = extract(FORUM)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert r.pct_applications == 1204
    assert ev(r, "pct_applications") == "1,204"
    assert r.scientific_articles == 12345
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Other", 65)]
    assert ev(r, "patent_fields[0].field") == "Semiconductors"
    texts = [t for _, t in blocks(FORUM)]
    assert not any("Reply" in str(t) or "kari_b" in str(t) for t in texts)


def test_a_quoted_mail_with_one_post_header_is_no_thread() -> None:
    assert thread_edits(FORUM.replace("#2  kari_b   Posted", "kari_b at")) == []
    assert thread_edits(OPENING) == []
    assert thread_edits(FORUM) != []


def _copy(year: int, mark: str, rank: int, count: str, share: int) -> str:
    return (
        f"<h2>Global Innovation Index {year} ({mark})</h2>\n"
        f"<p>Nordhaven is the {rank}th-ranked cluster, out of 9 Norwegian clusters, in the top "
        f"100 in {year}. It filed {count} PCT applications.</p>\n"
        "<h3>Top PCT applicants</h3>\n<table>\n"
        "<tr><th></th><th></th><th>Patents</th><th>Share</th></tr>\n"
        f"<tr><td>1</td><td>NORD TECH AS</td><td>{count}</td><td>{share}%</td></tr>\n"
        "</table>\n<h3>Top technology fields</h3>\n<h4>Patents</h4>\n"
        f"<ul><li>Semiconductors ({share}%)</li><li>Other ({100 - share}%)</li></ul>\n"
    )


def _page(*copies: str) -> str:
    return (
        "<!DOCTYPE html><html><body>\n<h1>Nordhaven, Norway</h1>\n"
        "<p>Two editions of the profile, side by side.</p>\n" + "".join(copies) + "</body></html>\n"
    )


def test_of_two_editions_copies_only_the_current_one_is_read() -> None:
    raw = _page(_copy(2023, "archived", 5, "1,288", 62), _copy(2024, "current", 4, "1,462", 61))
    r = extract(raw, "x.html", "html")
    assert r.edition == 2024
    assert r.national_rank == 4
    assert r.pct_applications == 1462
    assert ev(r, "pct_applications") == "1,462"
    assert ranked(r.top_pct_applicants) == [(1, "NORD TECH AS", 1462, 61)]
    assert ev(r, "top_pct_applicants[0].share") == "61"
    assert pairs(r.patent_fields) == [("Semiconductors", 61), ("Other", 39)]


def test_copies_under_a_title_naming_an_edition_are_still_told_apart() -> None:
    raw = _page(_copy(2023, "archived", 5, "1,288", 62), _copy(2024, "new", 4, "1,462", 61))
    raw = raw.replace("<h1>Nordhaven, Norway</h1>", "<h1>Nordhaven, Norway — GII 2024</h1>")
    r = extract(raw, "x.html", "html")
    assert r.pct_applications == 1462
    assert ranked(r.top_pct_applicants) == [(1, "NORD TECH AS", 1462, 61)]


def test_the_copy_marked_current_wins_over_a_later_draft() -> None:
    raw = _page(_copy(2024, "current", 4, "1,462", 61), _copy(2025, "draft", 3, "1,731", 58))
    r = extract(raw, "x.html", "html")
    assert r.pct_applications == 1462
    assert ev(r, "pct_applications") == "1,462"


def test_a_heading_naming_an_edition_over_a_short_note_drops_nothing() -> None:
    raw = (
        "# Nordhaven, Norway\n\n## Global Innovation Index 2024\n\n"
        + OPENING.split("\n\n", 1)[1]
        + "## GII 2023 edition\n\nSee the archive.\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.pct_applications == 1204
    assert ev(r, "pct_applications") == "1,204"


def test_ballot_boxes_and_check_marks_are_check_boxes_too() -> None:
    raw = OPENING + (
        "Top PCT applicants\n"
        "☑ 1 · NORD TECH AS · 310 · 26%\n"
        "☐ 2 · HAVEN UNIVERSITY · 120 · 10%\n"
        "✔\ufe0f 3 · FJORD AS · 90 · 8%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD TECH AS", 310, 26),
        (2, "HAVEN UNIVERSITY", 120, 10),
        (3, "FJORD AS", 90, 8),
    ]
    assert ev(r, "top_pct_applicants[2].rank") == "3"
    assert ev(r, "top_pct_applicants[2].name") == "FJORD AS"


def test_a_phpbb_thread_counts_its_post_by_headers() -> None:
    raw = FORUM.replace("#1  ola_n   Posted", "Post by ola_n »").replace(
        "#2  kari_b   Posted", "Post by kari_b »"
    )
    assert thread_edits(raw) != []
    r = extract(raw)
    assert r.pct_applications == 1204
    assert ev(r, "pct_applications") == "1,204"


def test_copies_under_headings_that_are_years_alone() -> None:
    raw = (
        "# Nordhaven, Norway\n\n## 2023 (archived)\n\n"
        "Nordhaven is the 5th-ranked cluster, out of 9 Norwegian clusters, in the top 100. It "
        "filed 1,288 PCT applications.\n\n### Top PCT applicants\n\n"
        "1. NORD TECH AS — 1,288 patents (62%)\n2. FJORD AS — 90 patents (8%)\n\n"
        "## 2024\n\n"
        "Nordhaven is the 4th-ranked cluster, out of 9 Norwegian clusters, in the top 100. It "
        "filed 1,462 PCT applications.\n\n### Top PCT applicants\n\n"
        "1. NORD TECH AS — 1,462 patents (61%)\n2. FJORD AS — 95 patents (7%)\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.pct_applications == 1462
    assert ev(r, "pct_applications") == "1,462"
    assert ranked(r.top_pct_applicants) == [(1, "NORD TECH AS", 1462, 61), (2, "FJORD AS", 95, 7)]


def test_a_blank_line_inside_the_quoted_profile_does_not_cut_it() -> None:
    raw = FORUM.replace(
        "> filed 1,204 PCT applications and published 12,345 scientific articles.\n>\n",
        "> filed 1,204 PCT applications and published 12,345 scientific articles.\n\n",
    )
    assert raw != FORUM
    assert thread_edits(raw) != []
    assert not any("kari_b" in str(t) for _, t in blocks(raw))
    r = extract(raw)
    assert r.pct_applications == 1204
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Other", 65)]
    assert ev(r, "patent_fields[1].share") == "65"
