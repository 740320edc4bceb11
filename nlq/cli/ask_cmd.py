"""`nlq ask` and `nlq chat`: questions answered with cited figures."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from nlq.cli.app import app, cli_errors


def _notice(message: str) -> None:
    print(f"nlq: {message}", file=sys.stderr)


def render(answer) -> str:
    """The answer text, then one line per citation: [n] file:line "quote"."""
    lines = [answer.answer]
    if answer.citations:
        lines.append("")
        lines += [f'[{c.id}] {c.source}:{c.line} "{c.quote}"' for c in answer.citations]
    return "\n".join(lines)


@app.command("ask")
def ask_command(
    question: Annotated[str, typer.Argument(help="A question in plain language.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Answer one question; every figure is cited to the source line it came from."""
    from nlq.answer.engine import Asker
    from nlq.answer.load import load_corpus

    with cli_errors():
        asker = Asker(load_corpus(_notice))
        answer = asker.ask(question, follow_up=False)
    if as_json:
        print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(render(answer))


@app.command("chat")
def chat_command() -> None:
    """A question-and-answer session; follow-ups keep context. /help lists commands."""
    from nlq.answer.load import load_corpus
    from nlq.chat import run_chat

    with cli_errors():
        corpus = load_corpus(_notice)
    run_chat(corpus, sys.stdin, sys.stdout)
