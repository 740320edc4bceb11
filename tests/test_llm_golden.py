"""The whole golden set through the LLM path, with a model that answers perfectly: every layout
comes back at F1 1.0 with exact evidence, at a measured token cost."""

from __future__ import annotations

from pathlib import Path

import pytest
from llm_fixtures import (
    REPO,
    document_sha,
    facts_from_record,
    llm_fixture,  # noqa: F401  (a fixture)
    llm_settings,
    no_network_fixture,  # noqa: F401  (a fixture)
    respond_by_document,
)
from openai_server import LoopbackLLM

from nlq.evaluate import compare, evaluate_case, load_cases
from nlq.extractors.batch import Failure, extract_files, total_usage
from nlq.extractors.rules import RulesExtractor
from nlq.layout import read_document
from nlq.layout.loader import load_source

CASES = load_cases(REPO / "golden")
PROMPT_TOKEN_BUDGET = 6000
"""Estimated prompt tokens per profile (instructions, worked example, schema, and a document of
up to `LONG_DOCUMENT` characters; a longer one, such as a Word HTML export full of markup, adds
its own tokens at about four characters each)."""
LONG_DOCUMENT = 8000


def perfect_answers() -> tuple[list[Path], dict[str, dict]]:
    """What a perfect model answers for each golden input, keyed by document hash."""
    paths, answers = [], {}
    for path, case in CASES:
        source = (path.parent / case.input).resolve()
        doc = read_document(source)
        truth = RulesExtractor().extract(doc).record  # = the golden record, with evidence
        assert compare(case.expected, truth)[1] == []
        paths.append(source)
        answers[document_sha(doc.raw)] = facts_from_record(truth, doc)
    return paths, answers


@pytest.mark.parametrize("mode", ["tools", "json_schema"])
def test_every_golden_layout_is_grounded_exactly_through_the_llm_path(
    llm: LoopbackLLM, mode: str
) -> None:
    paths, answers = perfect_answers()
    llm.responder = respond_by_document(answers)
    results = extract_files(
        paths,
        backend="llm",
        settings=llm_settings(llm, llm_mode=mode),
        concurrency=4,
        use_cache=False,
    )
    by_path = dict(zip(paths, results, strict=True))
    for (path, case), result in zip(CASES, results, strict=True):
        assert not isinstance(result, Failure), result.message
        scored = evaluate_case(path, case, lambda p: (by_path[p].record, load_source(p)[0]))
        assert (path.name, scored.mismatches, scored.evidence_errors) == (path.name, [], [])
        assert scored.total.f1 == 1.0
        assert result.usage.requests == 1
        size = len(load_source(path.parent / case.input)[0])
        assert result.usage.prompt_tokens < PROMPT_TOKEN_BUDGET + max(0, size - LONG_DOCUMENT) // 4
    total = total_usage(results)
    assert total.requests == len(CASES) == len(llm.requests)
    assert total.prompt_tokens == sum(p for p, _ in llm.charged)
    assert total.completion_tokens == sum(c for _, c in llm.charged)
