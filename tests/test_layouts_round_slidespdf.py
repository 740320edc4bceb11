"""Layout mechanisms added for a slide deck exported to PDF (round BN): a chart's legend set
beside a ranked table, its entries spaced apart from the table's rows, and a bare "Patents" /
"Publications" legend title over a whole breakdown after a top list. Each test is a small
inline text for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract, pairs, ranked

from nlq.layout.side_legend import side_legend_order
from nlq.layout.text import _lines

_GAP = " " * 12


def _line(*pieces: tuple[int, str]) -> str:
    """A line with each text starting at its column, as a PDF's layout text sets it."""
    out = ""
    for column, text in pieces:
        out = out.ljust(column) + text
    return out + "\n"


# A slide: a ranked table on the left, a legend of the breakdown on the right whose entries
# are spaced more tightly than the rows, so some stand alone between two rows (the title a
# few characters left of the entries, where the colour swatches stand).
SLIDE = (
    "Top PCT applicants\n\n"
    + _line((44, "Patents"), (56, "Share"), (70, "Patents"))
    + _line(
        (0, "1"), (5, "KORVALD MARINE AS"), (45, "120"), (56, "15%"), (73, "Shipbuilding (40%)")
    )
    + _line((73, "Engines, pumps (25%)"))
    + _line(
        (0, "2"), (5, "HAVSTAD OFFSHORE ASA"), (46, "96"), (56, "12%"), (74, "Measurement (20%)")
    )
    + _line((73, "Other (15%)"))
    + _line((0, "3"), (5, "NORDVIK SENSOR AS"), (46, "41"), (57, "5%"))
)


def test_a_legend_beside_a_table_is_read_after_the_table() -> None:
    raw = OPENING + SLIDE
    kinds = blocks(raw)
    at = kinds.index(("paragraph", "Patents"))
    before = [b for b in kinds[:at] if b[0] == "table"]
    assert all(len(row) == 4 for _, rows in before for row in rows)  # no fifth cell
    assert [text for _, text in kinds[at + 1 :]] == [
        "Shipbuilding (40%)",
        "Engines, pumps (25%)",
        "Measurement (20%)",
        "Other (15%)",
    ]


def test_a_legend_beside_a_table_gives_the_list_and_the_breakdown() -> None:
    raw = OPENING + SLIDE
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "KORVALD MARINE AS", 120, 15),
        (2, "HAVSTAD OFFSHORE ASA", 96, 12),
        (3, "NORDVIK SENSOR AS", 41, 5),
    ]
    assert pairs(r.patent_fields) == [
        ("Shipbuilding", 40),
        ("Engines, pumps", 25),
        ("Measurement", 20),
        ("Other", 15),
    ]
    assert ev(r, "patent_fields[1].field") == "Engines, pumps"
    assert ev(r, "top_pct_applicants[1].name") == "HAVSTAD OFFSHORE ASA"
    assert not [w for w in r.warnings if "holds names" in w]


def test_columns_sharing_every_line_are_not_taken_for_a_legend() -> None:
    # Two lists side by side, each row beside a row: one table, left as the layout has it.
    raw = "".join(
        f"{rank}    NAME {rank} AS{' ' * 30}{count}      {share}%{_GAP}Field {rank} ({share}%)\n"
        for rank, count, share in ((1, 120, 40), (2, 96, 35), (3, 41, 25))
    )
    assert side_legend_order(raw, _lines(raw)) is None


def test_a_bare_title_over_a_whole_breakdown_ends_the_top_list() -> None:
    raw = (
        OPENING + "Top publishing organizations\n\n"
        "Rank   Organization              Articles   Share\n"
        "1      UNIVERSITY OF NORDHAVEN   4,210      38%\n"
        "2      NORDHAVEN HOSPITAL        1,902      17%\n\n"
        "Publications\n\n"
        "- Clinical medicine (45%)\n"
        "- Oceanography (30%)\n"
        "- Other (25%)\n"
    )
    r = extract(raw)
    assert [e.name for e in r.top_publishers] == ["UNIVERSITY OF NORDHAVEN", "NORDHAVEN HOSPITAL"]
    assert pairs(r.publication_fields) == [
        ("Clinical medicine", 45),
        ("Oceanography", 30),
        ("Other", 25),
    ]
    assert ev(r, "publication_fields[1].share") == "30"


def test_two_breakdowns_side_by_side_are_not_taken_for_a_legend() -> None:
    # The right-hand breakdown is longer and the next breakdown's rows follow under a title:
    # an entry stands alone, but beside entries, so `slots` reads these, not this rule.
    raw = (
        _line((2, "Patents"))
        + _line((4, "Shipbuilding (40%)"), (40, "Optics (9%)"))
        + _line((4, "Engines (30%)"), (40, "Measurement (6%)"))
        + _line((40, "Other (15%)"))
        + "\n"
        + _line((2, "Publications"))
        + _line((4, "Oceanography (50%)"), (40, "Chemistry (20%)"))
        + _line((4, "Engineering (25%)"), (40, "Other (5%)"))
    )
    assert side_legend_order(raw, _lines(raw)) is None
