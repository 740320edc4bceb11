"""Golden-set evaluation: records compared fact by fact with hand-verified expectations.

A fact is one comparable unit: a scalar (`national_rank = 12`), a top-list row (rank, name,
count and share together), a field share (compared as a set per breakdown), a collaboration
share, or a partner at its position. Precision, recall and F1 are counted per file and per
field group. Evidence is checked too: every span's text must equal the source at its offsets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from nlq.errors import NlqError, internal_error
from nlq.schema import SCALAR_FIELDS, ClusterProfile, GoldenCase

GROUPS = ("scalars", "applicants", "publishers", "fields", "collaboration")


def facts(record: ClusterProfile) -> dict[str, Counter[tuple[object, ...]]]:
    """The record's comparable facts, by group."""
    out: dict[str, Counter[tuple[object, ...]]] = {g: Counter() for g in GROUPS}
    for name in SCALAR_FIELDS:
        value = getattr(record, name)
        if value is not None and value != "":
            out["scalars"][(name, value)] += 1
    for group, name in (("applicants", "top_pct_applicants"), ("publishers", "top_publishers")):
        for e in getattr(record, name):
            out[group][(e.rank, e.name, e.count, e.share)] += 1
    for name in ("patent_fields", "publication_fields"):
        for f in getattr(record, name):
            out["fields"][(name, f.field, f.share)] += 1
    for name in ("patent_collaboration", "publication_collaboration"):
        collab = getattr(record, name)
        if collab is None:
            continue
        if collab.share is not None:
            out["collaboration"][(name, "share", collab.share)] += 1
        for i, partner in enumerate(collab.partners):
            out["collaboration"][(name, f"partners[{i}]", partner)] += 1
    return out


@dataclass(slots=True)
class Score:
    """Counts of matched, extracted and expected facts."""

    matched: int = 0
    extracted: int = 0
    expected: int = 0

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.extracted += other.extracted
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else float(self.expected == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else float(self.extracted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class CaseResult:
    """One golden case's scores, mismatches and evidence problems."""

    case: str
    source: str
    groups: dict[str, Score] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)
    evidence_errors: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def total(self) -> Score:
        s = Score()
        for g in self.groups.values():
            s.add(g)
        return s


def compare(expected: ClusterProfile, got: ClusterProfile) -> tuple[dict[str, Score], list[str]]:
    """Scores per group and a line per missing or extra fact."""
    exp, out = facts(expected), facts(got)
    scores: dict[str, Score] = {}
    mismatches: list[str] = []
    for g in GROUPS:
        matched = exp[g] & out[g]
        scores[g] = Score(sum(matched.values()), sum(out[g].values()), sum(exp[g].values()))
        for fact in sorted((exp[g] - out[g]).elements(), key=repr):
            mismatches.append(f"missing {g}: {fact}")
        for fact in sorted((out[g] - exp[g]).elements(), key=repr):
            mismatches.append(f"extra {g}: {fact}")
    return scores, mismatches


def value_paths(record: ClusterProfile) -> list[str]:
    """The field path of every figure and name the record holds (what needs evidence)."""
    paths = [n for n in SCALAR_FIELDS if getattr(record, n) not in (None, "")]
    for name in ("top_pct_applicants", "top_publishers"):
        for i, e in enumerate(getattr(record, name)):
            paths += [
                f"{name}[{i}].{k}"
                for k in ("rank", "name", "count", "share")
                if getattr(e, k) is not None
            ]
    for name in ("patent_fields", "publication_fields"):
        for i, f in enumerate(getattr(record, name)):
            paths += [f"{name}[{i}].{k}" for k in ("field", "share") if getattr(f, k) is not None]
    for name in ("patent_collaboration", "publication_collaboration"):
        collab = getattr(record, name)
        if collab is not None:
            paths += [f"{name}.share"] if collab.share is not None else []
            paths += [f"{name}.partners[{i}]" for i in range(len(collab.partners))]
    return paths


def check_evidence(record: ClusterProfile, raw: str) -> list[str]:
    """Problems with evidence: values without it, spans whose text differs from the source,
    wrong line numbers."""
    problems = [f"{p}: no evidence" for p in value_paths(record) if p not in record.evidence]
    for path, ev in record.evidence.items():
        if raw[ev.start : ev.end] != ev.text:
            problems.append(
                f"{path}: evidence text {ev.text!r} != source {raw[ev.start : ev.end]!r}"
            )
        elif raw.count("\n", 0, ev.start) + 1 != ev.line:
            problems.append(f"{path}: evidence line {ev.line} is wrong")
    return problems


def load_cases(golden: Path) -> list[tuple[Path, GoldenCase]]:
    """Every golden case under `golden` (its `cases/` folder if there is one), sorted by name.

    Raises `NlqError` naming a case file that is not valid JSON of the case format.
    """
    folder = golden / "cases" if (golden / "cases").is_dir() else golden
    if not folder.is_dir():
        raise NlqError(f"{golden}: no golden folder here; pass --golden DIR")
    cases = []
    for path in sorted(folder.glob("*.json")):
        try:
            cases.append((path, GoldenCase.model_validate_json(path.read_text("utf-8"))))
        except (ValidationError, ValueError) as e:
            first = str(e).splitlines()[0]
            raise NlqError(
                f"{path}: not a valid golden case ({first}); see golden/README.md"
            ) from e
    if not cases:
        raise NlqError(f"{folder}: no golden case files (*.json) found")
    return cases


Extract = Callable[[Path], tuple[ClusterProfile, str]]
"""Extract one file: returns the record and the decoded source text its evidence points into."""


def evaluate_case(path: Path, case: GoldenCase, extract: Extract) -> CaseResult:
    """Run `extract` on the case's input and compare it with the expected record."""
    source = (path.parent / case.input).resolve()
    result = CaseResult(case=path.name, source=case.input)
    try:
        record, raw = extract(source)
    except Exception as e:  # an NlqError, or a bug of nlq's on this file: scored 0, not fatal
        result.error = str(e) if isinstance(e, NlqError) else internal_error(source.name, e)
        result.groups = {g: Score(0, 0, n) for g, n in _expected_counts(case.expected).items()}
        return result
    result.groups, result.mismatches = compare(case.expected, record)
    for wanted in case.expected_warnings:
        if not any(wanted in w for w in record.warnings):
            result.mismatches.append(f"missing warning: {wanted!r}")
    result.evidence_errors = check_evidence(record, raw)
    return result


def _expected_counts(expected: ClusterProfile) -> dict[str, int]:
    return {g: sum(c.values()) for g, c in facts(expected).items()}


def summarize(results: list[CaseResult]) -> dict[str, Score]:
    """Scores per group over all cases, plus 'all'."""
    total: dict[str, Score] = {g: Score() for g in (*GROUPS, "all")}
    for r in results:
        for g, s in r.groups.items():
            total[g].add(s)
            total["all"].add(s)
    return total
