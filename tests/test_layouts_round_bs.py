"""Layout mechanisms added for the tester's round BS (PDF-style text): a name the text layer
set in pieces two spaces apart, and the longer of two breakdowns side by side going on alone.
Each test is a small inline input for one mechanism, checking the values and their exact
evidence on the rules path."""

from __future__ import annotations

from layout_fixtures import BODY, extract, pairs, ranked, span

HEAD = "Lakeport, Norway\n\n" + BODY

SPACED = HEAD + (
    "Top PCT applicants\n\n"
    "Rank  Applicant                       Patents   Share\n"
    "1     LAKEPORT  MARINE  SYSTEMS AS    412       21%\n"
    "2     NORD OFFSHORE ASA               300       15%\n"
    "3     HAVN TECH                       120       6%\n"
)


def test_a_name_set_two_spaces_apart_is_one_name() -> None:
    r = extract(SPACED)
    assert ranked(r.top_pct_applicants) == [
        (1, "LAKEPORT MARINE SYSTEMS AS", 412, 21),
        (2, "NORD OFFSHORE ASA", 300, 15),
        (3, "HAVN TECH", 120, 6),
    ]
    assert span(r, SPACED, "top_pct_applicants[0].name") == "LAKEPORT  MARINE  SYSTEMS AS"


def test_a_header_set_two_spaces_apart_keeps_its_titles_apart() -> None:
    # Titles over figures are cells of their own even where no row starts a cell under them.
    raw = HEAD + (
        "Top PCT applicants\n\n"
        "                       Patents  Share\n"
        "1  NORD MARINE SYSTEMS     318    22%\n"
        "2  HAVN TECH                87     6%\n"
        "3  BERG AS                  40     3%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants)[0] == (1, "NORD MARINE SYSTEMS", 318, 22)
    assert not any("holds names" in w for w in r.warnings)


LONGER_RIGHT = HEAD + (
    "Top technology fields in Lakeport\n\n"
    "Patents                                       Publications\n\n"
    "Transport (27%)                               Engineering (22%)\n"
    "Engines, pumps, turbines (18%)                Materials science (15%)\n"
    "Other (55%)                                   Clinical medicine (9%)\n"
    "                                              Environmental sciences (6%)\n"
    "                                              Other (48%)\n"
)


def test_the_longer_breakdown_beside_another_goes_on_in_its_own_column() -> None:
    r = extract(LONGER_RIGHT)
    assert pairs(r.patent_fields) == [
        ("Transport", 27),
        ("Engines, pumps, turbines", 18),
        ("Other", 55),
    ]
    assert pairs(r.publication_fields) == [
        ("Engineering", 22),
        ("Materials science", 15),
        ("Clinical medicine", 9),
        ("Environmental sciences", 6),
        ("Other", 48),
    ]
    assert span(r, LONGER_RIGHT, "publication_fields[4].share") == "48"
    assert r.evidence["publication_fields[4].field"].start == LONGER_RIGHT.rindex("Other (48%)")
