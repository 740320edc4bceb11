"""nlq at scale on synthetic profiles (bench/synth.py): prints every figure, and each target
as MET, MISSED or PROJECTED.

Run: python bench/run.py [--sizes 100,1000,10000] [--index-max 1000] [--seed 0]

For each N: deterministic extraction rate on one core; `nlq index` rate (extract + SQLite +
embeddings + chroma) and its peak memory, measured in a child process per N; fused, vector and
BM25 search latency; warm answer latency over the indexed store, with the share of answers
whose figures match the generator's truth; cold `nlq ask` process time. Sizes above
`--index-max` are not embedded (10,000 profiles would take most of an hour here): their index
time is projected from the largest measured rate, and search, answers and cold `nlq ask` run
on a store filled with the same records and facts in SQLite (BM25 only, no vectors).
Then, once: nlq's embedding function against chromadb's built-in ONNX function on the same
sentences, and retrieval recall@5 (vector, BM25, fused) on the golden questions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from synth import FORMATS, generate, write  # noqa: E402

TARGETS = {
    "extract": 2000.0,  # profiles/s on one core
    "index_10k_s": 600.0,  # 10,000 profiles in under 10 minutes
    "answer_p95_ms": 100.0,  # at 10,000 profiles
    "cold_ask_s": 2.0,
}


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# -- in the parent -------------------------------------------------------------------------


def extraction_rate(n: int, seed: int) -> float:
    """Profiles per second, parse + rules extraction, on one core; generation not timed."""
    from nlq.extractors.rules import RulesExtractor
    from nlq.layout import parse

    items = [(s.name, s.text, FORMATS[s.layout]) for s in generate(n, seed)]
    ex = RulesExtractor()
    start = time.perf_counter()
    for name, text, fmt in items:
        ex.extract(parse(name, text, fmt))
    return n / (time.perf_counter() - start)


def child(mode: str, n: int, seed: int, work: Path) -> dict:
    """Run this script as a child for one size (its peak memory is its own)."""
    cmd = [sys.executable, __file__, "--child", mode, "--n", str(n), "--seed", str(seed),
           "--work", str(work)]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"child for N={n} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_ask(home: Path, question: str, runs: int = 3) -> list[float]:
    env = {**os.environ, "NLQ_HOME": str(home)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", "from nlq.cli import main; main()", "ask", question],
            capture_output=True, text=True, env=env, cwd=home.parent, check=False,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
        if out.returncode != 0:
            raise SystemExit(f"nlq ask failed: {out.stderr}")
    return times


BUILTIN_SAMPLE = 150


def embedding_comparison(sentences: list[str]) -> str:
    """nlq's MiniLM function against chromadb's ONNXMiniLM_L6_V2 on the same sentences."""
    import numpy as np

    from nlq.vector.embedding import (
        MODEL_FILE,
        MODEL_PACKAGE,
        TOKENIZER_FILE,
        TOKENIZER_PACKAGE,
        MiniLMEmbedder,
        package_file,
    )
    from nlq.vector.int8_compute import kernel

    ours = MiniLMEmbedder()
    warm = sentences[: 2 * ours.workers * ours.batch_size]  # loads every worker's session
    ours.embed(warm)
    ours.clear_cache()
    start = time.perf_counter()
    mine = ours.embed(sentences)
    ours_rate = len(sentences) / (time.perf_counter() - start)
    lines = [f"  nlq MiniLM (int8 weights multiplied in int8, kernel {kernel()}, per-batch "
             f"padding): {ours_rate:7.0f} sentences/s"]  # fmt: skip
    # The same file computed as onnxruntime runs it unchanged (int8 weights folded to fp32).
    fp32 = MiniLMEmbedder(compute="fp32")
    fp32.embed(warm)
    fp32.clear_cache()
    half = sentences[: len(sentences) // 2]
    start = time.perf_counter()
    exact = fp32.embed(half)
    fp32_rate = len(half) / (time.perf_counter() - start)
    cos = np.sum(mine[: len(half)] * exact, axis=1)
    lines.append(
        f"  nlq MiniLM, same file in fp32 (compute='fp32'): {fp32_rate:7.0f} sentences/s on the "
        f"first {len(half)}; int8 is {ours_rate / fp32_rate:.2f}x faster; cosine int8 vs fp32 "
        f"mean {cos.mean():.4f}, min {cos.min():.4f}"
    )
    try:
        from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2
    except ImportError as e:
        return "\n".join(lines + [f"  chromadb ONNXMiniLM_L6_V2: cannot import ({e})"])
    # Offline: chromadb's class downloads an fp32 model archive; point it at a folder holding
    # the same int8 model and tokenizer nlq uses (and the small files it checks exist), so the
    # comparison isolates its padding to 256 tokens and its batching.
    folder = Path(tempfile.mkdtemp(prefix="chroma-onnx-"))
    onnx = folder / "onnx"
    onnx.mkdir()
    (onnx / "model.onnx").symlink_to(package_file(MODEL_PACKAGE, MODEL_FILE))
    (onnx / "tokenizer.json").symlink_to(package_file(TOKENIZER_PACKAGE, TOKENIZER_FILE))
    for name in ("config.json", "special_tokens_map.json", "tokenizer_config.json"):
        (onnx / name).write_text("{}")
    (onnx / "vocab.txt").write_text("")
    builtin = ONNXMiniLM_L6_V2(preferred_providers=["CPUExecutionProvider"])
    builtin.DOWNLOAD_PATH = folder
    builtin(sentences[:4])
    # Its rate does not depend on the sentences (every input is padded to 256 tokens), so a
    # sample is enough and keeps the benchmark short.
    sample = sentences[:BUILTIN_SAMPLE]
    start = time.perf_counter()
    theirs = np.array(builtin(sample))
    rate = len(sample) / (time.perf_counter() - start)
    cos = float(np.mean(np.sum(exact[: len(sample)] * theirs, axis=1)))
    lines.append(
        f"  chromadb ONNXMiniLM_L6_V2 (same int8 file, fp32 compute, padded to 256): {rate:7.0f} "
        f"sentences/s on the first {len(sample)}; nlq is {ours_rate / rate:.1f}x faster; mean "
        f"cosine to nlq's fp32 vectors {cos:.4f}"
    )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--index-max", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--child")
    ap.add_argument("--n", type=int)
    ap.add_argument("--work", type=Path)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.n, args.seed, args.work)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"python {platform.python_version()}, {os.cpu_count()} CPU(s), {platform.machine()}")
    rates: dict[int, float] = {}
    answer_p95: dict[int, float] = {}
    cold: dict[int, float] = {}
    base = Path(tempfile.mkdtemp(prefix="nlq-scale-"))
    for n in sizes:
        pid = os.fork()
        if pid == 0:  # one core for extraction, in a child so the parent keeps both
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
            rate = extraction_rate(n, args.seed)
            (base / f"extract-{n}").write_text(str(rate))
            os._exit(0)
        os.waitpid(pid, 0)
        rate = float((base / f"extract-{n}").read_text())
        print(f"\nN = {n:,}")
        print(f"  extraction (rules, one core): {rate:8.0f} profiles/s")
        work = base / f"n{n}"
        mode = "index" if n <= args.index_max else "sqlite"
        r = child(mode, n, args.seed, work)
        if mode == "index":
            rates[n] = n / r["index_s"]
            print(f"  nlq index: {r['index_s']:.1f} s = {rates[n]:.2f} profiles/s, "
                  f"{r['facts'] / r['index_s']:.0f} facts/s ({r['facts']:,} facts); "
                  f"peak memory {r['maxrss_mb']:.0f} MB")  # fmt: skip
        else:
            best = rates[max(rates)] if rates else None
            projected = f"{n / best / 60:.0f} min at {best:.2f} profiles/s" if best else "n/a"
            print(f"  nlq index: not run (PROJECTED {projected}); SQLite store of "
                  f"{r['facts']:,} facts built in {r['index_s']:.1f} s, peak memory "
                  f"{r['maxrss_mb']:.0f} MB")  # fmt: skip
        for m, (p50, p95) in r["search_ms"].items():
            print(f"  search {m:6s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
        print(f"  warm answers: p50 {r['answer_ms'][0]:.1f} ms, p95 {r['answer_ms'][1]:.1f} ms "
              f"over {r['questions']} questions; corpus load {r['load_s']:.2f} s; "
              f"{r['correct']}/{r['checked']} answers show the generator's figures")  # fmt: skip
        answer_p95[n] = r["answer_ms"][1]
        times = cold_ask(work / "home", r["cold_question"])
        cold[n] = statistics.median(times)
        print(f"  cold nlq ask: median {cold[n]:.2f} s, max {max(times):.2f} s")
    print("\nTargets")
    top = max(sizes)
    ex_ok = all(float((base / f"extract-{n}").read_text()) >= TARGETS["extract"] for n in sizes)
    print(f"  extraction >= 2,000 profiles/s on one core: {'MET' if ex_ok else 'MISSED'}")
    if 10_000 in rates:
        t = 10_000 / rates[10_000]
        print(
            f"  index 10,000 profiles < 10 min: {'MET' if t < 600 else 'MISSED'} ({t / 60:.0f} min)"
        )
    elif rates:
        t, n = 10_000 / rates[max(rates)], max(rates)
        print(f"  index 10,000 profiles < 10 min: MISSED (PROJECTED {t / 60:.0f} min from N={n:,})")
    if top >= 10_000:
        ok = answer_p95[top] < TARGETS["answer_p95_ms"]
        print(f"  answer p95 < 100 ms at {top:,} profiles: {'MET' if ok else 'MISSED'} "
              f"({answer_p95[top]:.1f} ms)")  # fmt: skip
    worst = max(cold.values())
    print(
        f"  cold nlq ask < 2 s: {'MET' if worst < 2 else 'MISSED'} (slowest median {worst:.2f} s)"
    )
    # Distinct sentences (the facts of one entry share theirs): both functions embed each once.
    sentences = list(dict.fromkeys(f.sentence for f in _facts(40, args.seed)))[:600]
    print(f"\nEmbedding functions on the same {len(sentences)} fact sentences:")
    print(embedding_comparison(sentences))
    print("\nRetrieval recall@5 on the golden questions: python bench/bench_index.py")
    subprocess.run([sys.executable, str(REPO / "bench/bench_index.py"), "--recall-only"],
                   check=False)  # fmt: skip


# -- in a child: one size -----------------------------------------------------------------


def _facts(n: int, seed: int):
    from nlq.extractors.rules import RulesExtractor
    from nlq.facts import facts_from_record
    from nlq.layout import parse

    ex = RulesExtractor()
    for s in generate(n, seed):
        record = ex.extract(parse(s.name, s.text, FORMATS[s.layout])).record
        yield from facts_from_record(record, text=s.text)


def _questions(n: int, seed: int) -> list[tuple[str, str]]:
    """(question, a figure as the answer must show it) from the generated truth."""
    rng = random.Random(seed)
    picks = rng.sample(range(n), min(n, 40))
    truths = {i: s.truth for i, s in enumerate(generate(max(picks) + 1, seed)) if i in picks}
    out = []
    for i in picks:
        t = truths[i]
        out.append((f"How many PCT applications does {t.cluster} file per million inhabitants?",
                    f"{t.pct_applications:,}"))  # fmt: skip
        top = t.top_publishers[0]
        out.append((f"Who is the top publisher in {t.cluster}?", top.name))
        out.append((f"What is the global size rank of {t.cluster}?", str(t.global_size_rank)))
    a, b = truths[picks[0]], truths[picks[1 % len(picks)]]
    out.append((f"Compare {a.cluster} and {b.cluster} on scientific articles",
                f"{a.scientific_articles:,}"))  # fmt: skip
    return out


def run_child(mode: str, n: int, seed: int, work: Path) -> dict:
    os.environ["NLQ_HOME"] = str(work / "home")
    from nlq.answer.engine import Asker
    from nlq.answer.load import load_corpus
    from nlq.config import load_settings
    from nlq.search import Searcher
    from nlq.vector.embedding import shared_embedder

    settings = load_settings()
    if mode == "index":
        from nlq.indexer import index_paths

        paths = write(work / "data", n, seed)  # not timed
        start = time.perf_counter()
        summary = index_paths(paths, backend="rules", settings=settings)
        index_s = time.perf_counter() - start
        facts = summary.facts
        modes = ("fused", "vector", "bm25")
    else:
        index_s, facts = _sqlite_only(work, n, seed, settings)
        modes = ("bm25",)
    from nlq.store import FactStore

    questions = _questions(n, seed)
    with FactStore.open(settings) as store:
        searcher = Searcher(settings=settings, store=store)
        search_ms = {}
        for m in modes:
            times = []
            for q, _ in questions:
                if m != "bm25":  # a new query pays for its embedding, not the cache
                    shared_embedder().clear_cache()
                start = time.perf_counter()
                searcher.search(q, 5, mode=m)
                times.append((time.perf_counter() - start) * 1000)
            search_ms[m] = (pct(times, 50), pct(times, 95))
    start = time.perf_counter()
    corpus = load_corpus()
    load_s = time.perf_counter() - start
    asker = Asker(corpus)
    asker.ask(questions[0][0], follow_up=False)  # warm: the embedding model is loaded
    times, correct = [], 0
    for q, expected in questions:
        start = time.perf_counter()
        answer = asker.ask(q, follow_up=False)
        times.append((time.perf_counter() - start) * 1000)
        correct += expected in answer.answer and bool(answer.citations)
    return {
        "index_s": index_s,
        "facts": facts,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "search_ms": search_ms,
        "answer_ms": (pct(times, 50), pct(times, 95)),
        "questions": len(questions),
        "correct": correct,
        "checked": len(questions),
        "load_s": load_s,
        "cold_question": questions[0][0],
    }


def _sqlite_only(work: Path, n: int, seed: int, settings) -> tuple[float, int]:
    """The fact store of N profiles without embeddings (what `nlq ask` reads)."""
    import hashlib

    from nlq.extractors.rules import RulesExtractor
    from nlq.facts import facts_from_record
    from nlq.layout import parse
    from nlq.store import FactStore

    ex = RulesExtractor()
    total = 0
    start = time.perf_counter()
    with FactStore.open(settings) as store:
        for s in generate(n, seed):
            record = ex.extract(parse(s.name, s.text, FORMATS[s.layout])).record
            key = str(work / "data" / s.name)
            facts = facts_from_record(record, file_key=key, text=s.text)
            sha = hashlib.sha256(s.text.encode()).hexdigest()
            store.upsert(key, sha256=sha, backend="rules", text=s.text, record=record, facts=facts)
            total += len(facts)
    return time.perf_counter() - start, total


if __name__ == "__main__":
    main()
