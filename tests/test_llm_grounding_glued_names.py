"""A name glued to the count after it, as a PDF's text layer sets a long name that runs into
the next column ("STASZICA61   7%"): the LLM path grounds the name and the count apart, as the
rules extractor reads them; a name whose letters go on after the digits is still no match."""

from __future__ import annotations

from llm_fixtures import no_network_fixture  # noqa: F401  (a fixture)

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse

PAGE = (
    "Nordhaven, Norway\n\n"
    "Top PCT applicants\n\n"
    "Rank   Applicant                                    Patents   Share\n"
    "1      NORDHAVEN UNIVERSITY                              96     11%\n"
    "2      NORDHAVEN INSTITUTE OF MARINE SCIENCE AND ENGINEERING61  7%\n"
)


def _row(name: str, count: int, quote: str):
    doc = parse("doc.txt", PAGE, "text")
    facts = ClusterFacts.model_validate(
        {
            "top_pct_applicants": [
                {"rank": 2, "name": name, "count": count, "share": 7, "quote": quote}
            ]
        }
    )
    g = ground(facts, SourceView.of(doc))
    rows = g.values.get("top_pct_applicants") or []
    span = g.spans.get("top_pct_applicants[0].name")
    return rows, span and doc.raw[span[0] : span[1]], g.spans.get("top_pct_applicants[0].count")


def test_a_name_glued_to_its_count_is_grounded_with_its_own_span() -> None:
    line = PAGE.splitlines()[-1]
    name = "NORDHAVEN INSTITUTE OF MARINE SCIENCE AND ENGINEERING"
    rows, text, count = _row(name, 61, line)
    assert [(r["rank"], r["name"], r["count"], r["share"]) for r in rows] == [(2, name, 61, 7)]
    assert text == name
    assert count is not None and PAGE[count[0] : count[1]] == "61"


def test_a_name_cut_inside_a_word_with_digits_is_not_grounded() -> None:
    raw = PAGE.replace("ENGINEERING61  7%", "ENGINEERING61B 61  7%")
    doc = parse("doc.txt", raw, "text")
    line = raw.splitlines()[-1]
    facts = ClusterFacts.model_validate(
        {
            "top_pct_applicants": [
                {
                    "rank": 2,
                    "name": "NORDHAVEN INSTITUTE OF MARINE SCIENCE AND ENGINEERING",
                    "count": 61,
                    "share": 7,
                    "quote": line,
                }
            ]
        }
    )
    g = ground(facts, SourceView.of(doc))
    assert "top_pct_applicants[0].name" not in g.spans
