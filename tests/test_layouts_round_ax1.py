"""Layout mechanisms added in round AX (engineer 1): each test is a small inline input for one
mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, extract, pairs, ranked, span


def test_a_whole_breakdown_one_cell_a_line_under_both_titles_is_one_column() -> None:
    # A browser's copy of a field chart with the patent column empty: both titles, then the
    # publication fields one a line. Alike lines after two titles would read as two columns
    # pasted line by line, but together they are one whole breakdown (100%).
    raw = (
        OPENING + "Top technology fields\n"
        "Patents\n"
        "Publications\n"
        "Chemistry (40%)\n"
        "Physics (12%)\n"
        "Biology (18%)\n"
        "Other (30%)\n"
    )
    r = extract(raw)
    assert r.patent_fields == []
    assert pairs(r.publication_fields) == [
        ("Chemistry", 40),
        ("Physics", 12),
        ("Biology", 18),
        ("Other", 30),
    ]
    assert span(r, raw, "publication_fields[1].field") == "Physics"
    assert span(r, raw, "publication_fields[1].share") == "12"


def test_two_columns_pasted_line_by_line_are_still_split() -> None:
    # Each column a whole breakdown of its own: the lines alternate between the two.
    raw = (
        OPENING + "Top technology fields\n"
        "Patents\n"
        "Publications\n"
        "Transport (60%)\n"
        "Chemistry (70%)\n"
        "Other (40%)\n"
        "Other (30%)\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [("Transport", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 70), ("Other", 30)]


NEWSLETTER = (
    "<table role='presentation'><tr><td>"
    "<p>Nordhaven, Norway</p>"
    "<p>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It "
    "filed 1,204 PCT applications and published 12,345 scientific articles.</p>"
    "<p><strong>Top PCT applicants</strong></p>"
    "<table role='presentation'><tr><td></td><td></td><td>Patents</td><td>Share</td></tr>"
    "<tr><td>1</td><td>FJORD ENERGY ASA</td><td>7</td><td>19%</td></tr></table>"
    "<p><strong>Top publishing organizations</strong></p>"
    "<table role='presentation'><tr><td></td><td></td><td>Articles</td><td>Share</td></tr>"
    "<tr><td>1</td><td>NORDHAVEN UNIVERSITY</td><td>5,210</td><td>42%</td></tr>"
    "<tr><td>2</td><td>COASTAL HOSPITAL</td><td>1,020</td><td>8%</td></tr></table>"
    "</td></tr></table>"
)


def test_a_one_row_list_in_a_newsletter_layout_table() -> None:
    # A layout table reads every cell as a box of its own; a top list of one applicant is a
    # table of one row under its "Patents" / "Share" titles.
    r = extract(NEWSLETTER, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [(1, "FJORD ENERGY ASA", 7, 19)]
    assert span(r, NEWSLETTER, "top_pct_applicants[0].name") == "FJORD ENERGY ASA"
    assert span(r, NEWSLETTER, "top_pct_applicants[0].count") == "7"
    assert span(r, NEWSLETTER, "top_pct_applicants[0].share") == "19"
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 5210, 42),
        (2, "COASTAL HOSPITAL", 1020, 8),
    ]


def test_a_title_naming_a_place_dos_campos_opens_no_field_section() -> None:
    # "Campos" are fields in Portuguese, but in "São José dos Campos" a place's name: the
    # ranks listed under the title are the profile's, not a breakdown's.
    raw = (
        "<h1>São José dos Campos, Brazil</h1>"
        "<p>São José dos Campos is the fourth-ranked cluster, out of 7 Brazilian clusters. It "
        "filed 57 PCT applications and published 3,812 scientific articles, making it the:</p>"
        "<ul><li>97th largest science and technology cluster in 2024</li>"
        "<li>71st S&amp;T cluster by intensity (relative to population density) in 2024</li></ul>"
        "<h2>Campos tecnológicos</h2><p>Patentes</p>"
        "<ul><li>Transport (44%)</li><li>Other (56%)</li></ul>"
    )
    r = extract(raw, "x.html", "html")
    assert (r.global_size_rank, r.global_intensity_rank) == (97, 71)
    assert span(r, raw, "global_size_rank") == "97th"
    assert span(r, raw, "global_intensity_rank") == "71st"
    assert pairs(r.patent_fields) == [("Transport", 44), ("Other", 56)]
