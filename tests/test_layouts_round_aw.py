"""Layout mechanisms added in round AW/AX: each test is a small inline input for one mechanism,
checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import extract, ranked, span


def test_a_longer_right_hand_list_row_set_a_few_characters_off_its_columns() -> None:
    # The right-hand list's third row stands alone, its figures two characters right of the
    # column above (a PDF copy's approximate alignment): it still belongs to that list.
    raw = (
        "Zürich, Switzerland\n\n"
        "Top PCT applicants                                  Top publishing organizations\n"
        "                          Patents    Share                                   "
        "Articles   Share\n"
        "1  ABB SCHWEIZ AG           1 105      19%        1  ETH ZÜRICH                   "
        "31 228     52%\n"
        "2  GOOGLE LLC                 402       7%        2  UNIVERSITÄT ZÜRICH           "
        "19 774     33%\n"
        "                                                  3  EMPA, EIDGENÖSSISCHE            "
        "3 102      5%\n"
        "                                                     MATERIALPRÜFUNGS- UND\n"
        "                                                     FORSCHUNGSANSTALT\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "ABB SCHWEIZ AG", 1105, 19),
        (2, "GOOGLE LLC", 402, 7),
    ]
    name = "EMPA, EIDGENÖSSISCHE MATERIALPRÜFUNGS- UND FORSCHUNGSANSTALT"
    assert ranked(r.top_publishers)[2] == (3, name, 3102, 5)
    assert span(r, raw, "top_publishers[2].share") == "5"
    assert span(r, raw, "top_publishers[2].count") == "3 102"
