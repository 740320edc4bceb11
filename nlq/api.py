"""The Python API: `nlq.extract`, `nlq.index`, `nlq.ask`, returning the pydantic models.

import nlq
record = nlq.extract("data/profiles/hefei_2024.txt")          # ClusterProfile
summary = nlq.index(["data/profiles"])                          # IndexSummary
answer = nlq.ask("Which cluster files more PCT applications?")  # Answer
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from nlq.schema import Answer, ClusterProfile


def extract(path: str | Path, *, backend: str = "auto") -> ClusterProfile:
    """The record for one profile file; raises `nlq.errors.NlqError` when it cannot be made."""
    from nlq.config import load_settings
    from nlq.extractors.batch import extract_file

    return extract_file(Path(path), backend=backend, settings=load_settings()).record


def index(paths: Sequence[str | Path], *, backend: str = "auto", prune: bool = False):
    """Index profile files and folders under NLQ_HOME; returns an `nlq.indexer.IndexSummary`.

    Raises `nlq.errors.StoreError` when the store cannot be written.
    """
    from nlq.files import collect_files
    from nlq.indexer import index_paths

    roots = [Path(p) for p in paths]
    files, _ = collect_files(roots)
    return index_paths(
        files, backend=backend, prune=prune, prune_roots=[r for r in roots if r.is_dir()]
    )


def ask(question: str) -> Answer:
    """A verified answer from the indexed profiles (indexing data/profiles first when the store
    is empty). Never invents a figure: what cannot be answered is said in `answer.answer`."""
    from nlq.answer.engine import Asker
    from nlq.answer.load import load_corpus

    return Asker(load_corpus()).ask(question, follow_up=False)
