"""Computing an answer from the records, by code: lookups, comparisons, aggregates, lists.

Every number in the text is written through `Writer`, so it is either a cited fact or a
computation whose inputs are cited facts.
"""

from __future__ import annotations

from nlq.answer.cite import Writer, fmt
from nlq.answer.corpus import COLLAB_METRICS, FIELD_METRICS, ORG_METRICS, Corpus, name_key
from nlq.numbers import cardinal_word, ordinal_word
from nlq.schema import ClusterProfile, Intent, Metric, QueryPlan

LABEL = {
    Metric.PCT_APPLICATIONS: "PCT applications per million inhabitants",
    Metric.SCIENTIFIC_ARTICLES: "scientific articles per million inhabitants",
    Metric.NATIONAL_RANK: "national rank",
    Metric.NATIONAL_CLUSTER_COUNT: "number of the economy's clusters in the top 100",
    Metric.GLOBAL_SIZE_RANK: "global size rank",
    Metric.GLOBAL_INTENSITY_RANK: "global intensity rank (relative to population density)",
    Metric.TOP_PCT_APPLICANTS: "top PCT applicants",
    Metric.TOP_PUBLISHERS: "top publishing organizations",
    Metric.PATENT_FIELDS: "technology-field breakdown of PCT applications",
    Metric.PUBLICATION_FIELDS: "field breakdown of scientific articles",
    Metric.PATENT_COLLABORATION: "patent collaboration",
    Metric.PUBLICATION_COLLABORATION: "publication collaboration",
    Metric.EDITION: "Global Innovation Index edition",
}
UNIT = {
    Metric.NATIONAL_RANK: "rank",
    Metric.GLOBAL_SIZE_RANK: "rank",
    Metric.GLOBAL_INTENSITY_RANK: "rank",
    Metric.NATIONAL_CLUSTER_COUNT: "count",
    Metric.EDITION: "year",
}
_OUTPUT = {
    Metric.TOP_PCT_APPLICANTS: "PCT applications",
    Metric.TOP_PUBLISHERS: "articles",
    Metric.PATENT_COLLABORATION: "PCT applications",
    Metric.PUBLICATION_COLLABORATION: "scientific articles",
}
SINGULAR = {
    Metric.TOP_PCT_APPLICANTS: "PCT applicant",
    Metric.TOP_PUBLISHERS: "publishing organization",
}
RANK_METRICS = (Metric.NATIONAL_RANK, Metric.GLOBAL_SIZE_RANK, Metric.GLOBAL_INTENSITY_RANK)


class Unanswerable(Exception):
    """The question cannot be answered from the store; the message says why."""


def scalar(record: ClusterProfile, metric: Metric) -> tuple[float | None, str, str]:
    """(value, evidence path, unit) of a cluster-level number (collaboration: its share)."""
    if metric in COLLAB_METRICS:
        collab = getattr(record, metric.value)
        return (collab.share if collab else None), f"{metric.value}.share", "percent"
    return getattr(record, metric.value), metric.value, UNIT.get(metric, "count")


def _records(plan: QueryPlan, corpus: Corpus) -> list[ClusterProfile]:
    """The clusters a plan names; with none named, all (or those where its entity appears)."""
    names = plan.clusters or corpus.clusters
    if not plan.clusters and plan.entities:
        places = [
            p for k in plan.entities if k in corpus.entities for p in corpus.entities[k].places
        ]
        names = list(dict.fromkeys(c for c, m in places if m in plan.metrics)) or names
    return [corpus.records[n] for n in names if n in corpus.records]


def _describe_scalar(w: Writer, r: ClusterProfile, metric: Metric) -> str:
    value, path, unit = scalar(r, metric)
    if value is None or not (text := w.fig(r, path, value, unit)):
        return f"{r.cluster}'s profile gives no {LABEL[metric]}."
    if metric is Metric.NATIONAL_RANK:
        count = r.national_cluster_count
        of = ""
        if count is not None and (c := w.fig(r, "national_cluster_count", count, "count")):
            of = f" out of {c} clusters of {r.economy} in the global top hundred"
        return f"{r.cluster} is ranked {text} nationally{of}."
    if metric is Metric.NATIONAL_CLUSTER_COUNT:
        return (
            f"{r.economy} has {text} clusters in the global top hundred "
            f"(per {r.cluster}'s profile)."
        )
    if metric is Metric.EDITION:
        return f"{r.cluster}'s profile is from the Global Innovation Index {text}."
    if metric in RANK_METRICS:
        return f"{r.cluster}'s {LABEL[metric]} is {text}."
    if metric in COLLAB_METRICS:
        return _collab(w, r, metric)
    return f"{r.cluster}: {text} {LABEL[metric]}."


def _collab(w: Writer, r: ClusterProfile, metric: Metric) -> str:
    collab = getattr(r, metric.value)
    if collab is None:
        return f"{r.cluster}'s profile gives no {LABEL[metric]} data."
    parts = []
    if collab.share is not None and (
        s := w.fig(r, f"{metric.value}.share", collab.share, "percent")
    ):
        parts.append(f"{s} of {r.cluster}'s {_OUTPUT[metric]} are made in collaboration")
    if collab.partners:
        names = _join(
            [
                p + w.cite_name(r, f"{metric.value}.partners[{i}]")
                for i, p in enumerate(collab.partners)
            ]
        )
        parts.append(f"top partner locations: {names}")
    return ("; ".join(parts) + ".") if parts else f"{r.cluster}'s profile names no partners."


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _entries(r: ClusterProfile, metric: Metric) -> list:
    return list(getattr(r, metric.value))


def _org_line(w: Writer, r: ClusterProfile, metric: Metric, i: int) -> str:
    e = getattr(r, metric.value)[i]
    base = f"{metric.value}[{i}]"
    bits = []
    if e.count is not None and (c := w.fig(r, f"{base}.count", e.count, "count")):
        bits.append(f"{c} {_OUTPUT[metric]}")
    if e.share is not None and (s := w.fig(r, f"{base}.share", e.share, "percent")):
        bits.append(f"{s} of the cluster's total")
    return f"{e.name}" + (f": {', '.join(bits)}" if bits else "")


def _field_line(w: Writer, r: ClusterProfile, metric: Metric, i: int) -> str:
    f = getattr(r, metric.value)[i]
    s = w.fig(r, f"{metric.value}[{i}].share", f.share, "percent") if f.share is not None else ""
    return f"{f.field}: {s}" if s else f.field


def _list(w: Writer, r: ClusterProfile, metric: Metric, plan: QueryPlan | None) -> str:
    if metric in COLLAB_METRICS:
        return _collab(w, r, metric)
    items = _entries(r, metric)
    if not items:
        return f"{r.cluster}'s profile gives no {LABEL[metric]}."
    line = _org_line if metric in ORG_METRICS else _field_line
    limit = plan.limit if plan else None
    position = plan.position if plan else None
    if position is not None:
        if position > len(items):
            count = cardinal_word(len(items))
            return f"{r.cluster}'s profile lists only {count} {LABEL[metric]}."
        chosen = _ties(items, position - 1, metric)
        what = f"{_nth(position - 1)} of {r.cluster}'s {LABEL[metric]}"
        if len(chosen) > 1:
            what += " (tied)"
        return f"{what.capitalize()}: " + "; ".join(line(w, r, metric, i) for i in chosen) + "."
    if limit == 1 and metric in ORG_METRICS:
        return f"{r.cluster}'s leading {SINGULAR[metric]} is {_org_line(w, r, metric, 0)}."
    shown = items[:limit] if limit else items
    lines = [f"- {line(w, r, metric, i)}" for i in range(len(shown))]
    return f"{r.cluster}'s {LABEL[metric]}:\n" + "\n".join(lines)


def _ties(items: list, i: int, metric: Metric) -> list[int]:
    """Entry i and every entry with the same count and share (a tie the order hides)."""
    if metric not in ORG_METRICS:
        return [i]
    ref = items[i]
    return [j for j, e in enumerate(items) if (e.count, e.share) == (ref.count, ref.share)]


def _find(r: ClusterProfile, metric: Metric, key: str) -> list[int]:
    if metric in COLLAB_METRICS:
        collab = getattr(r, metric.value)
        return [i for i, p in enumerate(collab.partners if collab else []) if name_key(p) == key]
    attr = "name" if metric in ORG_METRICS else "field"
    return [i for i, e in enumerate(_entries(r, metric)) if name_key(getattr(e, attr)) == key]


def _nth(i: int) -> str:
    return ordinal_word(i + 1) or f"number {i + 1}"


def display(corpus: Corpus, key: str) -> str:
    """How an entity is named in answers: as a profile writes it, or as the question did."""
    return corpus.entities[key].names[0] if key in corpus.entities else key


def _entity_line(w: Writer, r: ClusterProfile, metric: Metric, key: str, plan: QueryPlan) -> str:
    name = display(w.corpus, key)
    hits = _find(r, metric, key)
    if not hits:
        return f"{name} is not among {r.cluster}'s {LABEL[metric]}."
    out = []
    for i in hits:
        if metric in ORG_METRICS:
            e = getattr(r, metric.value)[i]
            where = f"{_nth(i)} of {r.cluster}'s {LABEL[metric]}"
            out.append(f"{_org_line(w, r, metric, i)} ({where}).")
            _ = e
        elif metric in FIELD_METRICS:
            out.append(f"{_field_line(w, r, metric, i)} of {r.cluster}'s {_area(metric)}.")
        else:
            out.append(_membership(w, r, metric, i))
    return " ".join(out)


def _area(metric: Metric) -> str:
    return "PCT applications" if metric is Metric.PATENT_FIELDS else "scientific articles"


def _membership(w: Writer, r: ClusterProfile, metric: Metric, i: int) -> str:
    collab = getattr(r, metric.value)
    n = len(collab.partners)
    name = collab.partners[i] + w.cite_name(r, f"{metric.value}.partners[{i}]")
    text = (
        f"{name} is the {_nth(i)} of {cardinal_word(n)} top partner locations "
        f"for {r.cluster}'s {_OUTPUT[metric]}"
    )
    if collab.share is not None and (
        s := w.fig(r, f"{metric.value}.share", collab.share, "percent")
    ):
        text += f"; {s} of them are made in collaboration"
    return text + "."


def lookup(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """Values of the plan's metrics for its clusters (all clusters when none is named)."""
    lines = []
    for r in _records(plan, corpus):
        for metric in plan.metrics:
            if plan.entities and metric in ORG_METRICS + FIELD_METRICS + COLLAB_METRICS:
                for key in plan.entities:
                    if _find(r, metric, key) or len(plan.metrics) == 1:
                        lines.append(_entity_line(w, r, metric, key, plan))
            elif metric in ORG_METRICS + FIELD_METRICS:
                lines.append(_list(w, r, metric, plan))
            else:
                lines.append(_describe_scalar(w, r, metric))
    if plan.entities and not lines:
        raise Unanswerable(
            f"{display(corpus, plan.entities[0])} does not appear in the "
            "profiles for the clusters asked about"
        )
    return "\n".join(dict.fromkeys(lines))


def membership(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """Yes or no: is the entity in the cluster's list, with its place and figures."""
    lines = []
    for r in _records(plan, corpus):
        for key in plan.entities:
            for metric in plan.metrics:
                if _find(r, metric, key):
                    lines.append("Yes. " + _entity_line(w, r, metric, key, plan))
                else:
                    listed = _list(w, r, metric, None)
                    lines.append(
                        f"No. {display(corpus, key)} is not among {r.cluster}'s "
                        f"{LABEL[metric]}. {listed}"
                    )
    return "\n".join(lines)


def compare(w: Writer, plan: QueryPlan, corpus: Corpus, every: bool) -> str:
    """Clusters ordered on the plan's first metric (ranks: a lower number is better)."""
    metric = plan.metrics[0]
    if metric in ORG_METRICS + FIELD_METRICS:
        raise Unanswerable(
            f"a {LABEL[metric]} list cannot be compared as one number; ask for "
            "a list per cluster instead"
        )
    rows = []
    missing = []
    for r in _records(plan, corpus):
        value, path, unit = scalar(r, metric)
        if value is None:
            missing.append(r.cluster)
        else:
            rows.append((value, r, path, unit))
    if len(rows) < 2:
        raise Unanswerable(
            f"fewer than two of the clusters asked about give a {LABEL[metric]}"
            + (f" (missing for {', '.join(missing)})" if missing else "")
        )
    is_rank = metric in RANK_METRICS
    reverse = (plan.order != "asc") != is_rank
    rows.sort(key=lambda x: x[0], reverse=reverse)
    texts = [f"{r.cluster} {w.fig(r, path, v, unit)}" for v, r, path, unit in rows]
    best = rows[0][1].cluster
    tied = [r.cluster for v, r, _, _ in rows if v == rows[0][0]]
    if len(tied) > 1:
        head = f"{' and '.join(tied)} are level on {LABEL[metric]}"
    elif is_rank:
        word = "worst" if plan.order == "asc" else "best"
        head = f"{best} has the {word} {LABEL[metric]} (a lower number is a better rank)"
    elif not every and len(rows) == 2:
        word = "fewer" if plan.order == "asc" else "more"
        head = f"{best} has {word} {LABEL[metric]} than {rows[1][1].cluster}"
    else:
        word = "fewest" if plan.order == "asc" else "most"
        head = f"{best} has the {word} {LABEL[metric]}"
    tail = f" No figure for {', '.join(missing)}." if missing else ""
    return f"{head}: {'; '.join(texts)}.{tail}"


def _entity_values(
    plan: QueryPlan, corpus: Corpus
) -> list[tuple[float, ClusterProfile, str, str, str]]:
    """(value, record, path, unit, label) for each entity of the plan in each cluster."""
    rows = []
    for r in _records(plan, corpus):
        for metric in plan.metrics:
            for key in plan.entities:
                for i in _find(r, metric, key)[:1]:
                    entry = getattr(r, metric.value)[i]
                    use_share = metric in FIELD_METRICS or plan.attribute == "share"
                    value = entry.share if use_share else entry.count
                    if value is not None:
                        attr = "share" if use_share else "count"
                        label = getattr(entry, "name", None) or entry.field
                        rows.append(
                            (
                                value,
                                r,
                                f"{metric.value}[{i}].{attr}",
                                "percent" if use_share else "count",
                                f"{label} ({r.cluster})",
                            )
                        )
    return rows


def aggregate(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """A sum, average or difference over clusters (or over entities), each input cited."""
    metric = plan.metrics[0]
    rows = []
    if len(plan.entities) >= 2:
        for value, r, path, unit, label in _entity_values(plan, corpus):
            if (cid := w.cite(r, path)) is not None:
                rows.append((value, r, path, unit, cid, label))
    else:
        for r in _records(plan, corpus):
            value, path, unit = scalar(r, metric)
            if value is not None and (cid := w.cite(r, path)) is not None:
                rows.append((value, r, path, unit, cid, r.cluster))
    if len(rows) < 2:
        raise Unanswerable(f"fewer than two of the things asked about give a {LABEL[metric]}")
    unit = rows[0][3]
    ins = [f"{label} {w.fig(r, path, v, u)}" for v, r, path, u, _, label in rows]
    ids = [row[4] for row in rows]
    values = [v for v, *_ in rows]
    if plan.aggregation == "difference":
        rows.sort(key=lambda x: -x[0])
        hi, lo = rows[0], rows[-1]
        result = w.computed(hi[0] - lo[0], unit, [hi[4], lo[4]], "difference")
        what = "percentage points" if unit == "percent" else LABEL[metric]
        result = result.rstrip("%") if unit == "percent" else result
        return (
            f"The difference is {result} {what}: {hi[5]} {fmt(hi[0], unit)} [{hi[4]}] "
            f"minus {lo[5]} {fmt(lo[0], unit)} [{lo[4]}]."
        )
    if plan.aggregation == "sum":
        result = w.computed(sum(values), unit, ids, "sum")
        return f"Together: {result} ({' + '.join(ins)}; {LABEL[metric]})."
    result = w.computed(round(sum(values) / len(values), 2), unit, ids, "average")
    return f"The average is {result} (mean of {'; '.join(ins)}; {LABEL[metric]})."


def cross_list(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """Organizations that are both top PCT applicants and top publishers, per cluster."""
    lines = []
    for r in _records(plan, corpus):
        pubs: dict[str, list[int]] = {}
        for i, e in enumerate(r.top_publishers):
            pubs.setdefault(name_key(e.name), []).append(i)
        both = [
            (i, pubs[name_key(e.name)])
            for i, e in enumerate(r.top_pct_applicants)
            if name_key(e.name) in pubs
        ]
        if not r.top_pct_applicants or not r.top_publishers:
            lines.append(f"{r.cluster}'s profile lacks one of the two lists.")
            continue
        if not both:
            lines.append(
                f"No organization is both a top PCT applicant and a top publisher in {r.cluster}."
            )
        for a, ps in both:
            as_pub = "; ".join(_org_line(w, r, Metric.TOP_PUBLISHERS, p) for p in ps)
            lines.append(
                f"{r.top_pct_applicants[a].name} is both a top PCT applicant and a top "
                f"publisher in {r.cluster}. As applicant: "
                f"{_org_line(w, r, Metric.TOP_PCT_APPLICANTS, a)}. As publisher: {as_pub}."
            )
    return "\n".join(lines)


def summary(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The main facts of each cluster's profile."""
    out = []
    for r in _records(plan, corpus):
        lines = [f"{r.cluster}, {r.economy}" + (f" ({r.source})" if r.source else "")]
        for metric in (
            Metric.NATIONAL_RANK,
            Metric.GLOBAL_SIZE_RANK,
            Metric.GLOBAL_INTENSITY_RANK,
            Metric.PCT_APPLICATIONS,
            Metric.SCIENTIFIC_ARTICLES,
        ):
            lines.append("- " + _describe_scalar(w, r, metric))
        for metric in ORG_METRICS:
            if _entries(r, metric):
                lines.append(f"- Leading {SINGULAR[metric]}: {_org_line(w, r, metric, 0)}")
        for metric in FIELD_METRICS:
            items = _entries(r, metric)
            if items:
                shown = [_field_line(w, r, metric, i) for i in range(min(3, len(items)))]
                lines.append(f"- Largest fields ({_area(metric)}): {'; '.join(shown)}")
            else:
                lines.append(f"- The profile gives no {LABEL[metric]}.")
        for metric in COLLAB_METRICS:
            lines.append("- " + _collab(w, r, metric))
        out.append("\n".join(lines))
    return "\n\n".join(out)


def compute(w: Writer, plan: QueryPlan, corpus: Corpus) -> str:
    """The answer text for `plan`; raises `Unanswerable` when the store cannot answer it."""
    if plan.intent is Intent.UNANSWERABLE:
        raise Unanswerable(plan.reason or "the question is not about a fact nlq holds")
    if not _records(plan, corpus):
        raise Unanswerable(f"no indexed cluster matches; indexed: {', '.join(corpus.clusters)}")
    if plan.intent is Intent.SUMMARY:
        return summary(w, plan, corpus)
    if plan.intent is Intent.CROSS_LIST:
        return cross_list(w, plan, corpus)
    if plan.intent is Intent.AGGREGATE:
        return aggregate(w, plan, corpus)
    if plan.intent in (Intent.COMPARE, Intent.RANK):
        return compare(w, plan, corpus, every=plan.intent is Intent.RANK)
    if plan.intent is Intent.MEMBERSHIP:
        return membership(w, plan, corpus)
    if plan.intent is Intent.LIST:
        return "\n".join(_list(w, r, m, plan) for r in _records(plan, corpus) for m in plan.metrics)
    return lookup(w, plan, corpus)
