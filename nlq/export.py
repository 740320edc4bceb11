"""Facts and records from the store as CSV, JSON Lines, JSON or Parquet.

Fact columns: id, cluster, economy, edition, metric, entity, rank, value, unit, path, source,
line, start, end, quote. Record columns (CSV/Parquet): source, edition, cluster, economy, the
scalar figures, the two collaboration shares, and warnings joined by " | "; JSON and JSON Lines
give whole records (the contract of `nlq extract --json`).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from nlq.errors import NlqError
from nlq.schema import SCALAR_FIELDS, ClusterProfile

FORMATS = ("csv", "jsonl", "json", "parquet")
FACT_COLUMNS = (
    "id",
    "cluster",
    "economy",
    "edition",
    "metric",
    "entity",
    "rank",
    "value",
    "unit",
    "path",
    "source",
    "line",
    "start",
    "end",
    "quote",
)
RECORD_COLUMNS = (
    "source",
    *SCALAR_FIELDS,
    "patent_collaboration_share",
    "publication_collaboration_share",
    "warnings",
)


def fact_rows(facts: list) -> list[dict[str, object]]:
    """One flat row per fact (`nlq.facts.Fact`)."""
    return [
        {
            "id": f.id,
            "cluster": f.cluster,
            "economy": f.economy,
            "edition": f.edition,
            "metric": f.metric,
            "entity": f.entity,
            "rank": f.rank,
            "value": f.value,
            "unit": f.unit,
            "path": f.path,
            "source": f.citation.source,
            "line": f.citation.line,
            "start": f.citation.start,
            "end": f.citation.end,
            "quote": f.citation.quote,
        }
        for f in facts
    ]


def record_rows(records: list[ClusterProfile]) -> list[dict[str, object]]:
    """One flat row per record (lists are left to the facts export)."""
    rows = []
    for r in records:
        row: dict[str, object] = {"source": r.source}
        row.update({name: getattr(r, name) for name in SCALAR_FIELDS})
        for name in ("patent_collaboration", "publication_collaboration"):
            c = getattr(r, name)
            row[f"{name}_share"] = c.share if c else None
        row["warnings"] = " | ".join(r.warnings)
        rows.append(row)
    return rows


def to_text(
    rows: list[dict[str, object]],
    columns: tuple[str, ...],
    fmt: str,
    records: list[ClusterProfile] | None = None,
) -> str:
    """Rows (or whole records, for json/jsonl of records) in a text format."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    items = [r.model_dump(mode="json") for r in records] if records is not None else rows
    if fmt == "jsonl":
        return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def write_parquet(rows: list[dict[str, object]], columns: tuple[str, ...], out: Path) -> None:
    """Write rows as Parquet; raises `NlqError` when pyarrow is not installed."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise NlqError(
            "parquet export needs pyarrow: pip install 'nlq[parquet]', or use --format csv"
        ) from e
    table = pa.Table.from_pylist(rows, schema=None) if rows else pa.table({c: [] for c in columns})
    pq.write_table(table, out)
