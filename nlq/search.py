"""Finding facts for a piece of text: vector and BM25 results fused by reciprocal rank fusion.

The question answerer resolves names and phrases with `search(text, k, filters)`. Each
retriever returns its own ranked candidates (the vector index by cosine distance, the fact
store's FTS5 table by BM25); a fact's fused score is the sum over retrievers of
`1 / (RRF_K + rank)`. Fact contents always come from the SQLite store, so a vector left behind
by an interrupted index run can never put a stale figure in a result.

`Searcher` keeps the store, embedder and collection open for repeated queries (a chat); the
module-level `search` reuses one `Searcher` per NLQ_HOME.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from nlq.config import Settings, load_settings
from nlq.facts import Fact, FactFilter
from nlq.siblings import order_siblings
from nlq.store import FactStore

if TYPE_CHECKING:
    from nlq.vector.chroma import VectorIndex

RRF_K = 60
"""The usual RRF constant: damps the weight of the first few ranks of any one retriever."""
Mode = Literal["fused", "vector", "bm25"]
MODES: tuple[str, ...] = ("fused", "vector", "bm25")


@dataclass(frozen=True, slots=True)
class Hit:
    """A fact found for a query: fused score (higher is better) and its rank in each retriever
    (1-based; None when that retriever did not return it)."""

    fact: Fact
    score: float
    vector_rank: int | None
    bm25_rank: int | None


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], *, k: int = RRF_K
) -> list[tuple[str, float]]:
    """Ids of all `rankings` (each best first) ordered by `sum(1 / (k + rank))`, best first;
    ties keep the order of first appearance (the first ranking's order, then the next's)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


class Searcher:
    """Fused fact search over one NLQ_HOME. The vector index is opened on the first query that
    needs it, so `mode="bm25"` never imports chromadb.

    Raises `StoreError` when the store or the index cannot be opened.
    """

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        store: FactStore | None = None,
        index: VectorIndex | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self.store = store or FactStore.open(self.settings)
        self._index = index
        self._lock = threading.Lock()

    @property
    def index(self) -> VectorIndex:
        """The vector index of this store (opened on first use)."""
        with self._lock:
            if self._index is None:
                from nlq.vector.chroma import VectorIndex

                self._index = VectorIndex.open(self.settings, store_id=self.store.store_id)
            return self._index

    def search(
        self,
        text: str,
        k: int = 10,
        filters: FactFilter | None = None,
        *,
        mode: Mode = "fused",
        candidates: int | None = None,
    ) -> list[Hit]:
        """Up to `k` facts for `text`, best first, each passing `filters`.

        `mode` picks the retrievers: "fused" (vector + BM25), "vector" or "bm25". Each
        retriever contributes up to `candidates` results (default `max(4 * k, 20)`). Raises
        `ValueError` for an unknown mode and `StoreError` when an index cannot be read.
        """
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        if k <= 0 or not text.strip():
            return []
        n = candidates or max(4 * k, 20)
        vector_ids: list[str] = []
        bm25_ids: list[str] = []
        found: dict[str, Fact] = {}
        if mode in ("fused", "bm25"):
            for fact, _score in self.store.search_text(text, n, filters):
                bm25_ids.append(fact.id)
                found[fact.id] = fact
        if mode in ("fused", "vector"):
            nearest = self.index.query(text, n, filters)
            found.update(self.store.get(i for i, _ in nearest if i not in found))
            # An id the store does not hold is a leftover of an interrupted run: skip it.
            nearest = [(i, d) for i, d in nearest if i in found]
            # The facts of one statement share a vector: put the one the query asks for first.
            siblings = order_siblings([found[i] for i, _ in nearest], text, [d for _, d in nearest])
            vector_ids = [f.id for f in siblings]
        v_rank = {i: r for r, i in enumerate(vector_ids, start=1)}
        b_rank = {i: r for r, i in enumerate(bm25_ids, start=1)}
        # BM25 first: on a tie its order wins (it matches the words of an entity's name).
        fused = reciprocal_rank_fusion([r for r in (bm25_ids, vector_ids) if r])
        hits = []
        for fact_id, score in fused:
            fact = found[fact_id]
            if filters is not None and not filters.matches(fact):
                continue
            hits.append(Hit(fact, score, v_rank.get(fact_id), b_rank.get(fact_id)))
            if len(hits) == k:
                break
        return hits

    def close(self) -> None:
        """Close the store connection and the vector index, if it was opened."""
        self.store.close()
        if self._index is not None:
            self._index.close()


_searchers: dict[str, Searcher] = {}
_searchers_lock = threading.Lock()


def searcher(settings: Settings | None = None) -> Searcher:
    """The shared `Searcher` of `settings.home` (and chroma URL), opened on first use."""
    settings = settings or load_settings()
    key = f"{settings.home.resolve()}|{settings.chroma_url or ''}"
    with _searchers_lock:
        if key not in _searchers:
            _searchers[key] = Searcher(settings=settings)
        return _searchers[key]


def search(
    text: str,
    k: int = 10,
    filters: FactFilter | None = None,
    *,
    mode: Mode = "fused",
    settings: Settings | None = None,
) -> list[Hit]:
    """Up to `k` facts for `text` from the index under `settings.home` (default: NLQ_HOME),
    best first; see `Searcher.search`. Raises `StoreError` when the index cannot be read."""
    return searcher(settings).search(text, k, filters, mode=mode)


def reset_searchers() -> None:
    """Close and forget the shared searchers (after re-indexing in the same process, in tests)."""
    with _searchers_lock:
        for s in _searchers.values():
            s.close()
        _searchers.clear()
