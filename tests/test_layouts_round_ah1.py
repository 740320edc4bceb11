"""Layout mechanisms added for the testers' round AH layouts of developer ah1: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract, pairs

from nlq.layout.checkboxes import checkbox_edits
from nlq.layout.signatures import signature_edits

TASK_LIST = (
    OPENING + "### Top technology fields\n\n"
    "- [x]  Patents: Semiconductors (35%), Computer tech. (18%), Other (47%)\n"
    "- [ ]  Publications: Chemistry (21%), Engineering (16%), Other (63%)\n"
)


def test_two_task_list_items_lose_their_boxes() -> None:
    r = extract(TASK_LIST, "x.md", "markdown")
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Computer tech.", 18), ("Other", 47)]
    assert pairs(r.publication_fields)[0] == ("Chemistry", 21)
    assert ev(r, "patent_fields[0].field") == "Semiconductors"
    assert ev(r, "publication_fields[2].share") == "63"
    assert checkbox_edits("[x] one\n[ ] two\n") == []  # no list marker: not yet a checklist


BAR_FIELDS = (
    OPENING + "fields:\n"
    "Patents: Semiconductors 35% | Computer tech. 18% | Optics 4% | Other 43%\n"
    "Publications: Chemistry 21% | Engineering 16% | Physics & math 14% | Other 49%\n"
)


def test_bar_split_breakdown_lines_under_a_bare_output_label_are_fields() -> None:
    r = extract(BAR_FIELDS)
    assert pairs(r.patent_fields) == [
        ("Semiconductors", 35),
        ("Computer tech.", 18),
        ("Optics", 4),
        ("Other", 43),
    ]
    assert pairs(r.publication_fields)[2] == ("Physics & math", 14)
    assert ev(r, "patent_fields[1].field") == "Computer tech."
    assert ev(r, "publication_fields[3].share") == "49"


def test_a_bare_output_label_needs_three_shares_and_no_collaboration_section() -> None:
    two = extract(OPENING + "Patents: Semiconductors 35% | Other 65%\n")
    assert two.patent_fields == []
    collab = extract(OPENING + "Collaboration\n\nPatents: Beijing 30%, Shanghai 20%, Wuhan 10%\n")
    assert collab.patent_fields == []
    listed = extract(
        OPENING + "Top PCT applicants\n\nPatents: NORD AS 12%, HAVEN AB 6%, FJORD ASA 6%\n"
    )
    assert listed.patent_fields == []


def test_a_label_line_wrapped_twice_keeps_a_partner_name_broken_at_its_inner_space() -> None:
    raw = (
        OPENING + "Collaboration: 6% of Nordhaven's PCT patent applications are filed with\n"
        "other inventors; top collaborating locations Oslo, Shenzhen-Hong\n"
        "Kong-Guangzhou and Bergen.\n"
    )
    r = extract(raw)
    assert r.patent_collaboration.share == 6
    assert r.patent_collaboration.partners == ["Oslo", "Shenzhen-Hong Kong-Guangzhou", "Bergen"]
    assert ev(r, "patent_collaboration.partners[2]") == "Bergen"


MAIL = (
    "From: Ortiz, Ana\nSent: Friday, 28 February 2025 17:46\nSubject: profile\n\n"
    + OPENING
    + "Top publishing organizations (articles / share)\n"
    "1. NORD UNIVERSITY  2,000  40%\n"
    "2. HAVEN INSTITUTE  1,000  20%\n\n"
    "Best,\nAna Ortiz | Senior Analyst | +47 731 8888 2024\n"
)


def test_a_mail_signature_after_its_sign_off_is_no_row() -> None:
    r = extract(MAIL)
    assert [p.name for p in r.top_publishers] == ["NORD UNIVERSITY", "HAVEN INSTITUTE"]
    assert ev(r, "top_publishers[1].count") == "1,000"
    assert signature_edits("Best,\nAna | Analyst | +47 1 2\n") == []  # no mail header
    edits = signature_edits("From: A\nSubject: b\n\nKind regards,\nAna\n\nmore\n")
    assert [(e.start, e.end) for e in edits] == [(20, 37)]


def test_co_published_articles_and_partners_after_mostly_with() -> None:
    raw = (
        OPENING + "54% of its scientific articles are co-published with other organizations, "
        "mostly with Oslo, Bergen and Trondheim.\n"
    )
    r = extract(raw)
    assert r.publication_collaboration.share == 54
    assert r.publication_collaboration.partners == ["Oslo", "Bergen", "Trondheim"]
    assert ev(r, "publication_collaboration.share") == "54"
    assert ev(r, "publication_collaboration.partners[0]") == "Oslo"


def test_partners_before_the_top_collaborative_locations_without_a_verb() -> None:
    raw = (
        OPENING + "Just 6% of its PCT patent applications are filed together with other "
        "inventors, with Oslo, Bergen and Trondheim the top collaborative locations.\n"
    )
    r = extract(raw)
    assert r.patent_collaboration.share == 6
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Trondheim"]
    assert ev(r, "patent_collaboration.partners[2]") == "Trondheim"


def test_a_sign_off_run_straight_into_the_page_removes_only_the_sign_off() -> None:
    text = "From: A\nSubject: b\n\nThanks,\nLin\n" + OPENING.replace("\n\n", "\n")
    edits = signature_edits(text)
    assert [(e.start, e.end) for e in edits] == [(20, 27)]  # "Thanks," alone
    assert extract(text).cluster == "Nordhaven"


def test_a_bare_output_breakdown_after_a_top_list_s_rows_is_the_next_section() -> None:
    raw = (
        OPENING + "Top publishing organizations          Articles  Share\n"
        "1  NORD UNIVERSITY                     2,000     40%\n"
        "2  HAVEN INSTITUTE                     1,000     20%\n\n"
        "Where the patents go: Pharmaceuticals 22%, Biotechnology 15%, Other 63%.\n"
    )
    r = extract(raw)
    assert [p.name for p in r.top_publishers] == ["NORD UNIVERSITY", "HAVEN INSTITUTE"]
    assert pairs(r.patent_fields) == [("Pharmaceuticals", 22), ("Biotechnology", 15), ("Other", 63)]
    assert ev(r, "patent_fields[2].share") == "63"
