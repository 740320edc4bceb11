"""Layout mechanisms added for the testers' round T/U layouts (PDF-viewer copies, newsletters
wrapped at a fixed width, analysts' notes with their own headings): each test is a small inline
input for one mechanism, checking the values, their exact evidence, and that no figure lands in
the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, extract, ranked
from layout_fixtures import pairs as fields

from nlq.layout.wrapped_rows import name_end_follows, share_completes

VIEWER = (
    "Nordhaven, Norway\n" + OPENING.split("\n\n", 1)[1].strip() + "\n"
    "Top publishing organizations\nArticles Share\n"
    "1 NORDHAVEN UNIVERSITY 14,870 48%\n"
    "2 NATIONAL INSTITUTE OF MARINE RESEARCH -\nBERGEN\n6,215 20%\n"
    "3 FJORD HOSPITAL 1,020 3%\n"
)


def test_a_ranked_name_wrapped_after_a_dash_takes_its_end_and_then_its_figures() -> None:
    r = extract(VIEWER)
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 14870, 48),
        (2, "NATIONAL INSTITUTE OF MARINE RESEARCH - BERGEN", 6215, 20),
        (3, "FJORD HOSPITAL", 1020, 3),
    ]
    name = r.evidence["top_publishers[1].name"]
    assert VIEWER[name.start : name.end] == "NATIONAL INSTITUTE OF MARINE RESEARCH -\nBERGEN"
    count = r.evidence["top_publishers[1].count"]
    assert VIEWER[count.start : count.end] == "6,215"
    share = r.evidence["top_publishers[1].share"]
    assert VIEWER[share.start : share.end] == "20"


def test_a_numbered_item_wrapped_after_a_dash_takes_its_end_and_then_its_figures() -> None:
    raw = VIEWER.replace("1 NORD", "1. NORD").replace("2 NATIONAL", "2. NATIONAL")
    r = extract(raw)
    assert ranked(r.top_publishers)[1] == (
        2,
        "NATIONAL INSTITUTE OF MARINE RESEARCH - BERGEN",
        6215,
        20,
    )
    name = r.evidence["top_publishers[1].name"]
    assert raw[name.start : name.end] == "NATIONAL INSTITUTE OF MARINE RESEARCH -\nBERGEN"
    count = r.evidence["top_publishers[1].count"]
    assert raw[count.start : count.end] == "6,215"


def test_only_an_open_name_takes_the_next_line() -> None:
    assert name_end_follows("2 NATIONAL INSTITUTE OF MARINE RESEARCH -", "BERGEN")
    assert name_end_follows("2 UNIVERSITY OF SCIENCE &", "TECHNOLOGY")
    # A name that can end where it stops, a heading in other case, a line with figures: apart.
    assert not name_end_follows("2 HUNAN UNIVERSITY", "CHINA")
    assert not name_end_follows("3 NATIONAL UNIVERSITY -", "Top technology fields")
    assert not name_end_follows("3 NATIONAL UNIVERSITY -", "CHINA 7,290 12%")
    assert not name_end_follows("3 NATIONAL UNIVERSITY 7,290 -", "CHINA")
    raw = "Top PCT applicants\n1 NORDHAVEN WIND AS\nFJORD ENZYMES\n"
    assert blocks(raw)[1:] == [("paragraph", "1 NORDHAVEN WIND AS"), ("paragraph", "FJORD ENZYMES")]


NEWSLETTER = (
    OPENING + "TOP TECHNOLOGY FIELDS IN NORDHAVEN\n"
    "  Patents: Wind power 35%, Computer tech. 18%, Electrical\n"
    "  machinery 7%, Measurement 5%, Optics\n"
    "  10%, Other 25%.\n"
    "  Publications: Chemistry 41%, Physics & math\n"
    "  40%, Other 19%.\n\n"
    "COLLABORATION\n"
)


def test_a_share_wrapped_away_from_its_field_joins_the_breakdown_run() -> None:
    r = extract(NEWSLETTER)
    assert fields(r.patent_fields) == [
        ("Wind power", 35),
        ("Computer tech.", 18),
        ("Electrical machinery", 7),
        ("Measurement", 5),
        ("Optics", 10),
        ("Other", 25),
    ]
    assert fields(r.publication_fields) == [
        ("Chemistry", 41),
        ("Physics & math", 40),
        ("Other", 19),
    ]
    optics = r.evidence["patent_fields[4].field"]
    assert NEWSLETTER[optics.start : optics.end] == "Optics"
    share = r.evidence["patent_fields[4].share"]
    assert NEWSLETTER[share.start : share.end] == "10"
    share = r.evidence["publication_fields[1].share"]
    assert NEWSLETTER[share.start : share.end] == "40"


def test_a_share_in_parentheses_wrapped_away_from_its_field_joins_the_run() -> None:
    raw = OPENING + (
        "Top technology fields\n"
        "Patents: Wind power (35%), Computer tech. (18%), Optics\n(22%), Other (25%).\n"
    )
    r = extract(raw)
    assert fields(r.patent_fields) == [
        ("Wind power", 35),
        ("Computer tech.", 18),
        ("Optics", 22),
        ("Other", 25),
    ]
    share = r.evidence["patent_fields[2].share"]
    assert raw[share.start : share.end] == "22"


def test_a_share_opens_the_next_line_only_after_a_run_of_shares_ending_in_a_name() -> None:
    assert share_completes("Patents: Semiconductors 35%, Optics", "4%, Other 61%.")
    assert share_completes("Chemistry 21%, Physics & math", "14%.")
    assert not share_completes("It grew by 4%, the report says", "5%, then more.")
    assert not share_completes("Patents: Semiconductors 35%, Optics", "4 applications, 2%")
    assert not share_completes("Semiconductors 35%, Optics 4%", "2%, Other")
    # A year alone after prose is not a share: "... in" / "2024." stays as the reader had it.
    assert not share_completes("the 48th S&T cluster by intensity in", "2024.")


OWN_HEADINGS = (
    "# Nordhaven, Norway\n\n" + OPENING.split("\n\n", 1)[1] + "## What the patents are about\n\n"
    "- Wind power: 47%\n- Materials, metallurgy: 13%\n- Measurement: 9%\n- Other: 31%\n\n"
    "## Who they work with\n\nSome notes.\n"
)


def test_a_breakdown_under_a_heading_in_own_words_is_named_by_the_kind_it_speaks_of() -> None:
    r = extract(OWN_HEADINGS, "x.md", "markdown")
    assert fields(r.patent_fields) == [
        ("Wind power", 47),
        ("Materials, metallurgy", 13),
        ("Measurement", 9),
        ("Other", 31),
    ]
    assert r.publication_fields == []
    name = r.evidence["patent_fields[1].field"]
    assert OWN_HEADINGS[name.start : name.end] == "Materials, metallurgy"
    share = r.evidence["patent_fields[3].share"]
    assert OWN_HEADINGS[share.start : share.end] == "31"
    papers = OWN_HEADINGS.replace("the patents are", "the papers are")
    r = extract(papers, "x.md", "markdown")
    assert r.patent_fields == [] and fields(r.publication_fields)[0] == ("Wind power", 47)


def test_a_list_under_an_own_heading_that_is_no_whole_breakdown_is_not_a_field_list() -> None:
    # Organizations in capitals with a share only, under a heading that speaks of patents.
    orgs = OWN_HEADINGS.replace("Wind power", "NORDHAVEN WIND AS")
    assert extract(orgs, "x.md", "markdown").patent_fields == []
    # Shares that do not add up to 100: a part of something, not the breakdown.
    partial = OWN_HEADINGS.replace("- Other: 31%\n", "")
    assert extract(partial, "x.md", "markdown").patent_fields == []
    # A heading speaking of neither kind (or both) names no breakdown.
    neither = OWN_HEADINGS.replace("What the patents are about", "What it is about")
    assert extract(neither, "x.md", "markdown").patent_fields == []


def test_a_field_table_under_a_heading_in_own_words_is_that_kinds_breakdown() -> None:
    raw = (
        "# Nordhaven, Norway\n\n" + OPENING.split("\n\n", 1)[1] + "## What the papers cover\n\n"
        "| Field | Share |\n|---|---|\n| Chemistry | 41% |\n| Physics & math | 40% |\n"
        "| Other | 19% |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.patent_fields == []
    assert fields(r.publication_fields) == [
        ("Chemistry", 41),
        ("Physics & math", 40),
        ("Other", 19),
    ]
    name = r.evidence["publication_fields[1].field"]
    assert raw[name.start : name.end] == "Physics & math"
    share = r.evidence["publication_fields[2].share"]
    assert raw[share.start : share.end] == "19"
    # A ranked table of organizations under such a heading is no breakdown.
    ranked_rows = raw.replace("| Chemistry | 41% |", "| NORDHAVEN UNIVERSITY | 41% |")
    assert extract(ranked_rows, "x.md", "markdown").publication_fields == []
