"""Layout mechanisms added for set BF (real PDF files, through pypdf's layout text): each test
is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, extract, pairs, ranked, span


def test_a_heading_under_a_field_closed_by_its_share_starts_the_next_breakdown() -> None:
    # "Publications" stands alone under "Food chemistry (22%)": a field with its share is
    # whole, so the heading is not read as the rest of its name.
    raw = (
        OPENING + "Top technology fields in Nordhaven\n"
        " Patents\n"
        " Biotechnology (36%)           Other (42%)\n"
        " Food chemistry (22%)\n"
        " Publications\n"
        " Chemistry (19%)               Biology (13%)\n"
        " Physics & math (16%)          Other (35%)\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert sorted(pairs(r.patent_fields)) == [
        ("Biotechnology", 36),
        ("Food chemistry", 22),
        ("Other", 42),
    ]
    assert pairs(r.publication_fields) == [
        ("Chemistry", 19),
        ("Physics & math", 16),
        ("Biology", 13),
        ("Other", 35),
    ]
    k = pairs(r.patent_fields).index(("Food chemistry", 22))
    assert span(r, raw, f"patent_fields[{k}].field") == "Food chemistry"


def test_a_share_alone_under_its_wrapped_field_in_a_two_column_breakdown() -> None:
    # "(9%)" ends "Organic fine chemistry", wrapped beside "Other (38%)"; the heading below
    # and a short last line ("Physics & math (16%)") leave it alone.
    raw = (
        OPENING + "Top technology fields in Nordhaven\n"
        " Patents\n"
        " Pharmaceuticals (27%)          Medical technology (8%)\n"
        " Organic fine chemistry         Other (38%)\n"
        " (9%)\n"
        " Publications\n"
        " Chemistry (19%)                Biology (13%)\n"
        " Agricultural sciences          Other (35%)\n"
        " (17%)\n"
        " Physics & math (16%)\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert sorted(pairs(r.patent_fields)) == [
        ("Medical technology", 8),
        ("Organic fine chemistry", 9),
        ("Other", 38),
        ("Pharmaceuticals", 27),
    ]
    assert ("Agricultural sciences", 17) in pairs(r.publication_fields)
    assert ("Physics & math", 16) in pairs(r.publication_fields)
    k = pairs(r.patent_fields).index(("Organic fine chemistry", 9))
    assert span(r, raw, f"patent_fields[{k}].share") == "9"


def test_a_name_cell_centred_on_its_row_starts_on_the_lines_above_the_rank() -> None:
    # The rank and figures stand beside the middle line of the name's cell: "UNIVERSIDAD" above
    # it is the name's start, "CÓRDOBA" below its end.
    raw = (
        OPENING + "Top PCT applicants\n\n"
        "                                Patents         Share\n"
        "      UNIVERSIDAD\n"
        " 1    NACIONAL DE                      3          41%\n"
        "      CÓRDOBA\n\n"
        " 2    PORTA HNOS.                      1          14%\n"
        "      S.A.\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert ranked(r.top_pct_applicants) == [
        (1, "UNIVERSIDAD NACIONAL DE CÓRDOBA", 3, 41),
        (2, "PORTA HNOS. S.A.", 1, 14),
    ]
    assert span(r, raw, "top_pct_applicants[0].name") == (
        "UNIVERSIDAD\n 1    NACIONAL DE                      3          41%\n      CÓRDOBA"
    )


def test_a_word_of_a_name_split_with_no_hyphen_by_a_narrow_cell_is_one_word() -> None:
    raw = (
        OPENING + "Top publishing organizations\n\n"
        "                               Articles        Share\n"
        "      CONSEJO\n"
        "      NACIONAL DE IN\n"
        " 1    VESTIGACIONES               1,201          43%\n"
        "      CIENTÍFICAS Y\n"
        "      TÉCNICAS\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert ranked(r.top_publishers) == [
        (1, "CONSEJO NACIONAL DE INVESTIGACIONES CIENTÍFICAS Y TÉCNICAS", 1201, 43)
    ]
    assert span(r, raw, "top_publishers[0].name").startswith("CONSEJO\n")
