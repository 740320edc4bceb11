"""Layout mechanisms added for set BF (real PDF files, through pypdf's layout text): each test
is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, extract, pairs, span


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
