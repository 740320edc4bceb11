"""Layout mechanisms added for the testers' round V/W layouts (shares printed as fractions with
a note saying so, dot-leader breakdowns, two columns pasted line by line): each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract, ranked
from layout_fixtures import pairs as fields

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.layout.fraction_shares import fraction_share_edits
from nlq.layout.interleaved import interleaved_order

FRACTIONS = (
    OPENING + "Note: shares are given as fractions of the cluster total (0.15 = 15%).\n\n"
    "Top PCT applicants\n\n"
    "Rank  Applicant                 Patents   Share\n"
    "1     NORDHAVEN UNIVERSITY          186    0.15\n"
    "2     FJORD ENERGY ASA              112    0.09\n\n"
    "Top technology fields\n\n"
    "Patents (share of PCT applications)\n"
    "  Pharmaceuticals ........................... 0.12\n"
    "  Electrical machinery, apparatus, energy ... 0.10\n"
    "  Other ..................................... 0.785\n\n"
    "Collaboration\n\n"
    "A share of 0.18 of Nordhaven's PCT patent applications are filed in collaboration with "
    "other inventors, with Oslo, Bergen and Stockholm emerging as the top collaborative "
    "locations.\n"
)


def test_fractions_on_a_page_that_says_so_are_read_as_percent_with_the_fraction_as_evidence():
    r = extract(FRACTIONS)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 186, 15),
        (2, "FJORD ENERGY ASA", 112, 9),
    ]
    assert ev(r, "top_pct_applicants[0].share") == "0.15"
    assert ev(r, "top_pct_applicants[1].share") == "0.09"
    assert r.patent_collaboration is not None and r.patent_collaboration.share == 18
    assert ev(r, "patent_collaboration.share") == "0.18"


def test_a_dot_leader_shortened_to_three_dots_before_a_figure_is_a_leader():
    r = extract(FRACTIONS)
    assert fields(r.patent_fields) == [
        ("Pharmaceuticals", 12),
        ("Electrical machinery, apparatus, energy", 10),
        ("Other", 78.5),
    ]
    assert ev(r, "patent_fields[1].field") == "Electrical machinery, apparatus, energy"
    assert ev(r, "patent_fields[2].share") == "0.785"


def test_an_ellipsis_in_prose_is_not_a_leader():
    raw = "Growth.... slowed\nIt rose ... and then fell ... 3 times\n"
    assert [t for _, t in blocks(raw)] == [
        "Growth.... slowed",
        "It rose ... and then fell ... 3 times",
    ]


def test_fractions_without_a_note_are_never_read_as_shares():
    raw = FRACTIONS.replace(
        "Note: shares are given as fractions of the cluster total (0.15 = 15%).\n\n", ""
    )
    assert fraction_share_edits(raw) == []
    r = extract(raw)
    assert all(e.share is None for e in r.top_pct_applicants)
    assert [f.share for f in r.patent_fields] == [None, None, None]
    assert r.patent_collaboration is None or r.patent_collaboration.share is None


def test_a_share_column_of_fractions_is_not_read_unless_its_title_says_percent():
    table = (
        "Top PCT applicants\n\nRank  Applicant    Patents   {}\n1     ACME CO      186    0.85\n"
    )
    table += "2     BETA AG      112    0.42\n"
    assert [e.share for e in extract(OPENING + table.format("Share")).top_pct_applicants] == [
        None,
        None,
    ]
    r = extract(OPENING + table.format("Share (%)"))
    assert [e.share for e in r.top_pct_applicants] == [0.85, 0.42]
    assert ev(r, "top_pct_applicants[0].share") == "0.85"


def test_a_note_with_an_inconsistent_example_is_no_note():
    assert fraction_share_edits("Shares: 0.15 = 12%.\n1 ACME 186 0.15\n") == []


def test_a_note_stating_fractions_in_words_is_enough_and_percent_figures_stay_as_they_are():
    text = "All shares are expressed as decimal fractions.\n1 ACME 186 0.15\n2 B 12 7%\nx 0.5 %\n"
    edits = fraction_share_edits(text)
    assert [(text[e.start : e.end], e.text) for e in edits] == [("0.15", "15%")]


def _grounded_share(raw: str, share: float) -> tuple[object, str | None]:
    facts = {
        "top_pct_applicants": [
            {"rank": 1, "name": "NORDHAVEN UNIVERSITY", "count": 186, "share": share, "quote": ROW}
        ]
    }
    doc = parse("doc.txt", raw, "text")
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(doc))
    span = g.spans.get("top_pct_applicants[0].share")
    row = g.values["top_pct_applicants"][0]
    return row["share"], span and raw[span[0] : span[1]]


ROW = "1     NORDHAVEN UNIVERSITY          186    0.15"


def test_the_llm_path_grounds_a_share_quoted_as_a_fraction_only_where_the_page_says_so():
    assert _grounded_share(FRACTIONS, 15) == (15, "0.15")
    assert _grounded_share(FRACTIONS, 0.15)[0] is None
    bare = FRACTIONS.replace(
        "Note: shares are given as fractions of the cluster total (0.15 = 15%).\n\n", ""
    )
    assert _grounded_share(bare, 15)[0] is None


INTERLEAVED = (
    "Nordhaven, Norway\n" + OPENING.split("\n\n", 1)[1].strip() + "\n"
    "Top PCT applicants\n"
    "Top publishing organizations\n"
    "Patents Share\n"
    "Articles Share\n"
    "1 FJORD ENERGY ASA 540 15%\n"
    "1 NORDHAVEN UNIVERSITY 7,557 33%\n"
    "2 NORDHAVEN UNIVERSITY 252 7%\n"
    "2 FJORD HOSPITAL 4,580 20%\n"
    "Top technology fields — Patents\n"
    "Top technology fields — Publications\n"
    "Semiconductors (24%)\n"
    "Engineering (21%)\n"
    "Electrical machinery, apparatus, energy (13%)\n"
    "Physics & math (18%)\n"
    "Other (63%)\n"
    "Other (61%)\n"
    "31% of Nordhaven's PCT patent applications are filed in collaboration with other "
    "inventors, with Oslo, Bergen and Stockholm emerging as the top collaborative locations.\n"
)


def test_two_columns_pasted_line_by_line_are_read_column_by_column():
    r = extract(INTERLEAVED)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD ENERGY ASA", 540, 15),
        (2, "NORDHAVEN UNIVERSITY", 252, 7),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 7557, 33),
        (2, "FJORD HOSPITAL", 4580, 20),
    ]
    assert fields(r.patent_fields) == [
        ("Semiconductors", 24),
        ("Electrical machinery, apparatus, energy", 13),
        ("Other", 63),
    ]
    assert fields(r.publication_fields) == [
        ("Engineering", 21),
        ("Physics & math", 18),
        ("Other", 61),
    ]
    assert ev(r, "top_publishers[0].count") == "7,557"
    assert ev(r, "top_pct_applicants[1].name") == "NORDHAVEN UNIVERSITY"
    assert ev(r, "publication_fields[1].field") == "Physics & math"
    assert r.patent_collaboration is not None and r.patent_collaboration.share == 31


def _order(raw: str) -> list[str] | None:
    lines, pos = [], 0
    for line in raw.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    order = interleaved_order(raw, lines)
    return None if order is None else [raw[s:e] for s, e in order]


def test_lists_one_after_the_other_are_not_interleaved():
    raw = (
        "Top PCT applicants\nPatents Share\n1 A CO 540 15%\n2 B CO 252 7%\n"
        "Top publishing organizations\nArticles Share\n1 C UNI 7,557 33%\n2 D UNI 4,580 20%\n"
    )
    assert _order(raw) is None


def test_alternating_rows_whose_ranks_differ_are_not_two_columns():
    raw = (
        "Top PCT applicants\nTop publishing organizations\n"
        "1 A CO 540 15%\n2 B CO 252 7%\n3 C CO 100 3%\n4 D CO 90 2%\n"
    )
    assert _order(raw) is None


def test_one_pair_of_rows_is_too_little_to_call_two_columns():
    raw = "Top PCT applicants\nTop publishing organizations\n1 A CO 540 15%\n1 C UNI 7,557 33%\n"
    assert _order(raw) is None
    raw += "2 B CO 252 7%\n2 D UNI 4,580 20%\n"
    assert _order(raw) == [
        "Top PCT applicants",
        "1 A CO 540 15%",
        "2 B CO 252 7%",
        "",
        "Top publishing organizations",
        "1 C UNI 7,557 33%",
        "2 D UNI 4,580 20%",
        "",
        "",
    ]
