"""The record contract: pydantic models shared by every part of nlq.

This module imports nothing of nlq. A `ClusterProfile` is what an extractor returns for one
profile file; every figure and name in it has an `Evidence` entry keyed by its field path
(`pct_applications`, `top_publishers[2].share`, `publication_collaboration.partners[1]`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Number = int | float


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
    """Where a value came from: `text == raw_text[start:end]`, `line` is 1-based."""

    start: int
    end: int
    line: int
    text: str


class RankedEntry(_Strict):
    """One row of a top-applicants or top-publishers table."""

    rank: int | None = None
    name: str
    count: int | None = None
    share: Number | None = None


class FieldShare(_Strict):
    """One technology or science field and its share of the cluster's output, in percent."""

    field: str
    share: Number | None = None


class Collaboration(_Strict):
    """Share of output made in collaboration (percent) and the top partner locations, in order."""

    share: Number | None = None
    partners: list[str] = Field(default_factory=list)


SCALAR_FIELDS: tuple[str, ...] = (
    "edition",
    "cluster",
    "economy",
    "national_rank",
    "national_cluster_count",
    "global_size_rank",
    "global_intensity_rank",
    "pct_applications",
    "scientific_articles",
)
NUMERIC_SCALAR_FIELDS: tuple[str, ...] = tuple(
    f for f in SCALAR_FIELDS if f not in ("cluster", "economy")
)
FIGURE_FIELDS: tuple[str, ...] = NUMERIC_SCALAR_FIELDS[1:]  # the profile's own figures
RANKED_FIELDS: tuple[str, ...] = ("top_pct_applicants", "top_publishers")
FIELD_SHARE_FIELDS: tuple[str, ...] = ("patent_fields", "publication_fields")
COLLABORATION_FIELDS: tuple[str, ...] = ("patent_collaboration", "publication_collaboration")


class ClusterProfile(_Strict):
    """One structured, source-grounded record for one cluster profile file."""

    source: str
    edition: int | None = None
    cluster: str
    economy: str
    national_rank: int | None = None
    national_cluster_count: int | None = None
    global_size_rank: int | None = None
    global_intensity_rank: int | None = None
    pct_applications: int | None = None
    scientific_articles: int | None = None
    top_pct_applicants: list[RankedEntry] = Field(default_factory=list)
    top_publishers: list[RankedEntry] = Field(default_factory=list)
    patent_fields: list[FieldShare] = Field(default_factory=list)
    publication_fields: list[FieldShare] = Field(default_factory=list)
    patent_collaboration: Collaboration | None = None
    publication_collaboration: Collaboration | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)


class Usage(_Strict):
    """Token counts spent by an LLM on one document (zero for the rules extractor)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0


class Extraction(_Strict):
    """An extractor's result: the contract record plus metadata that is not part of it."""

    record: ClusterProfile
    backend: str
    usage: Usage = Field(default_factory=Usage)
    sha256: str = ""


class GoldenCase(_Strict):
    """A hand-verified expected record for one input file.

    `input` is the source file's path relative to the golden JSON file's folder. `expected`
    follows the record contract; its `evidence` and `warnings` may be left empty.
    `expected_warnings` lists substrings that must each appear in some warning of the record.
    """

    input: str
    note: str = ""
    expected: ClusterProfile
    expected_warnings: list[str] = Field(default_factory=list)


class ExpectedAnswer(_Strict):
    """What a correct answer to a golden question holds.

    `figures`: numbers the answer must show (each a cited figure or a computation over cited
    figures). `sources`: the profile files its citations must point to (exactly this set; empty
    for an answer with no figure). `contains`: phrases the answer text must contain
    (case-insensitive), e.g. the winning cluster or an organization's name. `answerable`: false
    when the honest answer is that nlq cannot say (data not in a profile, a cluster not indexed,
    a metric nlq does not hold); such an answer shows no figure beyond `figures`. `lead`: the
    name the answer's first line naming any of `contains` must state first among them (the
    winner of a comparison, the top of a ranking; a list's heading line names none), so an
    answer that lists both sides without saying which wins fails. `absent`: phrases the
    answer must not contain (the entry a "first two" leaves out, an entry a set difference
    removes).
    """

    figures: list[Number] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    contains: list[str] = Field(default_factory=list)
    answerable: bool = True
    lead: str | None = None
    absent: list[str] = Field(default_factory=list)


class GoldenQuestion(_Strict):
    """One line of golden/questions.jsonl."""

    id: str
    question: str
    intent: str
    expect: ExpectedAnswer
    note: str = ""


class Metric(StrEnum):
    """What a question can ask about: one per fact kind a profile holds."""

    PCT_APPLICATIONS = "pct_applications"
    SCIENTIFIC_ARTICLES = "scientific_articles"
    NATIONAL_RANK = "national_rank"
    NATIONAL_CLUSTER_COUNT = "national_cluster_count"
    GLOBAL_SIZE_RANK = "global_size_rank"
    GLOBAL_INTENSITY_RANK = "global_intensity_rank"
    TOP_PCT_APPLICANTS = "top_pct_applicants"
    TOP_PUBLISHERS = "top_publishers"
    PATENT_FIELDS = "patent_fields"
    PUBLICATION_FIELDS = "publication_fields"
    PATENT_COLLABORATION = "patent_collaboration"
    PUBLICATION_COLLABORATION = "publication_collaboration"
    EDITION = "edition"


class Intent(StrEnum):
    LOOKUP = "lookup"
    COMPARE = "compare"
    RANK = "rank"
    AGGREGATE = "aggregate"
    LIST = "list"
    MEMBERSHIP = "membership"
    CROSS_LIST = "cross_list"
    SUMMARY = "summary"
    UNANSWERABLE = "unanswerable"


class QueryPlan(_Strict):
    """A question turned into what to compute.

    `clusters` are indexed cluster names (empty: all). `entities` are entity keys from the store
    (organizations, fields, locations), or a name as the question wrote it when the store has
    no such entity (then a membership answer is "no"). `position` asks for the Nth entry of a
    list ("second-largest applicant"); `limit` for the first N. `across` makes a cross_list
    the entries the clusters' lists have in common, instead of the organizations that are
    both top PCT applicants and top publishers of one cluster; `exclusive` makes it the entries
    of the first list (metric, or cluster) that the others lack. `above`/`below` keep the
    entries whose share (`threshold_percent`) or count passes a threshold (`inclusive`: "at
    least", the threshold itself passes; for a rank, "in the top 30" is `below` 30); `attribute`
    "both" asks for an entry's count and its share ("add up to, in articles and in share");
    `pairwise`: a ratio or difference of two figures within each cluster ("articles per PCT
    application in each cluster"), not of the clusters. `excluded`: entity keys a list leaves
    out ("which of Hefei's publishers are not USTC?").
    `also`: a second computation over the same inputs ("how many more, and how many times as
    many?"). `stated`: figures a yes/no question asserts, each with whether it is a
    percentage ("Is CXMT's share 45%?"); the answer says Yes only when every one is among the
    figures shown of its kind (a percentage among shares, a bare number among counts and
    ranks). `org_type` keeps
    universities and institutes ("academic") or companies. `polar`: a yes/no question, whose
    answer starts with Yes or No. `reason`: why a plan is unanswerable, or a caveat the
    answer states first (the profiles give figures, not causes).
    """

    intent: Intent
    clusters: list[str] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list)
    entity_kind: Literal["organization", "field", "location"] | None = None
    position: int | None = None
    attribute: Literal["value", "count", "share", "rank", "both"] = "value"
    order: Literal["desc", "asc"] | None = None
    limit: int | None = None
    aggregation: Literal["sum", "average", "difference", "ratio", "remainder"] | None = None
    across: bool = False
    exclusive: bool = False
    stated: list[tuple[float, bool]] = Field(default_factory=list)
    also: Literal["sum", "difference", "ratio"] | None = None
    excluded: list[str] = Field(default_factory=list)
    pairwise: bool = False
    above: float | None = None
    below: float | None = None
    threshold_percent: bool = False
    inclusive: bool = False
    org_type: Literal["academic", "company"] | None = None
    polar: bool = False
    reason: str | None = None


class Citation(_Strict):
    """Where a figure came from: the source line holding it and the figure's exact span."""

    id: int
    source: str
    line: int
    start: int
    end: int
    quote: str


class Figure(_Strict):
    """A number shown in an answer: a cited fact, or a computation over cited facts."""

    value: Number
    unit: Literal["count", "percent", "rank", "year", "ratio"]
    citation: int | None = None
    inputs: list[int] = Field(default_factory=list)
    operation: Literal["sum", "average", "difference", "ratio", "remainder"] | None = None


class Answer(_Strict):
    """What `nlq ask --json` prints."""

    answer: str
    citations: list[Citation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    plan: QueryPlan
    planner: Literal["rules", "llm"] = "rules"
    """Which planner made `plan` (the LLM planner falls back to the rules, saying why)."""
    phrased: bool = False
    """True when the LLM's rewording of the answer passed verification and is shown."""
    notes: list[str] = Field(default_factory=list)
    """What the user should know about how the answer was made (e.g. a planner fallback)."""
