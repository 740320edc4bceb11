"""The `nlq` command line. Each command lives in its own module and registers itself on `app`."""

from nlq.cli import ask_cmd, eval_cmd, export_cmd, extract_cmd, index_cmd, review_cmd  # noqa: F401
from nlq.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
