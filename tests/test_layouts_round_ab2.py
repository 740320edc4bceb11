"""Layout mechanisms added for the testers' round AB layouts of developer ab2: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract, pairs, ranked


def test_a_heading_whose_value_names_the_output_is_a_heading() -> None:
    raw = (
        OPENING + "Top publishing organizations\n"
        "Rank\tOrganization\tArticles\tShare\n1\tNORD UNIVERSITY\t3,100\t31%\n\n"
        "Top technology fields: patents\n• Optics – 35%\n• Other – 65%\n\n"
        "Top technology fields: publications\n• Chemistry – 21%\n• Other – 79%\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [(1, "NORD UNIVERSITY", 3100, 31)]
    assert pairs(r.patent_fields) == [("Optics", 35), ("Other", 65)]
    assert pairs(r.publication_fields) == [("Chemistry", 21), ("Other", 79)]
    assert ev(r, "patent_fields[0].share") == "35"
    assert ev(r, "publication_fields[0].field") == "Chemistry"


def test_a_label_and_its_value_stay_content() -> None:
    raw = OPENING + "Top collaborative locations: Oslo, Bergen\n"
    r = extract(raw)
    assert r.patent_fields == [] and r.publication_fields == []
