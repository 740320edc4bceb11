"""Computing an answer from the records, by code: lookups, lists, membership and summaries
(comparisons, rankings, aggregates and shared entries are in `compare`).

Every figure in the text is written through `Writer`, so it is either a cited fact or a
computation whose inputs are cited facts; places and counts of entries are written in words.
"""

from __future__ import annotations

import re

from nlq.answer.aggregate import aggregate
from nlq.answer.cite import Writer
from nlq.answer.compare import compare, rank_entries
from nlq.answer.corpus import COLLAB_METRICS, FIELD_METRICS, ORG_METRICS, Corpus
from nlq.answer.select import (
    LIST_METRICS,
    MAX_CLUSTERS,
    RANK_METRICS,
    Unanswerable,
    cluster_list,
    entries,
    find,
    is_empty,
    one_per_metric,
    ordered,
    records,
    scalar,
    single,
)
from nlq.answer.shared import cross_list, only_first, shared
from nlq.answer.wording import (
    LABEL,
    OUTPUT,
    SINGULAR,
    cited_names,
    collab,
    count_words,
    describe_scalar,
    display,
    entry_line,
    field_line,
    filter_words,
    join,
    members,
    nth,
    org_line,
    partner_line,
    upper_first,
)
from nlq.schema import ClusterProfile, Intent, Metric, QueryPlan

__all__ = ["Unanswerable", "compute"]


def _ties(items: list, i: int, metric: Metric, among: list[int]) -> list[int]:
    """Entry i and every entry of `among` with the same figures (a tie the order hides)."""
    ref = items[i]
    if metric in ORG_METRICS:
        return [j for j in among if (items[j].count, items[j].share) == (ref.count, ref.share)]
    return [j for j in among if items[j].share == ref.share and ref.share is not None]


def _list(w: Writer, r: ClusterProfile, metric: Metric, plan: QueryPlan | None) -> str:
    if metric in COLLAB_METRICS:
        return _partners(w, r, metric, plan)
    items = entries(r, metric)
    if not items:
        return f"{r.cluster}'s profile gives no {LABEL[metric]}."
    order = ordered(r, metric, plan)
    which = filter_words(plan) if plan else ""
    if plan is not None and plan.excluded:  # "other than USTC": named as the store writes it
        others = join([display(w.corpus, k) for k in plan.excluded])
        which = f"other than {others}" + (f" and {which}" if which else "")
    kept = f" {which}" if which else ""
    if not order:
        one = filter_words(plan, one=True).removeprefix("that ") if plan else ""
        return f"None of {r.cluster}'s {LABEL[metric]} {one or 'is listed'}."
    asc = plan is not None and plan.order == "asc"
    besides = " (besides Other)" if metric in FIELD_METRICS and len(order) < len(items) else ""
    position = single(plan) if plan else None
    limit = plan.limit if plan else None
    if position is not None:
        if position > len(order):
            count = count_words(len(order))
            return f"{r.cluster}'s profile lists only {count} {LABEL[metric]}{kept}."
        chosen = _ties(items, order[position - 1], metric, order)
        size = ("smallest" if asc else "largest") if metric in FIELD_METRICS else ""
        if metric in ORG_METRICS:
            size = "smallest listed" if asc else ("leading" if position == 1 else "")
        rank = size if position == 1 else f"{nth(position - 1)}{'-' + size if size else ''}"
        one = filter_words(plan, one=True) if plan else ""
        what = f"{SINGULAR[metric]}{' ' + one if one else ''}{besides}"
        if len(chosen) > 1:  # their places counted from the top, as the profile ranks them
            top_down = order[::-1] if asc else order
            chosen = sorted(chosen, key=top_down.index)
        lines = "; ".join(entry_line(w, r, metric, i) for i in chosen)
        if len(chosen) > 1:
            places = join([nth(top_down.index(i)) for i in chosen])
            return f"{r.cluster}'s {places} {what}s are tied: {lines}."
        return f"{r.cluster}'s {rank} {what} is {lines}."
    shown = order[:limit] if limit else order
    if limit and len(order) > limit:
        tied = [i for i in _ties(items, shown[-1], metric, order) if i not in shown]
        shown = shown + tied  # a limit never cuts a tie in two
    lines = [f"- {entry_line(w, r, metric, i)}" for i in shown]
    head = f"{r.cluster}'s {LABEL[metric]}{kept}"
    if asc:
        head += " (smallest first)"
    return f"{head}:\n" + "\n".join(lines)


def _partners(w: Writer, r: ClusterProfile, metric: Metric, plan: QueryPlan | None) -> str:
    """A collaboration; asked for its first (or Nth) partner, that one location."""
    c = getattr(r, metric.value)
    position = single(plan) if plan else None
    if position is None or c is None or not c.partners:
        return collab(w, r, metric, plan.limit if plan else None)
    if position > len(c.partners):
        count = count_words(len(c.partners))
        return f"{r.cluster}'s profile names only {count} {LABEL[metric]} partner locations."
    return partner_line(w, r, metric, position - 1)


def _entity_line(w: Writer, r: ClusterProfile, metric: Metric, key: str) -> str:
    name = display(w.corpus, key)
    if is_empty(r, metric):
        return (
            f"{r.cluster}'s profile gives no {LABEL[metric]}, so it cannot say whether "
            f"{name} is among them."
        )
    hits = find(r, metric, key)
    if not hits:
        return f"{name} is not among {r.cluster}'s {members(metric)}."
    out = []
    for i in hits:
        if metric in ORG_METRICS:
            where = f"{nth(i)} of {r.cluster}'s {LABEL[metric]}"
            out.append(f"{org_line(w, r, metric, i)} ({where}).")
        elif metric in FIELD_METRICS:
            out.append(f"{field_line(w, r, metric, i)} of {r.cluster}'s {OUTPUT[metric]}.")
        else:
            out.append(partner_line(w, r, metric, i))
    return " ".join(out)


def _listed_elsewhere(
    w: Writer, r: ClusterProfile, metric: Metric, key: str, corpus: Corpus, asked: list[str]
) -> str:
    """' Elsewhere: ...' for an entity that another cluster's same list holds
    ("Sungrow is Changsha's third applicant?" is a Hefei applicant), or ''."""
    if key not in corpus.entities:
        return ""
    others = [
        c
        for c, m in corpus.entities[key].places
        if m == metric and c != r.cluster and c not in asked
    ]
    lines = [
        _entity_line(w, corpus.records[c], metric, key)
        for c in others[:MAX_CLUSTERS]
        if c in corpus.records
    ]
    return (" Elsewhere: " + " ".join(lines)) if lines else ""


def _names_only(w: Writer, r: ClusterProfile, metric: Metric) -> str:
    """The names of a list, each cited: the context for "X is not among them"."""
    if metric in COLLAB_METRICS:
        return collab(w, r, metric)
    return f"{r.cluster}'s {LABEL[metric]}: {cited_names(w, r, metric)}."


def _many(plan: QueryPlan, corpus: Corpus) -> None:
    """Refuse an answer that would run through every one of many clusters."""
    if not plan.clusters and not plan.entities and len(corpus.records) > MAX_CLUSTERS:
        what = LABEL[plan.metrics[0]] if plan.metrics else "profile"
        raise Unanswerable(
            f"name a cluster to ask about its {what} (indexed: {cluster_list(corpus)})"
        )


def _not_in_asked_lists(plan: QueryPlan, corpus: Corpus) -> str | None:
    """For an entity the question asks about in lists it is in nowhere ("How many patents
    does Hefei University of Technology file?"): say so, and where it is listed instead."""
    entity = corpus.entities[plan.entities[0]]
    if any(m in plan.metrics for _, m in entity.places):
        return None
    asked = " or ".join(LABEL[m] for m in plan.metrics)
    where = join([f"{c}'s {LABEL[m]}" for c, m in entity.places[:MAX_CLUSTERS]])
    return (
        f"{entity.names[0]} is not among the {asked} of any indexed profile; it is listed "
        f"among {where}."
    )


def lookup(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """Values of the plan's metrics for its clusters (all clusters when none is named)."""
    _many(plan, corpus)
    lines = []
    for r in records(plan, corpus):
        for metric in plan.metrics:
            if plan.entities and metric in LIST_METRICS + COLLAB_METRICS:
                for key in plan.entities:
                    if find(r, metric, key) or len(plan.metrics) == 1:
                        line = _entity_line(w, r, metric, key)
                        if key not in corpus.entities and not is_empty(r, metric):
                            line += " " + _names_only(w, r, metric)
                        elif not find(r, metric, key) and not is_empty(r, metric):
                            line += _listed_elsewhere(w, r, metric, key, corpus, plan.clusters)
                        lines.append(line)
            elif metric in LIST_METRICS + COLLAB_METRICS:
                lines.append(_list(w, r, metric, plan))
            else:
                lines.append(_in_top(plan, r, metric) + describe_scalar(w, r, metric))
    if not plan.clusters and len(plan.entities) == 1 and plan.entities[0] in corpus.entities:
        elsewhere = _not_in_asked_lists(plan, corpus)
        if elsewhere:
            return elsewhere
    if plan.entities and not lines:
        raise Unanswerable(
            f"{display(corpus, plan.entities[0])} does not appear in the "
            "profiles for the clusters asked about"
        )
    return "\n".join(dict.fromkeys(lines))


def _in_top(plan: QueryPlan, r: ClusterProfile, metric: Metric) -> str:
    """'Yes. ' or 'No. ' for "is Changsha in the top 30 by size?" (the plan's `below`), else
    ''."""
    if not plan.polar or plan.below is None or metric not in RANK_METRICS:
        return ""
    value = scalar(r, metric)[0]
    if value is None:
        return ""
    return "Yes. " if value <= plan.below else "No. "


def membership(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """Yes or no: is the entity in the cluster's list, with its place and figures."""
    lines = []
    for r in records(plan, corpus):
        for key in plan.entities:
            for metric in plan.metrics:
                if is_empty(r, metric):
                    lines.append(_entity_line(w, r, metric, key))
                elif find(r, metric, key):
                    lines.append("Yes. " + _entity_line(w, r, metric, key))
                else:
                    # "Sungrow is Changsha's third applicant: what is its share?" asks a figure.
                    asks = plan.attribute != "value"
                    elsewhere = (
                        _listed_elsewhere(w, r, metric, key, corpus, plan.clusters) if asks else ""
                    )
                    listed = _list(w, r, metric, None)
                    lines.append(
                        f"No. {display(corpus, key)} is not among {r.cluster}'s "
                        f"{members(metric)}.{elsewhere} {listed}"
                    )
    return "\n".join(lines)


def summary(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The main facts of each cluster's profile."""
    _many(plan, corpus)
    out = []
    for r in records(plan, corpus):
        lines = [f"{r.cluster}, {r.economy}" + (f" ({r.source})" if r.source else "")]
        for metric in (
            Metric.NATIONAL_RANK,
            Metric.GLOBAL_SIZE_RANK,
            Metric.GLOBAL_INTENSITY_RANK,
            Metric.PCT_APPLICATIONS,
            Metric.SCIENTIFIC_ARTICLES,
        ):
            lines.append("- " + describe_scalar(w, r, metric))
        for metric in ORG_METRICS:
            if entries(r, metric):
                lines.append(f"- Leading {SINGULAR[metric]}: {org_line(w, r, metric, 0)}")
        for metric in FIELD_METRICS:
            items = entries(r, metric)
            if items:
                shown = [field_line(w, r, metric, i) for i in range(min(3, len(items)))]
                lines.append(f"- Largest fields ({OUTPUT[metric]}): {'; '.join(shown)}")
            else:
                lines.append(f"- The profile gives no {LABEL[metric]}.")
        for metric in COLLAB_METRICS:
            lines.append("- " + collab(w, r, metric))
        out.append("\n".join(lines))
    return "\n\n".join(out)


def _other_edition(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The refusal of a question about an edition nobody indexed, with the editions that are
    indexed as cited figures: the named clusters', else one profile of each edition."""
    recs = [corpus.records[c] for c in plan.clusters if c in corpus.records]
    if not recs:
        by_edition: dict[int | None, str] = {}
        for cluster in corpus.clusters:
            if len(by_edition) == len(corpus.editions) or len(by_edition) >= MAX_CLUSTERS:
                break
            by_edition.setdefault(corpus.records[cluster].edition, cluster)
        recs = [corpus.records[c] for c in by_edition.values()]
    held = " ".join(describe_scalar(w, r, Metric.EDITION) for r in recs[:MAX_CLUSTERS])
    return f"I can't answer that from the indexed profiles: {plan.reason}. {held}"


def compute(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The answer text for `plan`; raises `Unanswerable` when the store cannot answer it.
    A plan's caveat (`reason` on an answerable plan) is stated first."""
    text = _compute(w, plan, corpus)
    if plan.stated:
        text = _checked(w, plan, text)
    if plan.reason and plan.intent is not Intent.UNANSWERABLE:
        return f"{upper_first(plan.reason)}; they show: {text}"
    return text


def _checked(w: Writer, plan: QueryPlan, text: str) -> str:
    """'Yes. ' when every figure the question asserts is among the cited figures shown of its
    kind (a percentage among shares, a bare number among counts and ranks), 'No. ' when one is
    not; the figures themselves follow. Unchanged when the answer shows no figure of that kind,
    and a "No." that says an entry is not listed stays No."""
    if text.startswith("No. ") and plan.intent is Intent.MEMBERSHIP:
        return text
    shown = [f for f in w.figures if f.citation is not None]
    verdicts = []
    for value, percent in plan.stated:
        same_kind = [f for f in shown if (f.unit == "percent") == percent]
        if not same_kind:
            return text
        verdicts.append(any(abs(float(f.value) - value) < 1e-9 for f in same_kind))
    body = re.sub(r"^(?:Yes|No)\. ", "", text)
    return ("Yes. " if all(verdicts) else "No. ") + body


def _compute(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    if plan.intent is Intent.UNANSWERABLE:
        if plan.metrics == [Metric.EDITION]:
            return _other_edition(w, plan, corpus)
        raise Unanswerable(plan.reason or "the question is not about a fact nlq holds")
    if not any(c in corpus.records for c in plan.clusters or corpus.clusters):
        raise Unanswerable(f"no indexed cluster matches; indexed: {cluster_list(corpus)}")
    if plan.intent is Intent.SUMMARY:
        return summary(w, plan, corpus)
    if plan.intent is Intent.CROSS_LIST:
        if plan.exclusive:
            return only_first(w, plan, corpus)
        return shared(w, plan, corpus) if plan.across else cross_list(w, plan, corpus)
    if plan.intent is Intent.AGGREGATE:
        text = aggregate(w, plan, corpus)
        if text is None:
            return lookup(w, plan, corpus)
        if plan.also:  # "how many more, and how many times as many?"
            second = plan.model_copy(update={"aggregation": plan.also, "also": None})
            more = aggregate(w, second, corpus)
            text = f"{text}\n{more}" if more else text
        return text
    if plan.intent is Intent.RANK and plan.metrics[0] in LIST_METRICS:
        return rank_entries(w, plan, corpus)
    if plan.intent in (Intent.COMPARE, Intent.RANK):
        every = plan.intent is Intent.RANK
        if len(plan.metrics) >= 2 and not plan.entities and plan.metrics[0] not in LIST_METRICS:
            # "Compare them on PCT applications and articles": one comparison per figure.
            return "\n".join(compare(w, p, corpus, every) for p in one_per_metric(plan))
        return compare(w, plan, corpus, every)
    if plan.intent is Intent.MEMBERSHIP:
        return membership(w, plan, corpus)
    if plan.intent is Intent.LIST:
        _many(plan, corpus)
        return "\n".join(_list(w, r, m, plan) for r in records(plan, corpus) for m in plan.metrics)
    return lookup(w, plan, corpus)
