"""The deterministic planner: a question (and the previous plan, in a chat) -> `QueryPlan`.

Names are resolved against the store (`resolve`), the other words read with the domain
vocabulary (`reading`, `lexicon`), the intent decided from both (`intent`). No list of known
questions is involved.
"""

from __future__ import annotations

import logging
import re

from nlq.answer import lexicon as lx
from nlq.answer.compare import ranked_entries
from nlq.answer.corpus import COLLAB_METRICS, Corpus, name_key
from nlq.answer.intent import ALL, QUESTION_START, decide, one_entry
from nlq.answer.reading import (
    LIST_FAMILIES,
    RANKS,
    SCALARS,
    Reading,
    axis_switch,
    choose_metrics,
    read,
)
from nlq.answer.resolve import SemanticMatcher, words
from nlq.answer.select import LIST_METRICS, cluster_list, entry_name, find
from nlq.numbers import ORDINAL, parse_ordinal
from nlq.schema import Intent, Metric, QueryPlan

log = logging.getLogger(__name__)
_ORG_LISTS = (Metric.TOP_PCT_APPLICANTS, Metric.TOP_PUBLISHERS)
MAX_CARRIED = 12
"""A follow-up to a comparison of every cluster keeps them all, up to this many."""
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# The subject of "is X one of ...", "does X appear among ...".
_MEMBER_SUBJECT = re.compile(
    r"^\s*(?:is|are|was|were|does|do|did)\s+(?:the\s+)?(.{2,80}?)\s+(?:one of|among|"
    r"a top|in the top|part of|listed|included|a leading|a major|a main|a key|on the|"
    r"appear|feature|rank|count)\b",
    re.I,
)
_ASCENDING = re.compile(rf"\b(?:{'|'.join(lx.ASCENDING)}|bottom)\b")
_WHY = re.compile(r"^\s*why\b|\bwhy (?:does|do|is|are|did|has|have|was|were)\b", re.I)
_LIST_NOUN = (
    r"(?:applicant|publisher|filer|organi[sz]ation|company|firm|university|institution|"
    r"field|area|sector|domain|discipline|partner|location|entry|name|player|one)s?"
)
_NUMBER_WORD = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten"
_MANY_WORD = r"\d+|two|three|four|five|six|seven|eight|nine|ten"  # "first two" is a top N
_POSITION = re.compile(
    rf"\b({ORDINAL})[\s-]+(?:largest|biggest|top|leading|most|highest|ranked|place|placed|"
    rf"smallest|lowest|least)\b"
    rf"|\b({ORDINAL})\s+(?!(?:{_MANY_WORD})\b)(?:[\w.&-]+\s+){{0,2}}?{_LIST_NOUN}\b"
    rf"|(?:\bnumber|\bno\.?|#)\s*({_NUMBER_WORD})\s+(?:[\w.&-]+\s+){{0,2}}?{_LIST_NOUN}\b"
    rf"|\b(runner[\s-]up)\b",
    re.I,
)
# Before an entity: the entry after it ("who publishes the most after Central South
# University?"), or the best entry that is not it ("the biggest applicant besides CXMT").
_AFTER = frozenset("after behind below beneath following".split())
_BESIDES = frozenset("besides except excluding".split())
_BESIDES_PAIRS = {("other", "than"), ("apart", "from"), ("aside", "from")}


def _position(text: str) -> int | None:
    """N for "the second-largest applicant", "third publisher", "number two applicant"."""
    m = _POSITION.search(text)
    if not m:
        return None
    word = next(g for g in m.groups() if g)
    if word.lower().startswith("runner"):
        return 2
    if word.isdigit():
        return int(word)
    if word.lower() in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[word.lower()]
    return int(re.sub(r"\D", "", word)) if word[0].isdigit() else parse_ordinal(word)


def _attribute(r: Reading) -> str:
    text = r.text
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
    r = read(question, corpus, matcher)
    m = r.mentions
    membership_shaped = bool(QUESTION_START.search(question))
    metrics = choose_metrics(r)
    if m.unknown and not m.clusters and not (membership_shaped and previous is not None):
        return _refuse(_not_indexed(m.unknown, corpus), [], metrics)
    if missing := lx.not_held(r.text):
        return _refuse(f"the profiles hold no figures on {missing!r}", m.clusters, [])
    if years := set(map(int, _YEAR.findall(question))) - corpus.editions:
        # The editions held are shown as cited figures (compute), never as bare numbers.
        latest = max((e for e in corpus.editions if e), default=0)
        reason = (
            "the profiles hold no forecasts, and no indexed profile is from that year"
            if min(years) > latest
            else "no indexed profile is from the edition the question names"
        )
        return _refuse(reason, m.clusters, [Metric.EDITION])
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
                metrics = [m for m in _ORG_LISTS if m in _axis_lists(r)]
            entities, kind = [m.unknown_orgs[0]], "organization"
    carried = previous is not None and _follow_up(r, metrics, previous, bool(entities))
    if previous is not None:
        together = any(r.intent(c) for c in ("compare", "difference", "sum", "average", "ratio"))
        together = together or r.intent("shared")
        if not clusters and not ALL.search(r.text):
            clusters = list(previous.clusters)
            if together and len(clusters) < 2 and len(recent) >= 2:
                clusters = list(recent)
            compared_all = previous.intent in (Intent.COMPARE, Intent.RANK, Intent.AGGREGATE)
            if compared_all and not clusters and len(corpus.clusters) <= MAX_CARRIED:
                clusters = list(corpus.clusters)  # "and their size ranks?" after "compare the two"
        elif together and len(clusters) == 1 and set(recent) - set(clusters):
            clusters = clusters + [
                c for c in recent if c not in clusters
            ]  # "is Changsha's higher?"
        switched = axis_switch(r, previous.metrics) if carried else None
        same_list = carried and bool(metrics) and same_family(metrics, previous.metrics)
        if switched or not metrics or same_list or (carried and _keeps_list(r, previous)):
            metrics = switched or metrics if same_list or switched else list(previous.metrics)
            if not entities:
                entities, kind = list(previous.entities), previous.entity_kind
                if together and not r.mentions.clusters and len(recent_entities) >= 2:
                    # "which is bigger?" after "CXMT's share" and "and Central South's?"
                    entities, clusters = list(recent_entities), []  # wherever they are
    if r.intent("summary"):
        return QueryPlan(intent=Intent.SUMMARY, clusters=clusters)
    if not metrics:
        reason = "no metric nlq holds is named in the question"
        return _refuse(reason, clusters, [])
    listy = metrics[0] in LIST_METRICS + COLLAB_METRICS
    if not listy:
        entities, kind = [], None  # a cluster-level figure is not about an entity
    entities = list(dict.fromkeys(entities))
    if not entities and m.unknown and membership_shaped and listy:
        # A name the store does not hold: the answer is "no". "Is Medical technology one of
        # ...?" asks about "Medical technology", not just its capitalized word.
        subject = _MEMBER_SUBJECT.match(question)
        name = subject.group(1).strip() if subject else ""
        entities = [name if m.unknown[0] in name else m.unknown[0]]
    plan = QueryPlan(
        intent=Intent.LOOKUP,
        clusters=clusters,
        metrics=metrics,
        entities=entities,
        entity_kind=kind,
        attribute=_attribute(r),
        limit=lx.top_n(r.text),
        position=_position(r.text),
        polar=membership_shaped,
        reason="the profiles give figures, not their causes" if _WHY.search(question) else None,
    )
    _filters(r, plan)
    if previous is not None and carried:
        _carry(plan, previous)
    _relative(r, plan, corpus)
    plan.intent = decide(r, plan, previous, corpus)
    if carried and previous is not None and plan.intent in (Intent.LIST, Intent.LOOKUP):
        if (
            previous.intent in (Intent.MEMBERSHIP, Intent.CROSS_LIST)
            and plan.entities == previous.entities
            and same_family(plan.metrics, previous.metrics)
        ):
            # "and in Changsha?" after "is Beijing one of Hefei's partners?" or "which
            # organizations are both ... in Hefei?": the same kind of question.
            plan.intent, plan.polar, plan.across = previous.intent, previous.polar, previous.across
        elif previous.intent in (Intent.COMPARE, Intent.RANK) and len(plan.clusters) >= 2:
            plan.intent = Intent.COMPARE  # "and their size ranks?" after a comparison
    if (
        plan.intent in (Intent.LIST, Intent.RANK, Intent.COMPARE)
        and listy
        and plan.limit is None
        and plan.position is None
        and one_entry(r)
    ):
        plan.limit = 1
    return plan


def _axis_lists(r: Reading) -> list[Metric]:
    if r.patent and not r.publication:
        return [Metric.TOP_PCT_APPLICANTS]
    if r.publication and not r.patent:
        return [Metric.TOP_PUBLISHERS]
    return list(_ORG_LISTS)


def _filters(r: Reading, plan: QueryPlan) -> None:
    """Order, bottom N, thresholds and organization types."""
    asc = bool(_ASCENDING.search(lx.THRESHOLD_PHRASE.sub(" ", r.text)))  # not "at least 5%"
    plan.order = "asc" if asc else None
    if (n := lx.bottom_n(r.text)) is not None:
        plan.limit, plan.order = n, "asc"
    if (t := lx.threshold(r.text)) is not None and plan.metrics[0] in LIST_METRICS:
        side, value, percent, inclusive = t
        plan.threshold_percent = percent or plan.attribute == "share"
        plan.inclusive = inclusive
        setattr(plan, side, value)
    if plan.metrics[0] in _ORG_LISTS:
        plan.org_type = _org_type(r)  # type: ignore[assignment]


def _follow_up(r: Reading, metrics: list[Metric], previous: QueryPlan, names_entity: bool) -> bool:
    """A short question that leans on the previous one ("the second one?", "and for
    patents?", "which is largest?", "what about patent applicants?"): it names no metric of
    its own beyond an axis, a superlative or another list of the same kind."""
    if len(r.question.split()) > 8:
        return False
    if not metrics or set(metrics) <= set(SCALARS + RANKS):
        return True
    return not names_entity and same_family(metrics, previous.metrics)


def same_family(a: list[Metric], b: list[Metric]) -> bool:
    """True when `a` and `b` are both lists of organizations, of fields or of partners."""
    return any(set(a) <= set(f) and b and b[0] in f for f in LIST_FAMILIES)


def _keeps_list(r: Reading, previous: QueryPlan) -> bool:
    """After a list, "which is largest?" and "the second one?" are about that list, not the
    size rank or the per-capita count."""
    if not previous.metrics or previous.metrics[0] not in LIST_METRICS + COLLAB_METRICS:
        return False
    named = r.has("rank") or r.has("intensity") or r.has("national")
    return not named and not re.search(r"\bsize\b", r.text) and not (r.patent or r.publication)


def _carry(plan: QueryPlan, previous: QueryPlan) -> None:
    """A follow-up keeps the previous question's position, limit and order unless it sets
    its own ("and in Changsha?" after "who is Hefei's second applicant?")."""
    if plan.metrics != previous.metrics and not set(plan.metrics) & set(LIST_METRICS):
        return
    if plan.position is None and plan.limit is None:
        plan.position, plan.limit = previous.position, previous.limit
    if plan.order is None:
        plan.order = previous.order
    if plan.attribute == "value":
        plan.attribute = previous.attribute


def _relative(r: Reading, plan: QueryPlan, corpus: Corpus) -> None:
    """'after X' and 'besides X': the position in the list relative to the entity X, which
    then leaves the plan (the question is about another entry). In one cluster's list, or,
    for "in either cluster" or with no cluster named, in the ranking over every list."""
    if len(plan.entities) != 1 or plan.metrics[0] not in LIST_METRICS:
        return
    key = plan.entities[0]
    start = r.mentions.starts.get(key)
    if start is None or start == 0:
        return
    ws = words(r.question)
    before = ws[start - 1].norm
    pair = (ws[start - 2].norm, before) if start >= 2 else ("", before)
    after, besides = before in _AFTER, before in _BESIDES or pair in _BESIDES_PAIRS
    if not (after or besides):
        return
    metric = plan.metrics[0]
    if not plan.clusters and len(corpus.records) > 1 and key in corpus.entities:
        ranked = ranked_entries(plan.model_copy(update={"entities": []}), corpus, metric)
        hits = [k for k, row in enumerate(ranked) if _row_is(row, metric, key)]
        if hits:
            plan.position = hits[0] + 2 if after else (2 if hits[0] == 0 else 1)
            plan.entities, plan.entity_kind, plan.limit = [], None, None
        return
    if plan.clusters:
        clusters = plan.clusters
    elif key in corpus.entities:
        clusters = [c for c, m in corpus.entities[key].places if m == metric]
    else:
        return
    for cluster in clusters:
        record = corpus.records[cluster] if cluster in corpus.records else None
        hits = find(record, metric, key) if record else []
        if hits:
            i = hits[0]
            plan.position = i + 2 if after else (2 if i == 0 else 1)
            plan.clusters = plan.clusters or [cluster]
            plan.entities, plan.entity_kind, plan.limit = [], None, None
            return


def _row_is(row, metric: Metric, key: str) -> bool:
    entry = getattr(row.record, metric.value)[int(row.label)]
    return name_key(entry_name(entry)) == key
