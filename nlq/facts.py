"""A record as facts: one cited value per row, with a sentence a person would search for.

This module imports only the core (`nlq.schema`). `facts_from_record` turns a `ClusterProfile`
into `Fact`s, one per evidence entry: every figure (a count, a share, a rank) and every name in
a list (an applicant, a publisher, a field, a partner location) becomes a fact with its own
citation. Values without evidence are left out: a fact is only ever made from a grounded value.

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
    out.sort(key=_order)
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


def _order(fact: Fact) -> tuple[int, int, int, int]:
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


def _num(value: int | float | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def ordinal(n: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`, `22nd`..."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


_WHAT = {
    "top_pct_applicants": ("PCT applicant (patent filer)", "PCT applications"),
    "top_publishers": ("publishing organization (publisher)", "scientific articles (papers)"),
}
_FIELD_KIND = {
    "patent_fields": ("technology field", "PCT patent applications"),
    "publication_fields": ("science field", "scientific articles (papers)"),
}
_COLLAB = {
    "patent_collaboration": (
        "PCT applications are filed in collaboration with other inventors",
        "patents",
    ),
    "publication_collaboration": (
        "scientific articles (papers) are published in collaboration with other organizations",
        "scientific publications (papers)",
    ),
}


_ENTRY_LISTS = ("top_pct_applicants", "top_publishers", "patent_fields", "publication_fields")
_SHARED = {
    "cluster": "profile",
    "edition": "profile",
    "national_rank": "national",
    "national_cluster_count": "national",
    "patent_collaboration.partner": "patent_collaboration.partners",
    "publication_collaboration.partner": "publication_collaboration.partners",
}


def statement_key(fact: Fact) -> str:
    """Which statement of the profile `fact` belongs to; the facts of one statement share one
    sentence, so the vector index embeds it once.

    A statement is what a profile says in one breath: a list entry (an organization's name,
    count and share; a field and its share), the partner locations of one collaboration, the
    national rank with the number of clusters it is out of, and the profile's heading (cluster
    and edition). Every other fact is a statement of its own.
    """
    if fact.metric.partition(".")[0] in _ENTRY_LISTS:
        return fact.path.rpartition(".")[0]
    return _SHARED.get(fact.metric, fact.path)


def fact_sentence(
    fact: Fact, *, national_count: int | None = None, entry: Sequence[Fact] | None = None
) -> str:
    """The sentence indexed for `fact`, always starting with the cluster name. Names the metric
    in the words people use (rank, output, share, partner).

    The facts of one statement (`entry`: the grounded facts with `fact`'s `statement_key`)
    share one sentence naming all of them, e.g. "Hefei: CHANGXIN MEMORY TECHNOLOGIES is the top
    PCT applicant (patent filer), with 2,069 PCT applications (54% share)." A value without
    evidence is not a fact and is not named. Without `entry`, the sentence names `fact` alone.
    """
    group = list(entry or [fact])
    head = fact.metric.partition(".")[0]
    if head in _ENTRY_LISTS:
        return _entry_sentence(fact, group)
    if fact.metric.endswith(".partner") and len(group) > 1:
        return _partners_sentence(fact, group)
    if fact.metric in _SHARED and len(group) > 1:
        return _shared_sentence(fact, group, national_count)
    c, e, v, eco = fact.cluster, fact.entity, _num(fact.value), fact.economy
    ed = f" (Global Innovation Index {fact.edition})" if fact.edition else ""
    tail = fact.metric.partition(".")[2]
    r = fact.rank or 0
    n = ordinal(int(fact.value)) if isinstance(fact.value, int | float) else "?"
    if fact.metric == "cluster":
        return f"{c}, {eco}: science and technology (S&T) cluster profile{ed}."
    if fact.metric == "economy":
        return f"{c} is a science and technology cluster in the economy of {e}{ed}."
    if fact.metric == "edition":
        return (
            f"{c}: cluster profile from the {v.replace(',', '')} edition of the Global "
            "Innovation Index (GII)."
        )
    if fact.metric == "national_rank":
        of = f", out of {national_count} clusters of {eco}," if national_count else ""
        return (
            f"{c}'s national rank is {v}: the {n}-ranked cluster of {eco}{of} in the top 100 "
            f"science and technology clusters{ed}."
        )
    if fact.metric == "national_cluster_count":
        return f"{c}: {eco} has {v} clusters in the top 100 science and technology clusters{ed}."
    if fact.metric == "global_size_rank":
        return (
            f"{c}'s global size rank is {v}: the {n} largest science and technology cluster "
            f"in the world{ed}."
        )
    if fact.metric == "global_intensity_rank":
        return (
            f"{c}'s intensity rank is {v}: the {n} S&T cluster by intensity (relative to "
            f"population density){ed}."
        )
    if fact.metric == "pct_applications":
        return (
            f"{c}'s patent output: {v} PCT patent applications filed per 1 million inhabitants "
            f"over the last five years{ed}."
        )
    if fact.metric == "scientific_articles":
        return (
            f"{c}'s scientific output: {v} scientific articles (publications, papers) "
            f"published per 1 million inhabitants over the last five years{ed}."
        )
    if head in _COLLAB:
        things, short = _COLLAB[head]
        if tail == "share":
            return f"{c}: {v}% of {things} (collaboration share)."
        pos = "top" if r == 1 else ordinal(r)
        return f"{c}: {e} is the {pos} collaborating location (partner) for {short}."
    return f"{c}: {fact.metric} {e or ''} {v}".strip()


def _partners_sentence(fact: Fact, group: Sequence[Fact]) -> str:
    """One sentence for the partner locations of one collaboration, in source order."""
    _things, short = _COLLAB[fact.metric.partition(".")[0]]
    names = [f.entity or "?" for f in group]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    return f"{fact.cluster}'s top collaborating locations (partners) for {short}: {listed}."


def _shared_sentence(fact: Fact, group: Sequence[Fact], national_count: int | None) -> str:
    """One sentence for the profile's heading (cluster and edition) or for the national
    rank with the number of clusters it is out of, naming only the facts in `group`."""
    c = fact.cluster
    by = {f.metric: f for f in group}
    rank, count = by.get("national_rank"), by.get("national_cluster_count")
    if rank is not None:
        alone = replace(rank, metric="national_rank")
        total = int(count.value) if count is not None and count.value is not None else None
        return fact_sentence(alone, national_count=total)
    if count is not None:
        return fact_sentence(count, national_count=national_count)
    edition = by.get("edition")
    year = f" from the {int(edition.value)} edition" if edition and edition.value else ""
    return (
        f"{c}, {fact.economy}: science and technology (S&T) cluster profile{year} of the Global "
        "Innovation Index (GII)."
    )


def _entry_sentence(fact: Fact, entry: Sequence[Fact]) -> str:
    """One sentence for a list entry, naming its grounded name, count and share."""
    c, e, r = fact.cluster, fact.entity, fact.rank or 0
    head = fact.metric.partition(".")[0]
    by_attr = {f.metric.partition(".")[2]: f for f in entry}
    count, share = by_attr.get("count"), by_attr.get("share")
    if head in _WHAT:
        role, things = _WHAT[head]
        pos = "top" if r == 1 else ordinal(r)
        figures = []
        if count is not None:
            figures.append(f"{_num(count.value)} {things}")
        if share is not None:
            figures.append(f"{_num(share.value)}% share")
        said = f", with {' ('.join(figures)}{')' if len(figures) == 2 else ''}" if figures else ""
        return f"{c}: {e} is the {pos} {role}{said}."
    kind, things = _FIELD_KIND[head]
    said = f" ({_num(share.value)}% share)" if share is not None else ""
    return f"{c}: {e} is the No. {r} {kind} of {things}{said}."


_ASKS_SHARE = re.compile(r"%|\b(?:share|percent\w*|proportion|fraction|portion|rate)\b", re.I)
_ASKS_COUNT = re.compile(r"\b(?:how\s+many|number|count|total|amount)\b", re.I)
_ASKS_ECONOMY = re.compile(r"\b(?:economy|country|countries|nation\w*)\b", re.I)
_ASKS_EDITION = re.compile(r"\b(?:edition|year|GII|index)\b", re.I)
_ROLE = {"national_cluster_count": "count", "economy": "economy", "edition": "edition"}


def sibling_role(fact: Fact) -> str:
    """What `fact` says within its statement: `name`, `count`, `share`, `partner`,
    `economy`, `edition` (the facts of one statement share a sentence)."""
    return fact.metric.partition(".")[2] or _ROLE.get(fact.metric, "name")


def sibling_order(query: str) -> dict[str, int]:
    """How to order the facts of one statement, which share a sentence and so tie in every
    retriever: by role (`sibling_role`), the one `query` asks for first ("Acme share" ->
    share; "how many patents" -> count; "which country" -> economy; otherwise the name, then
    record order)."""
    order = ["name", "field", "partner", "count", "share", "economy", "edition"]
    for asks, role in (
        (_ASKS_EDITION, "edition"),
        (_ASKS_ECONOMY, "economy"),
        (_ASKS_COUNT, "count"),
        (_ASKS_SHARE, "share"),
    ):
        if asks.search(query):
            order.remove(role)
            order.insert(0, role)
    return {role: i for i, role in enumerate(order)}


def order_siblings(
    facts: Sequence[Fact], query: str, scores: Sequence[float] | None = None
) -> list[Fact]:
    """`facts` (best first) with each run of adjacent facts that share one sentence and, when
    `scores` are given, one score, reordered by `sibling_order(query)`, then in record order;
    every other position is kept. (BM25 also matches each fact's entity, so the partners of
    one collaboration tie only in the vector index.)"""
    rank = sibling_order(query)

    def same(i: int, j: int) -> bool:
        if facts[j].sentence != facts[i].sentence:
            return False
        return scores is None or abs(scores[j] - scores[i]) <= 1e-9 * max(1.0, abs(scores[i]))

    out: list[Fact] = []
    i = 0
    while i < len(facts):
        j = i + 1
        while j < len(facts) and same(i, j):
            j += 1
        run = facts[i:j]
        out.extend(sorted(run, key=lambda f: (rank.get(sibling_role(f), 0), _order(f))))
        i = j
    return out
