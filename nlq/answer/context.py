"""What a follow-up in a chat takes from the turns before it.

A short question that leans on the previous one ("and Changsha?", "the second one?", "and for
patents?", "which is bigger?") keeps what it does not set itself: the clusters, the metric
(or the same list on the other axis), the entity asked about, the position, the filters, and
the kind of question (a yes/no membership, a cross-list, a comparison). "which is higher?" and
"what's the difference?" take the clusters (or the entities) of the last turns on the same
metric. A question that sets something of its own ("what are Hefei's top applicants?", "the
second-largest field") does not inherit the previous entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlq.answer.corpus import COLLAB_METRICS, ORG_METRICS, Corpus, name_key
from nlq.answer.intent import ALL, PLURALS, one_entry
from nlq.answer.reading import LIST_FAMILIES, RANKS, SCALARS, Reading, axis_switch
from nlq.answer.select import LIST_METRICS, entries, entry_name, ordered, single
from nlq.schema import Intent, Metric, QueryPlan

MAX_CARRIED = 12
"""A follow-up to a comparison of every cluster keeps them all, up to this many."""
MAX_WORDS = 8
"""A follow-up is short: a longer question says what it asks."""
_OWN_LIST = re.compile(r"^\s*(?:what are|which are|who are|list|show|give|name)\b", re.I)
# "and ...?", "what about ...?": a follow-up however it names its list.
_OPENER = re.compile(r"^\s*(?:and|what about|how about|same for|ok,? and)\b", re.I)
# "which of them", "those partners": the previous turn's things, not a new question.
_ANAPHOR = re.compile(r"\b(?:them|those|these|they|their|its|it)\b")
# "is it also a top publisher?": the one entity of the turn before, whatever else is said.
_IT = re.compile(r"\b(?:it|this one|that one)\b")
_TOGETHER = ("compare", "difference", "sum", "average", "ratio", "shared")


@dataclass(slots=True)
class Turn:
    """The parts of a plan a follow-up may inherit."""

    clusters: list[str]
    metrics: list[Metric]
    entities: list[str]
    kind: str | None


def same_family(a: list[Metric], b: list[Metric]) -> bool:
    """True when `a` and `b` are both lists of organizations, of fields or of partners."""
    return any(set(a) <= set(f) and bool(b) and b[0] in f for f in LIST_FAMILIES)


def is_follow_up(
    r: Reading, metrics: list[Metric], previous: QueryPlan, names_entity: bool
) -> bool:
    """A short question that leans on the previous one: it names no metric of its own
    beyond an axis, a superlative or another list of the same kind, or it opens like a
    follow-up ("and Central South University's?")."""
    if len(r.question.split()) > MAX_WORDS:
        return False
    if not metrics or set(metrics) <= set(SCALARS + RANKS):
        return True
    if _OPENER.match(r.question) and same_family(metrics, previous.metrics):
        return True
    return not names_entity and same_family(metrics, previous.metrics)


def _names_a_list(r: Reading) -> bool:
    """The question says which list it means (applicants, publishers, fields, partners)."""
    return any(r.has(c) for c in ("applicant", "publisher", "field", "collaboration"))


def _sets_its_own(r: Reading, plan_position: int | None, top_n: int | None) -> bool:
    """The question asks for something of its own in the list (a position, a top N, the
    largest, the whole list), so the previous turn's entity is not what it is about."""
    if plan_position is not None or top_n is not None or one_entry(r):
        return True
    if _OPENER.match(r.question):
        return False  # "what about patent applicants?" keeps the organization asked about
    return bool(PLURALS.search(r.text)) or bool(_OWN_LIST.match(r.question))


def _keeps_list(r: Reading, previous: QueryPlan) -> bool:
    """After a list, "which is largest?" and "the second one?" are about that list, not the
    size rank or the per-capita count."""
    if not previous.metrics or previous.metrics[0] not in LIST_METRICS + COLLAB_METRICS:
        return False
    named = r.has("rank") or r.has("intensity") or r.has("national")
    return not named and not re.search(r"\bsize\b", r.text) and not (r.patent or r.publication)


def inherit(
    r: Reading,
    now: Turn,
    previous: QueryPlan,
    corpus: Corpus,
    *,
    recent: list[str],
    recent_entities: list[str],
    position: int | None,
    top_n: int | None,
) -> tuple[Turn, bool]:
    """`now` (what the question itself names) completed from the turns before, and whether
    the question is a follow-up of the previous one."""
    carried = is_follow_up(r, now.metrics, previous, bool(now.entities))
    together = any(r.intent(c) for c in _TOGETHER)
    clusters, metrics, entities, kind = list(now.clusters), now.metrics, now.entities, now.kind
    asks_cluster = r.intent("which_cluster") and not _ANAPHOR.search(r.text)
    if not clusters and not ALL.search(r.text) and not asks_cluster:
        clusters = list(previous.clusters)
        if together and len(clusters) < 2 and len(recent) >= 2:
            clusters = list(recent)
        compared = previous.intent in (Intent.COMPARE, Intent.RANK, Intent.AGGREGATE)
        if compared and not clusters and len(corpus.clusters) <= MAX_CARRIED:
            clusters = list(corpus.clusters)  # "and their size ranks?" after "compare the two"
        if now.entities and not _lists_any(corpus, now.entities, clusters):
            clusters = []  # "and Central South University's?" is wherever it is listed
    elif together and len(clusters) == 1 and not _two_axes(r):
        clusters += [c for c in recent if c not in clusters]  # "is Changsha's higher?"
    if (
        carried
        and metrics == list(RANKS)
        and previous.metrics
        and set(previous.metrics) < set(RANKS)
    ):
        metrics = list(previous.metrics)  # "by how many places?" after the intensity ranks
    switched = axis_switch(r, previous.metrics) if carried else None
    same_list = carried and bool(metrics) and same_family(metrics, previous.metrics)
    if switched or not metrics or same_list or (carried and _keeps_list(r, previous)):
        if switched:
            metrics = switched
        elif same_list and len(metrics) > len(previous.metrics) and not (r.patent or r.publication):
            metrics = list(previous.metrics)  # "and the smallest field?": the same axis
        elif not same_list or (now.entities and not _names_a_list(r)):
            # "and Central South University's?" after "CXMT's share of patents": the list of
            # the turn before, not every list the new name is on.
            metrics = list(previous.metrics)
        if not entities and together and not r.mentions.clusters and len(recent_entities) >= 2:
            # "which is bigger?" after "CXMT's share" and "and Central South's?"
            entities, kind, clusters = list(recent_entities), previous.entity_kind, []
        elif not entities and (not _sets_its_own(r, position, top_n) or _IT.search(r.text)):
            entities, kind = list(previous.entities), previous.entity_kind
    return Turn(clusters, metrics, entities, kind), carried


def _two_axes(r: Reading) -> bool:
    return r.patent and r.publication


def _lists_any(corpus: Corpus, keys: list[str], clusters: list[str]) -> bool:
    """True when one of `clusters` lists one of the entities `keys` (or none is named)."""
    if not clusters:
        return True
    places = {c for k in keys if k in corpus.entities for c, _ in corpus.entities[k].places}
    return bool(places & set(clusters)) or not places


def carry(plan: QueryPlan, previous: QueryPlan, r: Reading) -> None:
    """A follow-up keeps the previous question's position, limit, order and filters unless
    it sets its own ("and in Changsha?" after "who is Hefei's second applicant?"). One that
    picks its own entry ("and the smallest field?" after "fields above 5%") picks it from the
    whole list, unless it points back ("the smallest of them", "which ...")."""
    if plan.metrics != previous.metrics and not set(plan.metrics) & set(LIST_METRICS):
        return
    # "which is the smallest?" and "which of the two ...?" ask about what was shown.
    asks_which = re.search(r"\b(?:which|who)\b", r.text)
    picks = plan.position is not None or plan.limit is not None or one_entry(r)
    if picks and not asks_which and not _ANAPHOR.search(r.text):
        return
    if plan.position is None and plan.limit is None:
        plan.position, plan.limit = previous.position, previous.limit
    if plan.order is None:
        plan.order = previous.order
    if plan.attribute == "value":
        plan.attribute = previous.attribute
    if plan.org_type is None:
        plan.org_type = previous.org_type
    if plan.above is None and plan.below is None:
        plan.above, plan.below = previous.above, previous.below
        plan.threshold_percent, plan.inclusive = previous.threshold_percent, previous.inclusive


def carry_intent(plan: QueryPlan, previous: QueryPlan, *, compares: bool = False) -> None:
    """The same kind of question as the previous turn when the follow-up only names another
    cluster or list: "and in Changsha?" after "is Beijing one of Hefei's partners?", after
    "which organizations are both ... in Hefei?", or after a comparison. A follow-up read as
    a comparison only because two clusters carried over ("what about publications?" after
    "which partners do they have in common?") is the previous kind too, unless it `compares`
    in words of its own ("which is higher?")."""
    if plan.intent not in (Intent.LIST, Intent.LOOKUP) and (
        plan.intent is not Intent.COMPARE or compares or previous.intent is not Intent.CROSS_LIST
    ):
        return
    if (
        previous.intent in (Intent.MEMBERSHIP, Intent.CROSS_LIST)
        and plan.entities == previous.entities
        and same_family(plan.metrics, previous.metrics)
    ):
        plan.intent, plan.polar, plan.across = previous.intent, previous.polar, previous.across
    elif previous.intent in (Intent.COMPARE, Intent.RANK) and len(plan.clusters) >= 2:
        plan.intent = Intent.COMPARE
    elif (
        previous.intent is Intent.AGGREGATE
        and previous.aggregation in ("sum", "average", "remainder")
        and plan.metrics == previous.metrics
        and plan.entities == previous.entities
        and plan.clusters != previous.clusters
    ):
        # "and Changsha?" after "the combined share of Hefei's top three applicants".
        plan.intent, plan.aggregation = Intent.AGGREGATE, previous.aggregation
        plan.limit = plan.limit or previous.limit


Entry = tuple[str, str, str | None]
"""(entity key, kind, the key of the list's first entry) of an entry an answer named."""


def answered_entry(plan: QueryPlan, corpus: Corpus) -> Entry | None:
    """The one entry an answer named without the question naming it ("Changsha's second
    publisher" is HUNAN UNIVERSITY), so that "is it among the PCT applicants?" can ask about
    it, and "by how much does the first lead it?" compare it with the first; or None."""
    position = single(plan)
    metric = plan.metrics[0] if plan.metrics else None
    if plan.entities or position is None or len(plan.clusters) != 1 or metric not in LIST_METRICS:
        return None
    keys = _list_keys(plan, corpus)
    if keys is None or len(keys) < position:
        return None
    key = keys[position - 1]
    if key not in corpus.entities:
        return None
    first = keys[0] if position > 1 and keys[0] in corpus.entities else None
    return key, "organization" if metric in ORG_METRICS else "field", first


# "by how much does the first lead it?": the list's first entry against the one just named.
_THE_FIRST = re.compile(r"\bthe (?:first|top|leader|leading one|number one|no\.? ?1)\b")


def about_entry(
    question: str, previous: QueryPlan, entry: Entry | None
) -> tuple[QueryPlan, list[int]]:
    """The previous plan as a follow-up that says "it" sees it: about the entry its answer
    named, when it named one and the question refers back to it (with the list's first
    entry too when the question names "the first"); and the list positions of those entries
    (so that "and in Changsha?" can ask the same of Changsha's entries), else []."""
    text = question.lower()
    if entry is None or previous.entities or not _IT.search(text):
        return previous, []
    key, kind, first = entry
    both = bool(first and _THE_FIRST.search(text))
    keys = [first, key] if both else [key]
    positions = [1, single(previous) or 1] if both else [single(previous) or 1]
    update = {"entities": keys, "entity_kind": kind, "position": None, "limit": None}
    return previous.model_copy(update=update), positions


@dataclass(frozen=True, slots=True)
class Places:
    """The list places ("first" and "second") of the entities a plan took from the answers
    before it, and the list they are places of; empty when it took none."""

    metrics: tuple[Metric, ...] = ()
    positions: tuple[int, ...] = ()


def with_entries(
    plan: QueryPlan,
    previous: QueryPlan,
    taken: Places,
    last: QueryPlan,
    last_taken: Places,
    corpus: Corpus,
) -> Places:
    """Complete a follow-up `plan` with the entries of the turns before; `previous` is the
    last plan as `about_entry` made it, `taken` the places it took. "by how much does CSU lead
    it?": the entry named and the one "it" stands for. "and in Changsha?" after "by how much
    does the first lead the second?": the entries at the same places of Changsha's list.
    Returns the places the completed plan holds."""
    if taken.positions and len(plan.entities) == 1 and previous.metrics:
        it = previous.entities[0]
        if plan.intent in (Intent.AGGREGATE, Intent.COMPARE) and it not in plan.entities:
            plan.entities, plan.metrics = [*plan.entities, it], list(previous.metrics)
    same_list = tuple(plan.metrics[:1]) == last_taken.metrics
    if not (last_taken.positions and same_list and plan.entities == last.entities):
        return taken
    if plan.clusters == last.clusters:
        return taken
    keys = entries_at(plan, corpus, list(last_taken.positions))
    if not keys:
        return taken
    plan.entities = keys
    if last.intent is Intent.AGGREGATE and plan.intent is Intent.LOOKUP:
        plan.intent, plan.aggregation = last.intent, last.aggregation
    return Places(taken.metrics, last_taken.positions)


def entries_at(plan: QueryPlan, corpus: Corpus, positions: list[int]) -> list[str] | None:
    """The entity keys at `positions` of the list of the plan's one cluster ("and in
    Changsha?" after "by how much does the first lead the second?"), or None."""
    listed = _list_keys(plan.model_copy(update={"entities": []}), corpus)
    if listed is None or len(plan.clusters) != 1 or max(positions) > len(listed):
        return None
    keys = [listed[p - 1] for p in positions]
    return keys if all(k in corpus.entities for k in keys) else None


def _list_keys(plan: QueryPlan, corpus: Corpus) -> list[str] | None:
    """The entity keys of the plan's one cluster's list, in the order the plan reads it (its
    position and limit set aside), or None."""
    metric = plan.metrics[0] if plan.metrics else None
    if len(plan.clusters) != 1 or metric not in LIST_METRICS:
        return None
    record = corpus.records.get(plan.clusters[0])
    if record is None:
        return None
    order = ordered(record, metric, plan.model_copy(update={"position": None, "limit": None}))
    return [name_key(entry_name(entries(record, metric)[i])) for i in order]
