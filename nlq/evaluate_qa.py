"""Golden-question evaluation: answers checked for their figures, citations and wording."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from nlq.errors import NlqError
from nlq.schema import Answer, GoldenQuestion


def load_questions(path: Path) -> list[GoldenQuestion]:
    """Golden questions from a JSON Lines file; raises `NlqError` naming a bad line."""
    if not path.is_file():
        raise NlqError(f"{path}: no golden questions file; pass --questions FILE")
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(GoldenQuestion.model_validate_json(line))
            except (ValidationError, ValueError) as e:
                first = str(e).splitlines()[0]
                raise NlqError(f"{path}:{n}: not a golden question ({first})") from e
    return out


@dataclass(slots=True)
class QuestionResult:
    """How one answer measured up."""

    question: GoldenQuestion
    answer: Answer
    problems: list[str] = field(default_factory=list)
    citations_ok: bool = True

    @property
    def correct(self) -> bool:
        return not self.problems


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def check_answer(q: GoldenQuestion, answer: Answer) -> QuestionResult:
    """Compare an answer with what the golden question expects."""
    result = QuestionResult(q, answer)
    exp = q.expect
    shown = [float(f.value) for f in answer.figures]
    cited = {c.source for c in answer.citations}
    text = answer.answer.lower()
    if not exp.answerable:
        extra = [v for v in shown if not any(_close(v, e) for e in exp.figures)]
        if extra:
            result.problems.append(f"declined question shows figures {extra}")
        if answer.plan.intent == "unanswerable" or not answer.figures or "no " in text:
            pass
        else:
            result.problems.append("did not say it cannot answer")
    for want in exp.figures:
        if not any(_close(v, float(want)) for v in shown):
            result.problems.append(f"missing figure {want}")
    for phrase in exp.contains:
        if phrase.lower() not in text:
            result.problems.append(f"answer lacks {phrase!r}")
    for phrase in exp.absent:
        if phrase.lower() in text:
            result.problems.append(f"answer states {phrase!r}, which it should not")
    if exp.lead:
        rivals = [p for p in exp.contains if p.lower() not in (exp.lead.lower(), "yes", "no")]
        # The first line naming any of them: a list's heading line names none.
        names = [p for p in (exp.lead, *exp.contains) if p.lower().strip(".") not in ("yes", "no")]
        named = [ln for ln in text.split("\n") if any(p.lower() in ln for p in names)]
        first = named[0] if named else ""
        at = first.find(exp.lead.lower())
        others = [first.find(p.lower()) for p in rivals]
        if at < 0 or any(0 <= o < at for o in others):
            result.problems.append(f"the first line does not state {exp.lead!r} first")
    missing = set(exp.sources) - cited
    outside = cited - set(exp.sources) if exp.sources else set()
    if missing or outside:
        result.citations_ok = False
        result.problems.append(
            f"citations: missing {sorted(missing)}, unexpected {sorted(outside)}"
        )
    return result
