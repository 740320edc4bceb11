"""Extracting many files: one failure never stops the others."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nlq.config import Settings
from nlq.errors import NlqError
from nlq.schema import Extraction

BACKENDS = ("auto", "rules", "llm")


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that produced no record, with the one-line reason."""

    path: Path
    message: str


def extract_file(
    path: Path, *, backend: str = "rules", settings: Settings | None = None
) -> Extraction:
    """Extract one file with `backend`; raise `NlqError` (naming the file) when it fails."""
    from nlq.extract.rules import RulesExtractor
    from nlq.layout import read_document

    if backend != "rules":
        raise NotImplementedError("llm and auto backends are wired in by the LLM extractor work")
    return RulesExtractor().extract(read_document(path))


def extract_files(
    paths: Sequence[Path],
    *,
    backend: str = "rules",
    settings: Settings | None = None,
    concurrency: int = 4,
    use_cache: bool = True,
    on_done: Callable[[Path], None] | None = None,
) -> list[Extraction | Failure]:
    """Extract every file in order; each result is an `Extraction` or a `Failure`."""
    results: list[Extraction | Failure] = []
    for path in paths:
        try:
            results.append(extract_file(path, backend=backend, settings=settings))
        except NlqError as e:
            results.append(Failure(path, str(e)))
        if on_done:
            on_done(path)
    return results
