"""The fact store's SQL: its tables, a `Fact` as a row and back, filters and FTS5 queries."""

from __future__ import annotations

import re

from nlq.facts import Citation, Fact, FactFilter, fact_keys

SCHEMA_VERSION = "1"

ENTITY_NAMES_SQL = (
    "SELECT file, grp, entity FROM facts WHERE unit = 'name' AND entity IS NOT NULL "
    "AND grp NOT IN ('cluster', 'economy') ORDER BY file, seq"
)
"""Served by the partial index `facts_names`, in order: no table scan and no sort."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL, backend TEXT NOT NULL,
    text TEXT NOT NULL, vectors_sha256 TEXT, indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    path TEXT PRIMARY KEY REFERENCES files(path) ON DELETE CASCADE,
    cluster TEXT NOT NULL, economy TEXT NOT NULL, edition INTEGER, record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE, seq INTEGER NOT NULL,
    cluster TEXT NOT NULL, cluster_key TEXT NOT NULL, economy TEXT NOT NULL,
    economy_key TEXT NOT NULL, edition INTEGER, metric TEXT NOT NULL, grp TEXT NOT NULL,
    entity TEXT, entity_key TEXT, rank INTEGER, value NUMERIC, unit TEXT NOT NULL,
    path TEXT NOT NULL, source TEXT NOT NULL, source_key TEXT NOT NULL, line INTEGER NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, quote TEXT NOT NULL,
    line_text TEXT NOT NULL, sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_file ON facts(file);
CREATE INDEX IF NOT EXISTS facts_cluster_metric ON facts(cluster_key, metric);
CREATE INDEX IF NOT EXISTS facts_metric ON facts(metric);
-- the answerer's name index reads every name in file order at start-up (entity_names)
CREATE INDEX IF NOT EXISTS facts_names ON facts(file, seq, grp, entity)
    WHERE unit = 'name' AND entity IS NOT NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS facts_fts USING fts5(
    sentence, entity, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS facts_ai AFTER INSERT ON facts BEGIN
    INSERT INTO facts_fts(rowid, sentence, entity) VALUES (new.rowid, new.sentence, new.entity);
END;
CREATE TRIGGER IF NOT EXISTS facts_ad AFTER DELETE ON facts BEGIN
    DELETE FROM facts_fts WHERE rowid = old.rowid;
END;
"""

FACT_COLUMNS = (
    "id, file, cluster, economy, edition, metric, entity, rank, value, unit, path, source, "
    "line, char_start, char_end, quote, line_text, sentence"
)
_STOPWORDS = frozenset(
    "a an and are as at be by do does for from has have how i in is it its me of on or s "
    "show tell the their there to was what when where which who with".split()
)


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for free text: its words OR-ed, each also as a prefix."""
    words = [w for w in re.findall(r"\w+", text.casefold()) if w not in _STOPWORDS]
    terms = []
    for w in dict.fromkeys(words):
        terms.append(f'"{w}"*' if len(w) >= 3 and not w.isdigit() else f'"{w}"')
    return " OR ".join(terms)


def where_clauses(filters: FactFilter | None, prefix: str = "") -> tuple[list[str], list[object]]:
    """SQL conditions (columns prefixed with `prefix`) and their parameters for `filters`."""
    where: list[str] = []
    params: list[object] = []
    for column, allowed in filters.conditions() if filters else []:
        where.append(f"{prefix}{column} IN ({', '.join('?' * len(allowed))})")
        params.extend(allowed)
    return where, params


def fact_row(f: Fact, path: str, seq: int) -> tuple[object, ...]:
    """The `facts` row of fact `f`, the `seq`th of stored file `path`."""
    k = fact_keys(f)
    c = f.citation
    return (
        f.id, path, seq, f.cluster, k["cluster_key"], f.economy, k["economy_key"], f.edition,
        f.metric, k["grp"], f.entity, k["entity_key"], f.rank, f.value, f.unit, f.path,
        c.source, k["source_key"], c.line, c.start, c.end, c.quote, c.line_text, f.sentence,
    )  # fmt: skip


def fact_from_row(r: tuple) -> Fact:
    """The fact of a row selected with `FACT_COLUMNS`."""
    (id_, file, cluster, economy, edition, metric, entity, rank, value, unit, path, source,
     line, start, end, quote, line_text, sentence) = r  # fmt: skip
    return Fact(
        id=id_,
        file=file,
        cluster=cluster,
        economy=economy,
        edition=edition,
        metric=metric,
        entity=entity,
        rank=rank,
        value=value,
        unit=unit,
        path=path,
        citation=Citation(source, line, start, end, quote, line_text),
        sentence=sentence,
    )
