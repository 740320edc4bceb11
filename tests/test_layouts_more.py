"""Layout mechanisms added for the second round of testers' layouts (reST, AsciiDoc, mobile
pages, card grids, slides, spreadsheets): each test is a small inline input for one mechanism,
checking the values, their exact evidence, and that no figure lands in the wrong field."""

from __future__ import annotations

import pytest

from nlq.errors import ExtractionError
from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse
from nlq.schema import ClusterProfile

BODY = (
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It filed "
    "1,204 PCT applications and published 12,345 scientific articles.\n\n"
)
OPENING = "Nordhaven, Norway\n\n" + BODY


def extract(raw: str, name: str = "x.txt", fmt: str = "text") -> ClusterProfile:
    record = RulesExtractor().extract(parse(name, raw, fmt)).record
    assert check_evidence(record, raw) == []
    return record


def ranked(entries) -> list[tuple]:
    return [(e.rank, e.name, e.count, e.share) for e in entries]


def pairs(fields) -> list[tuple]:
    return [(f.field, f.share) for f in fields]


# --- titles: markup is not part of the name -----------------------------------------------


@pytest.mark.parametrize(
    ("title", "name", "fmt"),
    [
        ("===============\nNordhaven, Norway\n===============\n", "x.rst", "text"),  # overline
        ("= Nordhaven, Norway\nAnalysis Desk <desk@example.org>\n", "x.adoc", "text"),
        ("== Nordhaven, Norway ==\n", "x.wiki", "text"),
        ("# 🇳🇴 Nordhaven, Norway\n", "x.md", "markdown"),  # a flag before the name
    ],
)
def test_title_markup_is_not_part_of_the_cluster_name(title: str, name: str, fmt: str) -> None:
    r = extract(title + "\n" + BODY, name, fmt)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert r.evidence["cluster"].text == "Nordhaven"


def test_a_line_of_code_is_never_a_title() -> None:
    raw = "\\usepackage{booktabs,siunitx,multicol}\n\n" + BODY
    r = extract(raw)
    assert r.cluster == "Nordhaven"  # from the opening sentence, not from the package list
    with pytest.raises(ExtractionError, match="no cluster name found"):
        extract("\\usepackage{booktabs,siunitx}\n\nIt filed 1,204 PCT applications.\n")
