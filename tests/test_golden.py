"""Every hand-verified golden case: F1 = 1.000, every evidence span exact, warnings present."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlq.evaluate import evaluate_case, load_cases
from nlq.extractors.batch import extract_file
from nlq.layout.loader import load_source

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = load_cases(GOLDEN)


def _rules(path: Path):
    return extract_file(path, backend="rules").record, load_source(path)[0]


def test_the_golden_set_covers_the_bundled_data_and_layout_variants() -> None:
    inputs = {(p.parent / c.input).resolve() for p, c in CASES}
    bundled = {p.resolve() for p in (GOLDEN.parent / "data/profiles").iterdir()}
    assert bundled <= inputs
    assert len(CASES) >= 12
    assert {p.suffix for p in inputs} >= {".txt", ".md", ".html", ".pdf"}


@pytest.mark.parametrize(("path", "case"), CASES, ids=[p.stem for p, _ in CASES])
def test_golden_case(path: Path, case) -> None:
    result = evaluate_case(path, case, _rules)
    assert result.error is None
    assert result.mismatches == []
    assert result.evidence_errors == []
    assert result.total.f1 == 1.0
