"""Shares written out in words: "23 pct", "38 per cent", "27 percent" are "23%", "38%", "27%".

Some editors spell the percent sign out, in tables ("588   12 pct") and in prose ("27 per cent
of ... PCT patent applications"). Every reader of shares looks for "%", so the word after a
number is rewritten as "%" (the evidence of the share still spans the source's digits, the "%"
maps to the word). "pct" counts only in lower case and not before a word that makes it the
treaty ("309 pct applications"); "PCT" in capitals is always the treaty. A text without any of
these words costs one substring scan each.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_WORD = re.compile(
    r"(?<=\d)[ \u00a0\u202f]?(?:pct|per[ \u00a0]?cent|percent)\b"
    r"(?![ \u00a0]*(?:applications?|filings?|patents?|apps?)\b)",
    re.IGNORECASE,
)


def percent_word_edits(text: str) -> list[Edit]:
    """Edits turning " pct" / " per cent" / " percent" after a number into "%"."""
    if "pct" not in text and "cent" not in text and "Cent" not in text and "CENT" not in text:
        return []  # "PCT" and "Pct" are never rewritten; "per cent" in any case holds one
    edits = []
    for m in _WORD.finditer(text):
        word = m.group().lstrip(" \u00a0\u202f")
        if word[:3] in ("PCT", "Pct"):  # the treaty: "1 204 PCT"
            continue
        edits.append(Edit(m.start(), m.end(), "%"))
    return edits
