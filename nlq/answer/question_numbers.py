"""Numbers a question writes itself ("top 3", "above 10%", "45%, correct?"): not to look up."""

from __future__ import annotations

import re

from nlq.numbers import ORDINAL, parse_ordinal

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "single": 1,
}  # fmt: skip
# "top 3 applicants", but not "the top 100 clusters" (the GII ranking itself).
_TOP_N = re.compile(
    r"\b(?:top|first|leading|biggest|largest|main)(?:\s+|-|(?=\d))(\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten)\b"
    r"(?!\s+(?:s&t\s+|science\s+and\s+technology\s+)?clusters?\b)"
    # "its three largest fields", "the two biggest applicants".
    r"|\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:largest|biggest|leading|"
    r"highest|main|top|most important)\b(?!\s+(?:s&t\s+)?clusters?\b)"
)


_TOP_CUT = re.compile(r"\btop\s+(\d+|ten|twenty|fifty|hundred)\b")
_CUT_WORDS = {"ten": 10, "twenty": 20, "fifty": 50, "hundred": 100}


def top_cut(text: str) -> int | None:
    """N for "in the top 30 by size", "among the top 100 clusters": a rank cut-off."""
    m = _TOP_CUT.search(text)
    if not m:
        return None
    n = m.group(1)
    return int(n) if n.isdigit() else _CUT_WORDS[n]


def top_n(text: str) -> int | None:
    """N for 'top 3', 'first two', ... or None."""
    return _count(_TOP_N, text)


def _count(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    if not m:
        return None
    n = next(g for g in m.groups() if g)
    return int(n) if n.isdigit() else NUMBER_WORDS[n]


_BOTTOM_N = re.compile(
    r"\b(?:bottom|last|lowest|smallest|weakest)\s+(\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b"
)


def bottom_n(text: str) -> int | None:
    """N for 'bottom 3', 'last two', 'smallest three', ... or None."""
    return _count(_BOTTOM_N, text)


_THRESHOLD = re.compile(
    r"\b(?P<op>above|over|more than|greater than|higher than|bigger than|larger than|at least|"
    r"exceeding|in excess of|below|under|less than|fewer than|lower than|smaller than|at most)"
    r"\s+(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%|percent|per cent)?"
)
THRESHOLD_PHRASE = _THRESHOLD
"""The phrase a threshold is written in ("at least 5%"): its words are not an order."""
ABOVE = ("above", "over", "more than", "greater than", "higher than", "bigger than",
          "larger than", "at least", "exceeding", "in excess of")  # fmt: skip


_BETWEEN = re.compile(
    r"\bbetween\s+(?P<lo>\d[\d,]*(?:\.\d+)?)\s*(?P<pct1>%|percent|per cent)?\s+and\s+"
    r"(?P<hi>\d[\d,]*(?:\.\d+)?)\s*(?P<pct2>%|percent|per cent)?"
)


def thresholds(text: str) -> list[tuple[str, float, bool, bool]]:
    """[('above' | 'below', N, is a percentage, N itself passes)] for 'a share above 10%',
    'at least 5%', 'more than 100 articles', both bounds of 'between 10% and 20%' (which
    pass themselves), or []."""
    if m := _BETWEEN.search(text):
        pct = bool(m.group("pct1") or m.group("pct2"))
        lo, hi = sorted(float(m.group(g).replace(",", "")) for g in ("lo", "hi"))
        return [("above", lo, pct, True), ("below", hi, pct, True)]
    m = _THRESHOLD.search(text)
    if not m:
        return []
    side = "above" if m.group("op") in ABOVE else "below"
    inclusive = m.group("op") in ("at least", "at most")
    return [(side, float(m.group("n").replace(",", "")), bool(m.group("pct")), inclusive)]


# "..., correct?", "can you confirm?", "doesn't it?": the question asserts something.
CONFIRM = re.compile(
    r"\b(?:correct|right|true|confirm|isn't it|doesn't it|is that so|am i right)\b\s*\??\s*$"
)
_STATED = re.compile(
    rf"(?<![\w.,])(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%|percent|per cent)?(?![\w,]*\d)"
    rf"|\b(?P<ord>{ORDINAL})(?=[\s-]+(?:ranked|largest|biggest|place|by)\b)"
)


_PER_UNIT = re.compile(r"\bper\s+(?:1|one|a|100|1,000|1000)?\s*(?:million|thousand|100k|mn)\b")


def stated(text: str) -> list[tuple[float, bool]]:
    """The figures `text` asserts, each with whether it is a percentage: numbers and
    ordinals ("45%", "tenth-ranked"), but not a year, a top N, a threshold, a rank cut-off or
    the unit of a per-capita figure ("per 1 million")."""
    text = THRESHOLD_PHRASE.sub(" ", _TOP_N.sub(" ", _TOP_CUT.sub(" ", _PER_UNIT.sub(" ", text))))
    out = []
    for m in _STATED.finditer(text):
        if m.group("ord"):
            try:
                out.append((float(parse_ordinal(m.group("ord"))), False))
            except ValueError:
                continue
            continue
        value = float(m.group("n").replace(",", ""))
        if not m.group("pct") and 1900 <= value <= 2100 and value.is_integer():
            continue  # a year
        out.append((value, bool(m.group("pct"))))
    return out
