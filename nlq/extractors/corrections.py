"""Figures corrected later on the page: the corrected figure is read, the typo is not.

A thread or an e-mail may paste a profile and correct it in a later message ("sorry, two
typos in my first message: articles are 14,953 not 14,593, and intensity is 33rd, not 35th").
A sentence is a correction when it says so (typo, correction, erratum, mistake, wrong) and
pairs a figure with the one it replaces: "A, not B", "A instead of B", "B should be A", "B
should read A". A scalar read from a figure equal to B, in the same form (an ordinal for an
ordinal, "14,593" for "14,593"), before the correction, is replaced by A at A's own span.
A figure matching several scalars is ambiguous and changes none.
"""

from __future__ import annotations

import re

from nlq.extractors.located import Located, locate
from nlq.layout.document import MappedText

_CUE = re.compile(
    r"\btypos?\b|\bcorrect(?:ion|ed|s)?\b|\berrat(?:um|a)\b|\bmistakes?\b|\bwrong\b", re.I
)
_CUE_STEMS = ("typo", "correct", "errat", "mistake", "wrong")
_FIGURE = r"\d{1,3}(?:,\d{3})+|\d+(?:st|nd|rd|th)?"
_PAIRS = [
    # "14,953 not 14,593", "33rd, not 35th", "33rd instead of 35th"
    re.compile(
        rf"(?<![\w,.])(?P<new>{_FIGURE})\b,?\s+(?:not|instead\s+of)\s+(?P<old>{_FIGURE})\b(?![.,]\d)",
        re.I,
    ),
    # "35th should be 33rd", "14,593 should read 14,953"
    re.compile(
        rf"(?<![\w,.])(?P<old>{_FIGURE})\b\s+should\s+(?:be|read|have\s+been)\s+(?P<new>{_FIGURE})\b(?![.,]\d)",
        re.I,
    ),
]
_SUFFIX = re.compile(r"(?:st|nd|rd|th)$", re.I)


def has_correction_cue(raw: str) -> bool:
    """Whether the page says it corrects something (a cheap gate for `apply_corrections`)."""
    low = raw.lower()  # plain substring tests first: the regex alone costs ~0.1 ms a page
    if not any(stem in low for stem in _CUE_STEMS):
        return False
    return _CUE.search(raw) is not None


def apply_corrections(scalars: dict[str, Located], texts: list[MappedText], raw: str) -> None:
    """Replace, in place, each scalar read from a figure a later correction replaces."""
    for text in texts:
        if not _CUE.search(text.text):
            continue
        for pattern in _PAIRS:
            for m in pattern.finditer(text.text):
                _correct(scalars, text, m, raw)


def _correct(scalars: dict[str, Located], text: MappedText, m: re.Match[str], raw: str) -> None:
    new, old = m.group("new"), m.group("old")
    if bool(_SUFFIX.search(new)) != bool(_SUFFIX.search(old)) or new == old:
        return
    where = text.raw_span(m.start("new"), m.end("new"))[0]
    hits = [
        key
        for key, found in scalars.items()
        if found.end <= where and _same_figure(raw[found.start : found.end], old, found.value)
    ]
    if len(hits) != 1:
        return
    scalars[hits[0]] = locate(text, m.start("new"), m.end("new"), _value(new))


def _same_figure(quoted: str, old: str, value: object) -> bool:
    """Whether the figure a scalar was read from is the one corrected (same spelling)."""
    return quoted.strip().lower() == old.lower() and value == _value(old)


def _value(figure: str) -> int:
    return int(_SUFFIX.sub("", figure).replace(",", ""))
