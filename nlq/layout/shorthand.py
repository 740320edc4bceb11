"""Note-taker's shorthand spelled out: "top PCT appl.", "188 appl.", "pubs", "orgs", "w/",
"sci. articles", "last 5 yrs", "per 1M inhabitants".

Quick call notes abbreviate the words the readers look for. Each abbreviation is replaced by
its word where it stands (the word maps to the abbreviation's characters, nothing else moves):
"appl." is "applicants" after "top" ("top PCT appl.": a list of who files) and "applications"
elsewhere ("188 appl.", "PCT appl. filed"). Only whole words are replaced, and only in a text
holding "appl.", "pubs" or "w/" (one scan; any other text is left alone).
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_HINT = re.compile(r"\bappl\.|\bpubs\b|\bw/ ", re.I)
_WORDS = {
    "pubs": "publications",
    "orgs": "organizations",
    "w/": "with",
    "sci.": "scientific",
    "yrs": "years",
    "1M": "1 million",
}
_SHORT = re.compile(
    r"(?P<top>\btop[ \t]+(?:PCT[ \t]+)?)?\bappl\.(?!\w)"
    r"|\b(?P<word>pubs|orgs|sci\.|yrs|1M)(?!\w)|\bw/(?=[ \t])",
    re.I,
)


def shorthand_edits(text: str) -> list[Edit]:
    """Edits spelling out a note's abbreviations."""
    if _HINT.search(text) is None:
        return []
    edits = []
    for m in _SHORT.finditer(text):
        if m.group().lower().endswith("appl."):
            word = "applicants" if m.group("top") else "applications"
            edits.append(Edit(m.end() - len("appl."), m.end(), word))
        else:
            key = m.group("word") or "w/"
            word = _WORDS.get(key) or _WORDS.get(key.lower())
            if word is not None:
                start = m.start("word") if m.group("word") else m.start()
                edits.append(Edit(start, start + len(key), word))
    return edits
