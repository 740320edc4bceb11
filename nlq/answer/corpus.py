"""The answerer's view of the store: records with evidence, the source texts, the entity names.

Built from whatever holds the records (the fact store, or records extracted in memory), so the
planner and the computation never touch SQL or chroma.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from nlq.answer.names import NameIndex
from nlq.facts import facts_from_record
from nlq.schema import ClusterProfile, Metric

if TYPE_CHECKING:
    from nlq.store import FactStore

ORG_METRICS = (Metric.TOP_PCT_APPLICANTS, Metric.TOP_PUBLISHERS)
FIELD_METRICS = (Metric.PATENT_FIELDS, Metric.PUBLICATION_FIELDS)
COLLAB_METRICS = (Metric.PATENT_COLLABORATION, Metric.PUBLICATION_COLLABORATION)

# Abbreviations profiles use in names, expanded so "tech." matches "technology".
_ABBREVIATIONS = {
    "tech": "technology",
    "univ": "university",
    "inst": "institute",
    "natl": "national",
    "nat": "national",
    "co": "company",
    "corp": "corporation",
    "intl": "international",
    "biochem": "biochemistry",
    "biotech": "biotechnology",
    "math": "mathematics",
    "sci": "science",
    "eng": "engineering",
    "elec": "electrical",
    "dept": "department",
    "acad": "academy",
    "ltd": "limited",
    "inc": "incorporated",
}
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens with '&' read as 'and' and common abbreviations expanded."""
    return [_ABBREVIATIONS.get(t, t) for t in _TOKEN.findall(text.lower().replace("&", " and "))]


def name_key(name: str) -> str:
    """A spelling-insensitive key.

    'UNIVERSITY OF SCIENCE & TECH.' and 'University of Science and Technology' share one key.
    """
    return " ".join(tokens(name))


@dataclass(frozen=True, slots=True)
class Entity:
    """An organization, field or location, with every place it occurs."""

    key: str
    kind: str
    names: tuple[str, ...]
    places: tuple[tuple[str, Metric], ...]


class Value(NamedTuple):
    """One figure of one cluster as the store holds it, for rankings over every cluster."""

    cluster: str
    path: str
    value: float
    entity: str | None


class _OnDemand(Mapping):
    """A read-only mapping whose values are loaded on first use (records from the store)."""

    def __init__(self, keys: dict[str, str], load: Callable[[str], object]) -> None:
        self._keys = keys
        self._load = load
        self._cache: dict[str, object] = {}

    def __getitem__(self, key: str):
        if key not in self._cache:
            self._cache[key] = self._load(self._keys[key])
        return self._cache[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@dataclass(slots=True)
class Corpus:
    """Records by cluster name and source texts by file name, with the names they hold.

    Built in memory from records (`build`), or over the fact store (`from_store`), where a
    record and its text are read only when an answer needs them: a question about named
    clusters costs about the same against ten thousand indexed profiles as against two, and a
    ranking over all of them sorts the store's figures (`values`) before reading any record.
    """

    records: Mapping[str, ClusterProfile]
    raws: Mapping[str, str]
    entities: dict[str, Entity]
    economies: frozenset[str]
    editions: frozenset[int | None]
    cluster_index: NameIndex
    entity_index: NameIndex
    _keys_by_cluster: dict[str, set[str]]
    _sorted: list[str]
    _cluster_of_source: dict[str, str]
    _read_values: Callable[[str], list[Value]] | None = None
    _digits: dict[str, list[str]] = field(default_factory=dict)
    _values: dict[str, list[Value]] = field(default_factory=dict)
    _economy: dict[str, frozenset[str]] = field(default_factory=dict)
    _names_of: dict[tuple, dict[str, Entity]] = field(default_factory=dict)

    @classmethod
    def build(cls, items: list[tuple[ClusterProfile, str]]) -> Corpus:
        """From `(record, decoded source text)` pairs; the newest edition of a cluster wins."""
        records: dict[str, ClusterProfile] = {}
        raws: dict[str, str] = {}
        for record, raw in items:
            old = records.get(record.cluster)
            if old is None or (record.edition or 0) >= (old.edition or 0):
                records[record.cluster] = record
            raws[record.source] = raw
        return cls._make(
            records=records,
            raws=raws,
            heads=[(r.cluster, r.economy, r.edition, r.source) for r in records.values()],
            names=[n for r in records.values() for n in _names(r)],
        )

    @classmethod
    def from_store(cls, store: FactStore) -> Corpus:
        """Over the records of `store` (kept open to read records on demand); the newest
        edition of a cluster wins. Raises `StoreError` when the store cannot be read."""
        with _bulk():
            return cls._from_store(store)

    @classmethod
    def _from_store(cls, store: FactStore) -> Corpus:
        best: dict[str, tuple] = {}
        for path, cluster, economy, edition, source in store.record_heads():
            old = best.get(cluster)
            if old is None or (edition or 0) >= (old[3] or 0):
                best[cluster] = (path, cluster, economy, edition, source)
        paths = {row[0]: row[1] for row in best.values()}
        metrics = {m.value: m for m in ORG_METRICS + FIELD_METRICS + COLLAB_METRICS}
        order = {path: k for k, path in enumerate(paths)}
        rows = [row for row in store.entity_names() if row[0] in paths]
        rows.sort(key=lambda row: order[row[0]])  # stable: record order kept within a file
        # Record by record in cluster order, as `build` reads the records.
        names = [(paths[path], metrics[group], name) for path, group, name in rows]
        texts: dict[str, str] = {}

        def load_record(path: str) -> ClusterProfile:
            record, text = store.record_with_text(path)
            texts[record.source] = text
            return record

        records = _OnDemand({row[1]: row[0] for row in best.values()}, load_record)

        def load_text(source_path: str) -> str:
            cluster = paths[source_path]
            return texts.get(records[cluster].source) or store.text(source_path)

        raws = _OnDemand({row[4]: row[0] for row in best.values()}, load_text)

        def read_values(metric: str) -> list[Value]:
            rows = store.metric_values(metric)
            return [Value(paths[f], p, v, e) for f, p, v, e in rows if f in paths]

        corpus = cls._make(
            records=records,
            raws=raws,
            heads=[(c, e, ed, src) for _, c, e, ed, src in best.values()],
            names=names,
        )
        corpus._read_values = read_values
        return corpus

    @classmethod
    def _make(
        cls,
        *,
        records: Mapping[str, ClusterProfile],
        raws: Mapping[str, str],
        heads: list[tuple[str, str, int | None, str]],
        names: Iterable[tuple[str, Metric, str]],
    ) -> Corpus:
        entities = _entities(names)
        keys_by_cluster: dict[str, set[str]] = {}
        for key, entity in entities.items():
            for cluster, _ in entity.places:
                keys_by_cluster.setdefault(cluster, set()).add(key)
        clusters = [h[0] for h in heads]
        return cls(
            records=records,
            raws=raws,
            entities=entities,
            economies=frozenset(h[1] for h in heads),
            editions=frozenset(h[2] for h in heads),
            cluster_index=NameIndex({c: tokens(c) for c in clusters}),
            entity_index=NameIndex({k: k.split() for k in entities}, stems=True),
            _keys_by_cluster=keys_by_cluster,
            _sorted=sorted(clusters),
            _cluster_of_source={h[3]: h[0] for h in heads},
        )

    def entity_keys_of(self, clusters: list[str]) -> set[str]:
        """Keys of the entities that occur in the profiles of `clusters`."""
        out: set[str] = set()
        for c in clusters:
            out |= self._keys_by_cluster.get(c, set())
        return out

    def values(self, metric: str) -> list[Value]:
        """Every figure of fact metric `metric` (as the store names them: `pct_applications`,
        `top_publishers.count`, ...) over all clusters, without reading the records: what a
        ranking over every cluster sorts first."""
        if metric not in self._values:
            if self._read_values is not None:
                found = self._read_values(metric)
            else:
                found = [
                    Value(f.cluster, f.path, float(f.value), f.entity)
                    for r in self.records.values()
                    for f in facts_from_record(r)
                    if f.metric == metric and f.value is not None
                ]
            self._values[metric] = found
        return self._values[metric]

    @property
    def economy_words(self) -> frozenset[str]:
        """The words of the indexed economies' names ("china")."""
        if "words" not in self._economy:
            self._economy["words"] = frozenset(t for e in self.economies for t in tokens(e))
            self._economy["stems"] = frozenset(t[:5] for t in self._economy["words"])
        return self._economy["words"]

    @property
    def economy_stems(self) -> frozenset[str]:
        """Their first five letters ("chines" is Chinese, not a cluster)."""
        self.economy_words  # noqa: B018 (fills the cache)
        return self._economy["stems"]

    def names_of(self, kind: str, metrics: tuple[Metric, ...] = ()) -> dict[str, Entity]:
        """Every spelling of the entities of `kind` (in the lists of `metrics`, when given),
        with its entity; the "Other" bucket left out (near in meaning to any vague word)."""
        cache_key = (kind, metrics)
        if cache_key not in self._names_of:
            self._names_of[cache_key] = {
                n: e
                for e in self.entities.values()
                if e.kind == kind
                and e.key != "other"
                and (not metrics or any(m in metrics for _, m in e.places))
                for n in e.names
            }
        return self._names_of[cache_key]

    def digit_names(self, source: str) -> list[str]:
        """The names in the record of `source` that contain digits (the verifier masks them,
        so "3M" is not read as the number 3)."""
        if source not in self._digits:
            cluster = self._cluster_of_source.get(source)
            record = self.records[cluster] if cluster in self.records else None
            found = [n for n in _record_names(record) if _DIGIT.search(n)] if record else []
            self._digits[source] = found
        return self._digits[source]

    @property
    def clusters(self) -> list[str]:
        """Indexed cluster names, sorted."""
        return self._sorted


_DIGIT = re.compile(r"\d")


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Garbage collection paused while hundreds of thousands of small objects that stay alive
    are made (a third of the load time of a large store went to collections finding none)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _names(r: ClusterProfile) -> Iterator[tuple[str, Metric, str]]:
    """(cluster, list metric, name) for every organization, field and partner of a record."""
    for metric in ORG_METRICS:
        for e in getattr(r, metric.value):
            yield r.cluster, metric, e.name
    for metric in FIELD_METRICS:
        for f in getattr(r, metric.value):
            yield r.cluster, metric, f.field
    for metric in COLLAB_METRICS:
        collab = getattr(r, metric.value)
        for p in collab.partners if collab else []:
            yield r.cluster, metric, p


def _record_names(r: ClusterProfile) -> list[str]:
    return [r.cluster, r.economy, r.source, *(name for _, _, name in _names(r))]


def _entities(names: Iterable[tuple[str, Metric, str]]) -> dict[str, Entity]:
    kinds = {m: "organization" for m in ORG_METRICS}
    kinds.update({m: "field" for m in FIELD_METRICS})
    kinds.update({m: "location" for m in COLLAB_METRICS})
    found: dict[str, tuple[str, dict[str, None], dict[tuple[str, Metric], None]]] = {}
    keys: dict[str, str] = {}
    for cluster, metric, name in names:
        key = keys.get(name)
        if key is None:
            key = keys[name] = name_key(name)
        if not key:
            continue
        _, spellings, places = found.setdefault(key, (kinds[metric], {}, {}))
        spellings[name] = None
        places[(cluster, metric)] = None
    return {
        key: Entity(key, kind, tuple(spellings), tuple(places))
        for key, (kind, spellings, places) in found.items()
    }
