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
    llm_timeout: float = 60.0
    llm_max_retries: int = 2
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
        "chroma_url": env.get("NLQ_CHROMA_URL") or None,
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
