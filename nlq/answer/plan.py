"""The deterministic planner: a question (and the previous plan, in a chat) -> `QueryPlan`.

Names are resolved against the store (`resolve`), the other words read with the domain
vocabulary (`reading`, `lexicon`), the intent decided from both (`intent`). No list of known
questions is involved.
"""

from __future__ import annotations

import logging
import re

from nlq.answer import lexicon as lx
from nlq.answer import question_numbers as qn
from nlq.answer.context import Turn, carry, carry_intent, inherit
from nlq.answer.corpus import COLLAB_METRICS, ORG_METRICS, Corpus
from nlq.answer.framing import without_framing
from nlq.answer.intent import QUESTION_START, decide, one_entry
from nlq.answer.intent_cues import ASCENDING
from nlq.answer.positions import end_of_top, position, relative
from nlq.answer.reading import (
    RANKS,
    SCALARS,
    Reading,
    axis_lists,
    choose_metrics,
    read,
    take_name,
)
from nlq.answer.resolve import SemanticMatcher, words
from nlq.answer.select import LIST_METRICS, cluster_list
from nlq.schema import Intent, Metric, QueryPlan

log = logging.getLogger(__name__)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# The subject of "is X one of ...", "does X appear among ...".
_MEMBER_SUBJECT = re.compile(
    r"^\s*(?:is|are|was|were|does|do|did)\s+(?:the\s+)?(.{2,80}?)\s+(?:one of|among|"
    r"a top|in the top|part of|listed|included|a leading|a major|a main|a key|on the|"
    r"appear|feature|rank|count)\b",
    re.I,
)
# "Nanjing among Hefei's top co-invention partners?": a yes/no question without its verb.
_SUBJECT_FIRST = re.compile(
    r"^\s*(?!(?:who|which|what|how|where|whose|list|name|show|give|tell)\b)"
    r"([^?,:;]{2,80}?)\s+(?:among|amongst|one of)\b",
    re.I,
)
_ASCENDING = re.compile(rf"\b(?:{'|'.join(ASCENDING)}|bottom)\b")
# "in articles and in share", "count and share": an entry's two figures.
_COUNT_WORD = (
    r"(?:articles|papers|publications|applications|patents|filings|counts?|numbers? of \w+)"
)
_SHARE_WORD = r"(?:shares?|percentages?|per ?cent)"
_BOTH = re.compile(
    # "how many articles and what combined share", "the number of articles ... and what share"
    rf"\b(?:how many|number of)\s+(?:\w+\s+){{0,2}}?{_COUNT_WORD}\b(?:\s+\S+){{0,12}}?\s+and\s+"
    rf"(?:[\w']+\s+){{0,3}}?{_SHARE_WORD}\b"
    # "in articles and in share", "article count and combined share"
    rf"|\b(?:in\s+)?{_COUNT_WORD}\s+and\s+(?:in\s+|as\s+a\s+|their\s+|its\s+)?{_SHARE_WORD}\b"
    rf"|\bcounts?\s+and\s+(?:[\w']+\s+){{0,2}}?{_SHARE_WORD}\b"
    rf"|\b{_SHARE_WORD}\s+and\s+(?:in\s+|their\s+|its\s+)?{_COUNT_WORD}\b"
)
_WHY = re.compile(r"^\s*why\b|\bwhy (?:does|do|is|are|did|has|have|was|were)\b", re.I)
_LETTER = re.compile(r"[^\W\d_]")


def _attribute(r: Reading) -> str:
    text = r.text
    if _BOTH.search(text):
        return "both"
    if re.search(r"\bshare\b|percent|proportion|\bfraction\b|%|what part", text):
        return "share"
    if r.intent("concentration"):
        return "share"
    if re.search(r"how many|number of|\bcount\b", text):
        return "count"
    if re.search(r"\brank|position|place", text):
        return "rank"
    return "value"


def _org_type(r: Reading) -> str | None:
    """'academic' or 'company' when the question keeps one kind of organization."""
    academic, company = lx.ACADEMIC_CUES.search(r.text), lx.COMPANY_CUES.search(r.text)
    if bool(academic) == bool(company):
        return None
    kind = "academic" if academic else "company"
    cue = academic or company
    if lx.NEGATION.search(r.text[max(0, cue.start() - 16) : cue.start()]):  # "not a university"
        kind = "company" if kind == "academic" else "academic"
    return kind


def plan_question(
    question: str,
    corpus: Corpus,
    previous: QueryPlan | None = None,
    matcher: SemanticMatcher | None = None,
    *,
    recent: list[str] | None = None,
    recent_entities: list[str] | None = None,
) -> QueryPlan:
    """A `QueryPlan` for `question`; `previous` carries a chat's context into follow-ups, and
    `recent` / `recent_entities` the clusters and entities of the last turns on the same
    metric ("and Changsha?" after a question about Hefei, then "which is higher?" compares
    the two)."""
    plan = _plan(question, corpus, previous, matcher, recent or [], recent_entities or [])
    log.info("plan (rules): %s", plan.model_dump_json(exclude_defaults=True))
    return plan


def _not_indexed(names: list[str], corpus: Corpus) -> str:
    shown = ", ".join(dict.fromkeys(names))
    return (
        f"{shown}: not an indexed cluster, nor an organization, field or location in the "
        f"indexed profiles; indexed clusters: {cluster_list(corpus)}"
    )


def _refuse(reason: str, clusters: list[str], metrics: list[Metric]) -> QueryPlan:
    """An unanswerable plan; it keeps the metrics, so "and Hefei's?" after it still knows
    what was asked."""
    return QueryPlan(intent=Intent.UNANSWERABLE, clusters=clusters, metrics=metrics, reason=reason)


def _plan(
    question: str,
    corpus: Corpus,
    previous: QueryPlan | None,
    matcher: SemanticMatcher | None,
    recent: list[str],
    recent_entities: list[str],
) -> QueryPlan:
    question = without_framing(question)
    r = read(question, corpus, matcher)
    m = r.mentions
    if previous is not None and not m.entities:
        _entry_of_previous_list(r, corpus, previous)
    subject_first = _SUBJECT_FIRST.match(question)
    membership_shaped = bool(QUESTION_START.search(question) or subject_first)
    metrics = _asked_metrics(question, choose_metrics(r), corpus, matcher)
    if m.unknown and not m.clusters and not (membership_shaped and previous is not None):
        return _refuse(_not_indexed(m.unknown, corpus), [], metrics)
    if missing := lx.not_held(r.text):
        held = "no forecasts" if missing == "forecasts" else f"no figures on {missing!r}"
        return _refuse(f"the profiles hold {held}", m.clusters, [])
    if years := set(map(int, _YEAR.findall(question))) - corpus.editions:
        # The editions held are shown as cited figures (compute), never as bare numbers.
        latest = max((e for e in corpus.editions if e), default=0)
        reason = (
            "the profiles hold no forecasts, and no indexed profile is from that year"
            if min(years) > latest
            else "no indexed profile is from the edition the question names"
        )
        # "CXMT's filings in 2022?": the edition held is shown from the entity's own cluster.
        where = m.clusters or list(dict.fromkeys(c for e in m.entities for c, _ in e.places))
        return _refuse(reason, where, [Metric.EDITION])
    kind = m.entities[0].kind if m.entities else None
    if not m.clusters and kind == "location" and metrics and metrics[0] not in COLLAB_METRICS:
        name = m.entities[0].names[0]
        reason = (
            f"{name} is not an indexed cluster (it appears only as a collaboration partner); "
            f"indexed clusters: {cluster_list(corpus)}"
        )
        return _refuse(reason, [], metrics)
    entities = sorted(
        (e.key for e in m.entities if e.kind == kind), key=lambda k: m.starts.get(k, 0)
    )
    clusters = list(m.clusters)
    cluster_compare = r.intent("compare") and (not metrics or metrics[0] in SCALARS + RANKS)
    if m.unknown and len(clusters) == 1 and cluster_compare and not entities:
        # "Does Shenzhen file more than Hefei?": the other side of the comparison is unknown.
        return _refuse(_not_indexed(m.unknown, corpus), clusters, metrics)
    if m.unknown_orgs and clusters and not entities and not cluster_compare:
        org_asked = r.has("applicant") or r.has("publisher") or r.has("organization")
        if org_asked or (metrics and metrics[0] in SCALARS):
            # "How many PCT applications does Huawei file in Hefei?": an organization the
            # profile does not list, not the cluster's own figure.
            if not org_asked:
                metrics = axis_lists(r)
            entities, kind = [m.unknown_orgs[0]], "organization"
    carried = False
    if previous is not None:
        now = Turn(clusters, metrics, entities, kind)
        turn, carried = inherit(
            r, now, previous, corpus, recent=recent, recent_entities=recent_entities,
            position=position(r.text), top_n=qn.top_n(r.text),
        )  # fmt: skip
        clusters, metrics, entities, kind = turn.clusters, turn.metrics, turn.entities, turn.kind
    if r.intent("summary") and not _one_list_asked(r, metrics):
        return QueryPlan(intent=Intent.SUMMARY, clusters=clusters)
    if not metrics and _VAGUE_HOW.search(r.text):
        if clusters and not _VAGUE_BETTER.search(r.text):
            return QueryPlan(intent=Intent.SUMMARY, clusters=clusters)  # "how is Hefei doing?"
        metrics = list(RANKS + SCALARS)  # "which city does better?": the headline figures
    if not metrics and previous is not None and previous.intent is Intent.UNANSWERABLE:
        if previous.reason and not previous.metrics and carried:
            return _refuse(previous.reason, clusters, [])  # "and Hefei?" after "R&D spending?"
    if not metrics:
        reason = "no metric nlq holds is named in the question"
        return _refuse(reason, clusters, [])
    listy = metrics[0] in LIST_METRICS + COLLAB_METRICS
    if not listy:
        entities, kind = [], None  # a cluster-level figure is not about an entity
    entities = list(dict.fromkeys(entities))
    if not entities and not m.unknown and membership_shaped and listy:
        # "is huawei one of hefei's top applicants": a lower-case name the store does not hold.
        subject = _MEMBER_SUBJECT.match(question)
        name = subject.group(1).strip() if subject else ""
        if (
            _LETTER.search(name)  # "is 2024 ...": a year, not an organization
            and len(name.split()) <= 4
            and not any(lx.is_known(t) for t in name.lower().split())
        ):
            entities = [name]
    if not entities and m.unknown and membership_shaped and listy:
        # A name the store does not hold: the answer is "no". "Is Medical technology one of
        # ...?" asks about "Medical technology", not just its capitalized word.
        subject = _MEMBER_SUBJECT.match(question) or subject_first
        name = subject.group(1).strip() if subject else ""
        entities = [name if m.unknown[0] in name else m.unknown[0]]
    plan = QueryPlan(
        intent=Intent.LOOKUP,
        clusters=clusters,
        metrics=metrics,
        entities=entities,
        entity_kind=kind,
        attribute=_attribute(r),
        limit=qn.top_n(r.text),
        position=position(r.text, follow_up=carried),
        polar=membership_shaped and not _choice(question, m.used, r),
        reason="the profiles give figures, not their causes" if _WHY.search(question) else None,
    )
    _filters(r, plan)
    if (end := end_of_top(r.text)) is not None and listy:
        plan.position, plan.limit, plan.order = end, None, None
    if previous is not None and carried:
        carry(plan, previous, r)
    relative(r, plan, corpus)
    plan.intent = decide(r, plan, previous, corpus)
    plan.pairwise = plan.intent is Intent.AGGREGATE and bool(_PAIRWISE.search(r.text))
    asserts = plan.polar or qn.CONFIRM.search(r.text.rstrip())
    if asserts and plan.intent in (Intent.LOOKUP, Intent.MEMBERSHIP, Intent.LIST):
        plan.stated = qn.stated(r.text)  # "Is CXMT's share 45%?": checked against the figures
    if plan.polar and all(mt in RANKS for mt in plan.metrics) and (n := qn.top_cut(r.text)):
        # "Are both in the top 100?": each cluster's rank against the cut-off, not a contest.
        plan.intent, plan.below, plan.inclusive, plan.limit = Intent.LOOKUP, float(n), True, None
    if previous is not None and carried:
        carry_intent(plan, previous, compares=r.intent("compare"))
    if (
        plan.intent in (Intent.LIST, Intent.RANK, Intent.COMPARE)
        and listy
        and plan.limit is None
        and plan.position is None
        and one_entry(r)
    ):
        plan.limit = 1
    return plan


_QUESTION_SENTENCE = re.compile(
    r"(?<=[a-z0-9%)'\"”’][.!?])\s+(?=(?:What|Which|Who|Whose|How|Is|Are|Does|Do|Did|Can|Could|"
    r"Where|List|Give|Tell|Show|Name|Compare)\b)"
)


def _asked_metrics(
    question: str, metrics: list[Metric], corpus: Corpus, matcher: SemanticMatcher | None
) -> list[Metric]:
    """The metrics of the question asked: "X keeps coming up as a partner. What's its own
    global rank?" asks in its last sentence, the sentences before only say what it is about.
    A bare "articles" there ("what do its two entries add up to, in articles?") is the list
    the statements named, not the per-capita count; "how many places apart?" after "compare
    their intensity ranks" keeps the intensity rank."""
    asked = _last_question(question)
    if asked == question:
        return metrics
    last = read(asked, corpus, matcher)
    named = choose_metrics(last)
    specific = not (metrics and set(metrics) < set(named))
    if named and specific and (not set(named) <= set(SCALARS) or last.has("per_capita")):
        return named
    return metrics


def _last_question(question: str) -> str:
    """The last sentence of `question` when it is the one question after statements ("X keeps
    coming up. What's its rank?"), else `question` ("How dominant is ...? Give each share.")."""
    parts = _QUESTION_SENTENCE.split(question)
    if len(parts) > 1 and not any(p.rstrip().endswith("?") for p in parts[:-1]):
        return parts[-1]
    return question


# "articles per PCT application", "more articles than PCT applications": two figures of each
# cluster against each other, not the clusters against each other.
_PAIRWISE = re.compile(
    r"\bper (?:pct|patent|application|filing|article|paper|publication|listed|filed)"
    r"|\bdivided by\b|\bratio of \w+(?: \w+)? to\b"
    r"|\b(?:articles|papers|publications) than (?:pct|patents?|applications|filings)\b"
    r"|\b(?:pct|patents?|applications|filings) than (?:articles|papers|publications)\b"
)
# "How is Hefei doing?", "which city does better?": no figure named, the headline ones meant.
_VAGUE_BETTER = re.compile(
    r"\b(?:better|best|ahead|stronger|strongest|outperforms?|wins?|leads?|leading|on top)\b"
)
_VAGUE_HOW = re.compile(
    r"\b(?:perform\w*|doing|fares?|faring|stack up|stacks up|look like|looks|"
    r"better|best|ahead|stronger|strongest|outperforms?|wins?|on top)\b"
)


def _one_list_asked(r: Reading, metrics: list[Metric]) -> bool:
    """A summary cue over one kind of list ("tell me about Changsha's universities", "an
    overview of Hefei's collaboration"): that list, not the whole profile."""
    kinds = [
        r.has("applicant") or r.has("publisher") or r.has("organization"),
        r.has("field"),
        r.has("collaboration"),
        r.has("rank") or r.has("national") or r.has("intensity") or r.has("size"),
        r.has("per_capita"),
    ]
    listy = bool(metrics) and metrics[0] in LIST_METRICS + COLLAB_METRICS
    return listy and sum(kinds) == 1 and not any(kinds[3:])


def _choice(question: str, used: set[int], r: Reading) -> bool:
    """ "Is chemistry or engineering the bigger?": a choice between two names, not a yes/no
    question."""
    ws = words(question)
    pairs = (j for j, w in enumerate(ws) if w.norm == "or" and 0 < j < len(ws) - 1)

    def named_after(j: int) -> bool:  # "Changsha or Hefei", "in Changsha or in Hefei"
        return j + 1 in used or (ws[j + 1].norm in ("in", "for", "at") and j + 2 in used)

    return r.intent("compare") and any(j - 1 in used and named_after(j) for j in pairs)


def _entry_of_previous_list(r: Reading, corpus: Corpus, previous: QueryPlan) -> None:
    """In a follow-up, a one-word name too common to be read as a name by itself ("and
    technology?" after a question about Hefei's publication fields) is the entry of that
    name in the list the previous turn asked about."""
    if len(r.question.split()) > 4:
        return
    lists = {(c, m) for c in previous.clusters for m in previous.metrics}
    for j, w in enumerate(words(r.question)):
        entity = corpus.entities.get(w.norm)
        if j in r.mentions.used or entity is None:
            continue
        if any(place in lists for place in entity.places):
            r.mentions.entities.append(entity)
            r.mentions.starts[entity.key] = j
            take_name(r, j)
            return


def _filters(r: Reading, plan: QueryPlan) -> None:
    """Order, bottom N, thresholds and organization types."""
    asc = bool(_ASCENDING.search(qn.THRESHOLD_PHRASE.sub(" ", r.text)))  # not "at least 5%"
    plan.order = "asc" if asc else None
    if (n := qn.bottom_n(r.text)) is not None:
        plan.limit, plan.order = n, "asc"
    for side, value, percent, inclusive in qn.thresholds(r.text):
        if plan.metrics[0] in LIST_METRICS:
            plan.threshold_percent = percent or plan.attribute == "share"
            plan.inclusive = inclusive
            setattr(plan, side, value)
    if plan.metrics[0] in ORG_METRICS:
        plan.org_type = _org_type(r)  # type: ignore[assignment]
