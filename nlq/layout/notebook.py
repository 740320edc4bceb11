"""IPython and Jupyter console sessions: prompts are not the profile's text.

An analyst may paste a session that prints a profile ("In [4]: profile.top_pct_applicants" /
"Out[4]:" / a printed DataFrame). These `rewrite` edits remove the prompts ("In [4]: ",
"Out[4]: ", "   ...: ") and read an expression that is only a dotted name as words
("profile.top_pct_applicants" is "profile top pct applicants", a heading the section finder
understands). Code with calls or brackets is left as it is.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_PROMPT = re.compile(r"^(?:In \[\d+\]:[ \t]?|Out\[\d+\]:[ \t]?|[ \t]+\.\.\.:[ \t]?)", re.M)
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+|[A-Za-z]+(?:_[A-Za-z0-9]+)+")


def notebook_edits(text: str) -> list[Edit]:
    """Edits removing console prompts (when two or more "In [n]:" prompts start lines)."""
    if "In [" not in text or len(re.findall(r"^In \[\d+\]:", text, re.M)) < 2:
        return []
    edits: list[Edit] = []
    for m in _PROMPT.finditer(text):
        edits.append(Edit(m.start(), m.end(), ""))
        nl = text.find("\n", m.end())
        end = len(text) if nl < 0 else nl
        rest = text[m.end() : end].strip()
        if m.group().startswith("In") and _DOTTED.fullmatch(rest):
            start = m.end() + text[m.end() : end].index(rest)
            for k, ch in enumerate(rest):
                if ch in "._":
                    edits.append(Edit(start + k, start + k + 1, " "))
    return edits
