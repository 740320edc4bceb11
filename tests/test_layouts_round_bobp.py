"""Layout mechanisms added for the testers' rounds BO and BP (a spreadsheet's "CSV UTF-8" export
of stacked key-value blocks; PDF tables whose names wrap in narrow cells, the figures on the
name's first line or on its last): each test is a small inline input for one mechanism,
checking the values and their exact evidence on the rules path."""

from __future__ import annotations

from layout_fixtures import BODY, extract, ranked, span

from nlq.layout.cell_valign import alignment, bottom_aligned

SHEET = (
    "\ufeffGII 2024 cluster profile export,,,\r\n"
    "Cluster,Bergvik,,\r\n"
    "Economy,Norway,,\r\n"
    "Edition,2024,,\r\n"
    "National rank,3,out of 9 Norwegian clusters,\r\n"
    "Global rank by size,58,,\r\n"
    ",,,\r\n"
    "Collaboration - patents,,,\r\n"
    "Share in collaboration,27%,,\r\n"
    "Top partner 1,Tromvik,,\r\n"
    "Top partner 2,Oslo,,\r\n"
    "Top partner 3,Halden,,\r\n"
)


def test_a_key_value_run_that_goes_on_is_no_labels_above_their_values() -> None:
    r = extract(SHEET, "x.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Bergvik", "Norway", 2024)
    assert span(r, SHEET, "economy") == "Norway"
    assert r.evidence["economy"].start == SHEET.index("Norway")


def test_partners_numbered_by_their_labels_are_read_in_that_order() -> None:
    r = extract(SHEET, "x.csv", "csv")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 27
    assert r.patent_collaboration.partners == ["Tromvik", "Oslo", "Halden"]
    assert span(r, SHEET, "patent_collaboration.partners[1]") == "Oslo"


HEAD = "Bergvik, Norway\n\n" + BODY + "Top PCT applicants\n\n"

# Figures on a wrapped name's last line (a cell set at its bottom): a name's lines above its
# row's figures belong to that row, not to the row above.
BOTTOM = HEAD + (
    "                                               Patents      Share\n"
    "      1    NORDVIK INSTITUTE OF MARINE SCIENCE    214          9%\n"
    "           BERGVIK OFFSHORE AND SUBSEA\n"
    "      2    SERVICES                               168          7%\n"
    "      3    HALDEN HOSPITAL                         97          4%\n"
    "\n"
    "Top publishing organizations\n\n"
    "                                               Articles     Share\n"
    "      1    HALDEN HOSPITAL                       2,480         26%\n"
    "           NORDVIK UNIVERSITY OF APPLIED\n"
    "      2    SCIENCES                                614          6%\n"
)


def test_a_name_set_at_its_cells_bottom_goes_with_the_row_below() -> None:
    assert bottom_aligned(BOTTOM)
    r = extract(BOTTOM)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDVIK INSTITUTE OF MARINE SCIENCE", 214, 9),
        (2, "BERGVIK OFFSHORE AND SUBSEA SERVICES", 168, 7),
        (3, "HALDEN HOSPITAL", 97, 4),
    ]
    assert span(r, BOTTOM, "top_pct_applicants[1].name").startswith("BERGVIK OFFSHORE")
    assert span(r, BOTTOM, "top_pct_applicants[1].name").endswith("SERVICES")
    assert ranked(r.top_publishers)[1] == (2, "NORDVIK UNIVERSITY OF APPLIED SCIENCES", 614, 6)


# Figures on a name's first line, a blank line the text layer set between the row and its
# name's rest.
TOP = HEAD + (
    "                               Patents      Share\n"
    " 1   NORDVIK UNIVERSITY OF         41         9%\n"
    "\n"
    "     TECHNOLOGY\n"
    " 2   HALDEN REGIONAL               27         6%\n"
    "     HOSPITAL\n"
    " 3   TROMVIK LABS                  18         4%\n"
)


def test_a_name_set_at_its_cells_top_keeps_its_rest_across_a_blank_line() -> None:
    assert not bottom_aligned(TOP)
    r = extract(TOP)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDVIK UNIVERSITY OF TECHNOLOGY", 41, 9),
        (2, "HALDEN REGIONAL HOSPITAL", 27, 6),
        (3, "TROMVIK LABS", 18, 4),
    ]
    assert span(r, TOP, "top_pct_applicants[0].name").endswith("TECHNOLOGY")


def _spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def test_a_page_pointing_both_ways_is_read_neither_way() -> None:
    top = (
        "      1    NORDVIK UNIVERSITY OF       12     5%\n"
        "           TECHNOLOGY AND SCIENCE\n"
        "      2    HALDEN REGIONAL HOSPITAL    10     4%\n"
    )
    assert alignment(top, _spans(top)) == "top"  # "... OF" goes on below its figures
    centred = "           BERGVIK NATIONAL\n" + top + "           LABORATORY\n"
    assert alignment(centred, _spans(centred)) is None  # lines above and below: centred
    assert not bottom_aligned(centred)
