"""Layout mechanisms added for the testers' round V/W layouts (shares printed as fractions with
a note saying so, dot-leader breakdowns, two columns pasted line by line): each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.layout.fraction_shares import fraction_share_edits


def ranked(entries) -> list[tuple]:
    return [(e.rank, e.name, e.count, e.share) for e in entries]


def fields(entries) -> list[tuple]:
    return [(f.field, f.share) for f in entries]


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
