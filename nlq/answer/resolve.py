"""Finding the clusters and entities a question mentions, however loosely it names them.

Names are matched against the store's own vocabulary (cluster names, organizations, fields,
partner locations), never against a list of expected questions: whole names, distinctive words
("Sungrow", "Central South"), initials ("USTC"), spelling slips ("Hefie"), possessives, and,
through an optional semantic matcher (the embedding model), words that mean a field ("chips").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from nlq.answer.corpus import Corpus, Entity, tokens

GENERIC = frozenset(
    "university universities of the and for de du la company limited incorporated corporation "
    "group institute national science sciences technology technologies research academy china "
    "chinese other state key laboratory center centre college school holding holdings "
    "international global electric electronics industry industries".split()
)
_INITIALS_SKIP = frozenset("of and the for de du la".split())
_WORD = re.compile(r"[^\W_]+(?:['’][sS]\b)?")

# Where a lower-case place name sits in a question: "wuhan's", "does wuhan", "in wuhan".
_SLOT_BEFORE = frozenset("in for of does did do about at from".split())


def _in_name_slot(question: str, ws: list[Word], j: int) -> bool:
    w = ws[j]
    if question[w.end - 2 : w.end].lower() in ("'s", "’s"):
        return True
    return j > 0 and ws[j - 1].norm in _SLOT_BEFORE


SemanticMatcher = Callable[[str, list[str]], list[tuple[str, float]]]
"""(phrase, candidate names) -> [(name, cosine similarity)], best first."""


@dataclass(frozen=True, slots=True)
class Word:
    norm: str
    text: str
    start: int
    end: int


def words(question: str) -> list[Word]:
    """The question's words with their positions; possessive 's is dropped from `norm`."""
    out = []
    for m in _WORD.finditer(question):
        text = re.sub(r"['’][sS]$", "", m.group())
        for t in tokens(text) or [text.lower()]:
            out.append(Word(t, text, m.start(), m.end()))
    return out


def similar(a: str, b: str) -> bool:
    """Same word, or a slip of the keyboard in a word of five letters or more."""
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


@dataclass(slots=True)
class Mentions:
    """What a question names: clusters (in order), entities, and unknown proper names."""

    clusters: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    unknown: list[str] = field(default_factory=list)


def _match_run(ws: list[Word], name_tokens: list[str], used: set[int]) -> list[int] | None:
    """Indexes of a contiguous run of question words matching all of `name_tokens`."""
    n = len(name_tokens)
    for i in range(len(ws) - n + 1):
        idx = list(range(i, i + n))
        if any(j in used for j in idx):
            continue
        if all(similar(ws[j].norm, t) for j, t in zip(idx, name_tokens, strict=True)):
            return idx
    return None


def find_clusters(ws: list[Word], corpus: Corpus, used: set[int]) -> list[str]:
    """Indexed clusters named in the question, in the order they are named."""
    hits: list[tuple[int, str]] = []
    for name in sorted(corpus.clusters, key=lambda c: -len(tokens(c))):
        name_tokens = tokens(name)
        while name_tokens and (idx := _match_run(ws, name_tokens, used)):
            used.update(idx)
            if name not in [h[1] for h in hits]:
                hits.append((idx[0], name))
    return [name for _, name in sorted(hits)]


def _initials(entity_tokens: list[str]) -> str:
    return "".join(t[0] for t in entity_tokens if t not in _INITIALS_SKIP)


def find_full_names(ws: list[Word], corpus: Corpus, used: set[int]) -> list[Entity]:
    """Entities named in full, found before cluster names so that "Hefei University of
    Technology" is an organization, not the cluster Hefei followed by other words."""
    out = []
    for key in sorted(corpus.entities, key=lambda k: -len(k.split())):
        name_tokens = key.split()
        if len(name_tokens) < 2:
            continue
        idx = _match_run(ws, name_tokens, used)
        if idx is not None:
            used.update(idx)
            out.append(corpus.entities[key])
    return out


def find_entities(ws: list[Word], corpus: Corpus, used: set[int]) -> list[Entity]:
    """Entities the question names, best match first."""
    owners: dict[str, set[str]] = {}
    for key in corpus.entities:
        for t in key.split():
            owners.setdefault(t, set()).add(key)
    scored: list[tuple[float, int, Entity, list[int]]] = []
    for key, entity in corpus.entities.items():
        name_tokens = key.split()
        idx = _match_run(ws, name_tokens, used)
        if idx is not None:
            if all(t in GENERIC for t in name_tokens) and not _capitalized(ws, idx):
                continue
            scored.append((2.0 + len(name_tokens), idx[0], entity, idx))
            continue
        initials = _initials(name_tokens)
        abbrev = [
            j
            for j, w in enumerate(ws)
            if j not in used and len(initials) >= 3 and w.norm == initials and w.text.isupper()
        ]
        if abbrev:
            scored.append((1.5, abbrev[0], entity, abbrev[:1]))
            continue
        hit = [
            j
            for j, w in enumerate(ws)
            if j not in used
            and len(w.norm) >= 4
            and w.norm not in GENERIC
            and any(similar(w.norm, t) and len(owners.get(t, ())) == 1 for t in name_tokens)
        ]
        if hit:
            matched = {t for t in name_tokens for j in hit if similar(ws[j].norm, t)}
            scored.append((len(matched) / len(name_tokens), hit[0], entity, hit))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out: list[Entity] = []
    for _, _, entity, idx in scored:
        if any(j in used for j in idx):
            continue
        used.update(idx)
        out.append(entity)
    return out


def _capitalized(ws: list[Word], idx: list[int]) -> bool:
    return all(ws[j].text[:1].isupper() for j in idx) and idx[0] > 0


SEMANTIC_THRESHOLD = 0.43
SEMANTIC_MARGIN = 0.08


def semantic_entities(
    phrases: list[str], corpus: Corpus, kind: str, matcher: SemanticMatcher
) -> list[Entity]:
    """The entity of `kind` whose name means what one of `phrases` says ('chips' ->
    'Semiconductors'): cosine similarity at least SEMANTIC_THRESHOLD and clearly ahead
    (SEMANTIC_MARGIN) of the next name, so a vague word matches nothing."""
    names = {n: e for e in corpus.entities.values() if e.kind == kind for n in e.names}
    if not names or not phrases:
        return []
    best: list[tuple[float, Entity]] = []
    for phrase in phrases:
        ranked = matcher(phrase, list(names))
        if not ranked or ranked[0][1] < SEMANTIC_THRESHOLD:
            continue
        runner_up = next((s for n, s in ranked[1:] if names[n].key != names[ranked[0][0]].key), 0.0)
        if ranked[0][1] - runner_up >= SEMANTIC_MARGIN:
            best.append((ranked[0][1], names[ranked[0][0]]))
    best.sort(key=lambda b: -b[0])
    return [e for _, e in best[:1]]


def find_mentions(question: str, corpus: Corpus, is_known: Callable[[str], bool]) -> Mentions:
    """Clusters, entities and unknown proper names in `question`."""
    ws = words(question)
    m = Mentions()
    full = find_full_names(ws, corpus, m.used)
    m.clusters = find_clusters(ws, corpus, m.used)
    m.entities = full + find_entities(ws, corpus, m.used)
    economies = {t for r in corpus.records.values() for t in tokens(r.economy)}
    slots = {j for j, w in enumerate(ws) if _in_name_slot(question, ws, j)}
    for j, w in enumerate(ws):
        if j in m.used or w.text.isupper() or len(w.norm) < 3:
            continue
        if not (j in slots or (j > 0 and w.text[:1].isupper())):
            continue
        if is_known(w.norm) or w.norm in economies or w.norm[:5] in {e[:5] for e in economies}:
            continue
        nxt = ws[j + 1].norm if j + 1 < len(ws) else ""
        if nxt.startswith("cluster"):
            continue
        m.unknown.append(w.text)
    return m
