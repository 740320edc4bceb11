"""Finding the clusters and entities a question mentions, however loosely it names them.

Names are matched against the store's own vocabulary (cluster names, organizations, fields,
partner locations), never against a list of expected questions: whole names, names in part
("Sungrow", "Central South", "National University of Defense Technology" for a name that ends
in "- CHINA"), abbreviations ("USTC", "CXMT"), spelling slips ("Hefie"), possessives, and,
through an optional semantic matcher (the embedding model), words that mean a field ("chips").

Every candidate reading is scored by how many question words it covers, whole names before
partial ones and exact spellings before typos; the best readings claim their words first, so a
correctly spelled cluster name is never taken for a similar one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from nlq.answer import lexicon as lx
from nlq.answer.corpus import Corpus, Entity, tokens
from nlq.answer.names import SKIP, STEM, NameIndex
from nlq.schema import Metric

GENERIC = frozenset(
    "university universities of the and for de du la company limited incorporated corporation "
    "group institute national science sciences technology technologies research academy china "
    "chinese other state key laboratory center centre college school holding holdings "
    "international global electric electronics industry industries".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Where a lower-case place name sits in a question: "wuhan's", "does wuhan", "in wuhan".
_SLOT_BEFORE = frozenset("in for of does did do about at from".split())


def _in_name_slot(question: str, ws: list[Word], j: int) -> bool:
    w = ws[j]
    if question[w.end - 2 : w.end].lower() in ("'s", "’s"):
        return True
    if j == 0 and len(ws) > 1 and not w.text[:1].isupper():
        return False
    if j == 0 and len(ws) > 1:
        # "Wuhan PCT applications per million": a first word (capitalized anyway) that runs
        # straight into the metric's words is a name, where "Compare ..." is a verb.
        nxt = ws[1].norm
        if nxt in ("among", "amongst") or (nxt, ws[2].norm if len(ws) > 2 else "") == ("one", "of"):
            return True  # "Nanjing among Hefei's partners?"
        return nxt not in lx.STOPWORDS and lx.is_metric_word(nxt)  # not "Taken together"
    return j > 0 and ws[j - 1].norm in _SLOT_BEFORE


SemanticMatcher = Callable[[str, list[str]], list[tuple[str, float]]]
"""(phrase, candidate names) -> [(name, cosine similarity)], best first."""


@dataclass(frozen=True, slots=True)
class Word:
    norm: str
    text: str
    start: int
    end: int
    possessive: bool = False  # "Changsha's": a name ends here


def words(question: str) -> list[Word]:
    """The question's words with their positions; possessive 's is dropped from `norm`, and a
    name with an apostrophe inside ("Xi'an") is one word."""
    out = []
    for m in _WORD.finditer(question):
        text = re.sub(r"['’][sS]$", "", m.group())
        poss = text != m.group()
        if "'" in text or "’" in text:
            out.append(Word(re.sub(r"['’]", "", text).lower(), text, m.start(), m.end(), poss))
            continue
        for t in tokens(text) or [text.lower()]:
            out.append(Word(t, text, m.start(), m.end(), poss))
    return out


@dataclass(slots=True)
class Mentions:
    """What a question names: clusters (in order), entities, and unknown proper names."""

    clusters: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    unknown: list[str] = field(default_factory=list)
    unknown_orgs: list[str] = field(default_factory=list)
    """Unknown names that read as organizations ("does Huawei file"), not places ("in Anhui")."""
    starts: dict[str, int] = field(default_factory=dict)
    """Where each entity is named in the question (word index)."""


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read some question words as a stored name."""

    covered: int  # question words it claims
    whole: bool  # every word of the name is there
    closeness: float  # mean closeness of the matched words (1.0: spelled exactly)
    start: int
    key: str
    idx: tuple[int, ...]

    def rank(self) -> tuple:
        return (-self.covered, not self.whole, -self.closeness, self.start)


def _likes(ws: list[Word], index: NameIndex) -> list[dict[str, float]]:
    """The stored tokens each question word can stand for; a word of the planner's own
    vocabulary ("applicants"), or a capitalized one ("Changxin"), is never another word's
    form ("applied", "Changsha")."""
    out = []
    for w in ws:
        like = index.like(w.norm)
        if (lx.is_known(w.norm) or not w.text.islower()) and STEM in like.values():
            like = {t: c for t, c in like.items() if c != STEM}
        out.append(like)
    return out


def _whole_runs(
    ws: list[Word], likes: list[dict[str, float]], index: NameIndex, used: set[int]
) -> list[_Reading]:
    """Every contiguous run of question words that spells a whole name of `index`."""
    out = []
    anchors = {t for like in likes for t in like}
    for key in index.anchored_at(anchors):
        name_tokens = index.tokens[key]
        n = len(name_tokens)
        for i in range(len(ws) - n + 1):
            score = 0.0
            for j, t in enumerate(name_tokens):
                c = likes[i + j].get(t, 0.0)
                if not c or i + j in used:
                    break
                score += c
            else:
                out.append(_Reading(n, True, score / n, i, key, tuple(range(i, i + n))))
    return out


def _claim(readings: list[_Reading], used: set[int], repeat: bool = False) -> list[_Reading]:
    """The best readings whose words are still free, best first; they take their words.
    A name is taken once unless `repeat` (a cluster named twice claims both mentions)."""
    out: list[_Reading] = []
    taken: set[str] = set()
    for r in sorted(readings, key=_Reading.rank):
        if any(j in used for j in r.idx) or (r.key in taken and not repeat):
            continue
        used.update(r.idx)
        if r.key not in taken:
            out.append(r)
        taken.add(r.key)
    return out


def find_clusters(ws: list[Word], corpus: Corpus, used: set[int]) -> list[str]:
    """Indexed clusters named in the question, in the order they are named."""
    index = corpus.cluster_index
    chosen = _claim(_whole_runs(ws, _likes(ws, index), index, used), used, repeat=True)
    return [r.key for r in sorted(chosen, key=lambda r: r.start)]


def _entity_readings(
    ws: list[Word], corpus: Corpus, used: set[int], clusters: list[str], *, single: bool = True
) -> list[_Reading]:
    """Whole names, names in part (around a word only one entity has) and, with `single`,
    abbreviations (one word each, so not wanted when only names of two or more words are)."""
    index = corpus.entity_index
    likes = _likes(ws, index)
    readings = [
        r
        for r in _whole_runs(ws, likes, index, used)
        if len(index.tokens[r.key]) > 1
        or index.tokens[r.key][0] not in GENERIC
        or _capitalized(ws, list(r.idx))
    ]
    # "Changsha's universities" is not "Changsha University ...": a name ends at an 's.
    readings = [r for r in readings if not any(ws[i].possessive for i in r.idx[:-1])]
    local = corpus.entity_keys_of(clusters) if clusters else None
    for j, w in enumerate(ws):
        if j in used:
            continue
        if len(w.norm) >= 4 and w.norm not in GENERIC:
            for t, _c in likes[j].items():
                if t in GENERIC:  # "compared" is a form of "company": no one name's word
                    continue
                owners = index.owners(t)
                if local is not None:
                    owners = [k for k in owners if k in local] or owners
                if len(owners) == 1:
                    readings.append(_partial(ws, likes, j, owners[0], index, used))
        if single and w.norm.isalpha() and len(w.norm) >= 3 and not likes[j]:
            keys = _abbreviation(w, index, local)
            if len(keys) == 1:
                readings.append(_Reading(1, False, 0.9, j, keys[0], (j,)))
    return readings


def _abbreviation(w: Word, index: NameIndex, local: set[str] | None) -> list[str]:
    """What an abbreviation stands for: "USTC", "CXMT" anywhere; in lower case ("nudt", "csu")
    only the plain initials of one name, and never a word the planner reads."""
    if w.text.isupper():
        keys = index.abbreviated_by(w.norm, local)
        return keys if keys or local is None else index.abbreviated_by(w.norm)
    if len(w.norm) > 6 or lx.is_known(w.norm):
        return []
    return index.abbreviated_by(w.norm, local, max_cost=0)


def _partial(
    ws: list[Word], likes: list[dict[str, float]], j: int, key: str, index: NameIndex,
    used: set[int],
) -> _Reading:  # fmt: skip
    """The run of question words around word j that all belong to name `key`, in order."""
    name_tokens = index.tokens[key]

    def pos(i: int) -> list[int]:
        return [p for p, t in enumerate(name_tokens) if likes[i].get(t)]

    def next_to(a: int, b: int) -> bool:
        """Name tokens a < b with nothing but words like "of" between them: the question's
        adjacent words read the name in order ("Hefei ... technology" is not "Hefei
        University of Technology")."""
        return a < b and all(t in SKIP for t in name_tokens[a + 1 : b])

    lo = hi = j
    at = pos(j)
    first, last = min(at), max(at)
    while lo - 1 >= 0 and lo - 1 not in used:
        before = [p for p in pos(lo - 1) if next_to(p, first)]
        if not before:
            break
        lo, first = lo - 1, max(before)
    while hi + 1 < len(ws) and hi + 1 not in used:
        after = [p for p in pos(hi + 1) if next_to(last, p)]
        if not after:
            break
        hi, last = hi + 1, min(after)
    idx = tuple(range(lo, hi + 1))
    # Words like "of" only count inside a run of name words, not at its ends.
    while len(idx) > 1 and ws[idx[-1]].norm in SKIP:
        idx = idx[:-1]
    while len(idx) > 1 and ws[idx[0]].norm in SKIP:
        idx = idx[1:]
    cut = next((k for k, i in enumerate(idx[:-1]) if ws[i].possessive), None)
    if cut is not None:  # "Changsha's universities": the name stops at the 's
        idx = idx[: cut + 1] if idx[0] <= j <= idx[cut] else idx[cut + 1 :]
    score = sum(max(likes[i].values(), default=0.0) for i in idx) / len(idx)
    return _Reading(len(idx), len(idx) == len(name_tokens), score, idx[0], key, idx)


def _entities(readings: list[_Reading], corpus: Corpus) -> list[Entity]:
    return [corpus.entities[r.key] for r in readings]


def _full_name_readings(ws: list[Word], corpus: Corpus, used: set[int]) -> list[_Reading]:
    readings = _entity_readings(ws, corpus, used, [], single=False)
    return _claim([r for r in readings if r.covered >= 2], used)


def find_full_names(ws: list[Word], corpus: Corpus, used: set[int]) -> list[Entity]:
    """Entities named in two or more words, found before cluster names so that "Hefei
    University of Technology" is an organization, not the cluster Hefei followed by other
    words."""
    return _entities(_full_name_readings(ws, corpus, used), corpus)


def _entity_readings_chosen(
    ws: list[Word], corpus: Corpus, used: set[int], clusters: list[str]
) -> list[_Reading]:
    return _claim(_entity_readings(ws, corpus, used, clusters), used)


def find_entities(
    ws: list[Word], corpus: Corpus, used: set[int], clusters: list[str] | None = None
) -> list[Entity]:
    """Entities the question names, best reading first; `clusters` (those the question names)
    settle which entity a word shared by several profiles means."""
    chosen = _entity_readings_chosen(ws, corpus, used, clusters or [])
    return _entities(chosen + _coordinated(ws, corpus, used, chosen), corpus)


def _coordinated(
    ws: list[Word], corpus: Corpus, used: set[int], found: list[_Reading]
) -> list[_Reading]:
    """Generic one-word names joined to a found entity of the same kind by "and" or "or": in
    "physics & math and technology combined", "technology" is a field too."""
    kinds = {corpus.entities[r.key].kind for r in found}
    out: list[_Reading] = []
    for j, w in enumerate(ws):
        entity = corpus.entities.get(w.norm)
        if j == 0 or j in used or entity is None or entity.kind not in kinds:
            continue
        if ws[j - 1].norm in ("and", "or") and j - 2 in used:
            used.add(j)
            out.append(_Reading(1, True, 1.0, j, w.norm, (j,)))
    return out


def _capitalized(ws: list[Word], idx: list[int]) -> bool:
    return all(ws[j].text[:1].isupper() for j in idx) and idx[0] > 0


SEMANTIC_THRESHOLD = 0.43
SEMANTIC_MARGIN = 0.08


def semantic_entities(
    phrases: list[str],
    corpus: Corpus,
    kind: str,
    matcher: SemanticMatcher,
    metrics: list[Metric] | None = None,
) -> list[Entity]:
    """At most one entity: the one of `kind` (in the lists of `metrics`, when given) whose
    name means what one of `phrases` says ('chips' -> 'Semiconductors'), with a cosine
    similarity of at least SEMANTIC_THRESHOLD and clearly ahead (SEMANTIC_MARGIN) of the
    next name, so a vague word matches nothing; [] when none is."""
    names = corpus.names_of(kind, tuple(metrics or ()))
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


# Words before an unknown name that make it a place ("in Anhui"), not an organization.
_PLACE_BEFORE = frozenset("in at near around outside from within across".split())
_ORG_WORDS = frozenset(
    "university institute college academy company co corp corporation group ltd limited inc "
    "technologies technology hospital laboratory lab labs bank holdings industries".split()
)


def find_mentions(question: str, corpus: Corpus) -> Mentions:
    """Clusters, entities and unknown proper names in `question`."""
    ws = words(question)
    m = Mentions()
    full = _full_name_readings(ws, corpus, m.used)
    m.clusters = find_clusters(ws, corpus, m.used)
    chosen = full + _entity_readings_chosen(ws, corpus, m.used, m.clusters)
    chosen += _coordinated(ws, corpus, m.used, chosen)
    m.entities = _entities(chosen, corpus)
    m.starts = {r.key: r.start for r in chosen}
    economies = corpus.economy_words
    slots = {j for j, w in enumerate(ws) if _in_name_slot(question, ws, j)}
    if not m.clusters and len(ws) > 1 and ws[0].text.isalpha() and ws[0].text.islower():
        # "wuhan pct/mn": with no indexed cluster named, a lower-case first word that no
        # vocabulary knows, right before the metric's words, is the cluster asked about.
        if lx.is_metric_word(ws[1].norm) and not lx.is_metric_word(ws[0].norm):
            slots.add(0)
    for j, w in enumerate(ws):
        if j in m.used or len(w.norm) < 3 or lx.is_known(w.norm) or w.norm.isdigit():
            continue
        acronym = w.text.isupper() and w.norm.isalpha()
        if not (acronym or j in slots or (j > 0 and w.text[:1].isupper())):
            continue
        if w.norm in economies or w.norm[:5] in corpus.economy_stems:
            continue
        nxt = ws[j + 1].norm if j + 1 < len(ws) else ""
        if nxt.startswith("cluster") and not w.text[:1].isupper():
            continue
        m.unknown.append(w.text)
        near = {ws[k].norm for k in (j - 1, j + 1) if 0 <= k < len(ws)}
        if j == 0 or ws[j - 1].norm not in _PLACE_BEFORE or near & _ORG_WORDS:
            # "Anhui University": the organization's name runs on over its org words.
            end = j
            while end + 1 < len(ws) and end + 1 not in m.used and ws[end + 1].norm in _ORG_WORDS:
                end += 1
            m.unknown_orgs.append(question[w.start : ws[end].end])
    return m
