"""One settings object, resolved in one place: explicit argument > CLI option > NLQ_* env > default.

This module imports nothing of nlq but the error types.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from nlq.errors import ConfigError


class Settings(BaseModel):
    """Everything nlq can be configured with. Build it with `load_settings()`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    home: Path = Field(description="where nlq keeps its store and index (NLQ_HOME)")
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_mode: str | None = None
    llm_timeout: float = Field(default=60.0, description="seconds per request (NLQ_LLM_TIMEOUT)")
    llm_max_retries: int = Field(
        default=2,
        description="retries of a failed request (429, 5xx, timeout) and re-asks of an "
        "ungrounded answer (NLQ_LLM_MAX_RETRIES)",
    )
    llm_backoff: float = Field(
        default=1.0,
        description="first wait before a retry, doubled each time (NLQ_LLM_BACKOFF)",
    )
    llm_document_timeout: float | None = Field(
        default=None,
        description="seconds one document may take in a batch, all retries included "
        "(NLQ_LLM_DOCUMENT_TIMEOUT; unset: bounded only by the per-request timeout and retries)",
    )
    llm_temperature: float | None = Field(
        default=0.0, description="sampling temperature sent to the LLM; 'none' sends none"
    )
    chroma_url: str | None = None

    @property
    def llm_configured(self) -> bool:
        """True when a model name is set, the one thing nlq cannot guess."""
        return bool(self.llm_model)


def _env_number(name: str, default: float, kind: type) -> float:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return kind(value)
    except ValueError as e:
        raise ConfigError(f"{name}={value!r} is not a number; set it to e.g. {default}") from e


def _env_optional_number(name: str, default: float | None) -> float | None:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.strip().lower() == "none":
        return None
    return _env_number(name, 0.0, float)


def cache_dir() -> Path:
    """Where derived files are kept between runs, outside NLQ_HOME (the embedding model
    rewritten to compute in int8): `NLQ_CACHE_DIR`, else `$XDG_CACHE_HOME/nlq`, else
    `~/.cache/nlq`. Not a `Settings` field: the embedder is shared by the whole process."""
    explicit = os.environ.get("NLQ_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nlq"


def load_settings(**overrides: object) -> Settings:
    """Resolve settings from the environment; keyword overrides (CLI options) win when not None."""
    env = os.environ
    key = env.get("OPENAI_API_KEY")
    values: dict[str, object] = {
        "home": Path(env.get("NLQ_HOME") or ".nlq"),
        "llm_base_url": env.get("NLQ_LLM_BASE_URL") or env.get("OPENAI_BASE_URL") or None,
        "llm_model": env.get("NLQ_LLM_MODEL") or None,
        "llm_api_key": SecretStr(key) if key else None,
        "llm_mode": env.get("NLQ_LLM_MODE") or None,
        "llm_timeout": _env_number("NLQ_LLM_TIMEOUT", 60.0, float),
        "llm_max_retries": int(_env_number("NLQ_LLM_MAX_RETRIES", 2, int)),
        "llm_backoff": _env_number("NLQ_LLM_BACKOFF", 1.0, float),
        "llm_document_timeout": _env_optional_number("NLQ_LLM_DOCUMENT_TIMEOUT", None),
        "llm_temperature": _env_optional_number("NLQ_LLM_TEMPERATURE", 0.0),
        "chroma_url": env.get("NLQ_CHROMA_URL") or None,
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
