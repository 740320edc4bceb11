"""`nlq index`: extract profile files into the fact store and the vector index."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from nlq.cli.app import app, cli_errors
from nlq.cli.extract_cmd import BackendOpt
from nlq.cli.output import progress
from nlq.errors import NlqError

DEFAULT_PATHS = [Path("data/profiles")]


@app.command("index")
def index_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Profile files or folders to walk (default: data/profiles)."),
    ] = None,
    backend: BackendOpt = "auto",
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Remove stored files that were deleted or are no longer "
            "found in the folders given.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Re-extract files even when unchanged.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Index profile files under NLQ_HOME: unchanged files are skipped, changed ones replaced.

    Prints one summary line; exits 1 if any file failed (the others are still indexed).
    """
    from nlq.config import load_settings
    from nlq.extractors.batch import BACKENDS
    from nlq.files import NO_FILES, collect_files
    from nlq.indexer import index_paths

    with cli_errors():
        if backend not in BACKENDS:
            raise NlqError(f"unknown backend {backend!r}; use one of: {', '.join(BACKENDS)}")
        settings = load_settings()
        given = paths or DEFAULT_PATHS
        if not paths and not DEFAULT_PATHS[0].is_dir():
            raise NlqError(
                "no data/profiles folder here; pass the profile files or folders to index"
            )
        files, problems = collect_files(given)
        for problem in problems:
            print(f"nlq: error: {problem}", file=sys.stderr)
        if not files and not problems and not prune:
            raise NlqError(NO_FILES)
        with progress(len(files), "indexing") as advance:
            summary = index_paths(
                files,
                backend=backend,
                settings=settings,
                prune=prune,
                prune_roots=[p for p in given if p.is_dir()],
                force=force,
                on_done=lambda _p: advance(),
            )
        for _path, message in summary.failed:
            print(f"nlq: error: {message}", file=sys.stderr)
        if not quiet:
            print(f"indexed {len(files)} file(s) into {settings.home}: {summary.line()}")
        if summary.failed or problems:
            raise typer.Exit(1)
