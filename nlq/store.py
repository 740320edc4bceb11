"""The fact store: SQLite under NLQ_HOME holding files, records and facts, with FTS5 search.

SQLite is the source of truth; the vector index (`nlq.vector.chroma`) is derived from it and
repaired from it. One file's record and facts are replaced in one transaction, so a reader
sees either the old facts or the new ones. Tables (see docs/STORE.md, `nlq.store_sql`):

- `meta(key, value)`: schema version and the store id (names the vector collection).
- `files(path, sha256, source, backend, text, vectors_sha256, indexed_at)`: one row per indexed
  file, keyed by its absolute path; `text` is the decoded source the offsets point into;
  `vectors_sha256` equals `sha256` once the file's facts are in the vector index.
- `records(path, cluster, economy, edition, record)`: the record as JSON.
- `facts(...)`: one row per `Fact`; `facts_fts`: FTS5 over sentence and entity (BM25).
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import urllib.parse
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nlq.config import Settings
from nlq.errors import StoreError, disk_full_hint
from nlq.facts import Fact, FactFilter
from nlq.schema import ClusterProfile
from nlq.siblings import order_siblings
from nlq.store_sql import (
    ENTITY_NAMES_SQL,
    FACT_COLUMNS,
    SCHEMA,
    SCHEMA_VERSION,
    fact_from_row,
    fact_row,
    fts_query,
    where_clauses,
)

DB_NAME = "facts.sqlite3"

_FILES_SQL = (
    "SELECT f.path, f.sha256, f.source, f.backend, f.vectors_sha256, "
    "(SELECT count(*) FROM facts WHERE file = f.path) FROM files f"
)


@dataclass(frozen=True, slots=True)
class StoredFile:
    """One indexed file: its key (absolute path), content hash, backend and vector state."""

    path: str
    sha256: str
    source: str
    backend: str
    vectors_sha256: str | None
    facts: int

    @property
    def vectors_current(self) -> bool:
        """True when the vector index holds this content's facts."""
        return self.vectors_sha256 == self.sha256


def store_path(settings: Settings) -> Path:
    """Where the SQLite store of `settings.home` lives."""
    return settings.home / DB_NAME


class FactStore:
    """Records and facts in SQLite. Open with `FactStore.open(settings)` or `FactStore(path)`.

    Raises `StoreError` when the file cannot be opened or was written by another schema.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._init_schema()
        except (sqlite3.Error, OSError) as e:
            if not (path.is_file() and _read_only(e)):
                raise StoreError(
                    f"cannot open the fact store {path} ({e}){disk_full_hint(e)}; check NLQ_HOME "
                    "is writable, or move the file away and run 'nlq index' to rebuild it"
                ) from e
            self._open_read_only(e)

    def _open_read_only(self, cause: BaseException) -> None:
        """A store on a read-only disk (a shared index, say) can still be read: open it as
        immutable, with no WAL files, and check its schema without writing."""
        uri = f"file:{urllib.parse.quote(str(self.path.resolve()))}?immutable=1"
        with contextlib.suppress(AttributeError, sqlite3.Error):
            self._db.close()  # the connection that could not write
        try:
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
            row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.Error as e:
            raise StoreError(
                f"cannot read the fact store {self.path} ({e}) on a read-only disk ({cause}); "
                "set NLQ_HOME to a writable folder"
            ) from e
        if row is None or row[0] != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} is read-only and holds schema {row[0] if row else 'none'}, this "
                f"nlq reads {SCHEMA_VERSION}; point NLQ_HOME at a writable folder and re-index"
            )
        self.read_only = True

    @classmethod
    def open(cls, settings: Settings) -> FactStore:
        """The store under `settings.home` (created if missing)."""
        return cls(store_path(settings))

    def _init_schema(self) -> None:
        # executescript commits on its own, so it runs before (not inside) the transaction;
        # every statement is IF NOT EXISTS, so two processes creating the store agree.
        self._db.executescript(SCHEMA)
        with self._transaction():
            row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                self._db.execute("INSERT INTO meta VALUES ('store_id', ?)", (uuid.uuid4().hex,))
            elif row[0] != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} holds schema {row[0]}, this nlq writes {SCHEMA_VERSION}; "
                    "delete the file and run 'nlq index' to rebuild it"
                )

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> FactStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT; any error rolls back. SQLite errors become `StoreError`."""
        if self.read_only:
            raise StoreError(
                f"the fact store {self.path} is on a read-only disk; set NLQ_HOME to a "
                "writable folder to index"
            )
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(
                f"cannot write the fact store {self.path} ({e}){disk_full_hint(e)}; try again"
            ) from e
        try:
            yield
            self._db.execute("COMMIT")  # a full disk can fail here too
        except BaseException as e:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(
                    f"writing the fact store {self.path} failed ({e}){disk_full_hint(e)}; "
                    "nothing was changed"
                ) from e
            raise

    @property
    def store_id(self) -> str:
        """A random id made when the store was created; it names the vector collection."""
        return self._db.execute("SELECT value FROM meta WHERE key='store_id'").fetchone()[0]

    # -- writing ------------------------------------------------------------------------

    def upsert(
        self,
        path: str,
        *,
        sha256: str,
        backend: str,
        text: str,
        record: ClusterProfile,
        facts: list[Fact],
    ) -> None:
        """Replace everything stored for file `path` in one transaction; its vectors become
        pending (`vectors_sha256` NULL) until `mark_vectors` is called."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            self._db.execute("DELETE FROM facts WHERE file = ?", (path,))
            self._db.execute(
                "INSERT INTO files(path, sha256, source, backend, text, vectors_sha256, "
                "indexed_at) VALUES (?, ?, ?, ?, ?, NULL, ?) ON CONFLICT(path) DO UPDATE SET "
                "sha256=excluded.sha256, source=excluded.source, backend=excluded.backend, "
                "text=excluded.text, vectors_sha256=NULL, indexed_at=excluded.indexed_at",
                (path, sha256, record.source, backend, text, now),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?)",
                (path, record.cluster, record.economy, record.edition, record.model_dump_json()),
            )
            self._db.executemany(
                "INSERT INTO facts(id, file, seq, cluster, cluster_key, economy, economy_key, "
                "edition, metric, grp, entity, entity_key, rank, value, unit, path, source, "
                "source_key, line, char_start, char_end, quote, line_text, sentence) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [fact_row(f, path, seq) for seq, f in enumerate(facts)],
            )

    def remove(self, path: str) -> list[str]:
        """Delete file `path` with its record and facts; return the removed fact ids."""
        with self._transaction():
            ids = [r[0] for r in self._db.execute("SELECT id FROM facts WHERE file=?", (path,))]
            self._db.execute("DELETE FROM facts WHERE file = ?", (path,))
            self._db.execute("DELETE FROM files WHERE path = ?", (path,))
        return ids

    def mark_vectors(self, path: str, sha256: str) -> None:
        """Record that the vector index holds the facts of `path` at content `sha256`."""
        with self._transaction():
            self._db.execute("UPDATE files SET vectors_sha256=? WHERE path=?", (sha256, path))

    # -- reading ------------------------------------------------------------------------

    def files(self) -> list[StoredFile]:
        """Every stored file, by path."""
        return [StoredFile(*r) for r in self._db.execute(_FILES_SQL + " ORDER BY f.path")]

    def file(self, path: str) -> StoredFile | None:
        """The stored file with key `path`, or None."""
        row = self._db.execute(_FILES_SQL + " WHERE f.path = ?", (path,)).fetchone()
        return StoredFile(*row) if row else None

    def text(self, path: str) -> str:
        """The decoded source text of stored file `path`; raise `StoreError` if not stored."""
        row = self._db.execute("SELECT text FROM files WHERE path=?", (path,)).fetchone()
        if row is None:
            raise StoreError(f"{path} is not in the store; run 'nlq index {path}'")
        return row[0]

    def count(self) -> int:
        """How many facts the store holds."""
        return self._db.execute("SELECT count(*) FROM facts").fetchone()[0]

    def fact_ids(self) -> set[str]:
        """The ids of every stored fact."""
        return {r[0] for r in self._db.execute("SELECT id FROM facts")}

    def facts(self, filters: FactFilter | None = None, *, file: str | None = None) -> list[Fact]:
        """Facts passing `filters` (all when None), optionally of one file, in record order."""
        where, params = where_clauses(filters)
        if file is not None:
            where.append("file = ?")
            params.append(file)
        sql = f"SELECT {FACT_COLUMNS} FROM facts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY cluster_key, file, seq"
        return [fact_from_row(r) for r in self._db.execute(sql, params)]

    def get(self, ids: Iterable[str]) -> dict[str, Fact]:
        """The stored facts with these ids (unknown ids are left out)."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, Fact] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {FACT_COLUMNS} FROM facts WHERE id IN ({marks})"
            out.update((r[0], fact_from_row(r)) for r in self._db.execute(sql, chunk))
        return out

    def search_text(
        self, query: str, k: int = 10, filters: FactFilter | None = None
    ) -> list[tuple[Fact, float]]:
        """Up to `k` facts best matching the words of `query` by BM25, best first, with their
        BM25 score (lower is better). Words are matched by stem and as prefixes; punctuation
        and FTS5 syntax in `query` are ignored."""
        match = fts_query(query)
        if not match or k <= 0:
            return []
        where, params = where_clauses(filters, prefix="f.")
        cols = ", ".join(f"f.{c.strip()}" for c in FACT_COLUMNS.split(","))
        sql = (
            f"SELECT {cols}, bm25(facts_fts, 1.0, 2.0) AS score FROM facts_fts "
            "JOIN facts f ON f.rowid = facts_fts.rowid WHERE facts_fts MATCH ?"
        )
        if where:
            sql += " AND " + " AND ".join(where)
        sql += " ORDER BY score, f.rowid LIMIT ?"
        try:
            # Two extra rows: the facts of one list entry share a sentence and tie, and the
            # one the query asks for (its share, its count) may be the last of them.
            rows = self._db.execute(sql, [match, *params, k + 2]).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(f"full-text search failed for {query!r} ({e})") from e
        hits = [(fact_from_row(r[:-1]), r[-1]) for r in rows]
        score = {f.id: s for f, s in hits}
        ordered = order_siblings([f for f, _ in hits], query, [s for _, s in hits])
        return [(f, score[f.id]) for f in ordered][:k]

    def records(self) -> list[ClusterProfile]:
        """Every stored record, by cluster name."""
        rows = self._db.execute("SELECT record FROM records ORDER BY cluster, path")
        return [ClusterProfile.model_validate_json(r[0]) for r in rows]

    def records_with_text(self) -> list[tuple[ClusterProfile, str]]:
        """Every stored record with the decoded source text its evidence offsets point into."""
        rows = self._db.execute(
            "SELECT r.record, f.text FROM records r JOIN files f ON f.path = r.path "
            "ORDER BY r.cluster, r.path"
        )
        return [(ClusterProfile.model_validate_json(rec), text) for rec, text in rows]

    def metric_values(self, metric: str) -> list[tuple[str, str, float, str | None]]:
        """(file, evidence path, value, entity) of every fact of `metric` (e.g.
        `pct_applications`, `top_pct_applicants.count`): what a ranking over every cluster
        sorts."""
        return self._db.execute(
            "SELECT file, path, value, entity FROM facts WHERE metric = ? AND value IS NOT NULL",
            (metric,),
        ).fetchall()

    def record_heads(self) -> list[tuple[str, str, str, int | None, str]]:
        """(path, cluster, economy, edition, source) of every stored record, by cluster."""
        return self._db.execute(
            "SELECT r.path, r.cluster, r.economy, r.edition, f.source FROM records r "
            "JOIN files f ON f.path = r.path ORDER BY r.cluster, r.path"
        ).fetchall()

    def entity_names(self) -> list[tuple[str, str, str]]:
        """(file, list, name) of every organization, field and partner location fact, the
        list being the metric group (`top_publishers`, `patent_collaboration`, ...), file by
        file, each file's facts in record order."""
        return self._db.execute(ENTITY_NAMES_SQL).fetchall()

    def record_with_text(self, path: str) -> tuple[ClusterProfile, str]:
        """The record of stored file `path` and its decoded source text; raises `StoreError`
        when it is no longer stored (the store changed under a running question)."""
        row = self._db.execute(
            "SELECT r.record, f.text FROM records r JOIN files f ON f.path = r.path "
            "WHERE r.path = ?",
            (path,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{path} left the store while answering; ask again")
        return ClusterProfile.model_validate_json(row[0]), row[1]

    def clusters(self) -> list[str]:
        """The names of the stored clusters, sorted, each once."""
        rows = self._db.execute("SELECT DISTINCT cluster FROM records ORDER BY cluster")
        return [r[0] for r in rows]


def _read_only(e: BaseException) -> bool:
    if isinstance(e, OSError):
        return e.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    return "readonly" in str(e) or "read-only" in str(e) or "unable to open" in str(e)
