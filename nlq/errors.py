"""nlq's one error hierarchy. Every message says what went wrong and what to do next.

This module imports nothing of nlq.
"""

import errno


class NlqError(Exception):
    """Base of every error nlq raises on purpose; the CLI prints its message on one line."""


class ConfigError(NlqError):
    """A setting is missing or invalid."""


class ExtractionError(NlqError):
    """A file cannot be read or turned into a record."""


class LLMError(NlqError):
    """The LLM endpoint failed or returned nothing usable after retries."""


class StoreError(NlqError):
    """The fact store or the vector index cannot be read or written."""


class QuestionError(NlqError):
    """A question cannot be planned or answered."""


def disk_full_hint(e: BaseException) -> str:
    """': the disk is full, free some space' when `e` says the disk is full (SQLite, chromadb
    and the OS each say it in their own words), else ''."""
    full = (isinstance(e, OSError) and e.errno == errno.ENOSPC) or "disk is full" in str(e)
    return ": the disk is full, free some space" if full else ""


def internal_error(name: str, e: Exception) -> str:
    """The one-line message for a file whose reading hit a bug of nlq's (an exception nlq did
    not raise on purpose), so a batch reports it and goes on to the next file."""
    return (
        f"{name}: nlq failed on this file ({type(e).__name__}: {e}); this is a bug in nlq, "
        "please report it with the file (try --backend llm meanwhile)"
    )
