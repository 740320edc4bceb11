"""The one door to LLM endpoints: an OpenAI-compatible server through `openai` and `instructor`.

The only module of nlq that imports them (lazily, so `import nlq` stays fast). Used by the LLM
extractor (`nlq.extractors.llm`) and the LLM question planner (`nlq.answer.llm_plan`).
`LLMConnection` checks the settings, keeps the API key out of every log line and error, makes
the client on first use, retries each request with backoff on 429, 5xx, timeouts and refused
connections (tenacity), counts requests and tokens, and turns endpoint failures into one-line
`LLMError`s.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import re
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from nlq.config import Settings
from nlq.errors import ConfigError, LLMError
from nlq.schema import Usage

MODES = ("tools", "json_schema", "md_json", "json")
"""Values of NLQ_LLM_MODE, each an instructor mode."""
PLACEHOLDER_KEY = "sk-no-key-needed"
"""Sent to local endpoints when OPENAI_API_KEY is unset (the openai client requires one)."""
OPENAI_URL = "https://api.openai.com/v1"

T = TypeVar("T")


def jinja_literal(text: str) -> str:
    """`text` written so that Jinja renders it unchanged.

    Given a validation `context`, instructor 1.17 renders every message as a Jinja2 template:
    a document holding `{{ ... }}` would be evaluated and `{# ... #}` would vanish. With each
    `{` written as an expression that prints `{`, nothing in the text can open a tag. (Jinja
    also drops one trailing newline and instructor dedents; the messages start unindented.)
    """
    return text.replace("{", '{{ "{" }}')


# ---------------------------------------------------------------------------------------------
# Settings resolved for one endpoint


def endpoint_of(settings: Settings) -> str:
    """The base URL without credentials or query (safe to show and to key the cache)."""
    url = settings.llm_base_url or OPENAI_URL
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))


def _is_local(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return (
        host in ("localhost", "0.0.0.0", "::1", "host.docker.internal")
        or host.startswith(("127.", "10.", "192.168."))
        or re.match(r"172\.(1[6-9]|2\d|3[01])\.", host) is not None
        or host.endswith((".local", ".lan", ".internal"))
    )


def resolve_mode(settings: Settings) -> str:
    """NLQ_LLM_MODE, else `tools` for OpenAI and remote endpoints, `json_schema` for local
    servers (Ollama, vLLM, llama.cpp enforce a JSON schema with constrained decoding)."""
    if settings.llm_mode:
        mode = settings.llm_mode.strip().lower()
        if mode not in MODES:
            raise ConfigError(
                f"NLQ_LLM_MODE={settings.llm_mode!r} is not a mode nlq knows; use one of: "
                + ", ".join(MODES)
            )
        return mode
    if settings.llm_base_url and _is_local(settings.llm_base_url):
        return "json_schema"
    return "tools"


class _Redactor(logging.Filter):
    """Removes secrets from log records of the libraries nlq drives."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            if any(s in message for s in self.secrets):
                record.msg, record.args = redact(message, list(self.secrets)), None
        return True


def redact(text: str, secrets: list[str]) -> str:
    """`text` with every secret replaced by '***' and on one line."""
    for s in secrets:
        if s:
            text = text.replace(s, "***")
    return " ".join(text.split())


_LIBRARY_LOGGERS = (
    "instructor",
    "instructor.v2",
    "instructor.v2.retry",
    "openai",
    "openai._base_client",
    "openai._response",
    "httpx2",
)
"""Loggers that may carry an endpoint's error text (a filter applies to its own logger only)."""
_REDACTOR = _Redactor()
for _name in _LIBRARY_LOGGERS:
    logging.getLogger(_name).addFilter(_REDACTOR)
# instructor logs failed attempts at ERROR level; nlq reports them itself, in one line.
logging.getLogger("instructor").addHandler(logging.NullHandler())


@dataclass(slots=True)
class Meter:
    """Requests and tokens spent on one piece of work."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def usage(self) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            requests=self.requests,
        )


def instructor_mode(mode: str) -> Any:
    import instructor

    return {
        "tools": instructor.Mode.TOOLS,
        "json_schema": instructor.Mode.JSON_SCHEMA,
        "md_json": instructor.Mode.MD_JSON,
        "json": instructor.Mode.JSON,
    }[mode]


def instructor_errors() -> tuple[type[Exception], type[Exception]]:
    """instructor's (output cut off, still invalid after the re-asks) exception classes."""
    from instructor.core import IncompleteOutputException, InstructorRetryException

    return IncompleteOutputException, InstructorRetryException


def is_api_error(e: BaseException | None) -> bool:
    import openai

    return isinstance(e, openai.APIError)


def _is_transient(e: BaseException) -> bool:
    """429, 408, 409, 5xx, timeouts and connection failures are worth another try."""
    import openai

    if isinstance(e, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(e, openai.APIStatusError):
        return e.status_code in (408, 409, 429) or e.status_code >= 500
    return False


def _backoff(base: float):
    """Exponential backoff from `base` seconds (doubling, capped at 30 s), never shorter than
    the server's Retry-After (capped at 60 s)."""

    def wait(state: Any) -> float:
        delay = base * 2 ** (state.attempt_number - 1) if base > 0 else 0.0
        exc = state.outcome.exception() if state.outcome is not None else None
        after = _retry_after(exc)
        return min(max(min(delay, 30.0), after or 0.0), 60.0)

    return wait


def _retry_after(e: BaseException | None) -> float | None:
    response = getattr(e, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value:
            try:
                return max(float(value) * scale, 0.0)
            except ValueError:
                continue
    return None


def _error_detail(e: Any) -> str:
    body = getattr(e, "body", None)
    message = ""
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message", "") if isinstance(inner, dict) else str(inner)
    elif isinstance(body, str):
        message = body
    return " ".join(str(message).split())[:160]


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` to completion from synchronous code, even when an event loop is running in
    this thread (then in a helper thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


# ---------------------------------------------------------------------------------------------
# One configured endpoint


class LLMConnection:
    """A configured endpoint. Use `async with` (or `await aclose()`) to close its client."""

    def __init__(self, settings: Settings) -> None:
        """Raise `ConfigError` when no model is configured or the mode or key is unusable."""
        if not settings.llm_model:
            raise ConfigError(
                "no LLM configured: set NLQ_LLM_MODEL (e.g. gpt-4o-mini, or llama3.1 with "
                "NLQ_LLM_BASE_URL=http://localhost:11434/v1 for Ollama); see docs/LLM.md"
            )
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else ""
        if not key and not settings.llm_base_url:
            raise ConfigError(
                "OPENAI_API_KEY is not set: OpenAI's API needs one (a local server does not: "
                "set NLQ_LLM_BASE_URL to it)"
            )
        self.settings = settings
        self.model: str = settings.llm_model
        self.mode = resolve_mode(settings)
        self.endpoint = endpoint_of(settings)
        self.secrets = [key] if key else []
        self._key = key
        self._client: Any = None
        if key:
            _REDACTOR.secrets.add(key)

    async def __aenter__(self) -> LLMConnection:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    def client(self) -> Any:
        """The `openai.AsyncOpenAI` client, made on first use."""
        if self._client is None:
            import openai

            self._client = openai.AsyncOpenAI(
                base_url=self.settings.llm_base_url or OPENAI_URL,
                api_key=self._key or PLACEHOLDER_KEY,
                timeout=self.settings.llm_timeout,
                max_retries=0,  # nlq retries itself (tenacity), with its own backoff and limits
            )
        return self._client

    def create_fn(self, meter: Meter):
        """`chat.completions.create` with retries on transient failures, counting usage."""
        from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

        client = self.client()
        attempts = max(self.settings.llm_max_retries, 0) + 1
        wait = _backoff(self.settings.llm_backoff)

        async def create(*args: Any, **kwargs: Any) -> Any:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(attempts),
                wait=wait,
                retry=retry_if_exception(_is_transient),
                reraise=True,
            ):
                with attempt:
                    meter.requests += 1
                    completion = await client.chat.completions.create(*args, **kwargs)
            usage = getattr(completion, "usage", None)
            meter.prompt_tokens += getattr(usage, "prompt_tokens", 0) or 0
            meter.completion_tokens += getattr(usage, "completion_tokens", 0) or 0
            return completion

        return create

    def structured(self, meter: Meter):
        """instructor's `create(response_model=..., ...)` over `create_fn` in this mode."""
        import instructor

        return instructor.patch(create=self.create_fn(meter), mode=instructor_mode(self.mode))

    def endpoint_error(self, source: str, e: BaseException, meter: Meter) -> LLMError:
        """A one-line error for an endpoint failure, naming `source`, without the key."""
        import openai

        where = f"the LLM endpoint {self.endpoint}"
        tries = f"{meter.requests} request(s)"
        if isinstance(e, openai.APITimeoutError):
            why = f"no answer within NLQ_LLM_TIMEOUT={self.settings.llm_timeout:g}s after {tries}"
            hint = "raise NLQ_LLM_TIMEOUT or check the server"
        elif isinstance(e, openai.APIConnectionError):
            why = f"cannot connect after {tries}"
            hint = "check that the server is running and NLQ_LLM_BASE_URL"
        elif isinstance(e, openai.APIStatusError):
            status = e.status_code
            detail = _error_detail(e)
            why = f"HTTP {status}{': ' + detail if detail else ''} after {tries}"
            hint = {
                401: "check OPENAI_API_KEY",
                403: "check OPENAI_API_KEY and its permissions",
                404: f"check NLQ_LLM_MODEL ({self.model}) and NLQ_LLM_BASE_URL",
                429: "the endpoint is rate-limiting; retry later or raise NLQ_LLM_MAX_RETRIES",
            }.get(status)
            if hint is None:
                hint = (
                    "the server failed; retry later"
                    if status >= 500
                    else f"the endpoint may not support NLQ_LLM_MODE={self.mode}; try md_json"
                )
        else:
            why, hint = f"{type(e).__name__}: {e}", "check NLQ_LLM_BASE_URL"
        message = f"{source}: {where} failed: {why}; {hint}"
        return LLMError(redact(message, self.secrets))
