"""Index build rate, search latency and recall@5 of vector-only, BM25-only and fused retrieval.

Run: python bench/bench_index.py [--repeat 3]

1. Build: indexes the bundled profiles and the golden layout files into a fresh temporary
   NLQ_HOME (rules extractor, embedding cache cleared) and reports files/s and facts/s, then
   times a second run that finds every file unchanged.
2. Search: indexes only data/profiles (the corpus the questions are about) and times every
   query in each mode with the embedding cache cleared before each query (a new question
   pays for its embedding), reporting p50/p95 in milliseconds.
3. Recall@5 on two labelled sets:
   - golden/questions.jsonl: a fact is relevant when its source is an expected source and its
     value an expected figure, or it is a name fact naming an expected name; recall =
     |relevant in top 5| / min(|relevant|, 5), averaged over the answerable questions that
     have at least one relevant fact. A proxy: equal values in one file all count.
   - bench/index_queries.jsonl: hand-written queries naming exact facts (`source#path`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from nlq.config import load_settings
from nlq.facts import name_key
from nlq.indexer import index_paths
from nlq.search import MODES, Searcher
from nlq.store import FactStore
from nlq.vector.embedding import shared_embedder

REPO = Path(__file__).resolve().parent.parent


def _build(home: Path) -> None:
    files = sorted((REPO / "data/profiles").glob("*.txt"))
    files += sorted(p for p in (REPO / "golden/layouts").glob("*") if p.is_file())
    settings = load_settings(home=home)
    shared_embedder().clear_cache()
    start = time.perf_counter()
    summary = index_paths(files, backend="rules", settings=settings)
    took = time.perf_counter() - start
    start = time.perf_counter()
    again = index_paths(files, backend="rules", settings=settings)
    unchanged = time.perf_counter() - start
    assert len(again.unchanged) == len(files), again.line()
    print(
        f"build: {len(files)} files, {summary.facts} facts in {took:.2f} s = "
        f"{len(files) / took:.1f} files/s, {summary.facts / took:.0f} facts/s "
        "(extract + store + embed + chroma; chromadb import and model load included)"
    )
    print(f"re-run, all unchanged: {unchanged * 1000:.0f} ms")


def _relevant_golden(store: FactStore) -> list[tuple[str, set[str]]]:
    facts = store.facts()
    out = []
    for line in (REPO / "golden/questions.jsonl").read_text().splitlines():
        q = json.loads(line)
        exp = q["expect"]
        if not exp["answerable"]:
            continue
        figures = {float(v) for v in exp["figures"]}
        names = {name_key(c) for c in exp["contains"]}
        rel = {
            f.id
            for f in facts
            if f.citation.source in exp["sources"]
            and (
                (f.value is not None and f.unit != "name" and float(f.value) in figures)
                or (f.unit == "name" and f.entity is not None and name_key(f.entity) in names)
            )
        }
        if rel:
            out.append((q["question"], rel))
    return out


def _relevant_labelled(store: FactStore) -> list[tuple[str, set[str]]]:
    by_key = {f"{f.citation.source}#{f.path}": f.id for f in store.facts()}
    out = []
    for line in (REPO / "bench/index_queries.jsonl").read_text().splitlines():
        q = json.loads(line)
        out.append((q["query"], {by_key[k] for k in q["relevant"]}))
    return out


def _recall(searcher: Searcher, labelled: list[tuple[str, set[str]]], mode: str) -> float:
    scores = []
    for query, rel in labelled:
        top = {h.fact.id for h in searcher.search(query, 5, mode=mode)}  # type: ignore[arg-type]
        scores.append(len(top & rel) / min(len(rel), 5))
    return statistics.mean(scores)


def _latency(searcher: Searcher, queries: list[str], mode: str, repeat: int) -> list[float]:
    times = []
    embedder = shared_embedder()
    for _ in range(repeat):
        for q in queries:
            embedder.clear_cache()
            start = time.perf_counter()
            searcher.search(q, 5, mode=mode)  # type: ignore[arg-type]
            times.append((time.perf_counter() - start) * 1000)
    return times


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--recall-only", action="store_true", help="only the recall@5 figures")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPU(s), {platform.machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.recall_only:
            _build(Path(tmp) / "build")
        settings = load_settings(home=Path(tmp) / "search")
        index_paths(sorted((REPO / "data/profiles").glob("*.txt")), backend="rules",
                    settings=settings)  # fmt: skip
        searcher = Searcher(settings=settings)
        golden = _relevant_golden(searcher.store)
        labelled = _relevant_labelled(searcher.store)
        queries = [q for q, _ in golden] + [q for q, _ in labelled]
        searcher.search("warm up", 5)
        if not args.recall_only:
            print(
                f"search over {searcher.store.count()} facts, {len(queries)} queries x "
                f"{args.repeat}, k=5, embedding cache cleared before each query:"
            )
            for mode in MODES:
                t = _latency(searcher, queries, mode, args.repeat)
                print(f"  {mode:6s} p50 {_pct(t, 50):6.1f} ms   p95 {_pct(t, 95):6.1f} ms")
        print(
            f"recall@5 (golden/questions.jsonl: {len(golden)} questions; "
            f"bench/index_queries.jsonl: {len(labelled)} queries):"
        )
        for mode in ("vector", "bm25", "fused"):
            g, lab = _recall(searcher, golden, mode), _recall(searcher, labelled, mode)
            print(f"  {mode:6s} golden {g:.3f}   labelled {lab:.3f}")
        searcher.close()


if __name__ == "__main__":
    main()
