"""Shared by the layout tests: a fictional profile's opening and the extract-and-check helper."""

from __future__ import annotations

from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse
from nlq.layout.document import BlockKind
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


def ev(record: ClusterProfile, path: str) -> str:
    """The source text a record's evidence entry quotes."""
    return record.evidence[path].text


def ranked(entries) -> list[tuple]:
    """A top list as (rank, name, count, share) rows."""
    return [(e.rank, e.name, e.count, e.share) for e in entries]


def pairs(fields) -> list[tuple]:
    """A field breakdown as (field, share) pairs."""
    return [(f.field, f.share) for f in fields]


def span(record: ClusterProfile, raw: str, path: str) -> str:
    """The raw source text at a record's evidence offsets."""
    ev = record.evidence[path]
    return raw[ev.start : ev.end]


def blocks(raw: str, fmt: str = "text") -> list[tuple]:
    """The blocks `raw` reads as: ('table', rows of cell texts) or (kind, text)."""
    out: list[tuple] = []
    for b in parse("x", raw, fmt).blocks:
        if b.kind is BlockKind.TABLE:
            out.append(("table", [[c.text for c in r] for r in b.rows]))
        else:
            out.append((b.kind.value, b.text.text))
    return out


def laid(*rows: list[tuple[int, str]]) -> str:
    """Layout text: each row's pieces set at their columns, one row a line."""
    lines = []
    for pieces in rows:
        line = ""
        for col, text in pieces:
            line = line.ljust(col) + text
        lines.append(line)
    return "\n".join(lines)
