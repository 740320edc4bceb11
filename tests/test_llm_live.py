"""The golden set against a real LLM endpoint. Deselected by default; run it with

    NLQ_LLM_BASE_URL=http://localhost:11434/v1 NLQ_LLM_MODEL=llama3.1 pytest -m live

(OPENAI_API_KEY, NLQ_LLM_MODE, NLQ_LLM_TIMEOUT, NLQ_LLM_MAX_RETRIES are read too). A real model
may miss facts, but whatever it returns must be grounded: every evidence span exact.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nlq.config import load_settings
from nlq.evaluate import evaluate_case, load_cases, summarize
from nlq.extractors.batch import Failure, extract_files, total_usage
from nlq.layout.loader import load_source

REPO = Path(__file__).resolve().parent.parent
# Read at import: the autouse fixture of conftest.py clears these variables for each test.
LIVE_ENV = {
    name: os.environ[name]
    for name in (
        "NLQ_LLM_BASE_URL",
        "OPENAI_BASE_URL",
        "NLQ_LLM_MODEL",
        "OPENAI_API_KEY",
        "NLQ_LLM_MODE",
        "NLQ_LLM_TIMEOUT",
        "NLQ_LLM_MAX_RETRIES",
    )
    if os.environ.get(name)
}
MIN_F1 = float(os.environ.get("NLQ_LIVE_MIN_F1", "0.8"))


@pytest.mark.live
def test_golden_set_against_a_real_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    if not LIVE_ENV.get("NLQ_LLM_BASE_URL") or not LIVE_ENV.get("NLQ_LLM_MODEL"):
        pytest.skip("set NLQ_LLM_BASE_URL and NLQ_LLM_MODEL to run the live test")
    for name, value in LIVE_ENV.items():
        monkeypatch.setenv(name, value)
    cases = load_cases(REPO / "golden")
    paths = [(p.parent / c.input).resolve() for p, c in cases]
    results = extract_files(paths, backend="llm", settings=load_settings(), use_cache=False)
    by_path = dict(zip(paths, results, strict=True))
    scored = []
    for (path, case), result in zip(cases, results, strict=True):
        assert not isinstance(result, Failure), result.message
        s = evaluate_case(path, case, lambda p: (by_path[p].record, load_source(p)[0]))
        assert s.evidence_errors == [], (path.name, s.evidence_errors)
        scored.append(s)
    usage = total_usage(results)
    f1 = summarize(scored)["all"].f1
    print(
        f"live: F1 {f1:.3f}; {usage.prompt_tokens} prompt + {usage.completion_tokens} "
        f"completion tokens in {usage.requests} requests for {len(cases)} profiles"
    )
    assert f1 >= MIN_F1
