"""The LLM answer cache: one JSON file per (endpoint, model, mode, prompt, schema, document).

A re-run of the same document against the same model costs nothing. The cached value is the
model's answer (`ClusterFacts` as JSON), not the record: it is grounded again against the
document on every read, so a record always passes the grounding rules of the code that reads
it. Files are written atomically and hold no API key (the key is not part of the key either).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from nlq.schema import Usage


class CacheEntry(BaseModel):
    """One cached LLM answer and what it cost when it was asked."""

    model_config = ConfigDict(extra="forbid")

    endpoint: str
    model: str
    mode: str
    prompt_version: int
    schema_sha256: str
    document_sha256: str
    answer: dict[str, Any]
    usage: Usage
    created: str = ""


def cache_key(
    *,
    endpoint: str,
    model: str,
    mode: str,
    prompt_version: int,
    schema_sha256: str,
    document_sha256: str,
) -> str:
    """The file name (without suffix) of a cached answer: sha256 of everything that shapes it."""
    parts = {
        "endpoint": endpoint,
        "model": model,
        "mode": mode,
        "prompt_version": prompt_version,
        "schema_sha256": schema_sha256,
        "document_sha256": document_sha256,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class LLMCache:
    """Cached answers under `folder` (normally `NLQ_HOME/cache/llm`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        """The entry for `key`, or None when there is none or it cannot be read (a damaged
        file is treated as missing and overwritten by the next answer)."""
        try:
            return CacheEntry.model_validate_json(self.path(key).read_bytes())
        except (OSError, ValidationError, ValueError):
            return None

    def put(self, key: str, entry: CacheEntry) -> str | None:
        """Store `entry` atomically; return None, or a one-line reason it could not be stored."""
        entry = entry.model_copy(
            update={"created": datetime.now(UTC).isoformat(timespec="seconds")}
        )
        target = self.path(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{key[:16]}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(entry.model_dump_json(indent=1))
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as e:
            return f"cannot write the LLM cache file {target} ({e.strerror or e})"
        return None
