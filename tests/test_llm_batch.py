"""Many documents at once (`extract_files`), and `--backend auto`, against the loopback server."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from llm_fixtures import (
    REPO,
    document_sha,
    llm_fixture,  # noqa: F401  (a fixture)
    llm_settings,
    no_network_fixture,  # noqa: F401  (a fixture)
    respond_by_document,
)
from openai_server import LoopbackLLM, Reply
from test_llm_extract import (
    HEFEI_GOLDEN,
    HEFEI_RAW,
    KESTREL,
    answer,
    assert_hefei,
    kestrel_answer,
)

from nlq.config import load_settings
from nlq.errors import ConfigError, ExtractionError
from nlq.evaluate import check_evidence, compare
from nlq.extractors.auto import AutoExtractor
from nlq.extractors.batch import Failure, extract_file, extract_files, total_usage
from nlq.layout import parse

CHANGSHA_RAW = (REPO / "data/profiles/changsha_2024.txt").read_text("utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_documents_run_concurrently_up_to_the_limit_and_come_back_in_order(
    llm: LoopbackLLM, tmp_path: Path
) -> None:
    paths = []
    answers = {}
    for i in range(4):  # four distinct documents (a trailing line changes each hash)
        raw = HEFEI_RAW + "\n" * (i + 1)
        paths.append(write(tmp_path, f"hefei_{i}.txt", raw))
        answers[document_sha(raw)] = Reply(payload=answer(), delay=0.3)
    llm.responder = respond_by_document(answers)
    done: list[str] = []
    started = time.monotonic()
    results = extract_files(
        paths,
        backend="llm",
        settings=llm_settings(llm),
        concurrency=2,
        use_cache=False,
        on_done=lambda p: done.append(p.name),
    )
    elapsed = time.monotonic() - started
    assert [r.record.source for r in results] == [p.name for p in paths]
    assert sorted(done) == sorted(p.name for p in paths)
    assert llm.max_in_flight == 2 and len(llm.requests) == 4
    assert elapsed >= 0.6  # two rounds of two 0.3 s replies: never more than two at once
    for r in results:
        assert compare(HEFEI_GOLDEN, r.record)[1] == []
    total = total_usage(results)
    assert total.requests == 4
    assert total.prompt_tokens == sum(p for p, _ in llm.charged)
    assert total.completion_tokens == sum(c for _, c in llm.charged)


def test_one_failing_document_does_not_stop_the_others(llm: LoopbackLLM, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", HEFEI_RAW)
    bad = write(tmp_path, "bad.txt", HEFEI_RAW + "\n")
    missing = tmp_path / "missing.txt"
    llm.responder = respond_by_document(
        {
            document_sha(HEFEI_RAW): answer(),
            document_sha(HEFEI_RAW + "\n"): Reply(status=500, error="model crashed"),
        }
    )
    results = extract_files(
        [bad, good, missing], backend="llm", settings=llm_settings(llm), use_cache=False
    )
    assert isinstance(results[0], Failure) and isinstance(results[2], Failure)
    assert_hefei(results[1].record)
    assert results[0].message == (
        f"bad.txt: the LLM endpoint {llm.url} failed: HTTP 500: model crashed after 2 "
        "request(s); the server failed; retry later"
    )
    assert results[2].message == f"{missing}: no such file; check the path"
    assert all("\n" not in r.message for r in (results[0], results[2]))


def test_a_refused_endpoint_fails_every_document_quickly_each_on_one_line(tmp_path: Path) -> None:
    with LoopbackLLM() as server:
        url = server.url
    paths = [write(tmp_path, f"p{i}.txt", HEFEI_RAW + " " * i) for i in range(3)]
    started = time.monotonic()
    results = extract_files(paths, backend="llm", settings=llm_settings(url=url, llm_max_retries=2))
    assert time.monotonic() - started < 3
    assert [r.message for r in results] == [
        f"p{i}.txt: the LLM endpoint {url} failed: cannot connect after 3 request(s); check that "
        "the server is running and NLQ_LLM_BASE_URL"
        for i in range(3)
    ]


def test_the_per_document_timeout_ends_a_slow_document(llm: LoopbackLLM, tmp_path: Path) -> None:
    slow = write(tmp_path, "slow.txt", HEFEI_RAW)
    llm.script(Reply(payload=answer(), delay=3))
    started = time.monotonic()
    [result] = extract_files(
        [slow], backend="llm", settings=llm_settings(llm), document_timeout=0.3
    )
    assert time.monotonic() - started < 1.5
    assert result.message == (
        f"{slow}: no result within NLQ_LLM_DOCUMENT_TIMEOUT=0.3s; the LLM endpoint is slow: "
        "raise the limit or lower --concurrency"
    )


def test_the_rules_backend_keeps_its_old_signature_and_needs_no_llm(tmp_path: Path) -> None:
    path = write(tmp_path, "hefei.txt", HEFEI_RAW)
    [result] = extract_files([path])
    assert result.backend == "rules" and result.usage.requests == 0
    assert extract_file(path).record.pct_applications == 692


def test_llm_backend_without_a_model_is_one_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no LLM configured: set NLQ_LLM_MODEL"):
        extract_files([tmp_path / "x.txt"], backend="llm", settings=load_settings())
    with pytest.raises(ConfigError, match="unknown backend 'magic'"):
        extract_files([tmp_path / "x.txt"], backend="magic")


# --- auto ----------------------------------------------------------------------------------


def test_auto_without_an_llm_returns_the_rules_record_and_says_how_to_configure_one() -> None:
    auto = AutoExtractor(load_settings())
    changsha = auto.extract(parse("changsha_2024.txt", CHANGSHA_RAW, "text"))
    assert changsha.backend == "rules"
    hint = [w for w in changsha.record.warnings if w.startswith("llm:")]
    assert hint == [
        "llm: 2 fact(s) not found by the rules (patent_fields, publication_fields); set "
        "NLQ_LLM_MODEL (and NLQ_LLM_BASE_URL for a local server such as Ollama) so that "
        "--backend auto can ask an LLM for them; see docs/LLM.md"
    ]
    complete = auto.extract(parse("hefei_2024.txt", HEFEI_RAW, "text"))
    assert not [w for w in complete.record.warnings if w.startswith("llm")]
    with pytest.raises(
        ExtractionError, match="no cluster name found.*configure an LLM: set NLQ_LLM_MODEL"
    ):
        auto.extract(parse("kestrel.txt", KESTREL, "text"))


def test_auto_does_not_ask_the_llm_when_the_rules_found_everything(llm: LoopbackLLM) -> None:
    result = AutoExtractor(llm_settings(llm)).extract(parse("hefei_2024.txt", HEFEI_RAW, "text"))
    assert result.backend == "rules" and llm.requests == []
    assert_hefei(result.record)


# Hefei with a collaboration sentence the rules do not parse and a second, different count.
PARTIAL = (
    HEFEI_RAW[: HEFEI_RAW.index("61% of Hefei")]
    + "Co-authored science: 61 percent of articles, mostly with partners in Beijing, "
    "Shanghai-Suzhou and Shenzhen-Hong Kong-Guangzhou."
).replace("36th largest", "An earlier count gave 7,900 scientific articles.\n\n36th largest", 1)


def test_auto_fills_what_the_rules_missed_and_flags_disagreements(llm: LoopbackLLM) -> None:
    facts = answer(
        scientific_articles={
            "value": 7900,
            "quote": "An earlier count gave 7,900 scientific articles.",
        },
        publication_collaboration={
            "share": 61,
            "partners": ["Beijing", "Shanghai-Suzhou", "Shenzhen-Hong Kong-Guangzhou"],
            "quote": PARTIAL.splitlines()[-1],
        },
    )
    llm.script(facts)
    result = AutoExtractor(llm_settings(llm)).extract(parse("partial.txt", PARTIAL, "text"))
    record = result.record
    assert result.backend == "rules+llm" and len(llm.requests) == 1
    assert result.usage.requests == 1 and result.usage.prompt_tokens == llm.charged[0][0]
    assert record.scientific_articles == 7921  # the rules value is kept ...
    assert record.publication_collaboration.model_dump() == {  # ... and the gap filled
        "share": 61,
        "partners": ["Beijing", "Shanghai-Suzhou", "Shenzhen-Hong Kong-Guangzhou"],
    }
    assert check_evidence(record, PARTIAL) == []
    assert record.evidence["publication_collaboration.share"].text == "61"
    assert record.warnings == [
        "scientific_articles: the LLM read 7900 (line 12) where the rules read 7921 (line 10); "
        "kept the rules value",
        "top_publishers: 'UNIVERSITY OF SCIENCE & TECH. OF CHINA' appears at ranks 1 and 3",
    ]


def test_auto_hands_an_unknown_layout_to_the_llm(llm: LoopbackLLM) -> None:
    llm.script(kestrel_answer())
    result = AutoExtractor(llm_settings(llm)).extract(parse("kestrel.txt", KESTREL, "text"))
    assert result.backend == "llm" and result.record.pct_applications == 311
    assert check_evidence(result.record, KESTREL) == []


def test_auto_keeps_the_rules_record_when_the_llm_fails(tmp_path: Path) -> None:
    with LoopbackLLM() as server:
        url = server.url
    path = write(tmp_path, "changsha_2024.txt", CHANGSHA_RAW)
    [result] = extract_files([path], backend="auto", settings=llm_settings(url=url))
    assert result.backend == "rules" and result.record.cluster == "Changsha"
    assert result.record.warnings[-1].startswith(
        "llm: could not ask the LLM for the missing facts: changsha_2024.txt: the LLM endpoint"
    )
    [failed] = extract_files(
        [write(tmp_path, "k.txt", KESTREL)], backend="auto", settings=llm_settings(url=url)
    )
    assert failed.message.startswith("k.txt: the LLM endpoint")


def test_auto_in_a_batch_mixes_rules_and_llm(llm: LoopbackLLM, tmp_path: Path) -> None:
    llm.responder = respond_by_document({document_sha(KESTREL): kestrel_answer()})
    paths = [write(tmp_path, "hefei.txt", HEFEI_RAW), write(tmp_path, "kestrel.txt", KESTREL)]
    results = extract_files(paths, backend="auto", settings=llm_settings(llm))
    assert [r.backend for r in results] == ["rules", "llm"]
    assert len(llm.requests) == 1
