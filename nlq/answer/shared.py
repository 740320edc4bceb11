"""Entries lists have in common: the organizations that are both top PCT applicants and
top publishers of a cluster, and the organizations, fields or partner locations that several
clusters' lists (or one cluster's patent and publication lists) share.
"""

from __future__ import annotations

from nlq.answer.cite import Writer
from nlq.answer.corpus import ORG_METRICS, Corpus, name_key
from nlq.answer.select import (
    MAX_CLUSTERS,
    Unanswerable,
    cluster_list,
    find,
    is_empty,
    named,
    records,
)
from nlq.answer.wording import (
    LABEL,
    cited_names,
    count_words,
    display,
    join,
    members,
    nth,
    org_line,
    upper_first,
)
from nlq.schema import ClusterProfile, Metric, QueryPlan


def cross_list(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """Organizations that are both top PCT applicants and top publishers, per cluster."""
    if not plan.clusters and len(corpus.records) > MAX_CLUSTERS:
        raise Unanswerable(f"name a cluster (indexed: {cluster_list(corpus)})")
    lines = []
    for r in records(plan, corpus):
        if not r.top_pct_applicants or not r.top_publishers:
            lines.append(f"{r.cluster}'s profile lacks one of the two lists.")
            continue
        if plan.entities:
            lines.append(_on_both(w, r, plan, corpus))
            continue
        pubs: dict[str, list[int]] = {}
        for i, e in enumerate(r.top_publishers):
            pubs.setdefault(name_key(e.name), []).append(i)
        both = [
            (i, pubs[name_key(e.name)])
            for i, e in enumerate(r.top_pct_applicants)
            if name_key(e.name) in pubs
        ]
        if not both:
            lines.append(
                f"No organization is both a top PCT applicant and a top publisher in {r.cluster}."
            )
        for a, ps in both:
            as_applicant = org_line(w, r, Metric.TOP_PCT_APPLICANTS, a)
            as_pub = "; ".join(org_line(w, r, Metric.TOP_PUBLISHERS, p) for p in ps)
            lines.append(
                f"{r.top_pct_applicants[a].name} is both a top PCT applicant and a top "
                f"publisher in {r.cluster}. As applicant: {as_applicant}. As publisher: {as_pub}."
            )
    return "\n".join(lines)


def _on_both(w: Writer, r: ClusterProfile, plan: QueryPlan, corpus: Corpus) -> str:
    """Yes or no: is the organization asked about on both of the cluster's top lists?"""
    key = plan.entities[0]
    name = display(corpus, key)
    found = {m: find(r, m, key) for m in ORG_METRICS}
    lines = [
        f"{org_line(w, r, m, i)} ({nth(i)} of the {LABEL[m]})"
        for m in ORG_METRICS
        for i in found[m]
    ]
    missing = [LABEL[m] for m in ORG_METRICS if not found[m]]
    if not missing:
        return f"Yes. {name} is both a top PCT applicant and a top publisher in {r.cluster}: " + (
            "; ".join(lines) + "."
        )
    where = f"; it is listed as {'; '.join(lines)}" if lines else ""
    return f"No. {name} is not among {r.cluster}'s {join(missing)}{where}."


def shared(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The entries (organizations, fields, partner locations) lists have in common: the
    clusters' lists of each metric, or one cluster's lists of the plan's metrics."""
    return "\n".join(_shared_group(w, lists) for lists in _lists(plan, corpus))


def _lists(plan: QueryPlan, corpus: Corpus) -> list[list[tuple[ClusterProfile, Metric]]]:
    """The lists to set against each other: per metric, the clusters' lists; or one
    cluster's lists of the plan's metrics."""
    recs = records(plan, corpus)
    if len(recs) > MAX_CLUSTERS:
        raise Unanswerable("name the clusters whose lists to compare")
    if len(recs) >= 2:
        return [[(r, m) for r in recs] for m in plan.metrics]
    if len(plan.metrics) >= 2:
        return [[(recs[0], m) for m in plan.metrics]]
    raise Unanswerable("name two or more clusters (or two lists) to set against each other")


def only_first(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The entries of the first list (cluster, or metric) that the other lists lack."""
    return "\n".join(_only_group(w, lists) for lists in _lists(plan, corpus))


def _only_group(w: Writer, lists: list[tuple[ClusterProfile, Metric]]) -> str:
    (first, metric), others = lists[0], lists[1:]
    own = f"{first.cluster}'s {members(metric)}"
    if len({m for _, m in lists}) == 1:
        rest = f"{join([r.cluster for r, _ in others])}'s"
    else:
        rest = f"its {join([members(m) for _, m in others])}"
    if gap := _empty_lists(lists):
        return f"{gap}, so what one list lacks cannot be said."
    taken = {k for r, m in others for k in _keys(r, m)}
    names = named(first, metric)
    alone = [i for i, key in enumerate(_keys(first, metric)) if key not in taken]
    if not alone:
        shown = " ".join(_names(w, r, m) for r, m in lists)
        return f"Every one of {own} is also among {rest}. {shown}"
    items = [f"{names[i][0]}{w.cite_name(first, names[i][1])} ({nth(i)})" for i in alone]
    head = "None" if len(alone) == len(names) else upper_first(count_words(len(alone)))
    return f"{head} of {own} {'is' if len(alone) == 1 else 'are'} not among {rest}: {join(items)}."


def _shared_group(w: Writer, lists: list[tuple[ClusterProfile, Metric]]) -> str:
    one_metric = len({m for _, m in lists}) == 1
    metric = lists[0][1]
    if one_metric:
        subject = f"{join([r.cluster for r, _ in lists])}'s {members(metric)}"
    else:
        subject = f"{lists[0][0].cluster}'s {join([members(m) for _, m in lists])}"
    if gap := _empty_lists(lists):
        return f"{gap}, so what they share cannot be said."
    keys = [dict.fromkeys(_keys(r, m)) for r, m in lists]
    common = [k for k in keys[0] if all(k in other for other in keys[1:])]
    if not common:
        named = " ".join(_names(w, r, m) for r, m in lists)
        if one_metric:
            subject = f"the {members(metric)} of {join([r.cluster for r, _ in lists])}"
        return f"No entry is common to {subject}. {named}"
    items = [_shared_item(w, lists, k, one_metric) for k in common]
    count = count_words(len(common))
    return f"{upper_first(subject)} have {count} in common: {'; '.join(items)}."


def _empty_lists(lists: list[tuple[ClusterProfile, Metric]]) -> str:
    """'X's profile gives no ...' for each list that is empty, or '' when none is."""
    empty = [f"{r.cluster}'s profile gives no {members(m)}" for r, m in lists if is_empty(r, m)]
    return upper_first(join(empty)) if empty else ""


def _names(w: Writer, r: ClusterProfile, metric: Metric) -> str:
    return f"{r.cluster}'s {members(metric)}: {cited_names(w, r, metric)}."


def _keys(r: ClusterProfile, metric: Metric) -> list[str]:
    return [name_key(name) for name, _ in named(r, metric)]


def _shared_item(
    w: Writer, lists: list[tuple[ClusterProfile, Metric]], key: str, one_metric: bool
) -> str:
    where = []
    name = ""
    for r, metric in lists:
        i = find(r, metric, key)[0]
        here, path = named(r, metric)[i]
        name = name or here
        place = r.cluster if one_metric else LABEL[metric]
        where.append(f"{nth(i)} for {place}{w.cite_name(r, path)}")
    return f"{name} ({', '.join(where)})"
