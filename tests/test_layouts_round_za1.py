"""Layout mechanisms added for the testers' round Z/AA layouts (invisible characters inside
figures, flattened tracked changes): each test is a small inline input for one mechanism,
checking the values, their exact evidence, and that no struck-out or split figure is read."""

from __future__ import annotations

from layout_fixtures import ev, extract, ranked

from nlq.layout.invisible import invisible_edits
from nlq.layout.struck import struck_edits

ZERO_WIDTH = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It filed "
    "3\u200b09 PCT appli\u00adcations and published 14,\u200b953 scientific articles.\n\n"
    "Top PCT applicants\n\n"
    "Rank  Applicant  Patents  Share\n"
    "1  NORDHAVEN UNIVERSITY  1\u200b46  12\u200e%\n"
    "2  FJORD ENERGY ASA  \u200f74  \u200b6%\n"
)


def test_invisible_characters_inside_figures_do_not_split_them():
    r = extract(ZERO_WIDTH)
    assert r.pct_applications == 309
    assert r.scientific_articles == 14953
    assert ev(r, "pct_applications") == "3\u200b09"
    assert ev(r, "scientific_articles") == "14,\u200b953"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 12),
        (2, "FJORD ENERGY ASA", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[0].count") == "1\u200b46"


def test_invisible_edits_delete_only_format_characters():
    text = "a\u200bb\u00adc\u200e\u200fd e"
    assert [(e.start, e.end, e.text) for e in invisible_edits(text)] == [
        (1, 2, ""),
        (3, 4, ""),
        (5, 7, ""),
    ]
    assert invisible_edits("plain ascii 3 09") == []


TRACKED = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the ~~eleventh~~ twelfth-ranked cluster, out of ~~24~~ 26 Norwegian clusters, "
    "in the top 100. It filed ~~650~~ 692 PCT applications and published ~~7,400~~ 7,921 "
    "scientific articles.\n\n"
    "Top PCT applicants\n\n"
    "Rank\tApplicant\tPatents\tShare\n"
    "1\tNORDHAVEN UNIVERSITY\t~~2,000~~ 2,069\t~~52%~~ 54%\n"
    "2\tFJORD ENERGY ASA\t114\t~~3%~~ 2%\n"
)


def test_struck_out_text_is_not_read_the_value_after_it_is():
    r = extract(TRACKED)
    assert r.national_rank == 12
    assert r.national_cluster_count == 26
    assert r.pct_applications == 692
    assert r.scientific_articles == 7921
    assert ev(r, "scientific_articles") == "7,921"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 2069, 54),
        (2, "FJORD ENERGY ASA", 114, 2),
    ]
    assert ev(r, "top_pct_applicants[0].count") == "2,069"
    assert ev(r, "top_pct_applicants[1].share") == "2"


def test_struck_edits_need_a_closed_stretch_on_one_line():
    assert [(e.start, e.end) for e in struck_edits("x ~~12~~ 13")] == [(2, 9)]
    assert struck_edits("a ~~~ fence") == []
    assert struck_edits("~~ open\nclose ~~") == []


PHONE = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the tenth-\nranked cluster, out of 26\nNorwegian clusters, that\n"
    "falls within the top 100\nS&T clusters in 2024. It\nfiled 309 PCT applications\n"
    "and published 14,953\nscientific articles.\n\n"
    "Top PCT applicants\nPatents Share\n"
    "1 NORDHAVEN\nUNIVERSITY 146 12%\n"
    "2 FJORD UNIVERSITY\nOF SCIENCE AND TECH.\n74 6%\n"
    "3 KELP INSTITUTE\nOF MARINE RESEARCH\n- NORWAY 70 5%\n"
)


def test_a_phone_pdf_copy_with_very_short_lines_reads_its_sentences_whole():
    # No prose line is over 40 characters: the wrap width is measured on the short lines.
    r = extract(PHONE)
    assert r.national_rank == 10
    assert r.national_cluster_count == 26
    assert ev(r, "national_cluster_count") == "26"
    assert r.pct_applications == 309


def test_an_ordinal_broken_at_its_hyphen_keeps_the_hyphen():
    from nlq.layout.document import MappedText
    from nlq.layout.inline import join_lines

    def piece(s):
        return MappedText.verbatim(s, 0, len(s))

    assert join_lines([piece("the tenth-"), piece("ranked")]).text == "the tenth-ranked"
    assert join_lines([piece("the 3rd-"), piece("largest")]).text == "the 3rd-largest"
    assert join_lines([piece("collabora-"), piece("tion")]).text == "collaboration"


def test_a_name_wrapped_over_three_lines_keeps_its_figures():
    r = extract(PHONE)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 12),
        (2, "FJORD UNIVERSITY OF SCIENCE AND TECH.", 74, 6),
        (3, "KELP INSTITUTE OF MARINE RESEARCH - NORWAY", 70, 5),
    ]
    assert ev(r, "top_pct_applicants[1].count") == "74"
    assert ev(r, "top_pct_applicants[2].share") == "5"


def test_a_bullet_after_a_name_without_a_connector_stays_a_bullet():
    # "1 NORDHAVEN UNIVERSITY" / "NORTH CAMPUS" has no connector: no row is glued together.
    from nlq.layout.wrapped_rows import name_end_follows, name_end_with_figures

    assert name_end_follows("2 FJORD UNIVERSITY", "OF SCIENCE AND TECH.")
    assert not name_end_follows("2 FJORD UNIVERSITY", "NORTH CAMPUS")
    assert not name_end_with_figures("1 FJORD UNIVERSITY", "NORTH CAMPUS", "- NORWAY 70 5%")
