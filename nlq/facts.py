"""A record as facts: one cited value per row, with a sentence a person would search for.

This module imports only the core (`nlq.schema`) and the wording of fact sentences
(`nlq.fact_sentences`). `facts_from_record` turns a `ClusterProfile` into `Fact`s, one per
evidence entry: every figure (a count, a share, a rank) and every name in a list (an applicant,
a publisher, a field, a partner location) becomes a fact with its own citation. Values without
evidence are left out: a fact is only ever made from a grounded value.

Metric vocabulary (`Fact.metric`; `unit` in brackets; entity facts carry the name and position):

- cluster-level: `edition` [year], `national_rank` [rank], `national_cluster_count` [count],
  `global_size_rank` [rank], `global_intensity_rank` [rank], `pct_applications` [count, per
  1 million inhabitants over five years], `scientific_articles` [count, same basis],
  `patent_collaboration.share` [percent], `publication_collaboration.share` [percent],
  `cluster` and `economy` [name].
- per entry (entity = the name, rank = its position, 1-based): `top_pct_applicants.name` [name],
  `top_pct_applicants.count` [count], `top_pct_applicants.share` [percent], the same three for
  `top_publishers`, `patent_fields.field` [name], `patent_fields.share` [percent], the same two
  for `publication_fields`, `patent_collaboration.partner` [name] and
  `publication_collaboration.partner` [name].

A `name` fact has no value; its quote is the name. Every other fact's quote is the figure as
printed ("2,069", "54", "twelfth").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from nlq.fact_sentences import fact_sentence, statement_key
from nlq.schema import ClusterProfile, Evidence

UNITS = ("count", "percent", "rank", "year", "name")

SCALAR_METRICS: dict[str, str] = {
    "edition": "year",
    "national_rank": "rank",
    "national_cluster_count": "count",
    "global_size_rank": "rank",
    "global_intensity_rank": "rank",
    "pct_applications": "count",
    "scientific_articles": "count",
}
LIST_METRICS: dict[str, str] = {
    "top_pct_applicants.name": "name",
    "top_pct_applicants.count": "count",
    "top_pct_applicants.share": "percent",
    "top_publishers.name": "name",
    "top_publishers.count": "count",
    "top_publishers.share": "percent",
    "patent_fields.field": "name",
    "patent_fields.share": "percent",
    "publication_fields.field": "name",
    "publication_fields.share": "percent",
    "patent_collaboration.share": "percent",
    "patent_collaboration.partner": "name",
    "publication_collaboration.share": "percent",
    "publication_collaboration.partner": "name",
}
METRICS: dict[str, str] = {"cluster": "name", "economy": "name", **SCALAR_METRICS, **LIST_METRICS}
"""Every metric nlq stores, mapped to its unit."""

_PATH = re.compile(
    r"^(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<attr>[a-z_]+)(?:\[(?P<pi>\d+)\])?)?$"
)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a fact's value was read: `quote == text[start:end]` of the source, `line` 1-based.

    `source` is the record's source (the file name), `line_text` the whole source line that
    holds the quote, stripped, for showing a citation in context.
    """

    source: str
    line: int
    start: int
    end: int
    quote: str
    line_text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One cited value of one cluster profile. See the module docstring for the vocabulary.

    `file` is the key of the stored file the fact came from (its absolute path once indexed),
    `path` the field path of the value in the record (`top_publishers[2].share`).
    """

    id: str
    file: str
    cluster: str
    economy: str
    edition: int | None
    metric: str
    entity: str | None
    rank: int | None
    value: int | float | None
    unit: str
    path: str
    citation: Citation
    sentence: str


def name_key(name: str) -> str:
    """A name as compared by filters: case-folded, white space collapsed."""
    return " ".join(name.casefold().split())


_KEYED = ("cluster", "economy", "entity", "source")
_FILTER_COLUMNS = {
    "cluster": "cluster_key",
    "economy": "economy_key",
    "edition": "edition",
    "metric": "metric",
    "group": "grp",
    "entity": "entity_key",
    "unit": "unit",
    "source": "source_key",
}


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts to keep: every field given must match; several values mean any of them.

    Each field takes one value or a sequence. `group` is the metric before its dot
    (`top_publishers` covers `.name`, `.count` and `.share`). Names (`cluster`, `economy`,
    `entity`, `source`) match ignoring case and repeated spaces; the rest match exactly.
    """

    cluster: str | Sequence[str] = ()
    economy: str | Sequence[str] = ()
    edition: int | Sequence[int] = ()
    metric: str | Sequence[str] = ()
    group: str | Sequence[str] = ()
    entity: str | Sequence[str] = ()
    unit: str | Sequence[str] = ()
    source: str | Sequence[str] = ()

    def __post_init__(self) -> None:
        for name in _FILTER_COLUMNS:
            value = getattr(self, name)
            values = (value,) if isinstance(value, str | int) else tuple(value)
            if name in _KEYED:
                values = tuple(name_key(str(v)) for v in values)
            object.__setattr__(self, name, values)

    def conditions(self) -> list[tuple[str, tuple[str | int, ...]]]:
        """`(column, allowed values)` pairs, named as the store's columns and index metadata."""
        return [(col, getattr(self, f)) for f, col in _FILTER_COLUMNS.items() if getattr(self, f)]

    def matches(self, fact: Fact) -> bool:
        """True when `fact` passes every condition."""
        row = fact_keys(fact)
        return all(row[col] in allowed for col, allowed in self.conditions())


def fact_keys(fact: Fact) -> dict[str, str | int | None]:
    """The filterable columns of `fact`, as the store and the vector index keep them."""
    return {
        "cluster_key": name_key(fact.cluster),
        "economy_key": name_key(fact.economy),
        "edition": fact.edition,
        "metric": fact.metric,
        "grp": fact.metric.partition(".")[0],
        "entity_key": name_key(fact.entity) if fact.entity else None,
        "unit": fact.unit,
        "source_key": name_key(fact.citation.source),
    }


def fact_id(file_key: str, path: str) -> str:
    """A fact id stable across runs: 16 hex characters from the file key and the field path."""
    return hashlib.sha256(f"{file_key}#{path}".encode()).hexdigest()[:16]


def facts_from_record(
    record: ClusterProfile, *, file_key: str | None = None, text: str | None = None
) -> list[Fact]:
    """All facts of `record`, in record order, each cited by its evidence.

    `file_key` (default: `record.source`) makes ids unique per stored file; `text` is the
    decoded source the evidence offsets point into, used for `Citation.line_text` (without it
    the line text is the quote). Values without evidence are skipped.
    """
    key = file_key or record.source
    out: list[Fact] = []
    for path, ev in record.evidence.items():
        made = _fact_parts(record, path)
        if made is None:
            continue
        metric, entity, rank, value = made
        cite = Citation(
            source=record.source,
            line=ev.line,
            start=ev.start,
            end=ev.end,
            quote=ev.text,
            line_text=_line_text(text, ev),
        )
        out.append(
            Fact(
                id=fact_id(key, path),
                file=key,
                cluster=record.cluster,
                economy=record.economy,
                edition=record.edition,
                metric=metric,
                entity=entity,
                rank=rank,
                value=value,
                unit=METRICS[metric],
                path=path,
                citation=cite,
                sentence="",
            )
        )
    out.sort(key=record_order)
    statements: dict[str, list[Fact]] = {}  # "top_publishers[2]" -> that entry's facts
    for f in out:
        statements.setdefault(statement_key(f), []).append(f)
    count = record.national_cluster_count
    return [
        replace(
            f, sentence=fact_sentence(f, national_count=count, entry=statements[statement_key(f)])
        )
        for f in out
    ]


_FIELD_ORDER = {name: i for i, name in enumerate(ClusterProfile.model_fields)}
_ATTR_ORDER = {"rank": 0, "name": 1, "field": 1, "count": 2, "share": 3, "partners": 4}


def record_order(fact: Fact) -> tuple[int, int, int, int]:
    """Record order: fields as declared in the contract, then entry, then attribute."""
    m = _PATH.match(fact.path)
    assert m is not None
    return (
        _FIELD_ORDER.get(m["field"], 99),
        int(m["index"] or 0),
        _ATTR_ORDER.get(m["attr"] or "", 0),
        int(m["pi"] or 0),
    )


def _line_text(text: str | None, ev: Evidence) -> str:
    if text is None or not 0 <= ev.start <= ev.end <= len(text):
        return ev.text
    begin = text.rfind("\n", 0, ev.start) + 1
    stop = text.find("\n", ev.end)
    return text[begin : stop if stop != -1 else len(text)].strip()


def _fact_parts(
    record: ClusterProfile, path: str
) -> tuple[str, str | None, int | None, int | float | None] | None:
    """`(metric, entity, rank, value)` for an evidence path, or None if it names no value."""
    m = _PATH.match(path)
    if m is None:
        return None
    field, index, attr, pi = m["field"], m["index"], m["attr"], m["pi"]
    if index is None and attr is None:
        if field in ("cluster", "economy"):
            name = getattr(record, field)
            return (field, name, None, None) if name else None
        value = getattr(record, field, None)
        return (field, None, None, value) if field in SCALAR_METRICS and value is not None else None
    if index is not None:
        items = getattr(record, field, None)
        i = int(index)
        if not isinstance(items, list) or i >= len(items):
            return None
        item = items[i]
        if field in ("top_pct_applicants", "top_publishers"):
            rank = item.rank if item.rank is not None else i + 1
            if attr == "name":
                return (f"{field}.name", item.name, rank, None)
            if attr in ("count", "share") and getattr(item, attr) is not None:
                return (f"{field}.{attr}", item.name, rank, getattr(item, attr))
            return None
        if field in ("patent_fields", "publication_fields"):
            if attr == "field":
                return (f"{field}.field", item.field, i + 1, None)
            if attr == "share" and item.share is not None:
                return (f"{field}.share", item.field, i + 1, item.share)
        return None
    collab = getattr(record, field, None)
    if field not in ("patent_collaboration", "publication_collaboration") or collab is None:
        return None
    if attr == "share" and pi is None and collab.share is not None:
        return (f"{field}.share", None, None, collab.share)
    if attr == "partners" and pi is not None and int(pi) < len(collab.partners):
        return (f"{field}.partner", collab.partners[int(pi)], int(pi) + 1, None)
    return None
