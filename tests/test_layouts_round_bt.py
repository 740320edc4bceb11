"""Rules added for round BT's held-out layouts (page text of PDFs as pypdf and pdftotext lay
it out): each test is a small inline page of a fictional cluster for one rule, checking the
values, their exact evidence, and that no running head lands in a list."""

from __future__ import annotations

from layout_fixtures import extract, ranked, span

from nlq.layout.furniture import furniture_edits

INTRO = (
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 in "
    "2024.\nIt filed 1,204 PCT applications and published 12,345 scientific articles.\n\n"
)
PUBLISHERS = (
    "Top publishing organizations\n\n"
    "                                   Articles  Share\n"
    "1  NORDHAVEN UNIVERSITY               5,902    34%\n"
    "2  FJELL HOSPITAL                     1,117     9%\n"
)
FIELDS = "Top technology fields\n\nPatents\n\nOptics          60%\nOther           40%\n"


def test_a_running_head_whose_second_part_changes_from_page_to_page_is_no_row() -> None:
    raw = (
        "Regional Innovation Review 2024           Cluster profiles\n\n"
        "Nordhaven, Norway\n\n" + INTRO + PUBLISHERS + "\n\n\n"
        "\fRegional Innovation Review 2024                  Nordhaven, Norway\n\n"
        "3  NORD INSTITUTE                       706     6%\n\n" + FIELDS + "\f"
    )
    r = extract(raw, "x.txt", "text")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert span(r, raw, "cluster") == "Nordhaven"
    assert r.evidence["cluster"].start == raw.index("Nordhaven, Norway")  # not the head's
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 5902, 34),
        (2, "FJELL HOSPITAL", 1117, 9),
        (3, "NORD INSTITUTE", 706, 6),
    ]
    assert r.top_pct_applicants == []
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]


def test_a_later_pages_head_ending_in_its_page_number_is_no_row() -> None:
    raw = (
        "Nordhaven, Norway\n\n" + INTRO + PUBLISHERS + "\n\n\n"
        "\fNORWAY | Science and technology cluster profile                        2\n\n"
        "3  NORD INSTITUTE                       706     6%\n\n" + FIELDS + "\f"
    )
    r = extract(raw, "x.txt", "text")
    assert [e.name for e in r.top_publishers] == [
        "NORDHAVEN UNIVERSITY",
        "FJELL HOSPITAL",
        "NORD INSTITUTE",
    ]
    assert furniture_edits(raw) != []
    # an opening line whose number is not the page's and has no separator is left alone
    kept = raw.replace("NORWAY | Science", "NORWAY Science").replace("     2\n", "     7\n")
    assert kept.count("profile") == 1 and "     7\n" in kept
    assert furniture_edits(kept) == []


def test_rank_tiles_whose_phrases_are_centred_under_their_figures() -> None:
    raw = (
        "Nordhaven, Norway\n\n" + INTRO + "                           97th"
        "                                                    88th\n\n"
        "                                                                  S&T cluster by "
        "intensity (relative to population\n"
        "          largest science and technology cluster in 2024"
        "                         density) in 2024\n\n" + PUBLISHERS
    )
    r = extract(raw, "x.txt", "text")
    assert (r.global_size_rank, r.global_intensity_rank) == (97, 88)
    assert span(r, raw, "global_size_rank") == "97th"
    assert span(r, raw, "global_intensity_rank") == "88th"
