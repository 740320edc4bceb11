"""A loopback HTTP server that speaks the OpenAI Chat Completions protocol, for tests.

Real HTTP on 127.0.0.1 and a random port, served from a thread: the real `openai` client and
instructor talk to it exactly as to a model server. Each test scripts the replies (a queue, or
a function of the request); the server records every request it saw and answers with `usage`
token counts (by default estimated as ceil(characters / 4) of the request's messages, tools
and response format, and of the reply; pass `count_tokens` to use a real tokenizer).

A reply's payload is wrapped the way the request asks: a tool call when the request has
`tools`, a ```json block when the prompt asks for one (instructor's MD_JSON mode), plain
message content otherwise.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer.

    `payload`: a dict (sent as JSON) or a string (sent verbatim, e.g. malformed JSON).
    `status` != 200 sends an OpenAI-style error body with `error`; `delay` seconds pass first.
    """

    payload: dict[str, Any] | str | None = None
    status: int = 200
    error: str = "scripted error"
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    finish_reason: str = "stop"


@dataclass
class Seen:
    """A request the server received."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", [])

    @property
    def mode(self) -> str:
        if self.body.get("tools"):
            return "tools"
        fmt = (self.body.get("response_format") or {}).get("type")
        if fmt == "json_schema":
            return "json_schema"
        if fmt == "json_object":
            return "json"
        return "md_json"


def estimate_tokens(text: str) -> int:
    """About four characters per token, the usual rule of thumb for English and JSON."""
    return math.ceil(len(text) / 4)


Responder = Callable[[Seen], Reply]


class LoopbackLLM:
    """The server. Use as a context manager, or `start()` / `stop()`."""

    def __init__(self, count_tokens: Callable[[str], int] = estimate_tokens) -> None:
        self.count_tokens = count_tokens
        self.requests: list[Seen] = []
        self.replies: list[Reply] = []
        self.responder: Responder | None = None
        self.charged: list[tuple[int, int]] = []
        """(prompt, completion) tokens of each completion sent, in order."""
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *replies: Reply | dict[str, Any] | str) -> None:
        """Queue replies, answered in order; a request beyond the queue gets HTTP 599."""
        for r in replies:
            self.replies.append(r if isinstance(r, Reply) else Reply(payload=r))

    def start(self) -> LoopbackLLM:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackLLM:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def next_reply(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            if self.responder is not None:
                return self.responder(seen)
            if self.replies:
                return self.replies.pop(0)
        return Reply(status=599, error="the test scripted no reply for this request")

    def completion(self, seen: Seen, reply: Reply) -> dict[str, Any]:
        payload = reply.payload
        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        message: dict[str, Any] = {"role": "assistant", "content": None}
        if seen.mode == "tools":
            tool = seen.body["tools"][0]["function"]["name"]
            message["tool_calls"] = [
                {
                    "id": f"call_{len(self.requests)}",
                    "type": "function",
                    "function": {"name": tool, "arguments": text},
                }
            ]
        elif seen.mode == "md_json":
            message["content"] = f"Here is the JSON:\n```json\n{text}\n```"
        else:
            message["content"] = text
        asked = json.dumps(
            [seen.messages, seen.body.get("tools"), seen.body.get("response_format")],
            ensure_ascii=False,
        )
        prompt_tokens = self.count_tokens(asked)
        completion_tokens = self.count_tokens(text)
        with self._lock:
            self.charged.append((prompt_tokens, completion_tokens))
        return {
            "id": f"chatcmpl-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": seen.body.get("model", "loopback"),
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": "tool_calls"
                    if seen.mode == "tools" and reply.finish_reason == "stop"
                    else reply.finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


def _handler(llm: LoopbackLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers.get("content-length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            reply = llm.next_reply(seen)
            with llm._lock:
                llm.in_flight += 1
                llm.max_in_flight = max(llm.max_in_flight, llm.in_flight)
            try:
                if reply.delay and llm._stopping.wait(reply.delay):
                    return
                if reply.status != 200:
                    data = {"error": {"message": reply.error, "type": "server_error"}}
                else:
                    data = llm.completion(seen, reply)
                self._send(reply.status, data, reply.headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer
            finally:
                with llm._lock:
                    llm.in_flight -= 1

        def _send(self, status: int, data: dict[str, Any], headers: dict[str, str]) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(raw)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(raw)

    return Handler
