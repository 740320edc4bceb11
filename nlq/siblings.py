"""The order of facts that tie in a retriever because they share one sentence.

The facts of one statement (`fact_sentences.statement_key`) share a sentence, so they tie in the
vector index (and, for a list entry, in BM25): `order_siblings` puts first the one a query asks
for, then record order, and leaves every other position as the retriever ranked it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlq.facts import Fact, record_order

_ASKS_SHARE = re.compile(r"%|\b(?:share|percent\w*|proportion|fraction|portion|rate)\b", re.I)
_ASKS_COUNT = re.compile(r"\b(?:how\s+many|number|count|total|amount)\b", re.I)
_ASKS_ECONOMY = re.compile(r"\b(?:economy|country|countries|nation\w*)\b", re.I)
_ASKS_EDITION = re.compile(r"\b(?:edition|year|GII|index)\b", re.I)
_ROLE = {"national_cluster_count": "count", "economy": "economy", "edition": "edition"}


def sibling_role(fact: Fact) -> str:
    """What `fact` says within its statement: `name`, `count`, `share`, `partner`,
    `economy`, `edition` (the facts of one statement share a sentence)."""
    return fact.metric.partition(".")[2] or _ROLE.get(fact.metric, "name")


def sibling_order(query: str) -> dict[str, int]:
    """How to order the facts of one statement, which share a sentence and so tie in every
    retriever: by role (`sibling_role`), the one `query` asks for first ("Acme share" ->
    share; "how many patents" -> count; "which country" -> economy; otherwise the name, then
    record order)."""
    order = ["name", "field", "partner", "count", "share", "economy", "edition"]
    for asks, role in (
        (_ASKS_EDITION, "edition"),
        (_ASKS_ECONOMY, "economy"),
        (_ASKS_COUNT, "count"),
        (_ASKS_SHARE, "share"),
    ):
        if asks.search(query):
            order.remove(role)
            order.insert(0, role)
    return {role: i for i, role in enumerate(order)}


def order_siblings(
    facts: Sequence[Fact], query: str, scores: Sequence[float] | None = None
) -> list[Fact]:
    """`facts` (best first) with each run of adjacent facts that share one sentence and, when
    `scores` are given, one score, reordered by `sibling_order(query)`, then in record order;
    every other position is kept. (BM25 also matches each fact's entity, so the partners of
    one collaboration tie only in the vector index.)"""
    rank = sibling_order(query)

    def same(i: int, j: int) -> bool:
        if facts[j].sentence != facts[i].sentence:
            return False
        return scores is None or abs(scores[j] - scores[i]) <= 1e-9 * max(1.0, abs(scores[i]))

    out: list[Fact] = []
    i = 0
    while i < len(facts):
        j = i + 1
        while j < len(facts) and same(i, j):
            j += 1
        run = facts[i:j]
        out.extend(sorted(run, key=lambda f: (rank.get(sibling_role(f), 0), record_order(f))))
        i = j
    return out
