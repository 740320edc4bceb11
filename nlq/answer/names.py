"""An index of stored names for matching a question's words: exact tokens, typos, abbreviations.

A `NameIndex` holds names as token lists (cluster names, or entity keys). It answers which of
its tokens a question word can stand for (itself, or a slip of the keyboard in a long word),
which names a token belongs to, and which names an upper-case abbreviation ("USTC", "CXMT")
can stand for. Lookups go through per-token tables, so resolving a question's names costs about
the same against ten thousand profiles as against two.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

SKIP = frozenset("of and the for de du la des del da do der".split())
"""Words an abbreviation leaves out ("University of Science and Technology" -> "UST")."""
MIN_FUZZY = 5
"""Shortest word in which a typo is accepted ("Hefie" for "Hefei"; not "Wuan" for "Wuhan")."""
FUZZY_RATIO = 0.8


def closeness(a: str, b: str) -> float:
    """1.0 for the same word; the similarity ratio (>= FUZZY_RATIO) for a typo in a word of
    MIN_FUZZY letters or more with the same first letter; else 0.0."""
    if a == b:
        return 1.0
    if len(a) < MIN_FUZZY or len(b) < MIN_FUZZY or a[0] != b[0]:
        return 0.0
    m = difflib.SequenceMatcher(None, a, b)
    if m.real_quick_ratio() < FUZZY_RATIO or m.quick_ratio() < FUZZY_RATIO:
        return 0.0
    ratio = m.ratio()
    return ratio if ratio >= FUZZY_RATIO else 0.0


STEM = 0.79
"""The closeness of two forms of one word ("computing", "computer"): below FUZZY_RATIO, so
a typo's closeness (0.8 for "Hefie") is never taken for a stem's."""


def same_stem(a: str, b: str) -> bool:
    """True for two forms of one word: a shared beginning of five letters or more that is
    most of the shorter word ("computing" and "computer", "chemical" and "chemistry")."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= MIN_FUZZY and n >= 0.6 * min(len(a), len(b)) and a != b


def abbreviation_cost(abbr: str, name_tokens: list[str]) -> int | None:
    """How many letters beyond the initials `abbr` takes from the words of a name, or None if
    it does not abbreviate it.

    Each content word (not in SKIP) gives its first letter and may give more of its letters in
    order ("CXMT": ChangXin Memory Technologies); the last word may be left out ("NUDT" for
    "National University of Defense Technology - China").
    """
    content = [t for t in name_tokens if t not in SKIP]
    if len(content) < 2 or len(abbr) < 3:
        return None
    best = None
    for words in (content, content[:-1]) if len(content) > 2 else (content,):
        cost = _cost(abbr, 0, words, 0, {})
        if cost is not None and (best is None or cost < best):
            best = cost
    return best


def _cost(abbr: str, i: int, words: list[str], k: int, memo: dict) -> int | None:
    if k == len(words):
        return 0 if i == len(abbr) else None
    if i >= len(abbr) or abbr[i] != words[k][0]:
        return None
    if (i, k) in memo:
        return memo[(i, k)]
    best = None
    word, j, pos = words[k], i + 1, 1
    extra = 0
    while True:
        rest = _cost(abbr, j, words, k + 1, memo)
        if rest is not None and (best is None or extra + rest < best):
            best = extra + rest
        if j >= len(abbr):
            break
        pos = word.find(abbr[j], pos)
        if pos < 0:
            break
        j, pos, extra = j + 1, pos + 1, extra + 1
    memo[(i, k)] = best
    return best


class NameIndex:
    """Names (key -> tokens) indexed by token, by first letter and by rarest token. With
    `stems`, a word also stands for the other forms of its stem ("computing", "computer"):
    right for the common words of field names, wrong for proper names."""

    def __init__(self, names: dict[str, list[str]], *, stems: bool = False) -> None:
        self.tokens = names
        self.stems = stems
        self._owners: dict[str, list[str]] = {}
        for key, toks in names.items():
            for t in dict.fromkeys(toks):
                self._owners.setdefault(t, []).append(key)
        self._by_first: dict[str, list[str]] = {}
        for t in self._owners:
            if len(t) >= MIN_FUZZY:
                self._by_first.setdefault(t[0], []).append(t)
        self._anchored: dict[str, list[str]] = {}
        for key, toks in names.items():
            if toks:
                anchor = min(toks, key=lambda t: (len(self._owners[t]), -len(t)))
                self._anchored.setdefault(anchor, []).append(key)
        self._initial: dict[str, list[str]] = {}
        self._plain: dict[str, list[str]] = {}  # plain initials ("ustc", "nudt") -> keys
        for key, toks in names.items():
            content = [t for t in toks if t not in SKIP]
            if len(content) >= 2:
                self._initial.setdefault(content[0][0], []).append(key)
                for words in (content, content[:-1]) if len(content) > 2 else (content,):
                    self._plain.setdefault("".join(t[0] for t in words), []).append(key)
        self._like: dict[str, dict[str, float]] = {}

    def like(self, word: str) -> dict[str, float]:
        """Tokens of this index `word` can stand for, with their closeness: itself when the
        index holds it (a correctly spelled word is never read as a typo), else typos."""
        hit = self._like.get(word)
        if hit is None:
            if word in self._owners:
                hit = {word: 1.0}
            else:
                hit = {}
                for t in self._by_first.get(word[:1], ()):
                    if abs(len(t) - len(word)) <= 3 and (c := closeness(word, t)):
                        hit[t] = c
                if not hit and self.stems:
                    hit = {t: STEM for t in self._by_first.get(word[:1], ()) if same_stem(word, t)}
            if len(self._like) > 50_000:
                self._like.clear()
            self._like[word] = hit
        return hit

    def owners(self, token: str) -> list[str]:
        """Keys of the names holding `token`."""
        return self._owners.get(token, [])

    def anchored_at(self, tokens: Iterable[str]) -> list[str]:
        """Keys whose rarest token is one of `tokens`: the only names a full match can be."""
        out: list[str] = []
        for t in tokens:
            out.extend(self._anchored.get(t, ()))
        return list(dict.fromkeys(out))

    def abbreviated_by(
        self, abbr: str, keys: Iterable[str] | None = None, *, max_cost: int | None = None
    ) -> list[str]:
        """Keys that upper-case `abbr` (lower-cased here) stands for, cheapest reading first;
        only the cheapest readings are returned (several means it is ambiguous), none costing
        more than `max_cost` extra letters."""
        if max_cost == 0:  # plain initials: a lookup, not a scan
            hits = list(dict.fromkeys(self._plain.get(abbr, ()))) if len(abbr) >= 3 else []
            return [k for k in hits if keys is None or k in keys]
        pool = self._initial.get(abbr[:1], ()) if keys is None else keys
        scored = []
        for key in pool:
            cost = abbreviation_cost(abbr, self.tokens.get(key, []))
            if cost is not None and (max_cost is None or cost <= max_cost):
                scored.append((cost, key))
        if not scored:
            return []
        low = min(c for c, _ in scored)
        return [k for c, k in scored if c == low]
