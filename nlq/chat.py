"""The chat loop: questions in, cited answers out; follow-ups carry the previous question's
clusters and metric ("and Hefei?", "what about publications?", "which is higher?")."""

from __future__ import annotations

from typing import TextIO

from nlq.answer.corpus import Corpus
from nlq.answer.engine import Asker

HELP = """Ask about the indexed cluster profiles in plain language, e.g.
  How many PCT applications does Hefei file per million inhabitants?
  and Changsha?        which is higher?        what about publications?
Commands: /sources  the last answer's citations in full
          /clusters the indexed clusters
          /help     this text
          /quit     leave (also Ctrl-D)"""


def _sources(asker: Asker) -> str:
    answer = asker.last_answer
    if answer is None or not answer.citations:
        return "No citations yet."
    return "\n".join(
        f'[{c.id}] {c.source} line {c.line}, characters {c.start}-{c.end}: "{c.quote}"'
        for c in answer.citations
    )


def run_chat(corpus: Corpus, stdin: TextIO, stdout: TextIO, asker: Asker | None = None) -> None:
    """Read questions until /quit or end of input; print each answer with its citations."""
    from nlq.cli.ask_cmd import render

    asker = asker or Asker(corpus)
    interactive = stdin.isatty()
    if interactive:
        _enable_history()
        print("nlq chat - /help for commands, /quit to leave", file=stdout)
    while True:
        try:
            line = input("nlq> ") if interactive else stdin.readline()
        except EOFError:
            break
        if not interactive and line == "":
            break
        question = line.strip()
        if not question:
            continue
        if question in ("/quit", "/exit", "quit", "exit"):
            break
        if question == "/help":
            out = HELP
        elif question == "/sources":
            out = _sources(asker)
        elif question == "/clusters":
            out = ", ".join(corpus.clusters)
        elif question.startswith("/"):
            out = f"Unknown command {question}; /help lists the commands."
        else:
            answer = asker.ask(question)
            out = "\n".join([*(f"(note: {n})" for n in answer.notes), render(answer)])
            if not interactive:
                out = f"> {question}\n{out}"
        print(out + "\n", file=stdout, flush=True)


def _enable_history() -> None:
    try:
        import readline  # noqa: F401  (line editing and history for input())
    except ImportError:
        pass
