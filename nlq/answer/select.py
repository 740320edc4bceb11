"""Which records and which entries of their lists a plan is about.

Plain reads of the records (no wording, no citations): the clusters a plan covers, a
cluster-level number, the entries of a list in the order a question asks for, the entries
that hold a named entity.
"""

from __future__ import annotations

from nlq.answer.corpus import (
    COLLAB_METRICS,
    FIELD_METRICS,
    ORG_METRICS,
    Corpus,
    name_key,
    tokens,
)
from nlq.answer.lexicon import ACADEMIC_WORDS
from nlq.schema import ClusterProfile, Metric, QueryPlan

RANK_METRICS = (Metric.NATIONAL_RANK, Metric.GLOBAL_SIZE_RANK, Metric.GLOBAL_INTENSITY_RANK)
UNIT = {
    Metric.NATIONAL_RANK: "rank",
    Metric.GLOBAL_SIZE_RANK: "rank",
    Metric.GLOBAL_INTENSITY_RANK: "rank",
    Metric.NATIONAL_CLUSTER_COUNT: "count",
    Metric.EDITION: "year",
}
LIST_METRICS = ORG_METRICS + FIELD_METRICS
REMAINDER = "other"
"""The name key of a breakdown's catch-all row ("Other (25%)"): a bucket, not a field."""


MAX_CLUSTERS = 10
"""An answer runs through at most this many clusters; with more and none named, it asks for
one."""
MAX_NAMED = 12
"""At most this many cluster names in a message; past it, a pointer to the full list."""


class Unanswerable(Exception):
    """The question cannot be answered from the store; the message says why."""


def cluster_list(corpus: Corpus) -> str:
    """The indexed clusters for a message: all of them, or the first few and a pointer."""
    names = corpus.clusters
    if len(names) <= MAX_NAMED:
        return ", ".join(names)
    return ", ".join(names[:MAX_NAMED]) + " and others (nlq chat: /clusters lists them all)"


def records(plan: QueryPlan, corpus: Corpus) -> list[ClusterProfile]:
    """The clusters a plan names; with none named, all (or those where its entity appears)."""
    names = plan.clusters or corpus.clusters
    if not plan.clusters and plan.entities:
        places = [
            p for k in plan.entities if k in corpus.entities for p in corpus.entities[k].places
        ]
        names = list(dict.fromkeys(c for c, m in places if m in plan.metrics)) or names
    return [corpus.records[n] for n in names if n in corpus.records]


def scalar(record: ClusterProfile, metric: Metric) -> tuple[float | None, str, str]:
    """(value, evidence path, unit) of a cluster-level number (collaboration: its share)."""
    if metric in COLLAB_METRICS:
        collab = getattr(record, metric.value)
        return (collab.share if collab else None), f"{metric.value}.share", "percent"
    return getattr(record, metric.value), metric.value, UNIT.get(metric, "count")


def entries(record: ClusterProfile, metric: Metric) -> list:
    """The rows of a top list or a field breakdown; raises `Unanswerable` for a metric that
    is not a list (a plan that asks for the entries of a per-capita count)."""
    if metric not in LIST_METRICS:
        what = metric.value.replace("_", " ").replace("pct", "PCT")
        raise Unanswerable(f"{what} is one figure per cluster, not a list")
    return list(getattr(record, metric.value))


def is_remainder(record: ClusterProfile, metric: Metric, i: int) -> bool:
    """True for a field breakdown's "Other" bucket, which no ranking or sum counts."""
    return metric in FIELD_METRICS and name_key(entries(record, metric)[i].field) == REMAINDER


def entry_name(entry) -> str:
    """An organization's or a field's name."""
    return getattr(entry, "name", None) or entry.field


def is_academic(name: str) -> bool:
    """True for a university, institute, academy or the like, by the words of its name."""
    return any(t in ACADEMIC_WORDS for t in tokens(name))


def _passes(entry, metric: Metric, plan: QueryPlan) -> bool:
    if plan.excluded and name_key(entry_name(entry)) in plan.excluded:
        return False  # "which of Hefei's publishers are not USTC?"
    if plan.org_type is not None and metric in ORG_METRICS:
        if is_academic(entry.name) != (plan.org_type == "academic"):
            return False
    if plan.above is None and plan.below is None:
        return True
    use_share = plan.threshold_percent or metric in FIELD_METRICS
    value = entry.share if use_share else entry.count
    if value is None:
        return False
    if plan.inclusive:  # "at least 5%"
        return (plan.above is None or value >= plan.above) and (
            plan.below is None or value <= plan.below
        )
    return (plan.above is None or value > plan.above) and (plan.below is None or value < plan.below)


def ordered(record: ClusterProfile, metric: Metric, plan: QueryPlan | None) -> list[int]:
    """Indexes of a list's entries in the order the plan asks for, kept by its filters.

    Top lists keep their printed order (reversed for "smallest"). A field breakdown asked for
    by position, top N, smallest or a threshold is ordered by share, without its "Other"
    bucket; shown whole, it keeps the source's order. A plan's threshold and organization
    type drop the entries that do not pass, and so do the entries the plan excludes.
    """
    items = entries(record, metric)
    idx = list(range(len(items)))
    if plan is not None:
        idx = [i for i in idx if _passes(items[i], metric, plan)]
    asc = plan is not None and plan.order == "asc"
    by_share = plan is not None and bool(
        plan.position or plan.limit or asc or plan.above is not None or plan.below is not None
    )
    if metric in FIELD_METRICS and by_share:
        idx = [i for i in idx if not is_remainder(record, metric, i)]
        idx.sort(key=lambda i: -(items[i].share if items[i].share is not None else -1))
    return idx[::-1] if asc else idx


def one_per_metric(plan: QueryPlan) -> list[QueryPlan]:
    """The plan once per metric it names ("compare them on PCT applications and articles")."""
    return [plan.model_copy(update={"metrics": [m]}) for m in plan.metrics]


def single(plan: QueryPlan) -> int | None:
    """The one position a plan asks for ("the second", "the top one"), or None for a list."""
    if plan.position is not None:
        return plan.position
    return 1 if plan.limit == 1 else None


def named(record: ClusterProfile, metric: Metric) -> list[tuple[str, str]]:
    """(name, evidence path) of each organization, field or partner location of a list, in
    order; raises `Unanswerable` for a metric that holds no names."""
    if metric in COLLAB_METRICS:
        collab = getattr(record, metric.value)
        return [
            (p, f"{metric.value}.partners[{i}]")
            for i, p in enumerate(collab.partners if collab else [])
        ]
    attr = "name" if metric in ORG_METRICS else "field"
    return [
        (entry_name(e), f"{metric.value}[{i}].{attr}")
        for i, e in enumerate(entries(record, metric))
    ]


def find(record: ClusterProfile, metric: Metric, key: str) -> list[int]:
    """Indexes of the entries (or partners) of `metric` whose name has entity key `key`;
    raises `Unanswerable` for a metric that holds no names."""
    return [i for i, (name, _) in enumerate(named(record, metric)) if name_key(name) == key]


def is_empty(record: ClusterProfile, metric: Metric) -> bool:
    """True when the profile gives nothing for a list metric (an absent or empty section);
    raises `Unanswerable` for a metric that is not a list."""
    if metric in COLLAB_METRICS:
        collab = getattr(record, metric.value)
        return collab is None or not collab.partners
    return not entries(record, metric)


def entry_value(entry, metric: Metric, plan: QueryPlan) -> tuple[float | None, str, str]:
    """(value, attribute, unit) an entry is compared or summed on: fields by share,
    organizations by count unless the plan asks for the share."""
    use_share = metric in FIELD_METRICS or plan.attribute == "share"
    attr = "share" if use_share else "count"
    return getattr(entry, attr), attr, "percent" if use_share else "count"
