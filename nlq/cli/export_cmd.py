"""`nlq export` and `nlq show`: the store's data for other tools and for a quick look."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from nlq.cli.app import app, cli_errors
from nlq.errors import NlqError


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, json or parquet.")] = "csv",
    what: Annotated[
        str, typer.Option("--what", help="facts (one row per figure) or records.")
    ] = "facts",
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Export the indexed facts or records (columns are listed in docs/STORE.md)."""
    from nlq.cli.output import write_atomic
    from nlq.config import load_settings
    from nlq.export import (
        FACT_COLUMNS,
        FORMATS,
        RECORD_COLUMNS,
        fact_rows,
        record_rows,
        to_text,
        write_parquet,
    )
    from nlq.store import FactStore, store_path

    with cli_errors():
        if fmt not in FORMATS:
            raise NlqError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
        if what not in ("facts", "records"):
            raise NlqError(f"--what takes facts or records, not {what!r}")
        settings = load_settings()
        if not store_path(settings).exists():
            raise NlqError(f"nothing is indexed in {settings.home}; run 'nlq index' first")
        with FactStore.open(settings) as store:
            records = store.records()
            rows = fact_rows(store.facts()) if what == "facts" else record_rows(records)
        columns = FACT_COLUMNS if what == "facts" else RECORD_COLUMNS
        if fmt == "parquet":
            if out is None:
                raise NlqError("parquet is binary: pass --out FILE.parquet")
            write_parquet(rows, columns, out)
        else:
            text = to_text(rows, columns, fmt, records if what == "records" else None)
            if out is None:
                sys.stdout.write(text)
            else:
                write_atomic(out, text)
    if out is not None:
        print(f"wrote {len(rows)} {what} to {out}", file=sys.stderr)


@app.command("show")
def show_command(
    cluster: Annotated[str, typer.Argument(help="A cluster name (case and small typos are fine).")],
) -> None:
    """Show one cluster's record as tables, with its warnings."""
    from rich.console import Console
    from rich.table import Table

    from nlq.answer.load import load_corpus
    from nlq.answer.resolve import find_clusters, words
    from nlq.schema import FIGURE_FIELDS

    with cli_errors():
        corpus = load_corpus(lambda m: print(f"nlq: {m}", file=sys.stderr))
        found = find_clusters(words(cluster), corpus, set())
        if not found:
            raise NlqError(
                f"{cluster!r} is not an indexed cluster; indexed: {', '.join(corpus.clusters)}"
            )
        r = corpus.records[found[0]]
    # Data is never read as rich markup (a name may contain "[...]"); whole lines stay greppable.
    console = Console(markup=False, highlight=False)
    console.print(f"{r.cluster}, {r.economy}  ({r.source}, edition {r.edition})", style="bold")
    t = Table("figure", "value", "quote")
    for name in FIGURE_FIELDS:
        ev = r.evidence.get(name)
        t.add_row(
            name, "" if getattr(r, name) is None else str(getattr(r, name)), ev.text if ev else ""
        )
    console.print(t)
    for name in ("top_pct_applicants", "top_publishers"):
        t = Table("rank", "name", "count", "share %", title=name)
        for e in getattr(r, name):
            t.add_row(*("" if v is None else str(v) for v in (e.rank, e.name, e.count, e.share)))
        console.print(t)
    for name in ("patent_fields", "publication_fields"):
        t = Table("field", "share %", title=name)
        for f in getattr(r, name):
            t.add_row(f.field, "" if f.share is None else str(f.share))
        console.print(t)
    for name in ("patent_collaboration", "publication_collaboration"):
        c = getattr(r, name)
        line = f"{name}: " + (f"{c.share}% with {', '.join(c.partners)}" if c else "none")
        console.print(line, soft_wrap=True)
    for w in r.warnings:
        console.print(f"warning: {w}", style="yellow", soft_wrap=True)
