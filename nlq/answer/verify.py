"""The last gate before an answer is shown: every number must be a cited or computed figure.

Fail closed: an answer with a number that is neither a cited fact's value nor a computation
over cited facts is not shown.
"""

from __future__ import annotations

import collections
import re

from nlq.answer.corpus import Corpus
from nlq.errors import QuestionError
from nlq.numbers import NUMBER_RE, parse_number
from nlq.schema import Answer

_MARKER = re.compile(r"\[\d+\]")
_MARKED = re.compile(rf"(?P<num>{NUMBER_RE.pattern})\s*%?\s*\[(?P<id>\d+)\]")


def _mask_names(text: str, answer: Answer, corpus: Corpus) -> str:
    """`text` with the stored names it may hold that contain digits blanked out: those of the
    cited records, of the clusters the plan names and of the entities it asks about. A name
    the store does not hold is not masked, so a number in it (written by a model, say) fails
    verification."""
    names = {n for c in answer.citations for n in corpus.digit_names(c.source)}
    names.update(c for c in answer.plan.clusters if c in corpus.records)
    for key in answer.plan.entities:
        if key in corpus.entities:
            names.update(corpus.entities[key].names)
    for name in sorted((n for n in names if any(c.isdigit() for c in n)), key=len, reverse=True):
        text = text.replace(name, " ")
    return text


_NUMBER_WORDS = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|dozen|twice|thrice|double|"
    r"triple|half|quarter|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\w*\b",
    re.I,
)


def number_words(text: str) -> collections.Counter[str]:
    """The numbers written as words in `text` ("three", "twice", "twenty-fifth"), counted."""
    return collections.Counter(m.group().lower() for m in _NUMBER_WORDS.finditer(text))


def _figure_markers(text: str, answer: Answer) -> None:
    """Each figure written with its marker ("692 [1]") must be the value its citation holds:
    a reworded answer cannot swap two clusters' figures behind their markers."""
    known = {c.id for c in answer.citations}
    for m in _MARKER.finditer(text):
        if int(m.group()[1:-1]) not in known:
            raise QuestionError(f"the marker {m.group()} names no citation of the answer")
    by_citation: dict[int, set[float]] = {}
    for f in answer.figures:
        if f.citation is not None:
            by_citation.setdefault(f.citation, set()).add(float(f.value))
    for m in _MARKED.finditer(text):
        cid = int(m.group("id"))
        value = float(parse_number(m.group("num")))
        held = by_citation.get(cid)
        if held is not None and not any(abs(value - v) < 1e-9 for v in held):
            raise QuestionError(f"the figure before [{cid}] is not the value it cites")


def verify(answer: Answer, corpus: Corpus) -> Answer:
    """Return `answer` if every number in its text is a figure with citations that match the
    source; raise `QuestionError` otherwise."""
    ids = {c.id: c for c in answer.citations}
    for c in answer.citations:
        raw = corpus.raws.get(c.source)
        if (
            raw is None
            or raw.count("\n", 0, c.start) + 1 != c.line
            or c.quote.strip("…") not in raw
        ):
            raise QuestionError(f"citation [{c.id}] does not match {c.source}")
    allowed: list[float] = []
    for f in answer.figures:
        if f.citation is None and not f.inputs:
            raise QuestionError(f"figure {f.value} has no citation and no cited inputs")
        if any(i not in ids for i in ([f.citation] if f.citation else []) + f.inputs):
            raise QuestionError(f"figure {f.value} cites a citation the answer does not list")
        allowed.append(float(f.value))
    _figure_markers(_mask_names(answer.answer, answer, corpus), answer)
    text = _mask_names(_MARKER.sub(" ", answer.answer), answer, corpus)
    for m in NUMBER_RE.finditer(text):
        value = float(parse_number(m.group()))
        if not any(abs(value - a) < 1e-9 for a in allowed):
            raise QuestionError(f"the number {m.group()} in the answer is not a cited figure")
    return answer
