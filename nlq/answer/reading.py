"""Reading a question: its names resolved, its other words read for cues, its metrics chosen.

`read` resolves the names (`resolve`), blanks them out, corrects misspelled vocabulary words
("publihsers") and reads what is left with the domain vocabulary (`lexicon`); where a field is
asked about by meaning ("chips"), the embedding matcher finds it among the fields of the axis
the question names. `choose_metrics` turns the cues into the metrics a plan is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlq.answer import lexicon as lx
from nlq.answer.corpus import COLLAB_METRICS, FIELD_METRICS, ORG_METRICS, Corpus, Entity
from nlq.answer.names import closeness
from nlq.answer.question_numbers import top_cut
from nlq.answer.resolve import Mentions, SemanticMatcher, find_mentions, semantic_entities, words
from nlq.answer.select import RANK_METRICS
from nlq.numbers import ORDINAL
from nlq.schema import Metric

SCALARS = (Metric.PCT_APPLICATIONS, Metric.SCIENTIFIC_ARTICLES)
RANKS = RANK_METRICS
LIST_FAMILIES = (ORG_METRICS, FIELD_METRICS, COLLAB_METRICS)
_ORDINAL_WORD = re.compile(ORDINAL, re.I)
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")


@dataclass(slots=True)
class Reading:
    """What the words of a question say, before it becomes a plan: `text` is the question in
    lower case with its names blanked out (padded with spaces), misspelled vocabulary
    corrected; `question` the question as asked."""

    text: str
    mentions: Mentions
    patent: bool
    publication: bool
    question: str

    def has(self, cue: str) -> bool:
        return lx.has(self.text, cue)

    def intent(self, cue: str) -> bool:
        return lx.intent_has(self.text, cue)


def _spelled(text: str) -> str:
    """`text` with words that are one slip away from a vocabulary word replaced by it."""

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) < 6 or lx.is_known(word):
            return word
        best = max(lx.VOCABULARY, key=lambda v: closeness(word, v))
        return best if closeness(word, best) else word

    return _WORD.sub(fix, text)


def read(question: str, corpus: Corpus, matcher: SemanticMatcher | None) -> Reading:
    """Resolve names, then read the remaining words (names blanked out) for cues."""
    mentions = find_mentions(question, corpus)
    ws = words(question)
    chars = list(question.lower())
    for j in mentions.used:
        chars[ws[j].start : ws[j].end] = " " * (ws[j].end - ws[j].start)
    text = _spelled(" " + re.sub(r"\s+", " ", "".join(chars)) + " ")
    r = Reading(text, mentions, *_axes(text), question)
    wants_field = r.has("field") or (
        bool(re.search(r"\bshare\b|percent|proportion", text)) and not r.has("collaboration")
    )
    if matcher and not mentions.entities and wants_field:
        leftover = [
            w.norm
            for j, w in enumerate(ws)
            if j not in mentions.used
            and not lx.is_known(w.norm)
            and len(w.norm) >= 3
            and not _ORDINAL_WORD.fullmatch(w.norm)
        ]
        axis = _axis(r, *FIELD_METRICS)
        mentions.entities += semantic_entities(leftover, corpus, "field", matcher, axis)
    return r


# "science and technology clusters", "S&T cluster": the GII's name for a cluster, no axis.
_CLUSTER_KIND = re.compile(r"\b(?:science\s+(?:and|&)\s+technology|s\s*&\s*t)\b(?=\s+clusters?\b)")


def _axes(text: str) -> tuple[bool, bool]:
    """Whether `text` speaks of patents, and of publications."""
    text = _CLUSTER_KIND.sub(" ", text)
    publication = lx.has(text, "publication")
    return lx.has(text, "patent") or (lx.has(text, "technology") and not publication), publication


def take_name(r: Reading, j: int) -> None:
    """Question word j is a name after all: blank it out of the reading, so its words are no
    longer read as cues ("technology" as a patent word)."""
    word = words(r.question)[j].text.lower()
    r.text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " " * len(word), r.text, count=1)
    r.patent, r.publication = _axes(r.text)
    r.mentions.used.add(j)


def _axis(r: Reading, patent_metric: Metric, pub_metric: Metric) -> list[Metric]:
    if r.patent and not r.publication:
        return [patent_metric]
    if r.publication and not r.patent:
        return [pub_metric]
    return [patent_metric, pub_metric]


def axis_lists(r: Reading) -> list[Metric]:
    """The top lists of organizations on the axis the question names (both when it names
    neither or both)."""
    return _axis(r, *ORG_METRICS)


def _entity_metrics(entity: Entity, r: Reading, family: tuple[Metric, ...]) -> list[Metric]:
    """The lists an entity is asked about: those the question's words name, else where it is."""
    said = _axis(r, family[0], family[1])
    if family == ORG_METRICS and r.has("applicant") != r.has("publisher"):
        said = [Metric.TOP_PCT_APPLICANTS if r.has("applicant") else Metric.TOP_PUBLISHERS]
    if len(said) == 1:
        return said
    present = [m for m in family if any(pm == m for _, pm in entity.places)]
    return present or said


def choose_metrics(r: Reading) -> list[Metric]:
    """The metrics a question is about (several when it does not say which, or names more
    than one: "size rank and intensity rank")."""
    ents = r.mentions.entities
    kinds = {e.kind for e in ents}
    if r.has("count_clusters"):
        # "its national rank, and out of how many clusters": the rank says both.
        return [Metric.NATIONAL_RANK if r.has("rank") else Metric.NATIONAL_CLUSTER_COUNT]
    if r.has("edition") and not ents:
        return [Metric.EDITION]
    if r.has("collaboration") or ("location" in kinds and not _cluster_level(r)):
        loc = next((e for e in ents if e.kind == "location"), None)
        return _entity_metrics(loc, r, COLLAB_METRICS) if loc else _axis(r, *COLLAB_METRICS)
    if r.has("per_capita") and not ents and (r.patent or r.publication) and not r.has("rank"):
        return _axis_in_order(r)  # "who leads on PCT filings per capita": the clusters
    org_cue = r.has("applicant") or r.has("publisher") or r.has("organization")
    rankish = re.search(r"\b(?:rank\w*|size|sized|intensity|nationally|globally)\b", r.text)
    if org_cue and rankish and not (r.has("applicant") or r.has("publisher")):
        # "who ranks higher on size, Hefei or Changsha?": "who" asks which cluster
        org_cue = lx.has(re.sub(r"\bwho\b", " ", r.text), "organization")
    if "field" in kinds or (r.has("field") and not org_cue and "organization" not in kinds):
        fld = next((e for e in ents if e.kind == "field"), None)
        return _entity_metrics(fld, r, FIELD_METRICS) if fld else _axis(r, *FIELD_METRICS)
    if (
        (r.intent("concentration") or r.intent("remainder"))
        and not kinds
        and (r.patent or r.publication)
    ):
        # "How concentrated is patenting in Hefei?": how much its leading entries hold.
        return _axis(r, *ORG_METRICS)
    if "organization" in kinds or org_cue:
        org = next((e for e in ents if e.kind == "organization"), None)
        if org is None and r.has("applicant") != r.has("publisher"):
            return [Metric.TOP_PCT_APPLICANTS if r.has("applicant") else Metric.TOP_PUBLISHERS]
        return _entity_metrics(org, r, ORG_METRICS) if org else _axis(r, *ORG_METRICS)
    ranks = []
    if r.has("national") and r.has("rank"):
        ranks.append(Metric.NATIONAL_RANK)
    if r.has("intensity"):
        # "patenting intensity" is output per inhabitant; "intensity rank" is the GII ranking.
        if (r.patent or r.publication) and not r.has("rank"):
            return _axis(r, *SCALARS)
        ranks.append(Metric.GLOBAL_INTENSITY_RANK)
    size_words = re.search(r"\bsize\b|\bsized\b", r.text) if ranks else r.has("size")
    if size_words and (not (r.patent or r.publication) or re.search(r"\bsize rank", r.text)):
        ranks.append(Metric.GLOBAL_SIZE_RANK)
    if ranks:
        ranks = [m for m in RANKS if m in ranks]
        if r.has("per_capita") and (r.patent or r.publication):
            return ranks + _axis_in_order(r)  # "national rank, size rank, pct/mn, pubs/mn"
        return ranks
    if r.has("rank") and not (r.patent or r.publication):
        return list(RANKS)
    if re.search(r"\b(?:global|overall|gii|world) rank", r.text) and (r.patent or r.publication):
        # "compare on patents, publications and global rank": the ranking and the counts
        return [Metric.GLOBAL_SIZE_RANK, *_axis_in_order(r)]
    if r.patent or r.publication:
        return _axis_in_order(r)
    if (top_cut(r.text) or 0) >= 10:  # "are both in the top 100 clusters?": the GII ranking
        return [Metric.NATIONAL_RANK if r.has("national") else Metric.GLOBAL_SIZE_RANK]
    return []


def _axis_in_order(r: Reading) -> list[Metric]:
    """The per-capita counts asked about, in the order the question names them ("articles
    per PCT application": articles first)."""
    metrics = _axis(r, *SCALARS)
    if len(metrics) == 2:
        pat = lx.first_at(r.text, "patent")
        pub = lx.first_at(r.text, "publication")
        if pub is not None and (pat is None or pub < pat):
            metrics.reverse()
    return metrics


def _cluster_level(r: Reading) -> bool:
    """The question asks for a cluster-level figure (a rank, a per-capita count)."""
    return (
        any(r.has(c) for c in ("intensity", "size", "rank", "national"))
        or r.patent
        or r.publication
    )


def axis_switch(r: Reading, previous: list[Metric]) -> list[Metric] | None:
    """For a follow-up that only names an axis ("and for patents?", "what about papers?")
    after a list question: the same list on that axis; else None."""
    family = next((f for f in LIST_FAMILIES if previous and previous[0] in f), None)
    if family is None or r.patent == r.publication:
        return None
    return [family[0] if r.patent else family[1]]
