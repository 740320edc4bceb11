"""Dots between groups of three digits in German text: thousands separators ("4.876" is 4876).

German writes 4.876 wissenschaftliche Artikel for 4,876 and 8,5 % for 8.5%. In a text written
in German (several of its commonest words) whose numbers never group thousands with a comma,
each dot inside "4.876" or "1.234.567" is rewritten as a space, which the number reader takes
as a thousands separator; the evidence still spans the source's "4.876". A dotted date
("12.03.2026") or a one-digit decimal ("4.1") has no group of three after its dots and is left
alone.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")
_COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d]|[.,]\d)")
# What every thousands dot has after it: a literal first character lets `re` find it fast,
# so the many texts without one skip the slower full pattern.
_DOT_GROUP = re.compile(r"\.\d{3}")
_GERMAN = re.compile(r"\b(?:der|die|das|und|von|mit|den|ist|werden|zu|sind|jeweils)\b")


def dot_grouped(text: str) -> list[re.Match[str]]:
    """The numbers of `text` written with thousands dots ("4.876"), if it is German text whose
    numbers never group thousands with a comma; else []."""
    if not _DOT_GROUP.search(text):
        return []
    found = list(_GROUPED.finditer(text))
    if not found or _COMMA_GROUPED.search(text) or len(_GERMAN.findall(text, 0, 20000)) < 8:
        return []
    return found


def dot_thousands_edits(text: str) -> list[Edit]:
    """Edits turning each thousands dot of a German text into a space."""
    found = dot_grouped(text)
    return [
        Edit(m.start() + i, m.start() + i + 1, " ")
        for m in found
        for i, c in enumerate(m.group())
        if c == "."
    ]
