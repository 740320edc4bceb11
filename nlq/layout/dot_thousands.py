"""Dots between groups of three digits: thousands separators ("4.876" is 4876).

German writes 4.876 wissenschaftliche Artikel for 4,876 and 8,5 % for 8.5%; so do Danish,
Dutch, Spanish or Italian writers, also in a profile typed in English ("It filed 1.204 PCT
applications and published 21.377 scientific articles"). Each dot inside "4.876" or
"1.234.567" is rewritten as a space, which the number reader takes as a thousands separator
(the evidence still spans the source's "4.876"), in a text whose numbers never group thousands
with a comma and that is either

- written in German (several of its commonest words), or
- in any language, holds two such numbers or more, none starting "0." (a fraction, "0.154"),
  and no number with a decimal point ("7.5%", "0.25"; a version glued to its letter, "v3.2",
  is none): every dotted number is then grouped.

A dotted date ("12.03.2026") or a one-digit decimal ("4.1") has no group of three after its
dots and is left alone.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")
_COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3},\d{3}(?![\d]|[.,]\d)")
# What every thousands dot has after it: a literal first character lets `re` find it fast,
# so the many texts without one skip the slower full pattern.
_DOT_GROUP = re.compile(r"\.\d{3}")
# A number with a decimal point: a dot then other than a group of three ("7.5", "0.25"), not
# a dotted date ("12.03.2026").
_DECIMAL = re.compile(r"(?<![\w.,])\d+\.(?:\d{1,2}|\d{4,})(?!\d|\.\d)")
_GERMAN = re.compile(r"\b(?:der|die|das|und|von|mit|den|ist|werden|zu|sind|jeweils)\b")


def dot_grouped(text: str) -> list[re.Match[str]]:
    """The numbers of `text` written with thousands dots ("4.876"), if it is German text whose
    numbers never group thousands with a comma; else []."""
    if not _DOT_GROUP.search(text):
        return []
    found = list(_GROUPED.finditer(text))
    if not found or _COMMA_GROUPED.search(text):
        return []
    if len(_GERMAN.findall(text, 0, 20000)) >= 8:
        return found
    if len(found) < 2 or any(m.group().startswith("0") for m in found):
        return []
    return [] if _DECIMAL.search(text) else found


def dot_thousands_edits(text: str) -> list[Edit]:
    """Edits turning each thousands dot of a German text into a space."""
    found = dot_grouped(text)
    return [
        Edit(m.start() + i, m.start() + i + 1, " ")
        for m in found
        for i, c in enumerate(m.group())
        if c == "."
    ]
