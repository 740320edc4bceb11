"""Small output helpers shared by commands: progress bars on terminals, atomic file writes,
the `--verbose` log on stderr."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from nlq.errors import NlqError


@contextlib.contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """Yield an `advance()` callable; draws a bar only for long work on a terminal."""
    if total < 5 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


class _StderrHandler(logging.Handler):
    """Writes to whatever `sys.stderr` is at the time (test runners swap it per command)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(f"nlq: {self.format(record)}", file=sys.stderr)
        except Exception:  # a log line must never break a command
            self.handleError(record)


def verbose_logging(enabled: bool) -> None:
    """Show nlq's own log (one line per file, plan or step) on stderr, or silence it."""
    log = logging.getLogger("nlq")
    if not any(isinstance(h, _StderrHandler) for h in log.handlers):
        log.addHandler(_StderrHandler())
    log.propagate = False
    log.setLevel(logging.DEBUG if enabled else logging.WARNING)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, so a crash never leaves half a file."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written file is an ordinary one
        os.replace(tmp, path)
    except OSError as e:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise NlqError(
            f"{path}: cannot write ({e.strerror}); check the folder exists and is writable"
        ) from e
