"""Layout mechanisms added for the testers' rounds T and U (a notebook printing its lists as
pandas data frames, lists written inline "NAME (312; 14%)" with the ranks after them): each test
is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract, pairs, ranked

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse

# Two data frames printed as pandas prints them: titles flush right, one space apart over
# narrow columns ("patents share"), and the untitled 0, 1, 2 index first.
FRAMES = (
    "       rank              name  patents share\n"
    "    0     1  FJORD MARINE ASA      233   41%\n"
    "    1     2  NORD & SØN, LTD.       57   10%\n"
    "\n"
    "       rank                     name  articles share\n"
    "    0     1  UNIVERSITY OF NORDHAVEN     11240   48%\n"
    "    1     2       NORDHAVEN HOSPITAL      2810   12%\n"
)


def test_right_aligned_titles_one_space_apart_are_one_title_per_column() -> None:
    tables = [b[1] for b in blocks(FRAMES) if b[0] == "table"]
    assert tables[0][0] == ["rank", "name", "patents", "share"]
    assert tables[0][1] == ["0", "1", "FJORD MARINE ASA", "233", "41%"]
    assert tables[1][0] == ["rank", "name", "articles", "share"]


def test_titles_set_flush_left_are_not_split() -> None:
    raw = (
        "Rank  Name              Patents Share\n"
        "1     FJORD MARINE ASA  233     41%\n"
        "2     NORD ASA          57      10%\n"
    )
    (table,) = [b[1] for b in blocks(raw) if b[0] == "table"]
    assert table[0] == ["Rank", "Name", "Patents Share"]  # no title ends where its column does


def test_printed_frames_are_the_lists_their_count_titles_name() -> None:
    raw = OPENING + FRAMES
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD MARINE ASA", 233, 41),
        (2, "NORD & SØN, LTD.", 57, 10),
    ]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 11240, 48),
        (2, "NORDHAVEN HOSPITAL", 2810, 12),
    ]
    assert ev(r, "top_pct_applicants[1].rank") == "2"  # the rank column, not the index 1
    assert ev(r, "top_publishers[0].count") == "11240"
    start = raw.index("    0     1  UNIVERSITY")
    assert r.evidence["top_publishers[0].rank"].start == start + len("    0     ")


def test_a_field_column_beside_its_kind_is_not_a_list() -> None:
    raw = OPENING + "rank  field       patents  share\n1     Optics      233      41%\n"
    r = extract(raw, "x.md", "markdown")
    assert r.top_pct_applicants == []


def test_a_frame_indexed_by_rank_names_its_index_on_the_line_under_the_titles() -> None:
    frame = (
        "                      name  patents share\n"
        "    rank                                 \n"
        "    1     FJORD MARINE ASA      233   41%\n"
        "    2     NORD & SØN, LTD.       57   10%\n"
    )
    (table,) = [b[1] for b in blocks(frame) if b[0] == "table"]
    assert table[0] == ["rank", "name", "patents", "share"]
    raw = OPENING + frame
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD MARINE ASA", 233, 41),
        (2, "NORD & SØN, LTD.", 57, 10),
    ]
    assert r.evidence["top_pct_applicants[1].rank"].start == raw.index("    2     NORD") + 4


# A frame printed with index=False: snake_case titles naming each breakdown's field and share
# columns, shares without "%"; then the sum of the shares as a printed Series.
FIELD_FRAME = (
    "## Technology fields\n\n"
    "              patent_field  patent_share  publication_field  publication_share\n"
    "        Medical technology            62          Chemistry                 55\n"
    "                     Other            38              Other                 45\n"
    "\n"
    "    patent_share         100\n"
    "    publication_share    100\n"
    "    dtype: int64\n"
)


def test_a_frame_of_two_breakdowns_gives_each_its_field_and_share_columns() -> None:
    raw = OPENING + FIELD_FRAME
    r = extract(raw, "x.md", "markdown")
    assert pairs(r.patent_fields) == [("Medical technology", 62), ("Other", 38)]
    assert pairs(r.publication_fields) == [("Chemistry", 55), ("Other", 45)]
    assert ev(r, "publication_fields[0].share") == "55"
    assert ev(r, "patent_fields[1].field") == "Other"


def test_a_frame_of_two_breakdowns_names_its_sections_without_a_heading() -> None:
    raw = OPENING + FIELD_FRAME.replace(
        "## Technology fields\n\n", "## What the notebook printed\n\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert pairs(r.patent_fields) == [("Medical technology", 62), ("Other", 38)]
    assert pairs(r.publication_fields) == [("Chemistry", 55), ("Other", 45)]
    assert ev(r, "patent_fields[0].share") == "62"


def test_a_printed_series_that_is_no_breakdown_gives_no_field() -> None:
    r = extract(OPENING + FIELD_FRAME, "x.md", "markdown")
    names = [f.field for f in r.patent_fields + r.publication_fields]
    assert "patent_share" not in names and "publication_share" not in names


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


def test_an_llm_quote_placing_the_cluster_with_comes_grounds_the_national_rank() -> None:
    doc = parse("x.txt", INLINE, "text")
    quote = "Among the 9 Norwegian clusters in the 2025 top 100, Nordhaven comes third."
    facts = ClusterFacts.model_validate({"national_rank": {"value": 3, "quote": quote}})
    g = ground(facts, SourceView.of(doc))
    a, b = g.spans["national_rank"]
    assert (g.values["national_rank"], INLINE[a:b]) == (3, "third")
