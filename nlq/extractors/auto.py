"""`--backend auto`: the deterministic extractor first, an LLM for what it leaves missing.

Rules first. When the rules record misses facts (a null scalar, an empty list, no
collaboration) or the rules extractor does not recognize the layout, and an LLM is configured,
the LLM answers for the whole document (one request, cached like `--backend llm`) and its
grounded values fill what is missing. Where both extractors hold a value and they disagree, the
rules value is kept and the disagreement is flagged in `warnings`. With no LLM configured the
rules record is returned with a warning that says how to configure one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from nlq.config import Settings
from nlq.errors import ExtractionError, NlqError
from nlq.extractors.rules import RulesExtractor
from nlq.layout.document import Document
from nlq.quality import quality_warnings
from nlq.schema import (
    COLLABORATION_FIELDS,
    FIELD_SHARE_FIELDS,
    RANKED_FIELDS,
    SCALAR_FIELDS,
    ClusterProfile,
    Extraction,
)

HOW_TO_CONFIGURE = (
    "set NLQ_LLM_MODEL (and NLQ_LLM_BASE_URL for a local server such as Ollama) so that "
    "--backend auto can ask an LLM for them; see docs/LLM.md"
)


def missing_facts(record: ClusterProfile) -> list[str]:
    """Field names (or `<collaboration>.share` / `.partners`) the record has no value for."""
    out = [n for n in SCALAR_FIELDS if getattr(record, n) in (None, "")]
    out += [n for n in RANKED_FIELDS + FIELD_SHARE_FIELDS if not getattr(record, n)]
    for name in COLLABORATION_FIELDS:
        collab = getattr(record, name)
        if collab is None:
            out.append(name)
        else:
            out += [f"{name}.share"] if collab.share is None else []
            out += [f"{name}.partners"] if not collab.partners else []
    return out


class AutoExtractor:
    """Rules, then an LLM for the missing facts (when one is configured)."""

    name = "auto"

    def __init__(self, settings: Settings, *, use_cache: bool = True) -> None:
        self.settings = settings
        self.use_cache = use_cache
        self.rules = RulesExtractor()
        self.llm_configured = settings.llm_configured

    def first_pass(
        self, doc: Document
    ) -> tuple[Extraction | None, ExtractionError | None, list[str]]:
        """The rules result (or its error) and the facts still missing."""
        try:
            result = self.rules.extract(doc)
        except ExtractionError as e:
            return None, e, ["all"]
        return result, None, missing_facts(result.record)

    def without_llm(
        self, rules: Extraction | None, error: ExtractionError | None, missing: list[str]
    ) -> Extraction:
        """The result when no LLM is configured (or none is needed)."""
        if rules is None:
            assert error is not None
            raise ExtractionError(
                f"{error}; or configure an LLM: set NLQ_LLM_MODEL (see docs/LLM.md)"
            ) from error
        if missing and not self.llm_configured:
            shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
            rules.record.warnings.append(
                f"llm: {len(missing)} fact(s) not found by the rules ({shown}); {HOW_TO_CONFIGURE}"
            )
        return rules

    def extract(self, doc: Document) -> Extraction:
        """The merged record for `doc`; raise `NlqError` naming the file when neither path
        gives one."""
        from nlq.extractors.llm import LLMExtractor, run_sync

        async def ask() -> Extraction:
            async with LLMExtractor(self.settings, use_cache=self.use_cache) as llm:
                return await llm.aextract(doc)

        rules, error, missing = self.first_pass(doc)
        if not missing or not self.llm_configured:
            return self.without_llm(rules, error, missing)
        try:
            answer = run_sync(ask())
        except NlqError as e:
            return self.after_llm_failure(rules, e)
        return merge(rules, answer)

    async def aextract(self, doc: Document, llm: Any) -> Extraction:
        """Async `extract`; `llm` is an entered `LLMExtractor`, or None when not configured."""
        rules, error, missing = self.first_pass(doc)
        if not missing or llm is None:
            return self.without_llm(rules, error, missing)
        try:
            answer = await llm.aextract(doc)
        except NlqError as e:
            return self.after_llm_failure(rules, e)
        return merge(rules, answer)

    @staticmethod
    def after_llm_failure(rules: Extraction | None, e: NlqError) -> Extraction:
        if rules is None:
            raise e
        rules.record.warnings.append(f"llm: could not ask the LLM for the missing facts: {e}")
        return rules


def _root(path: str) -> str:
    return path.split("[", 1)[0].split(".", 1)[0]


def _line(record: ClusterProfile, path: str) -> str:
    ev = record.evidence.get(path)
    return f" (line {ev.line})" if ev else ""


def merge(rules: Extraction | None, llm: Extraction) -> Extraction:
    """`rules` with the gaps filled from `llm` (both grounded); disagreements flagged."""
    if rules is None:
        return llm
    base, other = rules.record, llm.record
    values = base.model_dump(exclude={"evidence", "warnings"})
    evidence = dict(base.evidence)
    taken: set[str] = set()
    notes: list[str] = []

    def take(name: str, prefix: str) -> None:
        for path, ev in other.evidence.items():
            if path == prefix or path.startswith((prefix + "[", prefix + ".")):
                evidence[path] = ev
        taken.add(name)

    for name in SCALAR_FIELDS:
        mine, theirs = getattr(base, name), getattr(other, name)
        if theirs in (None, ""):
            continue
        if mine in (None, ""):
            values[name] = theirs
            take(name, name)
        elif mine != theirs:
            notes.append(
                f"{name}: the LLM read {theirs!r}{_line(other, name)} where the rules read "
                f"{mine!r}{_line(base, name)}; kept the rules value"
            )
    for name in RANKED_FIELDS + FIELD_SHARE_FIELDS:
        mine, theirs = getattr(base, name), getattr(other, name)
        if not theirs:
            continue
        if not mine:
            values[name] = [row.model_dump() for row in theirs]
            take(name, name)
            continue
        a, b = [r.model_dump() for r in mine], [r.model_dump() for r in theirs]
        if name in RANKED_FIELDS:
            same = a == b
        else:  # field breakdowns are compared as sets: two-column reading order varies
            same = Counter(tuple(r.values()) for r in a) == Counter(tuple(r.values()) for r in b)
        if not same:
            notes.append(
                f"{name}: the LLM read a different list ({_first_difference(a, b)}); kept the "
                "rules list"
            )
    for name in COLLABORATION_FIELDS:
        mine, theirs = getattr(base, name), getattr(other, name)
        if theirs is None:
            continue
        if mine is None:
            values[name] = theirs.model_dump()
            take(name, name)
            continue
        if mine.share is None and theirs.share is not None:
            values[name]["share"] = theirs.share
            take(name, f"{name}.share")
        elif theirs.share is not None and mine.share != theirs.share:
            notes.append(
                f"{name}.share: the LLM read {theirs.share:g}{_line(other, f'{name}.share')} "
                f"where the rules read {mine.share:g}{_line(base, f'{name}.share')}; kept the "
                "rules value"
            )
        if not mine.partners and theirs.partners:
            values[name]["partners"] = list(theirs.partners)
            take(name, f"{name}.partners")
        elif theirs.partners and mine.partners != theirs.partners:
            notes.append(
                f"{name}.partners: the LLM read {theirs.partners} where the rules read "
                f"{mine.partners}; kept the rules list"
            )
    own_quality = set(quality_warnings(base))
    llm_quality = set(quality_warnings(other))
    kept = [w for w in base.warnings if w not in own_quality]
    missing_after = set()
    record = ClusterProfile(**values, evidence=evidence)
    for path in missing_facts(record):
        missing_after.add(_root(path))
    # The LLM's notes (values it dropped) matter only where its values were used or nothing
    # was found at all.
    kept += [
        w
        for w in other.warnings
        if w not in llm_quality
        and (_root(w.split(":", 1)[0]) in taken | missing_after or w.startswith("llm"))
    ]
    record.warnings.extend(kept + notes + quality_warnings(record))
    backend = "rules+llm" if taken else "rules"
    return Extraction(record=record, backend=backend, usage=llm.usage, sha256=rules.sha256)


def _first_difference(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> str:
    if len(a) != len(b):
        return f"{len(b)} rows, the rules {len(a)}"
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x != y:
            diff = ", ".join(f"{k} {y[k]!r} vs {x[k]!r}" for k in x if x[k] != y[k])
            return f"row {i + 1}: {diff}"
    return "same rows in another order"
