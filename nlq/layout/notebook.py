"""IPython and Jupyter console sessions: prompts are not the profile's text.

An analyst may paste a session that prints a profile ("In [4]: profile.top_pct_applicants" /
"Out[4]:" / a printed DataFrame). These `rewrite` edits remove the prompts ("In [4]: ",
"Out[4]: ", "   ...: ") and read an expression that is only a dotted name as words
("profile.top_pct_applicants" is "profile top pct applicants", a heading the section finder
understands). Code with calls or brackets is left as it is. An input line that ends with a
comment ("In [3]: applicants   # Top PCT applicants") is read as its comment alone: the
analyst's caption says what the output under it is, the code before it does not.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_PROMPT = re.compile(r"^(?:In \[\d+\]:[ \t]?|Out\[\d+\]:[ \t]?|[ \t]+\.\.\.:[ \t]?)", re.M)
# A comment after code on an input line: the code, the "#" and the spaces after it.
_COMMENT = re.compile(r"[^#'\"]*?\S[ \t]*#+[ \t]*(?=\S)")
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
        comment = _COMMENT.match(text, m.end(), end) if m.group().startswith("In") else None
        if comment is not None:
            edits.append(Edit(m.end(), comment.end(), ""))  # "applicants   # " goes
            continue
        if m.group().startswith("In") and _DOTTED.fullmatch(rest):
            start = m.end() + text[m.end() : end].index(rest)
            for k, ch in enumerate(rest):
                if ch in "._":
                    edits.append(Edit(start + k, start + k + 1, " "))
    return edits
