"""`nlq eval`: the extractor scored against the hand-verified golden set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from nlq.cli.app import app, cli_errors
from nlq.cli.extract_cmd import BackendOpt

eval_app = typer.Typer(
    help="Score extraction (default) or question answering against golden files."
)
app.add_typer(eval_app, name="eval")


@eval_app.callback(invoke_without_command=True)
def eval_extraction(
    ctx: typer.Context,
    golden: Annotated[
        Path, typer.Option("--golden", help="Golden folder (its cases/ is read).")
    ] = Path("golden"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    min_f1: Annotated[
        float, typer.Option("--min-f1", help="Exit 1 if any case's F1 is below this.")
    ] = 0.0,
    backend: BackendOpt = "rules",
) -> None:
    """Extract every golden case and report precision, recall and F1 per file and field group.

    Exits 1 when a case's F1 is below --min-f1, or any evidence span is not exact.
    """
    if ctx.invoked_subcommand is not None:
        return
    from nlq.config import load_settings
    from nlq.evaluate import evaluate_case, load_cases, summarize
    from nlq.extractors.batch import extract_file
    from nlq.layout.loader import load_source

    with cli_errors():
        settings = load_settings()

        def run(path: Path):
            extraction = extract_file(path, backend=backend, settings=settings)
            return extraction.record, load_source(path)[0]

        results = [evaluate_case(p, case, run) for p, case in load_cases(golden)]
    totals = summarize(results)
    failed = [r for r in results if r.error or r.evidence_errors or r.total.f1 < min_f1]
    if as_json:
        print(json.dumps(_report(results, totals), indent=2, ensure_ascii=False))
    else:
        _print_report(results, totals)
    if failed:
        raise typer.Exit(1)


def _score(s) -> dict[str, float | int]:
    return {
        "precision": round(s.precision, 4),
        "recall": round(s.recall, 4),
        "f1": round(s.f1, 4),
        "matched": s.matched,
        "extracted": s.extracted,
        "expected": s.expected,
    }


def _report(results, totals) -> dict:
    return {
        "cases": [
            {
                "case": r.case,
                "source": r.source,
                "error": r.error,
                **_score(r.total),
                "groups": {g: _score(s) for g, s in r.groups.items()},
                "mismatches": r.mismatches,
                "evidence_errors": r.evidence_errors,
            }
            for r in results
        ],
        "groups": {g: _score(s) for g, s in totals.items()},
    }


def _print_report(results, totals) -> None:
    width = max(len(r.case) for r in results)
    print(f"{'case':<{width}}  precision  recall     F1")
    for r in results:
        t = r.total
        print(f"{r.case:<{width}}  {t.precision:9.3f}  {t.recall:6.3f}  {t.f1:5.3f}")
        if r.error:
            print(f"  error: {r.error}")
        for m in r.mismatches:
            print(f"  {m}")
        for e in r.evidence_errors:
            print(f"  evidence: {e}")
    print()
    print(f"{'group':<13}  precision  recall     F1")
    for g, s in totals.items():
        print(f"{g:<13}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}")


@eval_app.command("qa")
def eval_qa(
    questions: Annotated[
        Path, typer.Option("--questions", help="Golden questions (JSON Lines).")
    ] = Path("golden/questions.jsonl"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    min_accuracy: Annotated[
        float, typer.Option("--min-accuracy", help="Exit 1 below this share of correct answers.")
    ] = 1.0,
) -> None:
    """Ask every golden question and report accuracy and citation accuracy."""
    from nlq.answer.engine import Asker
    from nlq.answer.load import load_corpus
    from nlq.evaluate_qa import check_answer, load_questions

    with cli_errors():
        qs = load_questions(questions)
        asker = Asker(load_corpus())
        results = [check_answer(q, asker.ask(q.question, follow_up=False)) for q in qs]
    correct = sum(r.correct for r in results)
    cited = sum(r.citations_ok for r in results)
    accuracy, citation_accuracy = correct / len(results), cited / len(results)
    if as_json:
        print(
            json.dumps(
                {
                    "accuracy": round(accuracy, 4),
                    "citation_accuracy": round(citation_accuracy, 4),
                    "questions": [
                        {
                            "id": r.question.id,
                            "question": r.question.question,
                            "correct": r.correct,
                            "problems": r.problems,
                            "answer": r.answer.answer,
                        }
                        for r in results
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for r in results:
            if not r.correct:
                print(f"{r.question.id} {r.question.question}")
                for p in r.problems:
                    print(f"  {p}")
                print("  answer: " + r.answer.answer.replace("\n", "\n          "))
        print(
            f"accuracy {accuracy:.3f} ({correct}/{len(results)}), citation accuracy "
            f"{citation_accuracy:.3f} ({cited}/{len(results)})"
        )
    if accuracy < min_accuracy:
        raise typer.Exit(1)
