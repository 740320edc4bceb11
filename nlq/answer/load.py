"""Where the answerer's corpus comes from: the fact store (indexing the bundled data first on
a fresh clone) or, for tests and evaluation, records extracted in memory."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from nlq.answer.corpus import Corpus
from nlq.errors import NlqError

DEFAULT_DATA = Path("data/profiles")
log = logging.getLogger(__name__)


def corpus_from_paths(paths: list[Path]) -> Corpus:
    """Extract `paths` with the rules backend and build a corpus (no store involved)."""
    from nlq.extractors.batch import Failure, extract_files
    from nlq.files import collect_files
    from nlq.layout.loader import load_source

    files, _ = collect_files(paths)
    items = []
    for path, result in zip(files, extract_files(files, backend="rules"), strict=True):
        if not isinstance(result, Failure):
            items.append((result.record, load_source(path)[0]))
    if not items:
        raise NlqError(f"no profile could be read from {', '.join(map(str, paths))}")
    return Corpus.build(items)


def load_corpus(notice: Callable[[str], None] | None = None) -> Corpus:
    """The corpus of the fact store under NLQ_HOME.

    On a fresh clone (empty store) the bundled `data/profiles` is indexed first and `notice`
    is called with a one-line message. Raises `NlqError` when there is nothing to answer from.
    """
    from nlq.config import load_settings
    from nlq.store import FactStore, store_path

    settings = load_settings()
    store = FactStore.open(settings) if store_path(settings).exists() else None
    if store is None or not store.record_heads():
        if not DEFAULT_DATA.is_dir():
            raise NlqError(
                f"nothing is indexed in {settings.home} and there is no {DEFAULT_DATA} here; "
                "run 'nlq index PATH...' first"
            )
        from nlq.files import collect_files
        from nlq.indexer import index_paths

        if notice:
            notice(f"nothing indexed yet in {settings.home}: indexing {DEFAULT_DATA} first")
        index_paths(
            collect_files([DEFAULT_DATA])[0], settings=settings
        )  # same default as `nlq index`
        store = store or FactStore.open(settings)
        if not store.record_heads():
            raise NlqError(f"no profile in {DEFAULT_DATA} could be indexed; see 'nlq index'")
    # The store stays open: the corpus reads each record from it when an answer needs it.
    corpus = Corpus.from_store(store)
    log.info("corpus: %d clusters from the store in %s", len(corpus.clusters), settings.home)
    return corpus
