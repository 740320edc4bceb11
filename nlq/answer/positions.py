"""Where in a list a question points: "the second-largest", "number two", "runner-up", "the
third?" in a follow-up, and positions relative to a named entry ("after Central South
University", "besides CXMT"), in one cluster's list or in the ranking over every list."""

from __future__ import annotations

import re

from nlq.answer.corpus import FIELD_METRICS, Corpus, name_key
from nlq.answer.intent import PLURALS, one_entry
from nlq.answer.intent_cues import ASCENDING
from nlq.answer.question_numbers import NUMBER_WORDS
from nlq.answer.reading import Reading
from nlq.answer.resolve import words
from nlq.answer.select import LIST_METRICS, REMAINDER, find
from nlq.numbers import ORDINAL, parse_ordinal
from nlq.schema import Metric, QueryPlan

_LIST_NOUN = (
    r"(?:applicant|publisher|filer|organi[sz]ation|org|company|firm|university|institution|"
    r"field|area|sector|domain|discipline|partner|location|entry|name|player|one)s?"
)
_NUMBER_WORD = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten"
_MANY_WORD = r"\d+|two|three|four|five|six|seven|eight|nine|ten"  # "first two" is a top N
_POSITION = re.compile(
    rf"\b({ORDINAL})[\s-]+(?:largest|biggest|top|leading|most|highest|ranked|place|placed|"
    rf"smallest|lowest|least)\b"
    rf"|\b({ORDINAL})\s+(?!(?:{_MANY_WORD})\b)(?:[\w.&-]+\s+){{0,2}}?{_LIST_NOUN}\b"
    rf"|(?:\bnumber|\bno\.?|#)[\s-]*({_NUMBER_WORD})[\s-]+(?:[\w.&-]+\s+){{0,2}}?{_LIST_NOUN}\b"
    rf"|\b(runner[\s-]up)\b"
    # "which field ranks fourth?", "the one that comes second in Hefei's patents"
    rf"|(?:\b(?:ranks|ranked|comes|sits|is|placed|stands)|['’]s)\s+(?:in\s+)?(?:the\s+)?({ORDINAL})"
    r"(?![\w-])(?![\s-]+(?:largest|biggest|top|leading|most|highest|ranked|place|placed|"
    r"smallest|lowest|least|nationally|globally|worldwide|by|among|out|of|in\s+(?:size|"
    r"intensity|terms|china|the\s+world|the\s+country|its\s+country))\b)",
    re.I,
)
# "the smallest of Changsha's top three publishers": one end of the first N entries.
_END_OF_TOP = re.compile(
    rf"\b(?:(?P<low>{'|'.join(ASCENDING)})|largest|biggest|highest|strongest|greatest)\b"
    r"(?:\s+\w+)?\s+(?:of|among|in)\s+(?:the\s+|its\s+|their\s+)?(?:\W\s*)?"
    rf"(?:top|first|leading|biggest|largest)\s+(?P<n>{_MANY_WORD})\b"
)
# A follow-up that is only an ordinal: "and the third?", "the fourth".
_BARE = re.compile(rf"^\s*(?:and\s+)?(?:the\s+)?({ORDINAL})\s*\??\s*$", re.I)
# Before an entity: the entry after it ("who publishes the most after Central South
# University?"), or the best entry that is not it ("the biggest applicant besides CXMT").
_AFTER = frozenset("after behind below beneath following".split())
_BESIDES = frozenset("besides except excluding ignoring".split())
_BESIDES_PAIRS = {
    ("other", "than"), ("apart", "from"), ("aside", "from"), ("setting", "aside"),
    ("leaving", "aside"), ("putting", "aside"), ("leaving", "out"),
}  # fmt: skip


def position(text: str, *, follow_up: bool = False) -> int | None:
    """N for "the second-largest applicant", "third publisher", "number two applicant",
    "runner-up"; in a follow-up also for a bare "and the third?"."""
    m = _POSITION.search(text)
    if not m and follow_up:
        m = _BARE.match(text)
    if not m:
        return None
    word = next(g for g in m.groups() if g)
    if word.lower().startswith("runner"):
        return 2
    if word.isdigit():
        return int(word)
    if word.lower() in NUMBER_WORDS:
        return NUMBER_WORDS[word.lower()]
    return int(re.sub(r"\D", "", word)) if word[0].isdigit() else parse_ordinal(word)


def end_of_top(text: str) -> int | None:
    """The position of the smallest of the first N entries (N) or of their largest (1), for
    "the smallest of its top three publishers", "the biggest among the top 5"; or None."""
    m = _END_OF_TOP.search(text)
    if not m:
        return None
    n = m.group("n")
    return (int(n) if n.isdigit() else NUMBER_WORDS[n]) if m.group("low") else 1


def relative(r: Reading, plan: QueryPlan, corpus: Corpus) -> None:
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
    if start >= 2 and ws[start - 1].norm in ("the", "its", "their"):
        start -= 1  # "setting aside the Other bucket"
    before = ws[start - 1].norm
    pair = (ws[start - 2].norm, before) if start >= 2 else ("", before)
    after, besides = before in _AFTER, before in _BESIDES or pair in _BESIDES_PAIRS
    whole_list = re.search(r"\b(?:list|full|breakdown|all|every|each|complete)\b", r.text)
    near = {w.norm for w in ws[max(0, start - 3) : start]}
    if near & {"including", "incl", "plus"} and whole_list:
        # "the full breakdown, including the residual 'Other' category": the whole list.
        plan.entities, plan.entity_kind = [], None
        return
    plural = PLURALS.search(r.text) or re.search(r"\b(?:which|what)\b[^?]*\bare\b", r.text)
    singular = one_entry(r) or re.search(r"\b(?:which|who|what)(?: one)? is\b", r.text)
    if plural and (besides or before == "not") and not singular:
        # "which of Hefei's publishers are not USTC?", "list its applicants except CXMT"
        plan.excluded, plan.entities, plan.entity_kind = [key], [], None
        return
    if not (after or besides):
        return
    if besides and key == REMAINDER:
        # Rankings leave the Other bucket out anyway: the question is about the named fields.
        plan.entities, plan.entity_kind = [], None
        return
    metric = plan.metrics[0]
    if not plan.clusters and len(corpus.records) > 1 and key in corpus.entities:
        rank = _overall_rank(plan, corpus, metric, key)
        if rank is not None:
            plan.position = rank + 1 if after else (2 if rank == 1 else 1)
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


def _overall_rank(plan: QueryPlan, corpus: Corpus, metric: Metric, key: str) -> int | None:
    """Where entity `key` stands (1 = first) among the entries of `metric` over every
    cluster, by the figures the store holds (the Other bucket does not count)."""
    attr = "share" if metric in FIELD_METRICS or plan.attribute == "share" else "count"
    values = [v for v in corpus.values(f"{metric.value}.{attr}") if v.entity]
    own = [v.value for v in values if name_key(v.entity) == key]
    if not own:
        return None
    rivals = [v.value for v in values if name_key(v.entity) not in (key, REMAINDER)]
    return 1 + sum(1 for value in rivals if value > max(own))
