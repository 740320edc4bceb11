"""Layouts of tester round R (second share): a spreadsheet's collaboration block with its
partners separated by semicolons and a note column after each value, a PDF viewer's copy with
a name wrapped after its row's figures, meeting minutes quoting a profile under numbered
points. Each test is a small inline input for one mechanism, checking the values and their
exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract

# --- a spreadsheet: "Collaboration | Share | Top locations", partners split by ";" ---------

SHEET = (
    "Item\tValue\tNote\n"
    "Cluster\tNordhaven\t\n"
    "Economy\tNorway\t\n"
    "National rank\t3\tout of 9 Norwegian clusters in the top 100\n"
    "PCT applications\t1,204\tper 1 million inhabitants\n"
    "\n"
    "Top PCT applicants\t\t\t\n"
    "Rank\tApplicant\tPatents\tShare\n"
    "1\tNORD AS\t146\t12%\n"
    "\n"
    "Collaboration\tShare\tTop locations\n"
    "PCT patent applications\t6%\tOslo; Bergen; Stavanger-Sandnes\n"
    "Scientific articles\t54%\tBergen; Oslo\n"
)


def test_a_collaboration_header_beside_its_column_titles_starts_the_section() -> None:
    r = extract(SHEET, name="x.tsv", fmt="tsv")
    assert [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants] == [
        (1, "NORD AS", 146, 12)
    ]  # the collaboration rows are not read as applicants
    assert r.patent_collaboration.share == 6
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Stavanger-Sandnes"]
    assert r.publication_collaboration.share == 54
    assert r.publication_collaboration.partners == ["Bergen", "Oslo"]
    assert ev(r, "patent_collaboration.partners[2]") == "Stavanger-Sandnes"
    assert ev(r, "publication_collaboration.share") == "54"


def test_the_national_count_in_the_note_cell_after_the_rank() -> None:
    r = extract(SHEET, name="x.tsv", fmt="tsv")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_rank") == "3"
    assert ev(r, "national_cluster_count") == "9"


# --- a name wrapped inside its cell: its end on the line after the row's figures ------------

WRAPPED = OPENING + (
    "Top publishing organizations\n"
    "Articles Share\n"
    "1 NORDHAVEN UNIVERSITY 27,449 45%\n"
    "2 NORWEGIAN INSTITUTE OF SCIENCE - 7,290 12%\n"
    "NORWAY\n"
    "Top technology fields in Nordhaven\n"
)


def test_the_end_of_a_wrapped_name_joins_its_row() -> None:
    r = extract(WRAPPED)
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_publishers]
    assert got == [
        (1, "NORDHAVEN UNIVERSITY", 27449, 45),
        (2, "NORWEGIAN INSTITUTE OF SCIENCE - NORWAY", 7290, 12),
    ]
    assert ev(r, "top_publishers[1].count") == "7,290"
    assert ev(r, "top_publishers[1].share") == "12"


def test_a_complete_name_does_not_take_the_next_line() -> None:
    raw = WRAPPED.replace("SCIENCE - 7,290", "SCIENCE 7,290")
    r = extract(raw)
    assert r.top_publishers[1].name == "NORWEGIAN INSTITUTE OF SCIENCE"


# --- minutes: the title after "profile - ", a numbered point opening with a section title -----

MINUTES = (
    "Minutes of meeting no. 14\n\n"
    "1. Minutes of meeting no. 13 approved.\n\n"
    "2. GII 2025 cluster profile - Nordhaven, Norway\n\n"
    "2.1 The profile page was presented. " + OPENING.split("\n\n", 1)[1] + "2.2 Top lists:\n\n"
    "    Top PCT applicants                 Patents   Share\n"
    "    1  NORD AS                            146      12%\n"
    "    2  FJORD ENERGY                        74       6%\n\n"
    "2.3 Top technology fields, as read from the page:\n"
    "    Patents: Semiconductors 35%, Computer tech. 18%, Other 47%.\n\n"
    "3. Next meeting: no. 15, 16 April 2026.\n"
)


def test_the_title_after_a_profile_label_and_a_spaced_hyphen() -> None:
    r = extract(MINUTES)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven"
    assert ev(r, "economy") == "Norway"


def test_a_numbered_point_opening_with_a_section_title_is_a_heading() -> None:
    r = extract(MINUTES)
    assert [(a.rank, a.name) for a in r.top_pct_applicants] == [(1, "NORD AS"), (2, "FJORD ENERGY")]
    got = [(f.field, f.share) for f in r.patent_fields]
    assert got == [("Semiconductors", 35), ("Computer tech.", 18), ("Other", 47)]
    assert ev(r, "patent_fields[1].field") == "Computer tech."


def test_a_heading_after_an_open_name_is_not_joined_to_it() -> None:
    raw = WRAPPED.replace("NORWAY\nTop technology fields in Nordhaven\n", "PATENTS\n")
    r = extract(raw)
    assert r.top_publishers[1].name == "NORWEGIAN INSTITUTE OF SCIENCE"
