"""LLM-path grounding of numbers that markup cuts or wraps: a figure Word splits over two
inline runs, and a figure in MediaWiki bold ('''41''')."""

from __future__ import annotations

from typing import Any

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.numbers import NUMBER_RE


def one(raw: str, key: str, value: Any, quote: str, fmt: str):
    """(value kept or None, exact evidence text or None, problems) for one scalar."""
    doc = parse("doc", raw, fmt)
    g = ground(
        ClusterFacts.model_validate({key: {"value": value, "quote": quote}}), SourceView.of(doc)
    )
    span = g.spans.get(key)
    return g.values.get(key), span and doc.raw[span[0] : span[1]], [p.reask for p in g.problems]


WORD = (
    "<html><body><p class=MsoNormal><span>It filed 692 PCT applications and published 7,9</span>"
    "</b></span><b><span lang=EN-GB>21</span></b><span> scientific articles.</span></p>"
    "</body></html>"
)


def test_a_number_word_split_over_two_runs_is_one_figure_of_its_quote() -> None:
    value, text, problems = one(
        WORD, "scientific_articles", 7921, "published 7,921 scientific articles", "html"
    )
    assert (value, problems) == (7921, [])
    assert text.startswith("7,9") and text.endswith("21")  # the exact raw span, tags inside


CARDS = (
    "<html><body><h2>Top PCT applicants</h2>"
    "<div><span>1</span><span>146</span><span>NAME</span></div></body></html>"
)


def test_two_inline_boxes_of_whole_numbers_stay_two_numbers() -> None:
    # "1" then "146" in a card row: no thousands group is cut, so no "1146".
    doc = parse("doc", CARDS, "html")
    view = SourceView.of(doc)
    i = view.fold.find("1")
    assert [t.value for t in view.tokens(i, len(view.fold))] == [1, 146]


WIKI = (
    "== Nowa Wola, Poland ==\n"
    "Nowa Wola is the 4th-ranked cluster. It filed '''41 PCT applications''' and "
    "published '''9 066 scientific articles'''.\n"
)


def test_a_figure_in_wiki_bold_is_read_after_its_apostrophes() -> None:
    assert [m.group() for m in NUMBER_RE.finditer("filed '''41 PCT and '''9 066")] == [
        "41",
        "9 066",
    ]
    assert [m.group() for m in NUMBER_RE.finditer("3'412 and '24")] == ["3'412"]  # as before
    value, text, problems = one(
        WIKI, "pct_applications", 41, "It filed '''41 PCT applications'''", "text"
    )
    assert (value, text, problems) == (41, "41", [])
    value, text, problems = one(
        WIKI, "scientific_articles", 9066, "published '''9 066 scientific articles'''", "text"
    )
    assert (value, text, problems) == (9066, "9 066", [])


FIELDS = (
    "Patents                                       Publications\n"
    "Marine engineering              40%          Oceanography                 30%\n"
    "Electrical machinery,           35%          Biology                      45%\n"
    "apparatus, energy                            Chemistry                    25%\n"
)


def test_a_field_wrapped_in_two_parts_takes_the_share_after_its_first_part() -> None:
    doc = parse("doc", FIELDS, "text")
    quote = FIELDS.splitlines()[2] + "\napparatus, energy"  # the row and the wrapped part
    row = {"field": "Electrical machinery, apparatus, energy", "share": 35, "quote": quote}
    g = ground(ClusterFacts.model_validate({"patent_fields": [row]}), SourceView.of(doc))
    assert [p.reask for p in g.problems] == []
    a, b = g.spans["patent_fields[0].share"]
    assert FIELDS[a:b] == "35"
    a, b = g.spans["patent_fields[0].field"]
    assert FIELDS[a:b].startswith("Electrical machinery,") and FIELDS[a:b].endswith("energy")


def test_a_name_wrapped_over_three_lines_beside_the_other_lists_rows_is_grounded() -> None:
    raw = (
        "1   CHANGXIN MEMORY                2,069        54%        1   UNIVERSITY OF"
        "                 10,938        25%\n"
        "    TECHNOLOGIES                                               SCIENCE & TECH. OF\n"
        "2   UNIVERSITY OF                    114         3%            CHINA\n"
        "    SCIENCE AND TECH.                                      2   HEFEI UNIVERSITY"
        "                6,842       16%\n"
        "    OF CHINA                                                   OF TECHNOLOGY\n"
    )
    quote = raw[raw.index("2   UNIVERSITY") : raw.index("OF CHINA") + len("OF CHINA")]
    name = "UNIVERSITY OF SCIENCE AND TECH. OF CHINA"
    row = {"rank": 2, "name": name, "count": 114, "share": 3, "quote": quote}
    doc = parse("doc.txt", raw, "text")
    g = ground(ClusterFacts.model_validate({"top_pct_applicants": [row]}), SourceView.of(doc))
    assert g.problems == []
    assert g.values["top_pct_applicants"][0]["name"] == name
    a, b = g.spans["top_pct_applicants[0].name"]
    assert raw[a:b].startswith("UNIVERSITY OF") and raw[a:b].endswith("OF CHINA")
    # The pieces must come in order, each at a line's or a cell's start: not "OF CHINA" first.
    row["name"] = "UNIVERSITY OF OF CHINA SCIENCE AND TECH."
    g = ground(ClusterFacts.model_validate({"top_pct_applicants": [row]}), SourceView.of(doc))
    assert [p.path for p in g.problems] == ["top_pct_applicants[0].name"]


def test_a_name_set_over_six_lines_with_a_word_split_in_capitals_is_grounded() -> None:
    raw = (
        "                               Patents         Share\n"
        "      CONSEJO\n"
        "      NACIONAL DE IN\n"
        " 2    VESTIGACIONES                   2          27%\n"
        "      CIENTÍFICAS Y\n"
        "      TÉCNICAS\n"
        "      (CONICET)\n"
    )
    quote = raw[raw.index("CONSEJO") : raw.index("(CONICET)") + len("(CONICET)")]
    name = "CONSEJO NACIONAL DE INVESTIGACIONES CIENTÍFICAS Y TÉCNICAS (CONICET)"
    row = {"rank": 2, "name": name, "count": 2, "share": 27, "quote": quote}
    doc = parse("doc.txt", raw, "text")
    g = ground(ClusterFacts.model_validate({"top_pct_applicants": [row]}), SourceView.of(doc))
    assert g.problems == []
    assert g.values["top_pct_applicants"][0]["name"] == name
    a, b = g.spans["top_pct_applicants[0].name"]
    assert raw[a:b].startswith("CONSEJO") and raw[a:b].endswith("(CONICET)")
    # Only figures may stand between the pieces: a name that leaves out the words between
    # two of its lines is not written there.
    row["name"] = "CONSEJO NACIONAL DE INVESTIGACIONES TÉCNICAS (CONICET)"
    g = ground(ClusterFacts.model_validate({"top_pct_applicants": [row]}), SourceView.of(doc))
    assert [p.path for p in g.problems] == ["top_pct_applicants[0].name"]
