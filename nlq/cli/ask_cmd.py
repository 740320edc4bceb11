"""`nlq ask` and `nlq chat`: questions answered with cited figures."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from nlq.cli.app import app, cli_errors


def _notice(message: str) -> None:
    print(f"nlq: {message}", file=sys.stderr)


PlannerOpt = Annotated[
    str,
    typer.Option(
        "--planner",
        help="auto (the LLM when one is configured, else rules), rules, or llm.",
    ),
]
PhraseOpt = Annotated[
    bool,
    typer.Option(
        "--phrase",
        help="Let the LLM reword each answer; the wording is verified like any answer.",
    ),
]
PLANNERS = ("auto", "rules", "llm")


def make_asker(corpus, planner: str, phrase: bool):
    """An `Asker` with the LLM planner when `planner` asks for it (auto: when configured)."""
    from nlq.answer.engine import Asker
    from nlq.config import load_settings
    from nlq.errors import ConfigError

    if planner not in PLANNERS:
        raise ConfigError(f"unknown planner {planner!r}; use one of: {', '.join(PLANNERS)}")
    settings = load_settings()
    use_llm = planner == "llm" or (planner == "auto" and settings.llm_configured)
    if phrase and not use_llm:
        raise ConfigError("--phrase needs an LLM: set NLQ_LLM_MODEL (see docs/LLM.md)")
    llm = None
    if use_llm:
        from nlq.answer.llm_plan import LLMPlanner

        llm = LLMPlanner(settings)
    return Asker(corpus, llm=llm, phrase=phrase)


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
    planner: PlannerOpt = "auto",
    phrase: PhraseOpt = False,
) -> None:
    """Answer one question; every figure is cited to the source line it came from."""
    from nlq.answer.load import load_corpus

    with cli_errors():
        asker = make_asker(load_corpus(_notice), planner, phrase)
        answer = asker.ask(question, follow_up=False)
    for note in answer.notes:
        _notice(note)
    if as_json:
        print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(render(answer))


@app.command("chat")
def chat_command(planner: PlannerOpt = "auto", phrase: PhraseOpt = False) -> None:
    """A question-and-answer session; follow-ups keep context. /help lists commands."""
    from nlq.answer.load import load_corpus
    from nlq.chat import run_chat

    with cli_errors():
        corpus = load_corpus(_notice)
        asker = make_asker(corpus, planner, phrase)
    run_chat(corpus, sys.stdin, sys.stdout, asker)
