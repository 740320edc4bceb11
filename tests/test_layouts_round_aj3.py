"""Layout mechanisms added for the testers' round AJ layouts (text copied out of a PDF viewer one
cell a line, a plain-text newsletter, a saved Wikipedia article): each test is a small inline
input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, extract, pairs, ranked, span

from nlq.layout.shapes import open_name_start

# A PDF viewer's copy: every cell on its own line, a name wrapped after "OF".
CELLS = OPENING + (
    "Top publishing organizations\n"
    "Articles\n"
    "Share\n"
    "1\n"
    "NORDHAVEN UNIVERSITY\n"
    "7,600\n"
    "38%\n"
    "2\n"
    "„FJELL” UNIVERSITY OF\n"
    "MEDICINE AND PHARMACY\n"
    "4,200\n"
    "21%\n"
    "3\n"
    "NORWEGIAN ACADEMY\n"
    "1,800\n"
    "9%\n"
)


def test_a_name_wrapped_after_an_open_word_in_one_cell_lines_is_joined() -> None:
    table = [rows for kind, rows in blocks(CELLS) if kind == "table"]
    assert table[-1] == [
        ["1", "NORDHAVEN UNIVERSITY", "7,600", "38%"],
        ["2", "„FJELL” UNIVERSITY OF MEDICINE AND PHARMACY", "4,200", "21%"],
        ["3", "NORWEGIAN ACADEMY", "1,800", "9%"],
    ]
    r = extract(CELLS)
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 7600, 38),
        (2, "„FJELL” UNIVERSITY OF MEDICINE AND PHARMACY", 4200, 21),
        (3, "NORWEGIAN ACADEMY", 1800, 9),
    ]
    wrapped = "„FJELL” UNIVERSITY OF\nMEDICINE AND PHARMACY"
    assert span(r, CELLS, "top_publishers[1].name") == wrapped
    assert span(r, CELLS, "top_publishers[2].rank") == "3"


def test_an_open_name_start_is_a_name_without_its_last_word() -> None:
    assert open_name_start("„IULIU VRANCEA” UNIVERSITY OF")
    assert open_name_start("KARAYEL OTOMOTIV,")
    assert not open_name_start("UNIVERSITY")  # a whole name, already a text cell
    assert not open_name_start("filed 38 PCT applications and")  # figures
    assert not open_name_start("It is the second-ranked cluster of")  # a sentence


def test_a_wrapped_sentence_line_after_a_rank_is_not_taken_as_a_name() -> None:
    raw = OPENING + "Ranked\n2\nin the region, most of\nThe rest\n"
    assert ("table", [["2", "in the region, most of The rest"]]) not in blocks(raw)


# A newsletter: the list's heading on the line of its column titles, its rows numbered "1.".
NEWSLETTER = OPENING + (
    "TOP PCT APPLICANTS                         Patents   Share\n"
    "  1. FJELL BEYAZ ESYA SANAYI A.S.            345     23%\n"
    "  2. NORDHAVEN TEKNIK UNIVERSITESI           105      7%\n"
    "  3. KARAYEL OTOMOTIV, A.S.                   60      4%\n"
    "\n"
    "TOP PUBLISHING ORGANIZATIONS              Articles   Share\n"
    "  1. NORDHAVEN TEKNIK UNIVERSITESI         9,250     37%\n"
    "  2. FJELL UNIVERSITY                      5,500     22%\n"
)


def test_a_heading_beside_its_column_titles_over_numbered_rows_names_the_list() -> None:
    r = extract(NEWSLETTER)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJELL BEYAZ ESYA SANAYI A.S.", 345, 23),
        (2, "NORDHAVEN TEKNIK UNIVERSITESI", 105, 7),
        (3, "KARAYEL OTOMOTIV, A.S.", 60, 4),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN TEKNIK UNIVERSITESI", 9250, 37),
        (2, "FJELL UNIVERSITY", 5500, 22),
    ]
    assert span(r, NEWSLETTER, "top_pct_applicants[2].name") == "KARAYEL OTOMOTIV, A.S."
    assert span(r, NEWSLETTER, "top_pct_applicants[2].rank") == "3"
    assert span(r, NEWSLETTER, "top_publishers[0].count") == "9,250"


def test_column_titles_alone_over_numbered_rows_name_no_list() -> None:
    raw = OPENING + "Applicant     Patents   Share\n  1. FJELL A.S.    345     23%\n"
    assert extract(raw).top_pct_applicants == []


def test_a_breakdown_labelled_after_another_sentence_starts_after_the_colon() -> None:
    raw = OPENING + (
        "6.1% of the patents were granted first.[citation needed] Top technology fields "
        "(patents): Pharmaceuticals (17%), Medical technology (14%), Biotechnology (39%) and "
        "Other (30%).\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [
        ("Pharmaceuticals", 17),
        ("Medical technology", 14),
        ("Biotechnology", 39),
        ("Other", 30),
    ]
    assert span(r, raw, "patent_fields[0].field") == "Pharmaceuticals"
    assert span(r, raw, "patent_fields[0].share") == "17"
