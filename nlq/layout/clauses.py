"""Contract schedules: clause numbers and sub-clause markers around the profile's figures.

A profile set as a schedule to an agreement numbers every clause ("6.1 Patents: ..."), breaks
sentences into sub-clauses ("(a) filed 522 PCT applications; and") and lists ranked rows and
field shares as sub-clauses ("(a) rank 1: NAME — 301 patents (21%);", "(i) Transport 22%;
(ii) ..."). The markers are not data. In a text with several two-level clause numbers at line
starts and several lettered sub-clauses, these `rewrite` edits drop the clause numbers and the
markers, read "rank 1: NAME" as the list item "1. NAME" and put each roman-numbered item on a
line of its own, so the readers see the lists they know. Evidence stays in the file. Other
texts cost two substring scans.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_CLAUSE = re.compile(r"^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?[ \t]+(?=\S)", re.M)
# A top-level clause title ("6. Top technology fields", "8. Term"): a heading, not a list item.
_TITLE = re.compile(r"^\d{1,2}\.[ \t]+(?=[A-Z][^\d\n.:;]{0,60}$)", re.M)
_LETTER = re.compile(r"^\([a-z]\)[ \t]+(?:rank[ \t]+(\d{1,3})(:))?", re.M)
_ROMAN = re.compile(r"[ \t]*\((?:i{1,3}|iv|vi{0,3}|ix|x)\)[ \t]+(?=\S)")
_MIN_CLAUSES = 4
_MIN_LETTERS = 2


def clause_edits(text: str) -> list[Edit]:
    """Edits reading a clause-numbered schedule as plain profile text."""
    if "(a) " not in text or "(b) " not in text:
        return []
    clauses = list(_CLAUSE.finditer(text))
    letters = list(_LETTER.finditer(text))
    if len(clauses) < _MIN_CLAUSES or len(letters) < _MIN_LETTERS:
        return []
    edits = [Edit(m.start(), m.end(), "") for m in clauses]
    edits += [Edit(m.start(), m.end(), "") for m in _TITLE.finditer(text)]
    for m in letters:
        if m.group(1):  # "(a) rank 1: " -> "1. "
            edits.append(Edit(m.start(), m.start(1), ""))
            edits.append(Edit(m.start(2), m.end(2), "."))
        else:
            edits.append(Edit(m.start(), m.end(), ""))
    for line in re.finditer(r"^.*\(i\)[ \t].*$", text, re.M):
        for m in _ROMAN.finditer(text, *line.span()):
            edits.append(Edit(m.start(), m.end(), "\n"))
    return edits
