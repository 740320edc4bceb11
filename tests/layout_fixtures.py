"""Shared by the layout tests: a fictional profile's opening and the extract-and-check helper."""

from __future__ import annotations

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
    """The rules extractor's record for `raw`, every evidence span checked exact."""
    record = RulesExtractor().extract(parse(name, raw, fmt)).record
    assert check_evidence(record, raw) == []
    return record
