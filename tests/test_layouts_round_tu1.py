"""Layout mechanisms added for the testers' rounds T and U (lists written inline
"NAME (312; 14%)" with the ranks after them): each test is a small inline input for one
mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract


def ranked(entries) -> list[tuple]:
    return [(e.rank, e.name, e.count, e.share) for e in entries]


def pairs(fields) -> list[tuple]:
    return [(f.field, f.share) for f in fields]


INLINE = (
    "Nordhaven, Norway\n"
    "Global Innovation Index 2025 · Science and technology cluster profile\n\n"
    "TOP PCT APPLICANTS (patents; share)\n"
    "1) FJORD MARINE, NORDHAVEN (312; 14%)\n"
    "2) NORD ASA (201; 9%)\n\n"
    "TOP PUBLISHING ORGANIZATIONS (articles; share)\n"
    "1) FJORD MARINE, NORDHAVEN (21,450; 33%)\n"
    "2) NORDHAVEN HOSPITAL (7,150; 11%)\n\n"
    "RANKINGS\n"
    "Among the 9 Norwegian clusters in the 2025 top 100, Nordhaven comes third.\n"
    "Size: ranked 61st among science and technology clusters in 2025.\n"
    "Intensity (relative to population density): ranked 97th in 2025.\n"
)


def test_semicolons_inside_parentheses_do_not_cut_a_line_into_cells() -> None:
    kinds = [b for b in blocks(INLINE) if b[0] in ("table", "list_item")]
    assert ("list_item", "FJORD MARINE, NORDHAVEN (312; 14%)") in kinds
    assert not any(b[0] == "table" for b in kinds)


def test_lists_written_name_count_share_in_parentheses_keep_their_sections() -> None:
    r = extract(INLINE)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD MARINE, NORDHAVEN", 312, 14),
        (2, "NORD ASA", 201, 9),
    ]
    assert ranked(r.top_publishers) == [
        (1, "FJORD MARINE, NORDHAVEN", 21450, 33),
        (2, "NORDHAVEN HOSPITAL", 7150, 11),
    ]
    assert ev(r, "top_publishers[0].count") == "21,450"


def test_semicolon_rows_outside_parentheses_are_still_rows() -> None:
    raw = OPENING + "Top PCT applicants\n1;FJORD MARINE (ASA);233;41%\n2;NORD ASA;57;10%\n"
    r = extract(raw)
    assert ranked(r.top_pct_applicants)[0] == (1, "FJORD MARINE (ASA)", 233, 41)


def test_size_and_intensity_labels_before_a_ranked_ordinal() -> None:
    r = extract(INLINE)
    assert (r.global_size_rank, r.global_intensity_rank) == (61, 97)
    assert ev(r, "global_size_rank") == "61st"
    assert ev(r, "global_intensity_rank") == "97th"
    assert (r.national_rank, r.national_cluster_count) == (3, 9)


def test_a_size_label_with_a_bare_number_is_no_rank() -> None:
    r = extract(OPENING + "Size: 61 km²\n\nIntensity: 97 patents per km²\n")
    assert r.global_size_rank is None and r.global_intensity_rank is None
