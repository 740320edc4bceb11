"""Extracting many files: one failure never stops the others.

`rules` runs file by file. `llm` and `auto` run as asyncio tasks over one connection pool,
at most `concurrency` documents in flight, each bounded by `document_timeout` seconds (default
NLQ_LLM_DOCUMENT_TIMEOUT; unset, a document is bounded by the per-request timeout and the
retries). A failed file becomes a `Failure` with a one-line message naming it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nlq.config import Settings, load_settings
from nlq.errors import ConfigError, LLMError, NlqError, internal_error
from nlq.schema import Extraction, Usage

BACKENDS = ("auto", "rules", "llm")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that produced no record, with the one-line reason."""

    path: Path
    message: str


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise ConfigError(f"unknown backend {backend!r}; use one of: {', '.join(BACKENDS)}")


def extract_file(
    path: Path,
    *,
    backend: str = "rules",
    settings: Settings | None = None,
    use_cache: bool = True,
) -> Extraction:
    """Extract one file with `backend`; raise `NlqError` (naming the file) when it fails."""
    from nlq.layout import read_document

    _check_backend(backend)
    if backend == "rules":
        from nlq.extractors.rules import RulesExtractor

        return RulesExtractor().extract(read_document(path))
    settings = settings or load_settings()
    if backend == "llm":
        from nlq.extractors.llm import LLMExtractor

        return LLMExtractor(settings, use_cache=use_cache).extract(read_document(path))
    from nlq.extractors.auto import AutoExtractor

    return AutoExtractor(settings, use_cache=use_cache).extract(read_document(path))


def extract_files(
    paths: Sequence[Path],
    *,
    backend: str = "rules",
    settings: Settings | None = None,
    concurrency: int = 4,
    use_cache: bool = True,
    document_timeout: float | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> list[Extraction | Failure]:
    """Extract every file; results in the order of `paths`, each an `Extraction` or a
    `Failure`. Raises `ConfigError` (before any file is read) for an unknown backend, or for
    `llm` without a configured model."""
    _check_backend(backend)
    if backend == "rules":
        return [_rules_one(path, on_done) for path in paths]
    settings = settings or load_settings()
    if backend == "llm" or settings.llm_configured:
        from nlq.extractors.llm import LLMExtractor

        LLMExtractor(settings)  # fail fast on configuration problems, once for the batch
    if document_timeout is None:
        document_timeout = settings.llm_document_timeout
    from nlq.extractors.llm import run_sync

    return run_sync(
        _extract_async(
            list(paths),
            backend,
            settings,
            max(concurrency, 1),
            use_cache,
            document_timeout,
            on_done,
        )
    )


def total_usage(results: Sequence[Extraction | Failure]) -> Usage:
    """Tokens and requests summed over the extractions in `results`."""
    total = Usage()
    for r in results:
        if isinstance(r, Extraction):
            total.prompt_tokens += r.usage.prompt_tokens
            total.completion_tokens += r.usage.completion_tokens
            total.requests += r.usage.requests
    return total


def _log_result(path: Path, backend: str, result: Extraction | Failure, started: float) -> None:
    ms = (time.perf_counter() - started) * 1000
    if isinstance(result, Failure):
        log.info("%s: failed with backend %s after %.0f ms", path, backend, ms)
        return
    record = result.record
    log.info(
        "%s: %s (%s) extracted with %s in %.0f ms: %d figures, %d warnings, %d LLM requests",
        path,
        record.cluster or "?",
        record.economy or "?",
        backend,
        ms,
        len(record.evidence),
        len(record.warnings),
        result.usage.requests,
    )


def _rules_one(path: Path, on_done: Callable[[Path], None] | None) -> Extraction | Failure:
    started = time.perf_counter()
    try:
        result: Extraction | Failure = extract_file(path, backend="rules")
    except NlqError as e:
        result = Failure(path, str(e))
    except Exception as e:  # a bug of nlq's on this file: the batch goes on past it
        log.debug("internal error on %s", path, exc_info=True)
        result = Failure(path, internal_error(path.name, e))
    _log_result(path, "rules", result, started)
    if on_done:
        on_done(path)
    return result


async def _extract_async(
    paths: list[Path],
    backend: str,
    settings: Settings,
    concurrency: int,
    use_cache: bool,
    document_timeout: float | None,
    on_done: Callable[[Path], None] | None,
) -> list[Extraction | Failure]:
    from contextlib import AsyncExitStack

    from nlq.extractors.auto import AutoExtractor
    from nlq.layout import read_document

    gate = asyncio.Semaphore(concurrency)
    auto = AutoExtractor(settings, use_cache=use_cache) if backend == "auto" else None
    async with AsyncExitStack() as stack:
        llm = None
        if backend == "llm" or settings.llm_configured:
            from nlq.extractors.llm import LLMExtractor

            llm = await stack.enter_async_context(LLMExtractor(settings, use_cache=use_cache))

        async def work(path: Path) -> Extraction:
            doc = await asyncio.to_thread(read_document, path)
            if auto is not None:
                return await auto.aextract(doc, llm)
            assert llm is not None
            return await llm.aextract(doc)

        async def one(path: Path) -> Extraction | Failure:
            async with gate:
                started = time.perf_counter()
                try:
                    if document_timeout:
                        result: Extraction | Failure = await asyncio.wait_for(
                            work(path), document_timeout
                        )
                    else:
                        result = await work(path)
                except NlqError as e:
                    result = Failure(path, str(e))
                except TimeoutError:
                    err = LLMError(
                        f"{path}: no result within NLQ_LLM_DOCUMENT_TIMEOUT={document_timeout:g}s"
                        "; the LLM endpoint is slow: raise the limit or lower --concurrency"
                    )
                    result = Failure(path, str(err))
                except Exception as e:  # one document's bug must not sink the batch
                    if os.environ.get("NLQ_DEBUG") == "1":
                        raise
                    first = " ".join(str(e).split())[:200]
                    result = Failure(
                        path,
                        f"{path}: unexpected {type(e).__name__}: {first} (set NLQ_DEBUG=1 for "
                        "the traceback and report it)",
                    )
                _log_result(path, backend, result, started)
            if on_done:
                on_done(path)
            return result

        return list(await asyncio.gather(*(one(p) for p in paths)))
