"""Aggregates over cited figures, by code: sums, averages, differences, ratios and the
remainder (the share outside some entries), over clusters, over entities, or over the entries
of one list. A computed figure carries the citation ids of its inputs.
"""

from __future__ import annotations

from nlq.answer.cite import Writer
from nlq.answer.compare import Row, entity_rows, entry_row
from nlq.answer.corpus import COLLAB_METRICS, ORG_METRICS, Corpus
from nlq.answer.select import (
    LIST_METRICS,
    RANK_METRICS,
    Unanswerable,
    entries,
    entry_name,
    find,
    is_remainder,
    one_per_metric,
    ordered,
    records,
    scalar,
    single,
)
from nlq.answer.wording import LABEL, OUTPUT, quantity, rate_label, without_collab
from nlq.schema import ClusterProfile, Metric, QueryPlan


def _entity_values(plan: QueryPlan, corpus: Corpus) -> list[Row]:
    """Each entity of the plan in each cluster: its first entry's count or share."""
    out = []
    for key in plan.entities:
        for row, _ in entity_rows(plan, corpus, key)[0]:
            out.append(row)
    return out


def _list_values(plan: QueryPlan, corpus: Corpus) -> list[list[Row]]:
    """Per cluster, the entries a within-list aggregate runs over: the named entity's entries,
    the first `limit` entries, or all of them."""
    metric = plan.metrics[0]
    out = []
    for r in records(plan, corpus):
        if plan.entities:
            idx = [i for key in plan.entities for i in find(r, metric, key)]
        else:
            idx = [i for i in ordered(r, metric, plan) if not is_remainder(r, metric, i)]
            idx = idx[: plan.limit] if plan.limit else idx
        rows = [row for i in idx if (row := entry_row(r, metric, i, plan)) is not None]
        if len(rows) >= (1 if plan.aggregation == "remainder" else 2):
            out.append(rows)
    return out


def _entries_at(plan: QueryPlan, corpus: Corpus) -> list[Row]:
    """The entry at the plan's position (default the first) of each cluster's list."""
    metric = plan.metrics[0]
    position = single(plan) or 1
    rows = []
    for r in records(plan, corpus):
        order = ordered(r, metric, plan.model_copy(update={"order": None, "limit": None}))
        if len(order) >= position:
            i = order[position - 1]
            name = entry_name(entries(r, metric)[i])
            if (row := entry_row(r, metric, i, plan, label=f"{name} ({r.cluster})")) is not None:
                rows.append(row)
    return rows


_PER_CAPITA = (Metric.PCT_APPLICATIONS, Metric.SCIENTIFIC_ARTICLES)


def _two_figures(plan: QueryPlan, r: ClusterProfile) -> list[Row]:
    """Two figures of one cluster, in the order the question names them."""
    rows = []
    for metric in plan.metrics:
        value, path, unit = scalar(r, metric)
        if value is not None:
            rows.append(Row(value, r, path, unit, f"{r.cluster}'s {LABEL[metric]}"))
    return rows


def _rounded(ratio: float) -> float:
    """Two decimals, or three significant digits for a ratio below 1 (0.00532, not 0.01)."""
    return round(ratio, 2) if ratio >= 1 else float(f"{ratio:.3g}")


def _entity_in_two_lists(plan: QueryPlan, corpus: Corpus) -> list[Row]:
    """One entity's counts in two lists of one cluster (its articles and its PCT
    applications), in the order the plan names the lists."""
    key = plan.entities[0]
    counts = plan.model_copy(update={"attribute": "count"})
    for r in records(plan, corpus):
        rows = []
        for metric in plan.metrics[:2]:
            hits = find(r, metric, key)
            if hits and (row := entry_row(r, metric, hits[0], counts)) is not None:
                rows.append(row)
        if len(rows) == 2:
            return rows
    return []


def _two_lists(w: Writer, plan: QueryPlan, rows: list[Row]) -> str:
    """'X (Changsha) has 188.01 times as many articles as PCT applications: ...', or how many
    more of the larger count it has."""
    if plan.aggregation == "difference" and rows[0].value < rows[1].value:
        rows = rows[::-1]
    ids = []
    for r in rows:
        if (cid := w.cite(r.record, r.path)) is None:
            raise Unanswerable(f"a figure of {r.label} cannot be cited")
        ids.append(cid)
    a, b = rows
    what_a, what_b = (OUTPUT[r.metric] for r in rows if r.metric is not None)
    figs = [w.fig(r.record, r.path, r.value, r.unit) for r in rows]
    who = f"{a.label} ({a.record.cluster})"
    inputs = f"{figs[0]} {what_a} against {figs[1]} {what_b}"
    if plan.aggregation == "ratio":
        if b.value == 0:
            raise Unanswerable(f"{who} has no {what_b} to divide by")
        ratio = w.computed(_rounded(a.value / b.value), "ratio", ids, "ratio")
        return f"{who} has {ratio} times as many {what_a} as {what_b}: {inputs}."
    gap = w.computed(a.value - b.value, "count", ids, "difference")
    return f"{who} has {gap} more {what_a} than {what_b}: {inputs}."


def aggregate(w: Writer, plan: QueryPlan, corpus: Corpus) -> str | None:
    """A sum, average, difference, ratio or remainder over clusters, over entities, over two
    figures of one cluster, over the entries of a list, or over the entry at one position of
    each cluster's list; each input cited. None when a list holds fewer than two inputs (the
    caller answers it as a lookup)."""
    metric = plan.metrics[0]
    recs = records(plan, corpus)
    if metric in COLLAB_METRICS and plan.aggregation == "remainder":
        return "\n".join(without_collab(w, r, m) for r in recs for m in plan.metrics)
    at_position = single(plan) is not None
    if metric in LIST_METRICS and not plan.entities and at_position and len(recs) >= 2:
        rows = _entries_at(plan, corpus)
        if len(rows) >= 2 and plan.aggregation != "remainder":
            return _combine(w, plan, metric, rows, None)
    two_lists = len(plan.entities) == 1 and len(set(plan.metrics) & set(LIST_METRICS)) == 2
    if two_lists and plan.aggregation in ("ratio", "difference"):
        if len(rows := _entity_in_two_lists(plan, corpus)) == 2:
            return _two_lists(w, plan, rows)
    if (
        plan.attribute == "both"
        and metric in ORG_METRICS
        and plan.aggregation in ("sum", "average")
    ):
        # "What do they add up to, in articles and in share?": each figure summed.
        halves = [plan.model_copy(update={"attribute": a}) for a in ("count", "share")]
        texts = [aggregate(w, half, corpus) for half in halves]
        return "\n".join(t for t in texts if t) or None
    if metric in LIST_METRICS and len(plan.entities) < 2:
        groups = _list_values(plan, corpus)
        if not groups:
            return None
        if plan.aggregation in ("difference", "ratio") and len(groups) == 2 and not plan.entities:
            return _sums_compared(w, plan, metric, groups)
        lines = [_combine(w, plan, metric, rows, rows[0].record.cluster) for rows in groups]
        if len(groups) >= 2 and plan.aggregation == "sum" and groups[0][0].unit != "percent":
            # Counts of several clusters add up; shares of different totals do not.
            lines.append(_combine(w, plan, metric, [r for g in groups for r in g], None))
        return "\n".join(lines)
    scalars = not plan.entities and not set(plan.metrics) & set(LIST_METRICS)
    within = plan.pairwise and set(plan.metrics) == set(_PER_CAPITA)
    if scalars and len(plan.metrics) >= 2 and len(recs) >= 2 and not within:
        # "by how many places does Hefei trail Changsha on intensity, and on size?": each
        # figure across the clusters.
        return "\n".join(t for p in one_per_metric(plan) if (t := aggregate(w, p, corpus)))
    if len(plan.entities) >= 2:
        rows = _entity_values(plan, corpus)
    elif len(plan.metrics) == 2 and (len(recs) == 1 or within):
        # Two figures of each cluster ("articles per PCT application in each cluster").
        pairs = [rows for r in recs if len(rows := _two_figures(plan, r)) == 2]
        if pairs:
            return "\n".join(
                _combine(w, plan, metric, rows, None, ordered_inputs=True) for rows in pairs
            )
        rows = []
    else:
        rows = []
        for r in recs:
            value, path, unit = scalar(r, metric)
            if value is not None:
                rows.append(Row(value, r, path, unit, r.cluster))
    if len(rows) < 2:
        raise Unanswerable(f"fewer than two of the things asked about give a {LABEL[metric]}")
    return _combine(w, plan, metric, rows, None)


def _sums_compared(w: Writer, plan: QueryPlan, metric: Metric, groups: list[list[Row]]) -> str:
    """Two clusters' sums over the same entries of a list ("by how many points is Hefei's
    top-three concentration higher than Changsha's?"), then their difference or ratio."""
    sums, parts, ids = [], [], []
    for rows in groups:
        own = []
        for r in rows:
            if (cid := w.cite(r.record, r.path)) is None:
                raise Unanswerable(f"a figure of {r.label} cannot be cited")
            own.append(cid)
        figs = [w.fig(r.record, r.path, r.value, r.unit) for r in rows]
        total = sum(r.value for r in rows)
        shown = w.computed(total, rows[0].unit, own, "sum")
        sums.append(total)
        ids += own
        parts.append(f"{rows[0].record.cluster} {shown} ({' + '.join(figs)})")
    unit = groups[0][0].unit
    hi, lo = (0, 1) if sums[0] >= sums[1] else (1, 0)
    who = groups[hi][0].record.cluster
    inputs = f"{parts[hi]} against {parts[lo]}"
    if plan.aggregation == "ratio":
        if sums[lo] == 0:
            raise Unanswerable("a ratio of zero means nothing; ask for the gap")
        ratio = w.computed(_rounded(sums[hi] / sums[lo]), "ratio", ids, "ratio")
        other = groups[lo][0].record.cluster
        return f"{who}'s total is {ratio} times {other}'s: {inputs}."
    gap = w.computed(sums[hi] - sums[lo], unit, ids, "difference")
    gap = gap.rstrip("%") if unit == "percent" else gap
    return f"The difference is {gap} {quantity(metric, unit)}, {who} ahead: {inputs}."


def _combine(
    w: Writer,
    plan: QueryPlan,
    metric: Metric,
    rows: list[Row],
    within: str | None,
    *,
    ordered_inputs: bool = False,
) -> str:
    """The aggregate of `rows` written out; `within` names the cluster a list belongs to;
    with `ordered_inputs` a ratio divides the first figure by the second (two figures of one
    cluster, as the question names them), else the larger by the smaller."""
    ids, figs = [], []
    for r in rows:
        cid = w.cite(r.record, r.path)
        if cid is None:
            raise Unanswerable(f"a figure of {r.label} cannot be cited")
        ids.append(cid)
        figs.append(w.fig(r.record, r.path, r.value, r.unit))
    unit = rows[0].unit
    what = LABEL[metric] + (f" of {within}" if within else "")
    if plan.aggregation in ("difference", "ratio"):
        if len(rows) != 2 and plan.aggregation == "ratio":
            raise Unanswerable("a ratio compares two figures; name two clusters or entries")
        order = sorted(range(len(rows)), key=lambda k: -rows[k].value)
        hi, lo = order[0], order[-1]
        if ordered_inputs and plan.aggregation == "ratio":
            hi, lo = 0, 1
        pair = [ids[hi], ids[lo]]
        if plan.aggregation == "ratio":
            if metric in RANK_METRICS or rows[lo].value == 0:
                raise Unanswerable("a ratio of ranks (or of zero) means nothing; ask for the gap")
            ratio = w.computed(_rounded(rows[hi].value / rows[lo].value), "ratio", pair, "ratio")
            if ordered_inputs:
                return (
                    f"{rows[hi].label} is {ratio} times {rows[lo].label}: {figs[hi]} against "
                    f"{figs[lo]}."
                )
            if unit == "percent":
                what = rate_label(metric) if metric in COLLAB_METRICS else "share"
                return (
                    f"{rows[hi].label}'s {what} is {ratio} times "
                    f"{rows[lo].label}'s: {figs[hi]} against {figs[lo]}."
                )
            return (
                f"{rows[hi].label} has {ratio} times the {quantity(metric, unit)} of "
                f"{rows[lo].label}: {figs[hi]} against {figs[lo]} ({LABEL[metric]})."
            )
        result = w.computed(rows[hi].value - rows[lo].value, unit, pair, "difference")
        result = result.rstrip("%") if unit == "percent" else result
        ahead = ""
        if len(rows) == 2 and rows[hi].value != rows[lo].value and not ordered_inputs:
            # Which side leads: the larger figure, or the better (lower) rank.
            ahead = f", {rows[lo if metric in RANK_METRICS else hi].label} ahead"
        return (
            f"The difference is {result} {quantity(metric, unit)}{ahead}: {rows[hi].label} "
            f"{figs[hi]} minus {rows[lo].label} {figs[lo]}."
        )
    ins = [f"{r.label} {fig}" for r, fig in zip(rows, figs, strict=True)]
    values = [r.value for r in rows]
    if plan.aggregation == "remainder":
        if unit != "percent":
            raise Unanswerable("the profiles give shares, not the totals to subtract counts from")
        held = w.computed(sum(values), unit, ids, "sum")
        rest = w.computed(100 - sum(values), unit, ids, "remainder")
        whose = f"{within}'s " if within else "the "
        return (
            f"{rest} of {whose}{OUTPUT.get(metric, LABEL[metric])} come from outside the "
            f"entries named, which hold {held} ({' + '.join(ins)})."
        )
    if plan.aggregation == "sum":
        result = w.computed(sum(values), unit, ids, "sum")
        if within is None and len({r.record.cluster for r in rows}) > 1 and metric in LIST_METRICS:
            what += " of all the clusters asked about"
        return f"Together: {result} ({' + '.join(ins)}; {what})."
    result = w.computed(round(sum(values) / len(values), 2), unit, ids, "average")
    return f"The average is {result} (mean of {'; '.join(ins)}; {what})."
