"""The synthetic profile generator (bench/synth.py): reproducible, and its ground truth is
recovered by the rules extractor in every layout with exact evidence spans."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from synth import LAYOUTS, generate, write  # noqa: E402

from nlq.evaluate import check_evidence, compare  # noqa: E402
from nlq.extractors.batch import extract_file  # noqa: E402

SAMPLE = 40  # ten of each layout


def test_the_same_seed_gives_the_same_profiles() -> None:
    a, b = list(generate(12, seed=7)), list(generate(12, seed=7))
    assert [(s.name, s.text, s.truth) for s in a] == [(s.name, s.text, s.truth) for s in b]
    c = list(generate(12, seed=8))
    assert [s.text for s in a] != [s.text for s in c]
    assert len({s.truth.cluster for s in generate(2000)}) == 2000  # names never repeat
    assert all(s.truth.cluster.startswith("Synth ") for s in a)


def test_every_layout_is_generated_with_varied_content() -> None:
    sample = list(generate(SAMPLE, seed=3))
    assert Counter(s.layout for s in sample) == {layout: SAMPLE // 4 for layout in LAYOUTS}
    assert any(not s.truth.patent_fields for s in generate(200, seed=3))  # a missing section
    assert any(s.truth.publication_collaboration is None for s in generate(200, seed=3))


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[tuple[Path, object]]:
    out = tmp_path_factory.mktemp("synth")
    paths = write(out, SAMPLE, seed=11)
    return list(zip(paths, (s.truth for s in generate(SAMPLE, seed=11)), strict=True))


def test_the_rules_extractor_recovers_every_generated_fact(written) -> None:
    problems = []
    for path, truth in written:
        record = extract_file(path, backend="rules").record
        _, mismatches = compare(truth, record)
        raw = path.read_text(encoding="utf-8")
        problems += [f"{path.name}: {m}" for m in mismatches + check_evidence(record, raw)]
        assert not [w for w in record.warnings if "sum to" in w or "disagree" in w], (
            path.name,
            record.warnings,
        )
    assert problems == []
