"""`nlq extract`: records for profile files, as a summary, JSON or JSON Lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from nlq.cli.app import app, cli_errors
from nlq.cli.output import progress, write_atomic
from nlq.config import load_settings
from nlq.errors import NlqError
from nlq.files import NO_FILES, collect_files

BackendOpt = Annotated[
    str,
    typer.Option("--backend", help="auto (rules, then an LLM for what is missing), rules or llm."),
]


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Profile files or folders to walk.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array of records.")] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Also write one record per line to this .jsonl file."),
    ] = None,
    backend: BackendOpt = "auto",
    concurrency: Annotated[int, typer.Option(min=1, help="LLM documents in flight at once.")] = 4,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ignore the LLM cache.")] = False,
    stats: Annotated[
        bool, typer.Option("--stats", help="Print LLM token usage to stderr.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary lines.")] = False,
) -> None:
    """Extract one record per profile file. Exit 1 if any file failed (the others still run)."""
    from nlq.extractors.batch import BACKENDS, Failure, extract_files

    with cli_errors():
        if backend not in BACKENDS:
            raise NlqError(f"unknown backend {backend!r}; use one of: {', '.join(BACKENDS)}")
        settings = load_settings()
        files, problems = collect_files(paths)
        for problem in problems:
            print(f"nlq: error: {problem}", file=sys.stderr)
        if not files and not problems:
            raise NlqError(NO_FILES)
        with progress(len(files), "extracting") as advance:
            results = extract_files(
                files,
                backend=backend,
                settings=settings,
                concurrency=concurrency,
                use_cache=not no_cache,
                on_done=lambda _p: advance(),
            )
        records = [r.record for r in results if not isinstance(r, Failure)]
        for r in results:
            if isinstance(r, Failure):
                print(f"nlq: error: {r.message}", file=sys.stderr)
        if out is not None:
            lines = "".join(rec.model_dump_json() + "\n" for rec in records)
            write_atomic(out, lines)
        if as_json:
            print(
                json.dumps(
                    [rec.model_dump(mode="json") for rec in records], ensure_ascii=False, indent=2
                )
            )
        elif not quiet:
            for rec in records:
                n = len(rec.evidence)
                print(
                    f"{rec.source}: {rec.cluster}, {rec.economy or '?'} - {n} cited values, "
                    f"{len(rec.warnings)} warning(s)"
                )
                for w in rec.warnings:
                    print(f"  warning: {w}")
        if stats:
            _print_stats(results)
        failed = len(problems) + sum(isinstance(r, Failure) for r in results)
        if failed:
            raise typer.Exit(1)


def _print_stats(results: list) -> None:
    from nlq.extractors.batch import Failure

    total_p = total_c = 0
    for r in results:
        if isinstance(r, Failure):
            continue
        u = r.usage
        total_p += u.prompt_tokens
        total_c += u.completion_tokens
        print(
            f"{r.record.source}: {u.prompt_tokens} prompt + {u.completion_tokens} completion "
            f"tokens ({r.backend})",
            file=sys.stderr,
        )
    print(f"total: {total_p} prompt + {total_c} completion tokens", file=sys.stderr)
