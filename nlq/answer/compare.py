"""Answers that set facts against each other, by code: clusters compared on a figure,
organizations or fields compared, one entity across clusters, the entries at one position
of each list, and the leading entries over every cluster's list.

Every figure is a cited fact; ranks compare the other way round (a lower number is better).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from nlq.answer.cite import Writer
from nlq.answer.corpus import COLLAB_METRICS, FIELD_METRICS, Corpus, name_key
from nlq.answer.select import (
    LIST_METRICS,
    RANK_METRICS,
    REMAINDER,
    Unanswerable,
    entries,
    entry_name,
    entry_value,
    find,
    is_empty,
    ordered,
    records,
    scalar,
    single,
)
from nlq.answer.wording import (
    LABEL,
    OUTPUT,
    SINGULAR,
    display,
    entry_line,
    join,
    members,
    nth,
    rate_label,
)
from nlq.schema import ClusterProfile, Metric, QueryPlan

MAX_ROWS = 10
"""A ranking over more clusters shows the first MAX_ROWS."""


@dataclass(frozen=True, slots=True)
class Row:
    """One compared figure: its value, where it is cited from, and what it is of."""

    value: float
    record: ClusterProfile
    path: str
    unit: str
    label: str
    key: str = ""
    """What the row is of, as the plan names it (a cluster name or an entity key)."""
    metric: Metric | None = None
    index: int | None = None
    """For an entry of a list: the list and the entry's index in it."""


def entry_row(
    r: ClusterProfile, metric: Metric, i: int, plan: QueryPlan, *, label: str = "", key: str = ""
) -> Row | None:
    """Entry i of a list as a row: its count or share (as the plan asks), or None when the
    profile gives no such figure for it."""
    entry = entries(r, metric)[i]
    value, attr, unit = entry_value(entry, metric, plan)
    if value is None:
        return None
    path = f"{metric.value}[{i}].{attr}"
    return Row(value, r, path, unit, label or entry_name(entry), key, metric, i)


def _sorted(rows: list[Row], plan: QueryPlan, is_rank: bool) -> list[Row]:
    reverse = (plan.order != "asc") != is_rank
    return sorted(rows, key=lambda x: x.value, reverse=reverse)


def _head(rows: list[Row], plan: QueryPlan, what: str, *, is_rank: bool) -> str:
    """'A has more X than B' / 'A has the highest X' / 'A and B are level on X'."""
    best = rows[0]
    tied = [r.label for r in rows if r.value == best.value]
    if len(tied) > 1:
        return f"{join(tied)} are level on {what}"
    asc = plan.order == "asc"
    two = len(rows) == 2
    if is_rank:
        word = ("worse" if asc else "better") if two else ("worst" if asc else "best")
        what = re.sub(r" \(.*\)", "", what)  # one parenthesis is enough
        return f"{best.label} has the {word} {what} (a lower number is a better rank)"
    if best.unit == "percent":
        word = ("lower" if asc else "higher") if two else ("lowest" if asc else "highest")
        return f"{best.label} has {'a' if two else 'the'} {word} {what}" + (
            f" than {rows[1].label}" if two else ""
        )
    if two:
        return f"{best.label} has {'fewer' if asc else 'more'} {what} than {rows[1].label}"
    return f"{best.label} has the {'fewest' if asc else 'most'} {what}"


def _figures(w: Writer, rows: list[Row], detail=None, short=None) -> str:
    """The compared figures: 'A 692 [1]; B 309 [2]', or with `short` (the head has named
    both) 'a [1] (x) against b [2] (y)'."""

    def one(r: Row, label: str) -> str:
        return f"{label}{w.fig(r.record, r.path, r.value, r.unit)}" + (detail(r) if detail else "")

    if short is not None and len(rows) == 2:
        a, b = rows
        return f"{one(a, '')}{short(a)} against {one(b, '')}{short(b)}"
    shown = rows[:MAX_ROWS]
    more = "; and the others after them" if len(rows) > MAX_ROWS else ""
    return "; ".join(one(r, f"{r.label} ") for r in shown) + more


def _yes_no(plan: QueryPlan, rows: list[Row], first: str | None) -> str:
    """'Yes. ' or 'No. ' for a yes/no comparison of two things ("Does Hefei file more than
    Changsha?"): yes when the first thing named comes out ahead in the question's direction;
    '' for any other question."""
    if not plan.polar or len(rows) != 2 or first is None:
        return ""
    if rows[0].value == rows[1].value:
        return "No. "
    return "Yes. " if rows[0].key == first else "No. "


def compare(w: Writer, plan: QueryPlan, corpus: Corpus, every: bool) -> str:
    """Clusters (or entities, or the entries at one position) ordered on the plan's first
    metric; ranks: a lower number is better."""
    metric = plan.metrics[0]
    if metric in LIST_METRICS:
        if len(plan.entities) >= 2:
            return _compare_entities(w, plan, corpus)
        if plan.entities:
            return _compare_entity_across(w, plan, corpus)
        if single(plan) is not None:
            return _compare_entries_at(w, plan, corpus)
        raise Unanswerable(
            f"a {LABEL[metric]} list cannot be compared as one number; ask for a list per "
            "cluster, or about one entry"
        )
    is_rank = metric in RANK_METRICS
    fact = f"{metric.value}.share" if metric in COLLAB_METRICS else metric.value
    if (top := top_clusters(plan, corpus, fact, MAX_ROWS, is_rank)) is not None:
        plan = plan.model_copy(update={"clusters": top})
    rows, missing = [], []
    for r in records(plan, corpus):
        value, path, unit = scalar(r, metric)
        if value is None:
            missing.append(r.cluster)
        else:
            rows.append(Row(value, r, path, unit, r.cluster, r.cluster))
    if len(rows) < 2:
        raise Unanswerable(
            f"fewer than two of the clusters asked about give a {LABEL[metric]}"
            + (f" (missing for {', '.join(missing[:MAX_ROWS])})" if missing else "")
        )
    rows = _sorted(rows, plan, is_rank)
    head = _head(rows, plan, rate_label(metric), is_rank=is_rank)
    tail = ""
    if missing:
        tail = f" No figure for {', '.join(missing[:MAX_ROWS])}{'…' * (len(missing) > MAX_ROWS)}."
    first = plan.clusters[0] if plan.clusters else None
    return f"{_yes_no(plan, rows, first)}{head}: {_figures(w, rows)}.{tail}"


def entity_rows(
    plan: QueryPlan, corpus: Corpus, key: str
) -> tuple[list[tuple[Row, list[int]]], list[str]]:
    """Per cluster, the first entry of `key` in the plan's metrics (with the indexes of any
    further entries of it in that list), and notes for the clusters that lack it."""
    rows, notes = [], []
    for r in records(plan, corpus):
        found = False
        for metric in plan.metrics:
            hits = find(r, metric, key) if metric in LIST_METRICS else []
            if not hits:
                continue
            name = entry_name(entries(r, metric)[hits[0]])
            row = entry_row(r, metric, hits[0], plan, label=f"{name} ({r.cluster})", key=key)
            if row is None:
                continue
            rows.append((row, hits[1:]))
            found = True
            break
        if not found:
            metric = plan.metrics[0]
            if is_empty(r, metric):
                notes.append(f"{r.cluster}'s profile gives no {LABEL[metric]}.")
            else:
                notes.append(
                    f"{display(corpus, key)} is not among {r.cluster}'s {members(metric)}."
                )
    return rows, notes


def _also(w: Writer, row: Row, more: list[int]) -> str:
    """' (also 5,986 [3] at its third entry)' for a name listed twice in one list."""
    if not more or row.metric is None:
        return ""
    attr = row.path.rsplit(".", 1)[1]
    bits = []
    for i in more:
        value = getattr(entries(row.record, row.metric)[i], attr)
        path = f"{row.metric.value}[{i}].{attr}"
        if value is not None and (f := w.fig(row.record, path, value, row.unit)):
            bits.append(f"{f} as its {nth(i)} entry")
    return f" (also listed with {join(bits)})" if bits else ""


def _what(metric: Metric, unit: str) -> str:
    if unit == "percent":
        return f"share of {OUTPUT.get(metric, LABEL[metric])}"
    return OUTPUT.get(metric, LABEL[metric])


def _compare_entities(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """Two or more organizations (or fields) set against each other."""
    found: list[tuple[Row, list[int]]] = []
    notes: list[str] = []
    for key in plan.entities:
        rows, _ = entity_rows(plan, corpus, key)
        if rows:
            found.append(rows[0])
        else:
            where = " or ".join(f"{c}'s" for c in plan.clusters) or "any indexed cluster's"
            notes.append(f"{display(corpus, key)} is not among {where} {members(plan.metrics[0])}.")
    if len(found) < 2:
        raise Unanswerable(" ".join(notes) or "fewer than two of the names give a figure")
    extra = {id(row): more for row, more in found}
    rows = _sorted([row for row, _ in found], plan, False)
    metric = rows[0].metric or plan.metrics[0]
    head = _head(rows, plan, _what(metric, rows[0].unit), is_rank=False)
    figures = _figures(w, rows, lambda r: _also(w, r, extra[id(r)]), short=lambda r: "")
    yes_no = _yes_no(plan, rows, plan.entities[0])
    return " ".join([f"{yes_no}{head}: {figures}.", *notes])


def _compare_entity_across(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """One organization, field or partner in several clusters (with none named: all of a
    few clusters, each lacking it noted; of many, those that list it)."""
    if not plan.clusters and len(corpus.clusters) <= MAX_ROWS:
        plan = plan.model_copy(update={"clusters": list(corpus.clusters)})
    key = plan.entities[0]
    found, notes = entity_rows(plan, corpus, key)
    if not found:
        raise Unanswerable(" ".join(notes) or f"{display(corpus, key)} gives no figure")
    rows = [replace(r, label=r.record.cluster, key=r.record.cluster) for r, _ in found]
    metric = rows[0].metric or plan.metrics[0]
    name = display(corpus, key)
    if len(rows) == 1:
        r = rows[0]
        fig = w.fig(r.record, r.path, r.value, r.unit)
        text = f"Only {r.label}'s profile gives a figure for {name}: {fig}."
    else:
        rows = _sorted(rows, plan, False)
        head = _head(rows, plan, f"{_what(metric, rows[0].unit)} from {name}", is_rank=False)
        figures = _figures(w, rows, short=lambda r: f" ({r.label})")
        first = plan.clusters[0] if plan.clusters else None
        text = f"{_yes_no(plan, rows, first)}{head}: {figures}."
    return " ".join([text, *notes])


def _compare_entries_at(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The entry at one position (the top applicant, say) of each cluster's list."""
    metric = plan.metrics[0]
    position = single(plan) or 1
    rows, notes = [], []
    for r in records(plan, corpus):
        order = ordered(r, metric, plan.model_copy(update={"order": None}))
        if len(order) < position:
            notes.append(f"{r.cluster}'s profile lists no {nth(position - 1)} {SINGULAR[metric]}.")
            continue
        row = entry_row(r, metric, order[position - 1], plan, key=r.cluster)
        if row is not None:
            rows.append(row)
    if len(rows) < 2:
        raise Unanswerable(" ".join(notes) or "fewer than two clusters give that entry")
    rows = _sorted(rows, plan, False)
    which = "top" if position == 1 else nth(position - 1)
    whose = f"{rows[0].record.cluster}'s {which} {SINGULAR[metric]}"
    tied = [r for r in rows if r.value == rows[0].value]
    if len(tied) > 1:
        head = (
            f"The {which} {SINGULAR[metric]}s of {join([r.record.cluster for r in tied])} are level"
        )
    elif rows[0].unit == "percent":
        word = "smaller" if plan.order == "asc" else "larger"
        head = f"{whose} holds a {word} share of its cluster's {OUTPUT[metric]} than the others"
        if len(rows) == 2:
            head = head.replace("than the others", f"than {rows[1].record.cluster}'s")
    else:
        word = "fewer" if plan.order == "asc" else "more"
        others = f"{rows[1].record.cluster}'s" if len(rows) == 2 else "the others"
        head = f"{whose} has {word} {OUTPUT[metric]} than {others}"
    figures = "; ".join(
        f"{r.label} ({r.record.cluster}) {w.fig(r.record, r.path, r.value, r.unit)}"
        for r in rows[:MAX_ROWS]
    )
    first = plan.clusters[0] if plan.clusters else None
    return " ".join([f"{_yes_no(plan, rows, first)}{head}: {figures}.", *notes])


def top_clusters(
    plan: QueryPlan, corpus: Corpus, fact: str, k: int, is_rank: bool
) -> list[str] | None:
    """For a ranking over every one of many clusters, the clusters holding the best `k`
    figures of fact metric `fact`, read from the store without loading every record; None
    when the plan names its clusters, keeps only some entries, or the corpus is small."""
    if plan.clusters or plan.entities or len(corpus.records) <= MAX_ROWS:
        return None
    if plan.org_type or plan.above is not None or plan.below is not None:
        return None
    reverse = (plan.order != "asc") != is_rank
    found = [v for v in corpus.values(fact) if not (v.entity and name_key(v.entity) == REMAINDER)]
    best = sorted(found, key=lambda v: v.value, reverse=reverse)
    return list(dict.fromkeys(v.cluster for v in best))[:k] or None


def ranked_entries(
    plan: QueryPlan, corpus: Corpus, metric: Metric, *, need: int | None = None
) -> list[Row]:
    """The entries of `metric` over the plan's clusters, best first; over every one of many
    clusters, only those of the clusters holding the best `need` entries (enough for the
    first `need` rows, which are then exact)."""
    if need is not None:
        attr = "share" if metric in FIELD_METRICS or plan.attribute == "share" else "count"
        if (top := top_clusters(plan, corpus, f"{metric.value}.{attr}", need, False)) is not None:
            plan = plan.model_copy(update={"clusters": top})
    whole = plan.model_copy(update={"limit": None, "order": None})
    rows = [
        row
        for r in records(plan, corpus)
        for i in ordered(r, metric, whole)
        if (row := entry_row(r, metric, i, plan)) is not None
    ]
    return _sorted(rows, plan, False)


def rank_entries(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The leading entries over every cluster's list ("the biggest PCT applicant of all"), or
    the one at a position ("the second biggest of all")."""
    out = []
    need = max(plan.position or 0, plan.limit or 1) + 1
    for metric in plan.metrics:
        rows = ranked_entries(plan, corpus, metric, need=need)
        if not rows:
            out.append(f"No indexed profile gives {LABEL[metric]}.")
            continue
        word = "smallest" if plan.order == "asc" else "leading"
        if plan.position is not None:
            if plan.position > len(rows):
                out.append(f"The indexed profiles list fewer {LABEL[metric]} than that.")
                continue
            row = rows[plan.position - 1]
            what = f"{nth(plan.position - 1)} {SINGULAR[metric]}"
            out.append(f"Across the indexed clusters, the {what} is {_entry_in(w, row, metric)}.")
            continue
        n = plan.limit or 1
        lines = [_entry_in(w, row, metric) for row in rows[: n + (n == 1)]]
        if n == 1 and len(rows) > 1 and rows[0].value == rows[1].value:
            tied = [_entry_in(w, row, metric) for row in rows[2:] if row.value == rows[0].value]
            both = "; ".join(lines + tied)
            out.append(
                f"Across the indexed clusters, the {word} {SINGULAR[metric]}s are tied: {both}."
            )
        elif n == 1:
            head = f"Across the indexed clusters, the {word} {SINGULAR[metric]} is {lines[0]}."
            out.append(head + (f" Next: {lines[1]}." if len(lines) > 1 else ""))
        else:
            out.append(
                f"The {word} {LABEL[metric]} across the indexed clusters:\n"
                + "\n".join(f"- {line}" for line in lines)
            )
    return "\n".join(out)


def _entry_in(w: Writer, row: Row, metric: Metric) -> str:
    return f"{entry_line(w, row.record, metric, row.index or 0)} (in {row.record.cluster})"
