"""Layout mechanisms added for round BK's real PDF files (a dashboard whose field breakdowns
are two bar charts side by side under one title row of their kinds, a two-column newsletter
whose publisher name wraps in its narrow column): each test is a small inline page text for
one rule, as the PDF reader prints it (layout mode, a form feed ending every page)."""

from __future__ import annotations

from layout_fixtures import extract, pairs, ranked, span


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n\f"


TOP = (
    "   Global Innovation Index 2025",
    "   Lakeport, Norway",
    "",
    "   Lakeport is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.",
    "",
)

CHARTS = _page(
    *TOP,
    "   Top technology fields in Lakeport",
    "",
    "   Patents" + " " * 60 + "Publications",
    "",
    "          Marine engineering" + " " * 24 + "31%" + " " * 34 + "Oceanography      27%",
    "",
    "             Transport          12%" + " " * 44 + "Clinical medicine      14%",
    "",
    "                 Other                   57%" + " " * 42 + "Other          59%",
)


def test_a_row_of_bare_kinds_set_apart_titles_two_charts_side_by_side() -> None:
    r = extract(CHARTS, "x.pdf", "pdf")
    assert pairs(r.patent_fields) == [("Marine engineering", 31), ("Transport", 12), ("Other", 57)]
    assert pairs(r.publication_fields) == [
        ("Oceanography", 27),
        ("Clinical medicine", 14),
        ("Other", 59),
    ]
    assert span(r, CHARTS, "publication_fields[1].field") == "Clinical medicine"
    assert span(r, CHARTS, "patent_fields[2].field") == "Other"


def test_a_row_of_kinds_outside_a_field_section_opens_none() -> None:
    from nlq.extractors.kind_title_rows import kind_title_row
    from nlq.layout import parse

    keys = {"Patents": "patent_fields", "Publications": "publication_fields"}
    blocks = parse("x", "Patents        Publications\n", "text").blocks
    assert kind_title_row(blocks[0], keys.get) is not None
    assert kind_title_row(blocks[0], lambda t: "patent_fields") is None  # one breakdown twice
    one = parse("x", "Patents\n", "text").blocks
    assert kind_title_row(one[0], keys.get) is None


_LEFT = (
    "Lakeport, Norway",
    "",
    "Lakeport is the 3rd-ranked cluster, out of 9",
    "Norwegian clusters, in the top 100 in 2025.",
    "",
    "Top publishing organizations",
    "",
    "Organization                    Articles  Share",
    "LAKEPORT UNIVERSITY               12\u2009410    38%",
    "LAKEPORT HOSPITAL TRUST            2\u2009105     7%",
    "",
    "CENTRE NATIONAL DE LA              1\u2009320     4%",
    "RECHERCHE SCIENTIFIQUE",
    "",
    "Top technology fields in Lakeport",
)
_RIGHT = (
    "NEWS IN BRIEF",
    "A new harbour laboratory opened its doors this",
    "spring near the old ferry terminal. The space",
    "offers test tanks, shared benches and mentoring",
    "by engineers from local yards. Applications for",
    "the autumn cohort are open until the end of",
    "August. Researchers and founders interested in",
    "the programme can write to the editors, who",
    "will forward requests to the organizers of the",
    "laboratory and its partners in the region.",
)
# A newsletter's two columns: the table's last name wraps in the narrow left one.
WRAPPED = _page(
    *(
        (left.ljust(60) + right).rstrip()
        for left, right in zip(_LEFT, _RIGHT + ("",) * 5, strict=True)
    )
)


def test_a_name_left_hanging_takes_its_rest_even_when_the_rest_names_a_kind() -> None:
    r = extract(WRAPPED, "x.pdf", "pdf")
    assert ranked(r.top_publishers) == [
        (None, "LAKEPORT UNIVERSITY", 12410, 38),
        (None, "LAKEPORT HOSPITAL TRUST", 2105, 7),
        (None, "CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE", 1320, 4),
    ]
    assert span(r, WRAPPED, "top_publishers[2].count") == "1\u2009320"


_ITEM = "INSTITUTE OF   5\u2009320   9%"
_OPEN = "LAKEPORT, 5\u2009320 9%"


def test_a_wrapped_name_after_figures_with_thin_space_thousands() -> None:
    from nlq.extractors.wrapped_names import continued_item, dangling
    from nlq.layout.document import Block, BlockKind, MappedText

    item = Block(BlockKind.LIST_ITEM, text=MappedText.verbatim(_ITEM, 0, len(_ITEM)))
    rest = Block(BlockKind.PARAGRAPH, text=MappedText.verbatim("MARINE RESEARCH", 0, 15))
    joined = continued_item(item, rest)
    assert joined is not None and joined.text.text.startswith("INSTITUTE OF MARINE RESEARCH 5")
    assert dangling(item, rest)
    lone = Block(BlockKind.PARAGRAPH, text=MappedText.verbatim("PATENTS", 0, 7))
    assert not dangling(item, lone)
    opened = Block(BlockKind.LIST_ITEM, text=MappedText.verbatim(_OPEN, 0, len(_OPEN)))
    assert not dangling(opened, rest)
