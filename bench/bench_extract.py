"""Deterministic extraction speed on one core: profiles per second, layout and facts split.

Run: python bench/bench_extract.py [--seconds 3]
Reads the bundled profiles and the golden layout files (already decoded, so disk time is
excluded) and extracts them in a loop in this one process.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse
from nlq.layout.loader import load_source

REPO = Path(__file__).resolve().parent.parent


def _inputs() -> list[tuple[str, str, str]]:
    files = sorted((REPO / "data/profiles").glob("*"))
    files += sorted(p for p in (REPO / "golden/layouts").glob("*") if p.suffix != ".pdf")
    out = []
    for path in files:
        raw, fmt = load_source(path)
        out.append((path.name, raw, fmt))
    return out


def _rate(fn, items, seconds: float) -> float:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for item in items:
            fn(item)
        n += len(items)
    return n / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    items = _inputs()
    ex = RulesExtractor()
    docs = [parse(*item) for item in items]
    layout = _rate(lambda it: parse(*it), items, args.seconds)
    facts = _rate(ex.extract, docs, args.seconds)
    total = _rate(lambda it: ex.extract(parse(*it)), items, args.seconds)
    size = sum(len(raw) for _, raw, _ in items) / len(items)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; pinned to one core"
    )
    print(f"inputs: {len(items)} profiles (mean {size:,.0f} characters)")
    print(f"layout normalization: {layout:8.0f} profiles/s  ({1000 / layout:.3f} ms each)")
    print(f"fact extraction:      {facts:8.0f} profiles/s  ({1000 / facts:.3f} ms each)")
    print(f"end to end (rules):   {total:8.0f} profiles/s  ({1000 / total:.3f} ms each)")
    print(f"target 2,000 profiles/s: {'met' if total >= 2000 else 'MISSED'}")


if __name__ == "__main__":
    main()
