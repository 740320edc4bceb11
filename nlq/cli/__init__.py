"""The `nlq` command line. Each command lives in its own module and registers itself on `app`."""

from nlq.cli import ask_cmd, eval_cmd, extract_cmd, review_cmd  # noqa: F401  (registers)
from nlq.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
