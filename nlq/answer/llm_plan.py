"""The LLM planner: a question -> the same `QueryPlan` as the rules planner, through instructor.

Used when an LLM is configured (`nlq ask --planner auto|llm`). Intents and metrics are enums
in the response model; cluster and entity names are checked against the corpus by a validator,
and instructor re-asks with its error (`NLQ_LLM_MAX_RETRIES`). Computing, citing and verifying
are the same as for the rules planner, so the model never supplies a figure. `phrase` lets the
model reword a verified answer; the wording goes through the same verifier and the template
answer is kept when it fails. Failures raise `LLMError`; the caller falls back to the rules.
"""

from __future__ import annotations

import functools
import logging
import re
from importlib import resources
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from nlq.answer.corpus import COLLAB_METRICS, FIELD_METRICS, Corpus, Entity
from nlq.answer.resolve import find_clusters, find_entities, find_full_names, words
from nlq.answer.verify import number_words, verify
from nlq.config import Settings
from nlq.errors import ConfigError, LLMError, QuestionError
from nlq.llm_client import (
    LLMConnection,
    Meter,
    instructor_errors,
    is_api_error,
    jinja_literal,
    redact,
    run_sync,
)
from nlq.schema import Answer, Intent, Metric, QueryPlan, Usage

log = logging.getLogger(__name__)
MAX_LISTED_CLUSTERS = 200
_MARKER = re.compile(r"\[(\d+)\]")


class PlanPrompt(BaseModel):
    """prompts/plan.md: front matter `version`, the planner's and the phraser's instructions."""

    model_config = ConfigDict(frozen=True)

    version: int
    system: str
    phrase: str


@functools.lru_cache(maxsize=1)
def load_plan_prompt() -> PlanPrompt:
    """The packaged planner prompt; raise `ConfigError` if it is missing or malformed."""
    name = "nlq.prompts/plan.md"
    try:
        text = resources.files("nlq.prompts").joinpath("plan.md").read_text("utf-8")
    except (OSError, ModuleNotFoundError) as e:
        raise ConfigError(f"{name}: cannot be read ({e}); reinstall nlq") from e
    front = re.match(r"---\nversion:\s*(\d+)\s*\n---\n", text)
    parts = dict(re.findall(r"^## (System|Phrase)[ \t]*\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    if not front or set(parts) != {"System", "Phrase"}:
        raise ConfigError(f"{name}: needs 'version: N' front matter, '## System' and '## Phrase'")
    return PlanPrompt(
        version=int(front.group(1)), system=parts["System"].strip(), phrase=parts["Phrase"].strip()
    )


def resolve_cluster(name: str, corpus: Corpus) -> str | None:
    """The indexed cluster `name` refers to (case, accents and small typos are fine)."""
    found = find_clusters(words(name), corpus, set())
    return found[0] if found else None


def resolve_entity(name: str, corpus: Corpus) -> Entity | None:
    """The stored organization, field or location `name` refers to."""
    ws = words(name)
    found = find_full_names(ws, corpus, set()) or find_entities(ws, corpus, set())
    return found[0] if found else None


class StatedFigure(BaseModel):
    """A figure a yes/no question asserts, and whether it is a percentage."""

    model_config = ConfigDict(extra="forbid")

    value: float
    percent: bool = False


class PlanReply(BaseModel):
    """What the model answers; `to_plan` turns it into the `QueryPlan` compute reads."""

    model_config = ConfigDict(extra="forbid")

    intent: Intent
    clusters: list[str] = Field(
        default_factory=list, description="indexed cluster names; empty means all clusters"
    )
    metrics: list[Metric] = Field(default_factory=list)
    entities: list[str] = Field(
        default_factory=list, description="organization, field or location names asked about"
    )
    attribute: Literal["value", "count", "share", "rank", "both"] = "value"
    order: Literal["desc", "asc"] | None = None
    limit: int | None = Field(default=None, ge=1, le=100)
    position: int | None = Field(default=None, ge=1, le=100)
    aggregation: Literal["sum", "average", "difference", "ratio", "remainder"] | None = None
    above: float | None = Field(default=None, description="keep entries above this value")
    below: float | None = Field(default=None, description="keep entries below this value")
    threshold_percent: bool = Field(
        default=False, description="above/below compare shares (percent), not counts"
    )
    inclusive: bool = Field(default=False, description="the threshold itself passes (at least)")
    org_type: Literal["academic", "company"] | None = Field(
        default=None, description="keep only universities/institutes, or only companies"
    )
    polar: bool = Field(default=False, description="a yes/no question")
    across: bool = Field(
        default=False,
        description="cross_list: entries the lists have in common (between clusters, or "
        "between one cluster's two lists of a kind), not applicants that are also publishers",
    )
    exclusive: bool = Field(
        default=False,
        description="cross_list: the entries of the first list named that the other lists lack "
        '("which applicants are not among the publishers?")',
    )
    stated: list[StatedFigure] = Field(
        default_factory=list,
        description='figures a yes/no question asserts ("Is CXMT\'s share 45%?")',
    )
    also: Literal["sum", "difference", "ratio"] | None = Field(
        default=None, description="a second computation asked over the same inputs"
    )
    excluded: list[str] = Field(
        default_factory=list, description='names a list question leaves out ("not USTC")'
    )
    pairwise: bool = Field(
        default=False,
        description="two figures of each cluster against each other (articles per PCT "
        "application in each cluster), not the clusters against each other",
    )
    reason: str | None = Field(default=None, description="why, when intent is unanswerable")

    @model_validator(mode="after")
    def _in_the_store(self, info: ValidationInfo) -> PlanReply:
        corpus = (info.context or {}).get("corpus")
        if corpus is None or self.intent is Intent.UNANSWERABLE:
            return self
        problems = []
        unknown = [c for c in self.clusters if resolve_cluster(c, corpus) is None]
        if unknown:
            problems.append(
                f"{', '.join(map(repr, unknown))} is not an indexed cluster (indexed: "
                f"{_cluster_list(corpus)}); use indexed names only, or intent 'unanswerable' "
                "with a reason if the question is about a cluster that is not indexed"
            )
        if self.intent is not Intent.MEMBERSHIP:  # "is X a top applicant?" may name anything
            named = [*self.entities, *self.excluded]
            missing = [e for e in named if resolve_entity(e, corpus) is None]
            if missing:
                problems.append(
                    f"{', '.join(map(repr, missing))} is not an organization, field or location "
                    "in the indexed profiles; write the name as the question does, or leave "
                    "`entities` empty"
                )
        if not self.metrics and self.intent is not Intent.SUMMARY:
            problems.append(f"intent {self.intent.value!r} needs at least one metric")
        if self.intent is Intent.AGGREGATE and self.aggregation is None:
            problems.append(
                "intent 'aggregate' needs `aggregation` (sum, average, difference, ratio, "
                "remainder)"
            )
        if problems:
            raise ValueError("; ".join(problems))
        return self


def to_plan(reply: PlanReply, corpus: Corpus) -> QueryPlan:
    """The `QueryPlan` with cluster names and entity keys as the store holds them."""
    clusters = [c for c in (resolve_cluster(n, corpus) for n in reply.clusters) if c]
    entities: list[str] = []
    kind: str | None = None
    for name in reply.entities:
        entity = resolve_entity(name, corpus)
        if entity is not None:
            entities.append(entity.key)
            kind = kind or entity.kind
        else:
            entities.append(name)  # membership of a name the store does not hold: "no"
    if entities and kind is None and reply.metrics:
        metric = reply.metrics[0]
        kind = (
            "location"
            if metric in COLLAB_METRICS
            else "field"
            if metric in FIELD_METRICS
            else "organization"
        )
    return QueryPlan(
        intent=reply.intent,
        clusters=list(dict.fromkeys(clusters)),
        metrics=list(dict.fromkeys(reply.metrics)),
        entities=entities,
        entity_kind=kind,  # type: ignore[arg-type]
        attribute=reply.attribute,
        order=reply.order,
        limit=reply.limit,
        position=reply.position,
        aggregation=reply.aggregation,
        above=reply.above,
        below=reply.below,
        threshold_percent=reply.threshold_percent,
        inclusive=reply.inclusive,
        org_type=reply.org_type,
        polar=reply.polar,
        across=reply.across,
        exclusive=reply.exclusive,
        stated=[(s.value, s.percent) for s in reply.stated],
        also=reply.also,
        excluded=[e.key for e in (resolve_entity(n, corpus) for n in reply.excluded) if e],
        pairwise=reply.pairwise,
        # The model's own words are shown when it declines; they must carry no number.
        reason=re.sub(r"\d", "#", reply.reason) if reply.reason else None,
    )


class Wording(BaseModel):
    """The model's rewording of an answer."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=4000)


def _cluster_list(corpus: Corpus) -> str:
    names = list(corpus.clusters)
    shown = ", ".join(names[:MAX_LISTED_CLUSTERS])
    more = len(names) - MAX_LISTED_CLUSTERS
    return shown + (f" and {more} more" if more > 0 else "")


class LLMPlanner:
    """Plans questions (and optionally rewords answers) with the configured LLM."""

    name = "llm"

    def __init__(self, settings: Settings) -> None:
        """Raise `ConfigError` when no LLM is configured."""
        self.settings = settings
        self.conn = LLMConnection(settings)
        self.prompt = load_plan_prompt()
        self.usage = Usage()

    def plan(self, question: str, corpus: Corpus, previous: QueryPlan | None = None) -> QueryPlan:
        """The validated plan; raise `LLMError` (one line, no key) when there is none."""
        user = f"Indexed clusters: {_cluster_list(corpus)}.\n"
        if previous is not None:
            user += f"Previous plan (for a follow-up): {previous.model_dump_json()}\n"
        user += f"\nQuestion:\n<<<QUESTION>>>\n{question}\n<<<END QUESTION>>>"
        reply = self._ask(PlanReply, self.prompt.system, user, {"corpus": corpus})
        plan = to_plan(reply, corpus)
        log.info("plan (llm): %s", plan.model_dump_json(exclude_defaults=True))
        return plan

    def phrase(self, question: str, answer: Answer, corpus: Corpus) -> Answer:
        """`answer` reworded by the model if the wording passes the verifier and keeps every
        citation marker; raise `LLMError` or `QuestionError` (the caller keeps the template)."""
        user = (
            f"Question:\n<<<QUESTION>>>\n{question}\n<<<END QUESTION>>>\n\n"
            f"Answer to reword:\n<<<ANSWER>>>\n{answer.answer}\n<<<END ANSWER>>>"
        )
        wording = self._ask(Wording, self.prompt.phrase, user, {})
        markers = set(_MARKER.findall(answer.answer))
        if set(_MARKER.findall(wording.text)) != markers:
            raise QuestionError("the reworded answer does not keep the citation markers")
        if not number_words(wording.text) <= number_words(answer.answer):
            # "twice as many", "some three hundred": numbers in words the verifier, which
            # reads digits, would not see.
            raise QuestionError("the reworded answer has a number in words the answer lacks")
        try:
            return verify(answer.model_copy(update={"answer": wording.text.strip()}), corpus)
        except QuestionError:  # its message names the number, which must not be shown
            raise QuestionError(
                "the reworded answer has a number that is not a cited figure"
            ) from None

    def _ask(self, model: type[BaseModel], system: str, user: str, context: dict) -> Any:
        meter = Meter()
        incomplete, retry_failed = instructor_errors()

        async def once() -> Any:
            try:
                create = self.conn.structured(meter)
                kwargs: dict[str, Any] = {}
                if self.settings.llm_temperature is not None:
                    kwargs["temperature"] = self.settings.llm_temperature
                return await create(
                    model=self.conn.model,
                    messages=[
                        {"role": "system", "content": jinja_literal(system)},
                        {"role": "user", "content": jinja_literal(user)},
                    ],
                    response_model=model,
                    context=context,
                    max_retries=max(self.settings.llm_max_retries, 0),
                    strict=False,
                    **kwargs,
                )
            finally:
                await self.conn.aclose()  # each call runs in its own event loop

        try:
            return run_sync(once())
        except (incomplete, retry_failed) as e:
            cause = e.__cause__
            if is_api_error(cause):
                raise self.conn.endpoint_error("question", cause, meter) from None
            if isinstance(cause, ValidationError):
                first = cause.errors()[0]["msg"].removeprefix("Value error, ")[:300]
            else:
                first = (str(cause or e).splitlines() or [""])[0][:160]
            first = re.sub(r"\d", "#", first)  # the model's text: no uncited number is shown
            raise LLMError(
                redact(
                    f"question: the LLM's answer did not validate after {meter.requests} "
                    "request(s) "
                    f"({first})",
                    self.conn.secrets,
                )
            ) from None
        except Exception as e:
            if is_api_error(e):
                raise self.conn.endpoint_error("question", e, meter) from None
            raise
        finally:
            self.usage.prompt_tokens += meter.prompt_tokens
            self.usage.completion_tokens += meter.completion_tokens
            self.usage.requests += meter.requests
