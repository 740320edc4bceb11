"""What a question asks for: lookup, compare, rank, aggregate, list, membership, cross-list.

`decide` reads a plan's metrics, clusters and entities together with the question's cue
words; it may also set the plan's aggregation, `across` and `limit` (one entry for "the top
publisher", none for "the top publishers").
"""

from __future__ import annotations

import re

from nlq.answer import lexicon as lx
from nlq.answer.corpus import COLLAB_METRICS, FIELD_METRICS, ORG_METRICS, Corpus
from nlq.answer.reading import Reading
from nlq.schema import Intent, Metric, QueryPlan

PLURALS = re.compile(
    r"\b(?:applicants|publishers|organi[sz]ations|companies|firms|institutions|universities|"
    r"fields|areas|domains|sectors|disciplines|subjects|partners|locations|players|filers|"
    r"cities|places|regions)\b"
)
# "the top publisher" (one organization) as against "the top publishers" (the list).
TOP_ONE = re.compile(
    r"\b(?:top|number one|no\.? ?1|#1)\s+(?:\w+\s+){0,2}(?:applicant|publisher|filer|"
    r"organi[sz]ation|company|firm|university|institution|field|area|sector|partner|location)\b"
)
# "which of Hefei's top applicants is smallest?": one entry, although the list is plural.
WHICH_ONE = re.compile(
    r"\b(?:which|who)(?: one)? (?:of|among)\b[^?]*?"
    r"\b(?:is|has|was|does|files|publishes|holds|leads)\b"
    r"|\bwhich (?:one|single)\b"
)
# "do any organizations appear in the lists of both ...", "... in both clusters' lists".
SHARED = re.compile(
    r"\b(?:appear|appears|feature|features|listed|present|found|show up|shows up|occur|"
    r"occurs|figure|figures)\b[^?]*\b(?:both|each|every)\b|\bboth\b[^?]*\blists\b"
    r"|\blists\b[^?]*\b(?:both|each|every)\b"
    # "which locations do Changsha and Hefei share", "partners Hefei shares with Changsha"
    r"|\b(?:do|did)\b[^?]*?(?<!'s )(?<!bigger )(?<!larger )(?<!higher )(?<!smaller )"
    r"(?<!lower )(?<!greater )(?<!same )(?<!a )\bshare\b(?!\s+(?:of|is|was|in|than|above|below)\b)"
    r"|\bshares?\s+with\b"
)
# "does not come from its top three", "isn't filed by them": what the entries do not hold.
NOT_FROM = re.compile(r"(?:\bnot|n't)\s+(?:\w+\s+){0,2}?(?:from|by)\b")
# "which applicants don't appear among its publishers", "missing from the publishers list".
EXCLUSIVE = re.compile(
    r"(?:\bnot|n't|\bnever)\s+(?:\w+\s+){0,2}?(?:appear\w*|feature\w*|listed|among|found|"
    r"included|present|on (?:the|its|their)|in (?:the|its|their)\b[^?]{0,40}?\blists?)\b"
    r"|\b(?:missing|absent|excluded|left out)\s+from\b"
)
# "both" of two lists, not "both entries" or "both clusters".
_BOTH_LISTS = re.compile(
    r"\bboth\b(?!\s+(?:entries|rows|figures|numbers|values|clusters|cities|of them|"
    r"of its entries))"
)
# A yes/no question, also after a leading clause ("In Hefei's publications, is ...").
QUESTION_START = re.compile(r"(?:^|[,:;]\s*)(?:is|are|does|do|was|were|has|have|did)\b", re.I)
ALL = re.compile(
    r"\b(?:both|all|each|every|the two|either|two clusters|clusters'|across|(?:our|two|these) "
    r"(?:two )?(?:cities|clusters|hubs|regions))\b"
)
_AGGREGATES = ("ratio", "difference", "remainder", "sum", "average")


def _scalar_like(r: Reading, plan: QueryPlan) -> bool:
    """A collaboration question about its rate (not its partners) compares as one number."""
    shared = r.intent("shared") or SHARED.search(r.text)  # "which ones do they have in common?"
    return (
        plan.metrics[0] in COLLAB_METRICS
        and not plan.entities
        and not r.has("partners")
        and not shared
    )


def one_entry(r: Reading) -> bool:
    """The question asks for one entry of a list ("the top publisher", "which of them is the
    smallest"), not the whole list."""
    superlative = r.intent("superlative") or TOP_ONE.search(r.text) or r.intent("concentration")
    return bool(WHICH_ONE.search(r.text) or (superlative and not PLURALS.search(r.text)))


def decide(r: Reading, plan: QueryPlan, previous: QueryPlan | None, corpus: Corpus) -> Intent:
    """The intent of `plan` (its metrics, clusters and entities already set); it may narrow
    the plan's metrics (both top lists for "is X on both lists?")."""
    metric = plan.metrics[0]
    listy = metric in ORG_METRICS + FIELD_METRICS + COLLAB_METRICS and not _scalar_like(r, plan)
    several = len(plan.clusters) >= 2 or bool(ALL.search(r.text))
    many = several or (not plan.clusters and len(corpus.records) >= 2)
    entries = metric in ORG_METRICS + FIELD_METRICS
    shared_cue = r.intent("shared") or bool(SHARED.search(r.text))
    two_lists = len(plan.metrics) >= 2 and metric not in ORG_METRICS
    both_lists = r.has("applicant") and r.has("publisher")
    aggregate_cue = any(r.intent(a) for a in _AGGREGATES) or bool(NOT_FROM.search(r.text))
    if (
        listy
        and not plan.entities
        and EXCLUSIVE.search(r.text)
        and (len(plan.metrics) >= 2 or several)
    ):
        plan.exclusive = True  # the entries of the first list named that the other lacks
        plan.metrics = _in_order(r, plan.metrics) if len(plan.metrics) == 2 else plan.metrics
        return Intent.CROSS_LIST
    if (
        plan.entities
        and metric in ORG_METRICS
        and len(plan.clusters) <= 1
        and (r.intent("cross") or both_lists or _BOTH_LISTS.search(r.text))
    ):
        plan.metrics = list(ORG_METRICS)  # "is USTC both a top applicant and a top publisher?"
        return Intent.CROSS_LIST
    one_cluster_orgs = set(plan.metrics) == set(ORG_METRICS) and len(plan.clusters) <= 1
    if one_cluster_orgs and plan.clusters and (shared_cue or " both " in r.text):
        return Intent.CROSS_LIST  # "which org is in both of Hefei's lists?": with its figures
    if listy and shared_cue and (many or two_lists) and not both_lists and not aggregate_cue:
        plan.across = True
        return Intent.CROSS_LIST
    if r.intent("cross") or ((shared_cue or " both " in r.text) and both_lists):
        return Intent.CROSS_LIST
    if intent := _aggregate(r, plan, listy, entries, several):
        return intent
    compare_cue = r.intent("compare") or r.intent("which_cluster")
    if entries and compare_cue and len(plan.entities) >= 2:
        return Intent.COMPARE  # "who publishes more, Central South University or USTC?"
    which = not plan.clusters and r.intent("which_cluster")
    if entries and compare_cue and plan.entities and (several or which):
        return Intent.COMPARE  # one entity across clusters
    ranked_entry = (
        plan.position is not None
        or plan.limit == 1  # carried from "who leads its patenting?"
        or TOP_ONE.search(r.text)
        or r.intent("concentration")
    )
    if entries and not plan.entities and ranked_entry and (several or which) and compare_cue:
        return Intent.COMPARE  # "whose top applicant holds the larger share?"
    if listy and plan.entities and QUESTION_START.search(r.text.strip()):
        return Intent.MEMBERSHIP
    if listy and plan.entities and r.intent("membership") and plan.attribute == "value":
        return Intent.MEMBERSHIP
    if listy:
        if plan.entities:
            return Intent.LOOKUP
        superlative = r.intent("superlative") or TOP_ONE.search(r.text)
        named_all = r.intent("overall") and (not plan.clusters or several)
        if entries and superlative and (named_all or (not plan.clusters and many and one_entry(r))):
            return Intent.RANK  # the leading entry over every cluster's list
        return Intent.LIST
    if len(plan.clusters) >= 2:
        return Intent.COMPARE
    if r.intent("which_cluster") or (not plan.clusters and r.intent("superlative")):
        return Intent.RANK
    if not plan.clusters and r.intent("compare") and (previous is not None or several):
        return Intent.COMPARE
    return Intent.LOOKUP


# A second computation asked in so many words ("... and how many times as many?").
_ALSO = {
    "ratio": re.compile(r"\btimes (?:as|more|higher|larger|bigger)\b|\bas a multiple\b|\bratio\b"),
    "difference": re.compile(
        r"\bhow (?:many|much) (?:more|larger|bigger|higher)\b|\bin absolute terms\b|"
        r"\b(?:points|places) (?:separate|apart)\b|\bseparate them\b|\bthe gap\b"
    ),
    "sum": re.compile(r"\bcombined\b|\btogether\b|\bin total\b|\badd up\b"),
}


def _aggregate(
    r: Reading, plan: QueryPlan, listy: bool, entries: bool, several: bool
) -> Intent | None:
    intent = _aggregate_once(r, plan, listy, entries, several)
    if intent is Intent.AGGREGATE and plan.aggregation in _ALSO:
        plan.also = next(  # type: ignore[assignment]
            (a for a, p in _ALSO.items() if a != plan.aggregation and p.search(r.text)), None
        )
    return intent


def _aggregate_once(
    r: Reading, plan: QueryPlan, listy: bool, entries: bool, several: bool
) -> Intent | None:
    """AGGREGATE (setting the plan's aggregation) when the question combines figures: over
    clusters, over entities, over two figures of one cluster ("articles per PCT
    application", "co-publication rate minus co-patenting rate"), over the entries of a list
    or over the entry at one position of each cluster's list."""
    two_figures = len(plan.metrics) == 2 and len(plan.clusters) <= 1 and not entries
    for agg in _AGGREGATES:
        if not (r.intent(agg) or (agg == "remainder" and NOT_FROM.search(r.text))):
            continue
        if agg == "remainder":
            collab_rate = plan.metrics[0] in COLLAB_METRICS and not plan.entities
            if entries or collab_rate:  # "... published without collaboration"
                plan.aggregation = "remainder"
                return Intent.AGGREGATE
            continue
        if entries and len(plan.entities) == 1 and len(plan.metrics) == 2:
            if agg in ("ratio", "difference"):
                # "Central South University: how many papers per PCT application?"
                plan.aggregation = agg  # type: ignore[assignment]
                plan.metrics = _in_order(r, plan.metrics)
                return Intent.AGGREGATE
        if (not listy and (several or two_figures)) or (entries and len(plan.entities) >= 2):
            plan.aggregation = agg  # type: ignore[assignment]
            return Intent.AGGREGATE
        top_sums = several and agg in ("difference", "ratio") and plan.limit not in (None, 1)
        # "by how much?" after two clusters' leading entries: the entry carried is one.
        one = one_entry(r) or plan.limit == 1 or plan.position is not None
        if entries and (agg in ("sum", "average") or (several and one) or top_sums):
            # Over the entries of one list ("the top three combined"), or over the leading
            # entries of several clusters ("by how much does A's top publisher outstrip B's");
            # with fewer than two figures to combine it is answered as a lookup.
            plan.aggregation = agg  # type: ignore[assignment]
            if several and one_entry(r) and plan.limit is None and plan.position is None:
                plan.limit = 1
            return Intent.AGGREGATE
    return None


_PUBLICATION_SIDE = (
    Metric.TOP_PUBLISHERS,
    Metric.PUBLICATION_FIELDS,
    Metric.PUBLICATION_COLLABORATION,
)


def _in_order(r: Reading, metrics: list[Metric]) -> list[Metric]:
    """Two lists in the order the question names them ("papers per PCT application": the
    publishers first)."""
    pub, pat = lx.first_at(r.text, "publication"), lx.first_at(r.text, "patent")
    pub_first = pub is not None and (pat is None or pub < pat)
    return sorted(metrics, key=lambda m: (m in _PUBLICATION_SIDE) != pub_first)
