"""Shared fixtures: every test gets its own NLQ_HOME and no LLM configuration from the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def _model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session: the int8 model is derived once, not into ~/.cache."""
    return tmp_path_factory.mktemp("nlq-cache")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _model_cache: Path) -> Path:
    home = tmp_path / "nlq-home"
    monkeypatch.setenv("NLQ_HOME", str(home))
    monkeypatch.setenv("NLQ_CACHE_DIR", str(_model_cache))
    for name in (
        "NLQ_LLM_BASE_URL",
        "OPENAI_BASE_URL",
        "NLQ_LLM_MODEL",
        "OPENAI_API_KEY",
        "NLQ_LLM_MODE",
        "NLQ_LLM_TIMEOUT",
        "NLQ_LLM_MAX_RETRIES",
        "NLQ_LLM_BACKOFF",
        "NLQ_LLM_DOCUMENT_TIMEOUT",
        "NLQ_LLM_TEMPERATURE",
        "NLQ_CHROMA_URL",
        "NLQ_DEBUG",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def repo() -> Path:
    return REPO
