"""Question answering speed: warm answer latency (p50/p95) and cold `nlq ask` process time.

Run: python bench/bench_ask.py [--repeat 5]
Warm: every golden question answered in this process after the corpus is loaded (and, for
questions that need it, the embedding model). Cold: a fresh `nlq ask` process, timed end to end.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from nlq.answer.engine import Asker
    from nlq.answer.load import load_corpus
    from nlq.evaluate_qa import load_questions

    os.chdir(REPO)
    questions = [q.question for q in load_questions(REPO / "golden/questions.jsonl")]
    asker = Asker(load_corpus())
    for q in questions:  # warm-up: loads the embedding model where a question needs it
        asker.ask(q, follow_up=False)
    times = []
    for _ in range(args.repeat):
        for q in questions:
            t = time.perf_counter()
            asker.ask(q, follow_up=False)
            times.append((time.perf_counter() - t) * 1000)
    nlq = str(Path(sys.executable).with_name("nlq"))
    cold: dict[str, list[float]] = {}
    for label, q in (
        ("lookup", "How many PCT applications does Hefei file?"),
        ("semantic (loads the embedding model)", "What share of Hefei's patents is in chips?"),
    ):
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            subprocess.run([nlq, "ask", q], check=True, capture_output=True)
            runs.append(time.perf_counter() - t)
        cold[label] = runs
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"corpus: {len(asker.corpus.records)} clusters; "
        f"{len(questions)} golden questions x {args.repeat}"
    )
    print(
        f"warm answer latency: p50 {_pct(times, 50):.2f} ms, p95 {_pct(times, 95):.2f} ms "
        f"(target p95 < 50 ms: {'met' if _pct(times, 95) < 50 else 'MISSED'})"
    )
    for label, runs in cold.items():
        med = statistics.median(runs)
        print(
            f"cold nlq ask, {label}: median {med:.2f} s, max {max(runs):.2f} s "
            f"(target < 2 s: {'met' if med < 2 else 'MISSED'})"
        )


if __name__ == "__main__":
    main()
