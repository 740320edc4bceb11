"""Layout mechanisms added for the testers' round AN/AO layouts of developer an1: each test is
a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import ev, extract, pairs, ranked, span

_PAGE_ONE = (
    "NORTHERN CLUSTER ATLAS 2024 — REGIONAL PROFILES                   12\n\n"
    "Kvarnby, Sweden\n\n"
    "Top PCT applicants\n\n"
    "1  KVARNBY DRIVES AB             410    31%\n"
    "2  KVARNBY UNIVERSITY            122     9%\n\n"
)
_PAGE_TWO = (
    "\f13                   NORTHERN CLUSTER ATLAS 2024 — REGIONAL PROFILES\n\n"
    "Top publishing organizations\n\n"
    "1  KVARNBY UNIVERSITY          6 210    44%\n"
    "2  KVARNBY HOSPITAL            1 905    13%\n"
)


def test_a_running_header_of_facing_pages_is_no_row() -> None:
    raw = _PAGE_ONE + _PAGE_TWO
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "KVARNBY DRIVES AB", 410, 31),
        (2, "KVARNBY UNIVERSITY", 122, 9),
    ]
    assert ranked(r.top_publishers) == [
        (1, "KVARNBY UNIVERSITY", 6210, 44),
        (2, "KVARNBY HOSPITAL", 1905, 13),
    ]
    assert span(r, raw, "top_publishers[0].count") == "6 210"


def test_facing_headers_need_page_numbers_close_together() -> None:
    from nlq.layout.furniture import furniture_edits

    text = (
        "NORTHERN CLUSTER ATLAS — PROFILES      12\nKvarnby, Sweden\n"
        "\f40      NORTHERN CLUSTER ATLAS — PROFILES\nTop PCT applicants\n"
    )
    assert furniture_edits(text) == []
    near = text.replace("40", "13")
    assert len(furniture_edits(near)) == 2


_FIELDS_PARTED = (
    "Kvarnby, Sweden\n\n"
    "Top technology fields in Kvarnby\n\n"
    "Patents                                     Publications\n\n"
    "Pharmaceuticals (18%)        Transport (6%)          Clinical medicine (27%)    Physics (8%)\n"
    "Medical technology (14%)     Measurement (5%)        Biochem. & biotech. (15%)  Other (50%)\n"
    "Biotechnology (11%)          Other (46%)\n"
)


def test_titles_a_blank_line_above_their_columns_split_the_breakdowns() -> None:
    r = extract(_FIELDS_PARTED)
    assert sorted(pairs(r.patent_fields)) == sorted(
        [
            ("Pharmaceuticals", 18),
            ("Medical technology", 14),
            ("Biotechnology", 11),
            ("Transport", 6),
            ("Measurement", 5),
            ("Other", 46),
        ]
    )
    assert sorted(pairs(r.publication_fields)) == sorted(
        [("Clinical medicine", 27), ("Biochem. & biotech.", 15), ("Physics", 8), ("Other", 50)]
    )
    k = [f.field for f in r.publication_fields].index("Physics")
    assert span(r, _FIELDS_PARTED, f"publication_fields[{k}].share") == "8"


def test_a_title_row_over_a_table_with_its_own_titles_stays_apart() -> None:
    from nlq.layout.document import BlockKind
    from nlq.layout.text import text_blocks

    raw = (
        "Top PCT applicants              Top publishing organizations\n\n"
        "     Patents  Share                      Articles  Share\n"
        "1  ACME AB   410    31%         1  ACME UNIVERSITY    6,210    44%\n"
    )
    tables = [b for b in text_blocks(raw) if b.kind is BlockKind.TABLE]
    assert [c.text for c in tables[0].rows[0]] == [
        "Top PCT applicants",
        "Top publishing organizations",
    ]


_FIELDS_WRAPPED = (
    "Kvarnby, Sweden\n\n"
    "Top technology fields in Kvarnby\n"
    "Patents                                         Publications\n"
    "Transport (24%)          Control (7%)           Engineering (19%)        Chemistry (9%)\n"
    "Engines, pumps,          Mechanical             Earth sciences (17%)     Physics (6%)\n"
    "turbines (15%)           elements (6%)          Clinical medicine (14%)  Other (24%)\n"
    "Civil engineering (11%)  Other (37%)            Environment/ecology\n"
    "                                                (11%)\n"
)


def test_a_field_wrapped_in_a_column_keeps_its_share() -> None:
    r = extract(_FIELDS_WRAPPED)
    assert pairs(r.patent_fields) == [  # column by column, as the page reads
        ("Transport", 24),
        ("Engines, pumps, turbines", 15),
        ("Civil engineering", 11),
        ("Control", 7),
        ("Mechanical elements", 6),
        ("Other", 37),
    ]
    assert sorted(pairs(r.publication_fields)) == sorted(
        [
            ("Engineering", 19),
            ("Earth sciences", 17),
            ("Clinical medicine", 14),
            ("Environment/ecology", 11),
            ("Chemistry", 9),
            ("Physics", 6),
            ("Other", 24),
        ]
    )
    j = [f.field for f in r.patent_fields].index("Engines, pumps, turbines")
    quoted = span(r, _FIELDS_WRAPPED, f"patent_fields[{j}].field")  # both lines' words
    assert quoted == ev(r, f"patent_fields[{j}].field")
    assert quoted.startswith("Engines, pumps,") and quoted.endswith("\nturbines")
    assert span(r, _FIELDS_WRAPPED, f"patent_fields[{j}].share") == "15"
    k = [f.field for f in r.publication_fields].index("Environment/ecology")
    assert span(r, _FIELDS_WRAPPED, f"publication_fields[{k}].share") == "11"


def test_a_share_alone_under_a_field_without_one_is_its_share() -> None:
    from nlq.layout.document import MappedText
    from nlq.layout.wrapped_fields import join_wrapped_fields

    def row(*texts: str) -> list[tuple[int, MappedText]]:
        return [(20 * k, MappedText.verbatim(t, 0, len(t))) for k, t in enumerate(texts)]

    rows = [
        row("Engines, pumps, turbines", "Semiconductors (4%)"),
        row("(10%)", "Other (28%)"),
    ]
    out = join_wrapped_fields(rows)
    assert [c.text for _, c in out[0]] == ["Engines, pumps, turbines (10%)", "Semiconductors (4%)"]
    assert [c.text for _, c in out[1]] == ["", "Other (28%)"]
    titles = [row("Patents", ""), row("Transport (24%)", "Control (7%)")]
    assert join_wrapped_fields(titles) == titles  # a title over its column stays a title
