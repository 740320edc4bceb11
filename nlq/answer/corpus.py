"""The answerer's view of the store: records with evidence, the source texts, the entity names.

Built from whatever holds the records (the fact store, or records extracted in memory), so the
planner and the computation never touch SQL or chroma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlq.schema import ClusterProfile, Metric

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


@dataclass(slots=True)
class Corpus:
    """Records by cluster name and source texts by file name."""

    records: dict[str, ClusterProfile]
    raws: dict[str, str]
    entities: dict[str, Entity] = field(default_factory=dict)

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
        corpus = cls(records=records, raws=raws)
        corpus.entities = _entities(records)
        return corpus

    @property
    def clusters(self) -> list[str]:
        """Indexed cluster names, sorted."""
        return sorted(self.records)


def _entities(records: dict[str, ClusterProfile]) -> dict[str, Entity]:
    found: dict[str, tuple[str, list[str], list[tuple[str, Metric]]]] = {}

    def add(name: str, kind: str, cluster: str, metric: Metric) -> None:
        key = name_key(name)
        if not key:
            return
        _, names, places = found.setdefault(key, (kind, [], []))
        if name not in names:
            names.append(name)
        if (cluster, metric) not in places:
            places.append((cluster, metric))

    for cluster, r in records.items():
        for metric in ORG_METRICS:
            for e in getattr(r, metric.value):
                add(e.name, "organization", cluster, metric)
        for metric in FIELD_METRICS:
            for f in getattr(r, metric.value):
                add(f.field, "field", cluster, metric)
        for metric in COLLAB_METRICS:
            collab = getattr(r, metric.value)
            for p in collab.partners if collab else []:
                add(p, "location", cluster, metric)
    return {
        key: Entity(key, kind, tuple(names), tuple(places))
        for key, (kind, names, places) in found.items()
    }
