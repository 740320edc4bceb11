"""Fixtures and helpers for the LLM tests (imported by tests/test_llm_*.py).

- `no_network` (autouse where `no_network_fixture` is imported): sockets connect to loopback
  only.
- `llm` (import `llm_fixture`): a started `LoopbackLLM`; `llm_settings(server, ...)`: settings
  pointed at it, with short timeouts and no backoff.
- `facts_from_record(record, raw)`: what a perfect model answers for a document, built from a
  record with evidence (each quote is the source text around the evidence spans).
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import instructor
import instructor.core
import openai
import openai.resources.chat
import pytest
from openai_server import LoopbackLLM, Reply, Seen

from nlq.config import Settings, load_settings
from nlq.extractors.grounding import ClusterFacts, SourceView, ground
from nlq.extractors.source_scan import PARA
from nlq.layout.document import Document
from nlq.schema import NUMERIC_SCALAR_FIELDS, ClusterProfile

# Imported here, once, so that the timing assertions measure nlq's work, not import time.
_WARM = (instructor.patch, instructor.core.InstructorRetryException, openai.resources.chat)

REPO = Path(__file__).resolve().parent.parent
SECRET_KEY = "sk-test-SECRET-0123456789abcdef"

__all__ = [
    "REPO",
    "SECRET_KEY",
    "document_sha",
    "facts_from_record",
    "llm_fixture",
    "llm_settings",
    "no_network_fixture",
    "respond_by_document",
]


def _loopback(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # a unix socket path
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True, name="no_network")
def no_network_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection to a non-loopback address (no test may reach a real endpoint), and
    drop the LLM settings of the machine that conftest.py does not clear."""
    for name in ("NLQ_LLM_TIMEOUT", "NLQ_LLM_MAX_RETRIES", "NLQ_LLM_BACKOFF",
                 "NLQ_LLM_DOCUMENT_TIMEOUT", "NLQ_LLM_TEMPERATURE"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> Any:
        if not _loopback(address):
            raise ConnectionRefusedError(f"test guard: no network access to {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if not _loopback(address):
            raise ConnectionRefusedError(f"test guard: no network access to {address!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


@pytest.fixture(name="llm")
def llm_fixture() -> Iterator[LoopbackLLM]:
    with LoopbackLLM() as server:
        yield server


def llm_settings(
    server: LoopbackLLM | None = None, *, url: str | None = None, **overrides: Any
) -> Settings:
    """Settings for the loopback server: 2 s per request, 1 retry, no backoff."""
    values: dict[str, Any] = {
        "llm_base_url": url or (server.url if server else None),
        "llm_model": "loopback-model",
        "llm_timeout": 2.0,
        "llm_max_retries": 1,
        "llm_backoff": 0.0,
    }
    values.update(overrides)
    return load_settings(**values)


def document_sha(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def respond_by_document(answers: dict[str, Any]) -> Any:
    """A responder that answers each request with `answers[sha]` for the document it carries
    (found by the document marker in the user message)."""

    def respond(seen: Seen) -> Reply:
        user = next(m["content"] for m in seen.messages if m["role"] == "user")
        for sha, answer in answers.items():
            if f"<<<DOCUMENT {sha[:12]}>>>" in user:
                return answer if isinstance(answer, Reply) else Reply(payload=answer)
        return Reply(status=599, error="unknown document")

    return respond


def _line(raw: str, start: int, end: int, extra: int = 0, before: int = 0) -> tuple[int, int]:
    a = raw.rfind("\n", 0, start) + 1
    for _ in range(before):
        a = raw.rfind("\n", 0, max(a - 1, 0)) + 1
    b = raw.find("\n", end)
    b = len(raw) if b < 0 else b
    for _ in range(extra):
        nb = raw.find("\n", b + 1)
        b = len(raw) if nb < 0 else nb
    return a, b


def _whole_tags(raw: str, a: int, b: int) -> tuple[int, int]:
    """`[a, b)` without a tag cut by a line break at either end (a Word export breaks lines
    inside tags: "<span\nlang=EN-US>"), as a model would quote it."""
    text = raw[a:b]
    lt, gt = text.rfind("<"), text.rfind(">")
    if lt > gt:
        b = a + lt
    lt, gt = text.find("<"), text.find(">")
    if gt >= 0 and (lt < 0 or gt < lt):
        a += gt + 1
    return a, b


def _row_span(record: ClusterProfile, prefix: str, raw: str) -> tuple[int, int]:
    spans = [ev for path, ev in record.evidence.items() if path.startswith(prefix)]
    a, b = min(ev.start for ev in spans), max(ev.end for ev in spans)
    while b < len(raw) and raw[b] in "%)":
        b += 1
    return a, b


def _view_range(view: SourceView, a: int, b: int) -> tuple[int, int]:
    """The view's characters from the one read at raw offset `a` to the one ending at `b`."""
    i = min((k for k, start in enumerate(view.starts) if start >= a), key=view.starts.__getitem__)
    j = next((k for k in range(i, len(view.ends)) if view.ends[k] >= b), len(view.ends) - 1)
    return i, j + 1


def _as_read(view: SourceView, raw: str, a: int, b: int) -> str:
    """`raw[a:b]` as quoted from the page as it reads: the same text, unless the page is set
    in two columns and the span runs across the other column."""
    if view.find_quote(raw[a:b], set()) is not None:
        return raw[a:b]
    return view.text(*_view_range(view, a, b))


def _paragraph_read(view: SourceView, a: int, b: int) -> str:
    """The paragraph holding raw `[a, b)` as the page reads (a two-column page column by
    column), as a model reading it would quote the sentence stating a figure."""
    i, j = _view_range(view, a, b)
    lo = view.clean.rfind(PARA, 0, i) + 1
    hi = view.clean.find(PARA, j)
    return view.text(lo, len(view.clean) if hi < 0 else hi).strip()


def facts_from_record(record: ClusterProfile, doc: Document) -> dict[str, Any]:
    """A perfect model's answer for `doc`, whose true facts are `record` (with evidence)."""
    raw, ev = doc.raw, record.evidence
    view = SourceView.of(doc)
    out: dict[str, Any] = {}
    for key in ("cluster", "economy"):
        if key in ev:
            a, b = _line(raw, ev[key].start, ev[key].end)
            item = {"value": getattr(record, key), "quote": raw[a:b]}
            if ground(ClusterFacts.model_validate({key: item}), view).problems:
                # A line that starts inside markup (a Word export's "style='...'>Hefei, China"):
                # the title itself, as a model quotes it.
                a, b = ev["cluster"].start, ev.get("economy", ev["cluster"]).end
                item["quote"] = raw[a:b] if a < b else ev[key].text
            if ground(ClusterFacts.model_validate({key: item}), view).problems:
                # A title beside a page's other column ("São José dos      inventors, ..." /
                # "Campos, Brazil"): the title as the page reads, column by column.
                item["quote"] = _paragraph_read(view, a, b)
            out[key] = item
    for key in NUMERIC_SCALAR_FIELDS:
        value = getattr(record, key)
        if value is None:
            continue
        # A fact wrapped across lines needs the next line too; a value under its label ("Size
        # rank" / "36") the line before; a tile's phrase centred under its figure, a blank
        # line and the other tile's longer phrase between them, the lines down to it.
        for before, extra in ((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (0, 3)):
            a, b = _line(raw, ev[key].start, ev[key].end, extra, before)
            item = {"value": value, "quote": raw[a:b]}
            if not ground(ClusterFacts.model_validate({key: item}), view).problems:
                break
        else:  # a page in two columns: the paragraph as it reads, not the lines across
            item = {"value": value, "quote": _paragraph_read(view, ev[key].start, ev[key].end)}
        out[key] = item
    for key in ("top_pct_applicants", "top_publishers"):
        rows = []
        for i, e in enumerate(getattr(record, key)):
            a, b = _row_span(record, f"{key}[{i}].", raw)
            rows.append({**e.model_dump(), "quote": _as_read(view, raw, a, b)})
        out[key] = rows
    for key in ("patent_fields", "publication_fields"):
        rows = []
        for i, f in enumerate(getattr(record, key)):
            a, b = _row_span(record, f"{key}[{i}].", raw)
            rows.append({**f.model_dump(), "quote": _as_read(view, raw, a, b)})
        out[key] = rows
    for key in ("patent_collaboration", "publication_collaboration"):
        collab = getattr(record, key)
        if collab is None:
            continue
        start, end = _row_span(record, f"{key}.", raw)
        for before in range(8):  # a key-value export: its headings say what it is about
            a, b = _whole_tags(raw, *_line(raw, start, end, 0, before))
            item = {**collab.model_dump(), "quote": raw[a:b]}
            if not ground(ClusterFacts.model_validate({key: item}), view).problems:
                break
        else:
            item = {**collab.model_dump(), "quote": _paragraph_read(view, start, end)}
        out[key] = item
    return out


def ground_one(
    raw: str, key: str, value: Any, quote: str, fmt: str = "text", name: str = "doc.txt"
) -> tuple[Any, str | None]:
    """(the value grounded or None, its evidence text or None) for one scalar of a model's
    answer, `raw` read as a document named `name` in format `fmt`."""
    from nlq.layout import parse

    doc = parse(name, raw, fmt)
    g = ground(
        ClusterFacts.model_validate({key: {"value": value, "quote": quote}}), SourceView.of(doc)
    )
    span = g.spans.get(key)
    return g.values.get(key), span and doc.raw[span[0] : span[1]]
