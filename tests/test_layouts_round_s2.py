"""Layouts of tester round S (second share): a Word document copied as text (a "Table 1:"
caption over a two-column field table flattened to one line per row), and a fax transcript in
capitals (fields separated by " / ", sentences wrapped over lines, partner lists joined by
"AND"). Each test is a small inline input for one mechanism, checking the values and their
exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract

from nlq.layout.capitals import caps_sentence, continues_in_capitals

# --- a caption's label before a heading -------------------------------------------------------


def test_a_table_caption_label_does_not_hide_the_heading_it_gives() -> None:
    raw = OPENING + (
        "Table 1: Top technology fields in Nordhaven\n"
        "Patents\n"
        "Medical technology (38%) Optics (4%)\n"
        "Semiconductors (14%) Other (44%)\n"
        "Publications\n"
        "Chemistry (21%) Other (79%)\n"
    )
    r = extract(raw)
    got = sorted((f.field, f.share) for f in r.patent_fields)
    assert got == [("Medical technology", 38), ("Optics", 4), ("Other", 44), ("Semiconductors", 14)]
    assert sorted((f.field, f.share) for f in r.publication_fields) == [
        ("Chemistry", 21),
        ("Other", 79),
    ]
    i = [f.field for f in r.patent_fields].index("Optics")
    assert ev(r, f"patent_fields[{i}].field") == "Optics"
    assert ev(r, f"patent_fields[{i}].share") == "4"


def test_a_caption_written_with_a_period_starts_its_section() -> None:
    raw = OPENING + "FIGURE 3. TOP TECHNOLOGY FIELDS\nPatents\nOptics (4%) Other (96%)\n"
    r = extract(raw)
    assert sorted((f.field, f.share) for f in r.patent_fields) == [("Optics", 4), ("Other", 96)]
    i = [f.field for f in r.patent_fields].index("Other")
    assert ev(r, f"patent_fields[{i}].share") == "96"


# --- fields separated by " / " ------------------------------------------------------------


def test_slash_separated_fields_wrapped_over_lines_after_their_label() -> None:
    raw = OPENING + (
        "TOP TECHNOLOGY FIELDS IN NORDHAVEN\n"
        "PATENTS:\n"
        "FOOD CHEMISTRY 21% / BIOTECHNOLOGY 17% /\n"
        "MATERIALS, METALLURGY 5% / OTHER 57%\n"
    )
    r = extract(raw)
    got = [(f.field, f.share) for f in r.patent_fields]
    assert got == [
        ("FOOD CHEMISTRY", 21),
        ("BIOTECHNOLOGY", 17),
        ("MATERIALS, METALLURGY", 5),
        ("OTHER", 57),
    ]
    assert ev(r, "patent_fields[2].field") == "MATERIALS, METALLURGY"
    assert ev(r, "patent_fields[1].share") == "17"


# --- prose in capitals ----------------------------------------------------------------------

CAPS_COLLAB = (
    "NORDHAVEN, NORWAY\n\n"
    "44% OF NORDHAVEN'S PCT PATENT APPLICATIONS ARE FILED IN COLLABORATION WITH OTHER\n"
    "INVENTORS, WITH OSLO, BERGEN AND BUENOS AIRES EMERGING AS THE TOP COLLABORATIVE\n"
    "LOCATIONS.\n"
    "77% OF NORDHAVEN'S SCIENTIFIC ARTICLES ARE PUBLISHED IN COLLABORATION WITH OTHER\n"
    "ORGANIZATIONS, WITH THE TOP THREE COLLABORATING LOCATIONS BEING OSLO, TROMSØ\n"
    "AND BERGEN.\n"
)


def test_a_sentence_in_capitals_wrapped_over_lines_is_one_paragraph() -> None:
    got = blocks(CAPS_COLLAB)
    assert len(got) == 3
    assert got[1][1].endswith("AS THE TOP COLLABORATIVE LOCATIONS.")
    assert got[2][1].endswith("OSLO, TROMSØ AND BERGEN.")


def test_partners_in_capitals_are_split_at_and() -> None:
    r = extract(CAPS_COLLAB)
    assert r.patent_collaboration.share == 44
    assert r.patent_collaboration.partners == ["OSLO", "BERGEN", "BUENOS AIRES"]
    assert ev(r, "patent_collaboration.partners[2]") == "BUENOS AIRES"
    assert r.publication_collaboration.partners == ["OSLO", "TROMSØ", "BERGEN"]
    assert ev(r, "publication_collaboration.partners[2]") == "BERGEN"


def test_rows_of_a_table_in_capitals_are_never_joined_as_prose() -> None:
    assert not caps_sentence("2 CHANGSHA UNIVERSITY OF SCIENCE AND TECH. 74 6%")
    assert not caps_sentence("TOP PCT APPLICANTS")
    assert not caps_sentence("Hefei is the twelfth-ranked cluster, out of 26 Chinese clusters")
    assert caps_sentence("44% OF NORDHAVEN'S PCT PATENT APPLICATIONS ARE FILED WITH")
    row = "2 CHANGSHA UNIVERSITY OF SCIENCE AND TECHNOLOGY OF THE NORTH 74 6%"
    assert not continues_in_capitals(row, row, "3 CHINA TOBACCO 74 6%", 80)
    done = "IT FILED 13 PCT APPLICATIONS AND PUBLISHED 4 118 SCIENTIFIC ARTICLES."
    assert not continues_in_capitals(done, done, "TOP PCT APPLICANTS", 80)
