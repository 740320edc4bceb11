"""Indexing profile files: extract, store facts in SQLite, embed them into the vector index.

Files are keyed by absolute path and content sha256: an unchanged file (same hash, same
backend) is not extracted again. The order of writes keeps a crash harmless:

1. SQLite first, one transaction per file: the file's record and facts are replaced and its
   vectors marked pending (`vectors_sha256` NULL). A crash before the commit leaves the old
   facts; after it, the new ones.
2. Then the vector index: the file's old items are deleted, and its facts are added together
   with those of the next files (`VECTOR_BATCH` facts per write); only after that write is
   each of those files marked current (`vectors_sha256 = sha256`).
3. Finally a reconciliation makes the collection hold exactly the store's fact ids: files
   still pending (a crash between 1 and 2 in an earlier run) are re-embedded, items whose id
   the store does not hold are deleted, missing ones added.

Searches read fact contents from SQLite, so between 1 and 3 a result is never stale, at worst
missing from the vector side. One run at a time holds `NLQ_HOME/index.lock` (filelock).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nlq.config import Settings, load_settings
from nlq.errors import NlqError, StoreError
from nlq.facts import Fact, facts_from_record
from nlq.store import FactStore

if TYPE_CHECKING:
    from nlq.vector.chroma import VectorIndex

LOCK_NAME = "index.lock"


@dataclass
class IndexSummary:
    """What one index run did. Paths are the files' absolute paths; `failed` pairs a path with
    its one-line reason. `ungrounded` counts facts dropped because their quote did not match
    the source text; `repaired` counts files whose vectors were brought up to date."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    facts: int = 0
    ungrounded: int = 0
    repaired: int = 0

    def line(self) -> str:
        """One summary line, e.g. `2 added, 0 updated, 0 unchanged, 0 failed; 102 facts`."""
        parts = [
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.failed)} failed",
        ]
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        tail = f"; {self.facts} facts"
        if self.repaired:
            tail += f", {self.repaired} file(s) re-embedded"
        if self.ungrounded:
            tail += f", {self.ungrounded} ungrounded value(s) left out"
        return ", ".join(parts) + tail


def file_sha256(path: Path) -> str:
    """The sha256 of the file's bytes; raise `StoreError` naming the file if it is unreadable."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as e:
        raise StoreError(f"{path}: cannot be read ({e.strerror}); check its permissions") from e


def index_paths(
    paths: Sequence[Path],
    *,
    backend: str = "auto",
    settings: Settings | None = None,
    prune: bool = False,
    prune_roots: Sequence[Path] = (),
    force: bool = False,
    lock_timeout: float = 600.0,
    on_done: Callable[[Path], None] | None = None,
) -> IndexSummary:
    """Bring the index under `settings.home` up to date with the profile files `paths`.

    `backend` is the extractor (as in `nlq extract`); `force` re-extracts unchanged files;
    `prune` removes stored files that no longer exist, or that lie under one of `prune_roots`
    (the folders walked) and were not among `paths`. Waits up to `lock_timeout` seconds for
    another run to finish. Returns what happened; a file that fails is reported in
    `failed` and the others still run. Raises `StoreError` when the store, the vector index or
    the lock cannot be used.
    """
    from filelock import FileLock, Timeout

    settings = settings or load_settings()
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(
            f"cannot create NLQ_HOME {settings.home} ({e.strerror}); set NLQ_HOME to a "
            "writable folder"
        ) from e
    lock = FileLock(str(settings.home / LOCK_NAME), timeout=lock_timeout)
    try:
        lock.acquire()
    except Timeout as e:
        raise StoreError(
            f"another 'nlq index' holds {lock.lock_file} (waited {lock_timeout:.0f} s); "
            "wait for it to finish and run again"
        ) from e
    except OSError as e:
        raise StoreError(
            f"cannot write the lock file {lock.lock_file} ({e.strerror}); NLQ_HOME must be a "
            "writable folder to index: set NLQ_HOME to one"
        ) from e
    try:
        with FactStore.open(settings) as store:
            return _run(store, paths, backend, settings, prune, prune_roots, force, on_done)
    finally:
        lock.release()


def _run(
    store: FactStore,
    paths: Sequence[Path],
    backend: str,
    settings: Settings,
    prune: bool,
    prune_roots: Sequence[Path],
    force: bool,
    on_done: Callable[[Path], None] | None,
) -> IndexSummary:
    from nlq.extractors.batch import Failure, extract_files

    summary = IndexSummary()
    todo: list[tuple[Path, str, str]] = []  # (path, key, sha256 before extraction)
    seen: set[str] = set()
    for path in paths:
        key = str(path.resolve())
        if key in seen:
            continue
        seen.add(key)
        try:
            sha = file_sha256(path)
        except StoreError as e:
            summary.failed.append((key, str(e)))
            _done(on_done, path)
            continue
        stored = store.file(key)
        if stored and not force and stored.sha256 == sha and stored.backend == backend:
            summary.unchanged.append(key)
            _done(on_done, path)
        else:
            todo.append((path, key, sha))

    opened: list[VectorIndex] = []
    pending = _PendingVectors()

    def vectors() -> VectorIndex:
        if not opened:
            opened.append(_open_index(settings, store))
        return opened[0]

    try:
        if todo:
            index = vectors()
            results = extract_files(
                [p for p, _, _ in todo], backend=backend, settings=settings, on_done=on_done
            )
            for (path, key, sha), result in zip(todo, results, strict=True):
                existed = store.file(key) is not None
                if isinstance(result, Failure):
                    _fail(store, index, summary, key, result.message, existed)
                    continue
                try:
                    text = _source_text(path, sha)
                except NlqError as e:
                    _fail(store, index, summary, key, str(e), existed)
                    continue
                facts = facts_from_record(result.record, file_key=key, text=text)
                grounded = [f for f in facts if _grounded(f, text)]
                summary.ungrounded += len(facts) - len(grounded)
                store.upsert(
                    key, sha256=sha, backend=backend, text=text, record=result.record,
                    facts=grounded,
                )  # fmt: skip
                if existed:
                    index.delete_file(key)  # its old facts (a new file's ids are all new)
                pending.add(key, sha, grounded)
                if pending.size >= VECTOR_BATCH:
                    pending.flush(store, index)
                (summary.updated if existed else summary.added).append(key)
            pending.flush(store, index)

        if prune:
            roots = [str(r.resolve()) for r in prune_roots]
            for stored in store.files():
                gone = not Path(stored.path).exists()
                walked = any(stored.path.startswith(r.rstrip("/") + "/") for r in roots)
                if stored.path not in seen and (gone or walked):
                    store.remove(stored.path)
                    vectors().delete_file(stored.path)
                    summary.removed.append(stored.path)

        summary.repaired = reconcile(store, vectors())
        if vectors().rebuilt:  # every file was re-embedded (vectors of an older nlq)
            summary.repaired = len(store.files())
    finally:
        for index in opened:
            index.close()
    summary.facts = store.count()
    return summary


VECTOR_BATCH = 2000
"""Facts embedded and written to the vector index together (across files): one large upsert
is about twice as fast as one per file, and a larger pool of sentences pads less."""


@dataclass
class _PendingVectors:
    """Stored files whose facts are not in the vector index yet. Each is marked current only
    after its vectors are written, so a crash before `flush` leaves it pending and the next
    run re-embeds it (`reconcile`)."""

    files: list[tuple[str, str]] = field(default_factory=list)  # (key, sha256)
    facts: list[Fact] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.facts)

    def add(self, key: str, sha: str, facts: list[Fact]) -> None:
        self.files.append((key, sha))
        self.facts.extend(facts)

    def flush(self, store: FactStore, index: VectorIndex) -> None:
        if self.facts:
            index.add(self.facts)
        for key, sha in self.files:
            store.mark_vectors(key, sha)
        self.files, self.facts = [], []


def reconcile(store: FactStore, index: VectorIndex) -> int:
    """Make the vector index hold exactly the store's facts; return how many files were
    re-embedded. Cheap when they already agree (one id listing)."""
    repaired = 0
    for stored in store.files():
        if not stored.vectors_current:
            index.delete_file(stored.path)
            index.add(store.facts(file=stored.path))
            store.mark_vectors(stored.path, stored.sha256)
            repaired += 1
    wanted = store.fact_ids()
    held = index.ids()
    index.delete(held - wanted)
    missing = wanted - held
    if missing:
        index.add(list(store.get(missing).values()))
    return repaired


def _open_index(settings: Settings, store: FactStore) -> VectorIndex:
    from nlq.vector.chroma import VectorIndex

    return VectorIndex.open(settings, store_id=store.store_id, rebuild_stale=True)


def _fail(
    store: FactStore,
    index: VectorIndex,
    summary: IndexSummary,
    key: str,
    message: str,
    existed: bool,
) -> None:
    # The file changed (or is re-extracted) and failed: its old facts no longer cite its
    # current text, so they go rather than stay as wrong citations.
    if existed:
        store.remove(key)
        index.delete_file(key)
    summary.failed.append((key, message))


def _source_text(path: Path, sha: str) -> str:
    """The decoded text the evidence offsets point into; the file must still hash to `sha`."""
    from nlq.layout.loader import load_source

    text, _fmt = load_source(path)
    if file_sha256(path) != sha:
        raise StoreError(f"{path}: changed while it was being indexed; run 'nlq index' again")
    return text


def _grounded(fact: Fact, text: str) -> bool:
    c = fact.citation
    return 0 <= c.start <= c.end <= len(text) and text[c.start : c.end] == c.quote


def _done(on_done: Callable[[Path], None] | None, path: Path) -> None:
    if on_done is not None:
        on_done(path)
