"""Grounding an LLM's answer in the source text: every figure is checked against its quote.

The LLM fills `ClusterFacts`: each value comes with a `quote` copied from the document. This
module aligns each quote to character offsets of the decoded source (an exact match first, then
a match that tolerates whitespace, table pipes, markdown emphasis, HTML tags and entities, dash
and apostrophe variants and letter case, and still yields an exact raw slice), then finds the
value inside the quote: a number must be written there ("2,069", "2 069", "2&nbsp;069", "54%",
"twelfth", "36th", "twenty-six", "six percent"), next to a word about its metric where that is
feasible (a PCT count next to "PCT"/"patent"; in a delimited export, the label in the cell above
the figure), and a name must be there word for word. Quotes taken from
text that addresses instructions to the reader are refused.

`ground()` returns the values found, their exact raw spans and the problems. In strict mode
(`ClusterFacts` validated with a `GroundingContext`) a problem is a validation error that
instructor sends back to the model; in lenient mode the item is dropped with a warning, so an
ungrounded number never reaches a record. Names in the record are taken from the source text,
not from the model. The checks themselves are `grounder.Grounder` (one value against its quote)
and `grounded_rows` (top-list rows, field rows, collaboration facts).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from nlq.extractors.align import SourceView
from nlq.extractors.base import evidence_dict
from nlq.extractors.grounded_rows import collaboration_facts, field_rows, ranked_rows
from nlq.extractors.grounder import SCALARS, Grounded, Grounder, Problem
from nlq.layout.document import Document
from nlq.quality import quality_warnings
from nlq.schema import ClusterProfile

# ---------------------------------------------------------------------------------------------
# What the LLM fills in. Field descriptions are part of the schema the model sees.

_QUOTE = (
    "Text copied character for character from the document (the sentence, line or table row) "
    "that states the value(s)."
)


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuotedNumber(_Answer):
    value: int
    quote: str = Field(description=_QUOTE)


class QuotedName(_Answer):
    value: str
    quote: str = Field(description=_QUOTE)


class RankedRow(_Answer):
    rank: int | None = None
    name: str
    count: int | None = None
    share: float | None = Field(default=None, description="percent: 54% -> 54")
    quote: str = Field(description=_QUOTE)


class FieldRow(_Answer):
    field: str
    share: float | None = Field(default=None, description="percent: 35% -> 35")
    quote: str = Field(description=_QUOTE)


class CollaborationFacts(_Answer):
    share: float | None = Field(default=None, description="percent made in collaboration")
    partners: list[str] = Field(default_factory=list, description="top partner locations, in order")
    quote: str = Field(description=_QUOTE)


class ClusterFacts(_Answer):
    """The facts of one GII cluster profile, each with its verbatim quote from the document."""

    cluster: QuotedName | None = None
    economy: QuotedName | None = None
    edition: QuotedNumber | None = None
    national_rank: QuotedNumber | None = None
    national_cluster_count: QuotedNumber | None = None
    global_size_rank: QuotedNumber | None = None
    global_intensity_rank: QuotedNumber | None = None
    pct_applications: QuotedNumber | None = None
    scientific_articles: QuotedNumber | None = None
    top_pct_applicants: list[RankedRow] = Field(default_factory=list)
    top_publishers: list[RankedRow] = Field(default_factory=list)
    patent_fields: list[FieldRow] = Field(default_factory=list)
    publication_fields: list[FieldRow] = Field(default_factory=list)
    patent_collaboration: CollaborationFacts | None = None
    publication_collaboration: CollaborationFacts | None = None

    @model_validator(mode="after")
    def _grounded_in_source(self, info: ValidationInfo) -> ClusterFacts:
        ctx = (info.context or {}).get("grounding") if isinstance(info.context, dict) else None
        if not isinstance(ctx, GroundingContext):
            return self  # no source to check against (a cached answer being loaded)
        ctx.last = self
        problems = ground(self, ctx.view).problems
        if self.cluster is None:
            problems.append(
                Problem(
                    "cluster",
                    "cluster: missing; quote the title line that names the cluster (such as "
                    "'Hefei, China')",
                    "cluster: not found",
                )
            )
        if problems:
            raise ValueError(reask_message(problems))
        return self


@dataclass(slots=True)
class GroundingContext:
    """Passed to instructor as `context={"grounding": ...}`; remembers the last parsed answer
    so that an answer still ungrounded after the retries can be kept in part (lenient)."""

    view: SourceView
    last: ClusterFacts | None = None


def ground(facts: ClusterFacts, view: SourceView) -> Grounded:
    """Check every value of `facts` against `view`; return what is grounded and the problems."""
    g = Grounder(view)
    values = g.out.values
    for key in ("cluster", "economy"):
        item = getattr(facts, key)
        if item is None:
            continue
        span = g.quote_span(key, item.quote, set())
        found = span and g.name(key, item.value, span[0], span[1], item.quote)
        if found:
            values[key] = found[3]
            g.out.spans[key] = (view.starts[found[0]], view.ends[found[2] - 1])
    for key, (kind, keyword) in SCALARS.items():
        item = getattr(facts, key)
        if item is None:
            continue
        span = g.quote_span(key, item.quote, set())
        if span is None:
            continue
        token = g.number(key, item.value, kind, span, item.quote, about=key if keyword else None)
        if token is None:
            continue
        if kind == "year" and not 1990 <= token.value <= 2100:
            g.problem(key, f"{token.value} is not a GII edition year", "dropped an LLM edition")
            continue
        values[key] = token.value
        g.put(key, (token.start, token.end))
    for key in ("top_pct_applicants", "top_publishers"):
        values[key] = ranked_rows(g, key, getattr(facts, key))
    for key in ("patent_fields", "publication_fields"):
        values[key] = field_rows(g, key, getattr(facts, key))
    for key in ("patent_collaboration", "publication_collaboration"):
        item = getattr(facts, key)
        if item is not None:
            collab = collaboration_facts(g, key, item)
            if collab is not None:
                values[key] = collab
    return g.out


def reask_message(problems: list[Problem], limit: int = 25) -> str:
    """The validation error instructor sends back to the model."""
    lines = [p.reask for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"... and {len(problems) - limit} more")
    return (
        "These values are not supported by the document:\n- "
        + "\n- ".join(lines)
        + "\nFix each one: correct the value, copy its quote exactly from the document, or "
        "leave it out (null or []) if the document does not state it."
    )


def to_record(
    doc: Document, grounded: Grounded, *, warnings: list[str] | None = None
) -> ClusterProfile:
    """The contract record for `doc` from grounded values: evidence from the exact raw spans,
    a warning per dropped value, then the data-quality warnings."""
    values = dict(grounded.values)
    evidence = {path: evidence_dict(doc, s, e) for path, (s, e) in grounded.spans.items()}
    record = ClusterProfile(
        source=doc.source,
        cluster=values.pop("cluster", ""),
        economy=values.pop("economy", ""),
        evidence=evidence,
        **values,
    )
    record.warnings.extend(warnings or [])
    record.warnings.extend(p.warning for p in grounded.problems)
    record.warnings.extend(quality_warnings(record))
    return record
