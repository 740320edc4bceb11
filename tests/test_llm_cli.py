"""`nlq extract --backend llm|auto` and `nlq eval --backend llm`, as a user runs them."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from llm_fixtures import (
    REPO,
    document_sha,
    llm_fixture,  # noqa: F401  (a fixture)
    no_network_fixture,  # noqa: F401  (a fixture)
    respond_by_document,
)
from openai_server import LoopbackLLM, Reply
from test_llm_extract import HEFEI_RAW, KESTREL, answer, kestrel_answer
from test_llm_golden import perfect_answers
from typer.testing import CliRunner

from nlq.cli import app

runner = CliRunner()


@pytest.fixture
def llm_env(llm: LoopbackLLM, monkeypatch: pytest.MonkeyPatch) -> LoopbackLLM:
    for name, value in {
        "NLQ_LLM_BASE_URL": llm.url,
        "NLQ_LLM_MODEL": "loopback-model",
        "NLQ_LLM_TIMEOUT": "2",
        "NLQ_LLM_MAX_RETRIES": "1",
        "NLQ_LLM_BACKOFF": "0",
    }.items():
        monkeypatch.setenv(name, value)
    return llm


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_extract_with_the_llm_prints_records_and_token_stats(
    llm_env: LoopbackLLM, tmp_path: Path
) -> None:
    path = write(tmp_path, "hefei_2024.txt", HEFEI_RAW)
    llm_env.script(answer())
    result = runner.invoke(app, ["extract", str(path), "--backend", "llm", "--json", "--stats"])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.stdout)
    assert record["pct_applications"] == 692
    assert record["evidence"]["pct_applications"]["text"] == "692"
    ((prompt, completion),) = llm_env.charged
    assert result.stderr.splitlines() == [
        f"hefei_2024.txt: {prompt} prompt + {completion} completion tokens (llm)",
        f"total: {prompt} prompt + {completion} completion tokens",
    ]
    # a re-run is answered from the cache: no request, no tokens; --no-cache asks again
    again = runner.invoke(app, ["extract", str(path), "--backend", "llm", "--stats", "-q"])
    assert again.exit_code == 0 and len(llm_env.requests) == 1
    assert "hefei_2024.txt: 0 prompt + 0 completion tokens (llm)" in again.stderr
    llm_env.script(answer())
    fresh = runner.invoke(app, ["extract", str(path), "--backend", "llm", "--no-cache", "-q"])
    assert fresh.exit_code == 0 and len(llm_env.requests) == 2


def test_a_failing_document_is_one_line_and_the_others_are_extracted(
    llm_env: LoopbackLLM, tmp_path: Path
) -> None:
    good = write(tmp_path, "a_good.txt", HEFEI_RAW)
    bad = write(tmp_path, "b_bad.txt", HEFEI_RAW + "\n")
    llm_env.responder = respond_by_document(
        {
            document_sha(HEFEI_RAW): answer(),
            document_sha(HEFEI_RAW + "\n"): Reply(status=500, error="model crashed"),
        }
    )
    result = runner.invoke(app, ["extract", str(good), str(bad), "--backend", "llm", "--json"])
    assert result.exit_code == 1
    assert [r["source"] for r in json.loads(result.stdout)] == ["a_good.txt"]
    assert result.stderr.splitlines() == [
        f"nlq: error: b_bad.txt: the LLM endpoint {llm_env.url} failed: HTTP 500: model crashed "
        "after 2 request(s); the server failed; retry later"
    ]
    assert "Traceback" not in result.output


def test_a_refused_endpoint_ends_within_timeout_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with LoopbackLLM() as server:
        url = server.url
    monkeypatch.setenv("NLQ_LLM_BASE_URL", url)
    monkeypatch.setenv("NLQ_LLM_MODEL", "m")
    monkeypatch.setenv("NLQ_LLM_MAX_RETRIES", "2")
    monkeypatch.setenv("NLQ_LLM_BACKOFF", "0.05")
    paths = [write(tmp_path, "one.txt", HEFEI_RAW), write(tmp_path, "two.txt", KESTREL)]
    started = time.monotonic()
    result = runner.invoke(app, ["extract", *map(str, paths), "--backend", "llm"])
    assert time.monotonic() - started < 3
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"nlq: error: {name}: the LLM endpoint {url} failed: cannot connect after 3 request(s); "
        "check that the server is running and NLQ_LLM_BASE_URL"
        for name in ("one.txt", "two.txt")
    ]


def test_llm_backend_without_a_model_says_what_to_set(tmp_path: Path) -> None:
    path = write(tmp_path, "hefei.txt", HEFEI_RAW)
    result = runner.invoke(app, ["extract", str(path), "--backend", "llm"])
    assert result.exit_code == 1
    assert result.stderr.startswith("nlq: error: no LLM configured: set NLQ_LLM_MODEL")


def test_auto_is_the_default_and_asks_the_llm_only_for_what_the_rules_cannot_read(
    llm_env: LoopbackLLM, tmp_path: Path
) -> None:
    paths = [write(tmp_path, "a_hefei.txt", HEFEI_RAW), write(tmp_path, "b_kestrel.txt", KESTREL)]
    llm_env.responder = respond_by_document({document_sha(KESTREL): kestrel_answer()})
    result = runner.invoke(app, ["extract", *map(str, paths), "--json", "--stats"])
    assert result.exit_code == 0, result.output
    assert [r["cluster"] for r in json.loads(result.stdout)] == ["Hefei", "Kestrel Bay"]
    assert len(llm_env.requests) == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "a_hefei.txt: 0 prompt + 0 completion tokens (rules)"
    assert lines[1].startswith("b_kestrel.txt: ") and lines[1].endswith(" completion tokens (llm)")


def test_eval_with_the_llm_backend_scores_the_golden_set(
    llm_env: LoopbackLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, answers = perfect_answers()
    llm_env.responder = respond_by_document(answers)
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["eval", "--backend", "llm", "--json", "--min-f1", "1.0"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["groups"]["all"]["f1"] == 1.0
    assert all(not c["evidence_errors"] and c["error"] is None for c in report["cases"])
