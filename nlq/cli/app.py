"""The typer application object and the one place CLI errors are turned into exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

import typer

from nlq.errors import NlqError

app = typer.Typer(
    name="nlq",
    help="Turn innovation-cluster profiles into cited, queryable data.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


@contextlib.contextmanager
def cli_errors() -> Iterator[None]:
    """Print an `NlqError` as one line on stderr and exit 1; keep tracebacks for NLQ_DEBUG=1."""
    try:
        yield
    except NlqError as e:
        if os.environ.get("NLQ_DEBUG") == "1":
            raise
        print(f"nlq: error: {e}", file=sys.stderr)
        raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        from nlq import __version__

        print(f"nlq {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Log each step (files, plans, timings) on stderr."
    ),
) -> None:
    """Turn innovation-cluster profiles into cited, queryable data (NO_COLOR is respected)."""
    from nlq.cli.output import verbose_logging

    verbose_logging(verbose)
