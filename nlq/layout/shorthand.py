"""Note-taker's shorthand spelled out: "top PCT appl.", "188 appl.", "pubs", "orgs", "w/",
"sci. articles", "last 5 yrs", "per 1M inhabitants".

Quick call notes abbreviate the words the readers look for. Each abbreviation is replaced by
its word where it stands (the word maps to the abbreviation's characters, nothing else moves):
"appl." is "applicants" after "top" ("top PCT appl.": a list of who files) and "applications"
elsewhere ("188 appl.", "PCT appl. filed"). Only whole words are replaced, and only in a text
holding "appl.", "pubs" or "w/ " (three substring tests; any other text is left alone).
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_WORDS = {
    "pubs": "publications",
    "orgs": "organizations",
    "w/": "with",
    "sci.": "scientific",
    "yrs": "years",
    "1M": "1 million",
}
# Without re.I (a case-blind alternation tried at every position costs ten times as much).
_SHORT = re.compile(r"(?<![\w.])(?:appl\.|[Pp]ubs\b|[Oo]rgs\b|sci\.|yrs\b|1M\b|w/(?=[ \t]))")
_TOP = re.compile(r"\b[Tt]op[ \t]+(?:PCT[ \t]+)?$")


def shorthand_edits(text: str) -> list[Edit]:
    """Edits spelling out a note's abbreviations."""
    if "appl." not in text and "pubs" not in text and "w/ " not in text:
        return []
    edits = []
    for m in _SHORT.finditer(text):
        key = m.group()
        if key == "appl.":
            if text[m.end() : m.end() + 1].isalnum():
                continue
            top = _TOP.search(text, max(0, m.start() - 12), m.start())
            word = "applicants" if top else "applications"
        else:
            word = _WORDS[key.lower() if key[0] in "PO" else key]
        edits.append(Edit(m.start(), m.end(), word))
    return edits
