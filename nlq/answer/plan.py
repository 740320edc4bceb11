"""The deterministic planner: a question (and the previous plan, in a chat) -> `QueryPlan`.

Names are resolved against the store (`resolve`); the remaining words are read with the
domain vocabulary (`lexicon`). No list of known questions is involved.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from nlq.answer import lexicon as lx
from nlq.answer.corpus import COLLAB_METRICS, FIELD_METRICS, ORG_METRICS, Corpus, Entity
from nlq.answer.resolve import Mentions, SemanticMatcher, find_mentions, semantic_entities, words
from nlq.answer.select import cluster_list
from nlq.numbers import ORDINAL, parse_ordinal
from nlq.schema import Intent, Metric, QueryPlan

log = logging.getLogger(__name__)
SCALARS = (Metric.PCT_APPLICATIONS, Metric.SCIENTIFIC_ARTICLES)
RANKS = (Metric.NATIONAL_RANK, Metric.GLOBAL_SIZE_RANK, Metric.GLOBAL_INTENSITY_RANK)
_PLURALS = re.compile(
    r"\b(?:applicants|publishers|organi[sz]ations|companies|firms|institutions|universities|"
    r"fields|areas|domains|sectors|disciplines|subjects|partners|locations|players|filers)\b"
)
# "the top publisher" (one organization) as against "the top publishers" (the list).
_TOP_ONE = re.compile(
    r"\b(?:top|number one|no\.? ?1|#1)\s+(?:\w+\s+)?(?:applicant|publisher|filer|"
    r"organi[sz]ation|company|firm|university|institution|field|area|sector|partner|location)\b"
)
_ORDINAL_WORD = re.compile(ORDINAL, re.I)
# The subject of "is X one of ...", "does X appear among ...".
_MEMBER_SUBJECT = re.compile(
    r"^\s*(?:is|are|was|were|does|do|did)\s+(?:the\s+)?(.{2,80}?)\s+(?:one of|among|"
    r"a top|in the top|part of|listed|included|a leading|a major|a main|a key|on the|"
    r"appear|feature|rank|count)\b",
    re.I,
)
# "do any organizations appear in the lists of both ...", "... in both clusters' lists".
_SHARED = re.compile(
    r"\b(?:appear|appears|feature|features|listed|present|found|show up|shows up|occur|"
    r"occurs|figure|figures)\b[^?]*\b(?:both|each|every)\b|\bboth\b[^?]*\blists\b"
    r"|\blists\b[^?]*\b(?:both|each|every)\b"
)
_QUESTION_START = re.compile(r"^\s*(?:is|are|does|do|was|were|has|have|did)\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_ALL = re.compile(r"\b(?:both|all|each|every|the two|either|two clusters|clusters'|across)\b")


@dataclass(slots=True)
class Reading:
    """What the words of a question say, before it becomes a plan."""

    text: str
    mentions: Mentions
    patent: bool
    publication: bool

    def has(self, cue: str) -> bool:
        return lx.has(self.text, cue)

    def intent(self, cue: str) -> bool:
        return lx.intent_has(self.text, cue)


def read(question: str, corpus: Corpus, matcher: SemanticMatcher | None) -> Reading:
    """Resolve names, then read the remaining words (names blanked out) for cues."""
    mentions = find_mentions(question, corpus, lx.is_known)
    ws = words(question)
    chars = list(question.lower())
    for j in mentions.used:
        chars[ws[j].start : ws[j].end] = " " * (ws[j].end - ws[j].start)
    text = " " + re.sub(r"\s+", " ", "".join(chars)) + " "
    publication = lx.has(text, "publication")
    patent = lx.has(text, "patent") or (lx.has(text, "technology") and not publication)
    r = Reading(text, mentions, patent, publication)
    wants_field = r.has("field") or (
        bool(re.search(r"\bshare\b|percent|proportion", text)) and not r.has("collaboration")
    )
    if matcher and not mentions.entities and wants_field:
        leftover = [
            w.norm
            for j, w in enumerate(ws)
            if j not in mentions.used
            and not lx.is_known(w.norm)
            and len(w.norm) >= 3
            and not _ORDINAL_WORD.fullmatch(w.norm)
        ]
        mentions.entities += semantic_entities(leftover, corpus, "field", matcher)
    return r


def _axis(r: Reading, patent_metric: Metric, pub_metric: Metric) -> list[Metric]:
    if r.patent and not r.publication:
        return [patent_metric]
    if r.publication and not r.patent:
        return [pub_metric]
    return [patent_metric, pub_metric]


def _entity_metrics(entity: Entity, r: Reading, family: tuple[Metric, ...]) -> list[Metric]:
    """The lists an entity is asked about: those the question's words name, else where it is."""
    said = _axis(r, family[0], family[1])
    if family == ORG_METRICS and r.has("applicant") != r.has("publisher"):
        said = [Metric.TOP_PCT_APPLICANTS if r.has("applicant") else Metric.TOP_PUBLISHERS]
    if len(said) == 1:
        return said
    present = [m for m in family if any(pm == m for _, pm in entity.places)]
    return present or said


def choose_metrics(r: Reading) -> list[Metric]:
    """The metrics a question is about (several when it does not say which)."""
    ents = r.mentions.entities
    kinds = {e.kind for e in ents}
    if r.has("count_clusters"):
        return [Metric.NATIONAL_CLUSTER_COUNT]
    if r.has("edition") and not ents:
        return [Metric.EDITION]
    if r.has("collaboration") or ("location" in kinds and not _cluster_level(r)):
        loc = next((e for e in ents if e.kind == "location"), None)
        return _entity_metrics(loc, r, COLLAB_METRICS) if loc else _axis(r, *COLLAB_METRICS)
    org_cue = r.has("applicant") or r.has("publisher") or r.has("organization")
    if "field" in kinds or (r.has("field") and not org_cue and "organization" not in kinds):
        fld = next((e for e in ents if e.kind == "field"), None)
        return _entity_metrics(fld, r, FIELD_METRICS) if fld else _axis(r, *FIELD_METRICS)
    if "organization" in kinds or org_cue:
        org = next((e for e in ents if e.kind == "organization"), None)
        if org is None and r.has("applicant") != r.has("publisher"):
            return [Metric.TOP_PCT_APPLICANTS if r.has("applicant") else Metric.TOP_PUBLISHERS]
        return _entity_metrics(org, r, ORG_METRICS) if org else _axis(r, *ORG_METRICS)
    if r.has("intensity"):
        # "patenting intensity" is output per inhabitant; "intensity rank" is the GII ranking.
        if (r.patent or r.publication) and not r.has("rank"):
            return _axis(r, *SCALARS)
        return [Metric.GLOBAL_INTENSITY_RANK]
    if r.has("size") and not (r.patent or r.publication):
        return [Metric.GLOBAL_SIZE_RANK]
    if r.has("national") and r.has("rank"):
        return [Metric.NATIONAL_RANK]
    if r.has("rank") and not (r.patent or r.publication):
        return list(RANKS)
    if r.patent or r.publication:
        return _axis(r, *SCALARS)
    return []


def _cluster_level(r: Reading) -> bool:
    """The question asks for a cluster-level figure (a rank, a per-capita count)."""
    return (
        any(r.has(c) for c in ("intensity", "size", "rank", "national"))
        or r.patent
        or r.publication
    )


_LIST_NOUN = (
    r"(?:applicant|publisher|filer|organi[sz]ation|company|firm|university|institution|"
    r"field|area|sector|domain|discipline|partner|location|entry|name|player)s?"
)
_NUMBER_WORD = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten"
_POSITION = re.compile(
    rf"\b({ORDINAL})[\s-]+(?:largest|biggest|top|leading|most|highest|ranked|place|placed|"
    rf"smallest|lowest|least)\b"
    rf"|\b({ORDINAL})\s+(?!(?:{_NUMBER_WORD})\b)(?:[\w.&-]+\s+){{0,2}}?{_LIST_NOUN}\b"
    rf"|(?:\bnumber|\bno\.?|#)\s*({_NUMBER_WORD})\s+(?:[\w.&-]+\s+){{0,2}}?{_LIST_NOUN}\b"
    rf"|\b(runner[\s-]up)\b",
    re.I,
)


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


def plan_question(
    question: str,
    corpus: Corpus,
    previous: QueryPlan | None = None,
    matcher: SemanticMatcher | None = None,
    *,
    recent: list[str] | None = None,
) -> QueryPlan:
    """A `QueryPlan` for `question`; `previous` carries a chat's context into follow-ups, and
    `recent` the clusters of the last turns on the same metric ("and Changsha?" after a
    question about Hefei, then "which is higher?" compares the two)."""
    plan = _plan(question, corpus, previous, matcher, recent or [])
    log.info("plan (rules): %s", plan.model_dump_json(exclude_defaults=True))
    return plan


def _not_indexed(names: list[str], corpus: Corpus) -> str:
    shown = ", ".join(dict.fromkeys(names))
    return (
        f"{shown}: not an indexed cluster, nor an organization, field or location in the "
        f"indexed profiles; indexed clusters: {cluster_list(corpus)}"
    )


def _plan(
    question: str,
    corpus: Corpus,
    previous: QueryPlan | None,
    matcher: SemanticMatcher | None,
    recent: list[str],
) -> QueryPlan:
    r = read(question, corpus, matcher)
    m = r.mentions
    membership_shaped = bool(_QUESTION_START.match(question))
    if m.unknown and not m.clusters and not (membership_shaped and previous is not None):
        return QueryPlan(intent=Intent.UNANSWERABLE, reason=_not_indexed(m.unknown, corpus))
    years = {int(y) for y in _YEAR.findall(question)}
    if years - corpus.editions:
        # The editions held are shown as cited figures (compute), never as bare numbers.
        return QueryPlan(
            intent=Intent.UNANSWERABLE,
            clusters=m.clusters,
            metrics=[Metric.EDITION],
            reason="no indexed profile is from the edition the question names",
        )
    metrics = choose_metrics(r)
    kind = m.entities[0].kind if m.entities else None
    if not m.clusters and kind == "location" and metrics and metrics[0] not in COLLAB_METRICS:
        name = m.entities[0].names[0]
        return QueryPlan(
            intent=Intent.UNANSWERABLE,
            reason=f"{name} is not an indexed cluster (it appears only as a "
            f"collaboration partner); indexed clusters: {cluster_list(corpus)}",
        )
    entities = sorted(
        (e.key for e in m.entities if e.kind == kind), key=lambda k: m.starts.get(k, 0)
    )
    clusters = list(m.clusters)
    cluster_compare = r.intent("compare") and (not metrics or metrics[0] in SCALARS + RANKS)
    if m.unknown and len(clusters) == 1 and cluster_compare and not entities:
        # "Does Shenzhen file more than Hefei?": the other side of the comparison is unknown.
        return QueryPlan(
            intent=Intent.UNANSWERABLE, clusters=clusters, reason=_not_indexed(m.unknown, corpus)
        )
    if m.unknown_orgs and clusters and not entities and not cluster_compare:
        org_asked = r.has("applicant") or r.has("publisher") or r.has("organization")
        if org_asked or (metrics and metrics[0] in SCALARS):
            # "How many PCT applications does Huawei file in Hefei?": an organization the
            # profile does not list, not the cluster's own figure.
            if not org_asked:
                metrics = _axis(r, *ORG_METRICS)
            entities, kind = [m.unknown_orgs[0]], "organization"
    all_named = bool(_ALL.search(r.text))
    if previous is not None:
        if not clusters and not all_named:
            clusters = list(previous.clusters)
            if r.intent("compare") and len(clusters) < 2 and len(recent) >= 2:
                clusters = list(recent)
        if not metrics:
            metrics = list(previous.metrics)
            if not entities:
                entities, kind = list(previous.entities), previous.entity_kind
    if r.intent("summary"):
        return QueryPlan(intent=Intent.SUMMARY, clusters=clusters)
    if not metrics:
        return QueryPlan(
            intent=Intent.UNANSWERABLE,
            clusters=clusters,
            reason="no metric nlq holds is named in the question",
        )
    listy = metrics[0] in ORG_METRICS + FIELD_METRICS + COLLAB_METRICS
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
    )
    plan.order = "asc" if any(f" {w} " in r.text for w in lx.ASCENDING) else None
    plan.intent = _intent(r, plan, previous, corpus)
    if (
        plan.intent in (Intent.LIST, Intent.RANK, Intent.COMPARE)
        and listy
        and plan.limit is None
        and plan.position is None
        and (r.intent("superlative") or _TOP_ONE.search(r.text) or r.intent("concentration"))
        and not _PLURALS.search(r.text)
    ):
        plan.limit = 1
    return plan


def _scalar_like(r: Reading, plan: QueryPlan) -> bool:
    """A collaboration question about its rate (not its partners) compares as one number."""
    return plan.metrics[0] in COLLAB_METRICS and not plan.entities and not r.has("partners")


def _intent(r: Reading, plan: QueryPlan, previous: QueryPlan | None, corpus: Corpus) -> Intent:
    metric = plan.metrics[0]
    listy = metric in ORG_METRICS + FIELD_METRICS + COLLAB_METRICS and not _scalar_like(r, plan)
    all_named = bool(_ALL.search(r.text))
    several = len(plan.clusters) >= 2 or all_named
    many = several or (not plan.clusters and len(corpus.records) >= 2)
    entries = metric in ORG_METRICS + FIELD_METRICS
    shared_cue = r.intent("shared") or bool(_SHARED.search(r.text))
    two_lists = len(plan.metrics) >= 2 and metric not in ORG_METRICS
    if (
        listy
        and shared_cue
        and (many or two_lists)
        and not (r.has("applicant") and r.has("publisher"))
    ):
        plan.across = True
        return Intent.CROSS_LIST
    if r.intent("cross") or (
        (shared_cue or " both " in r.text) and r.has("applicant") and r.has("publisher")
    ):
        return Intent.CROSS_LIST
    if r.intent("ratio") and (several or len(plan.entities) >= 2):
        plan.aggregation = "ratio"
        return Intent.AGGREGATE
    for agg in ("difference", "sum", "average"):
        if not r.intent(agg):
            continue
        if (not listy and several) or len(plan.entities) >= 2:
            plan.aggregation = agg  # type: ignore[assignment]
            return Intent.AGGREGATE
        if entries and agg != "difference":
            # Over the entries of one list ("the top three combined"); with fewer than two
            # entries to combine it is answered as a lookup.
            plan.aggregation = agg  # type: ignore[assignment]
            return Intent.AGGREGATE
    compare_cue = r.intent("compare") or r.intent("which_cluster")
    if entries and compare_cue and len(plan.entities) >= 2:
        return Intent.COMPARE  # "who publishes more, Central South University or USTC?"
    if entries and compare_cue and plan.entities and several:
        return Intent.COMPARE  # one entity across clusters
    ranked_entry = plan.position is not None or _TOP_ONE.search(r.text) or r.intent("concentration")
    which = not plan.clusters and r.intent("which_cluster")
    if entries and not plan.entities and ranked_entry and (several or which) and compare_cue:
        return Intent.COMPARE  # "whose top applicant holds the larger share?"
    if listy and plan.entities and _QUESTION_START.match(r.text.strip()):
        return Intent.MEMBERSHIP
    if listy and plan.entities and r.intent("membership") and plan.attribute == "value":
        return Intent.MEMBERSHIP
    if listy:
        if plan.entities:
            return Intent.LOOKUP
        superlative = r.intent("superlative") or _TOP_ONE.search(r.text)
        if entries and superlative and r.intent("overall") and (not plan.clusters or several):
            return Intent.RANK  # the leading entry over every cluster's list
        return Intent.LIST
    if len(plan.clusters) >= 2:
        return Intent.COMPARE
    if r.intent("which_cluster") or (not plan.clusters and r.intent("superlative")):
        return Intent.RANK
    if not plan.clusters and r.intent("compare") and previous is not None:
        return Intent.COMPARE
    return Intent.LOOKUP
