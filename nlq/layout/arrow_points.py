"""Arrows in quickly typed notes: "  -> size: 97th largest ..." and "NAME -> 188 appl. (31%)".

A note-taker points with "->" (or "=>"; "→" as a bullet only): at the start of a line it is a
bullet, the line a point of its own (read as "- size: ..."); between a name and its figures it
separates them (read as "NAME – 188 appl. (31%)"); between two clauses ("filed w/ other
inventors -> top locations: A, B") it ends the first (read as "; "). Each arrow is replaced
where it stands, so every other character keeps its place. An arrow at a row's end pointing
back ("<-") is `arrow_notes`'; a text without " -> " is left alone.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_BULLET = re.compile(r"^([ \t]*)(?:->|=>|→)(?=[ \t]+\S)", re.M)
# Inside a line only the typed arrows: a typeset "→" labels what follows ("Patents → Optics 31%").
_INNER = re.compile(r"(?<=\S)[ \t]+(?:->|=>)[ \t]+(?=(\d)|[^\W\d_])")


def arrow_point_edits(text: str) -> list[Edit]:
    """Edits turning note arrows into a bullet, a dash before figures or a clause's end."""
    if "-> " not in text and "=> " not in text and "→" not in text:
        return []
    edits = [Edit(m.start() + len(m.group(1)), m.end(), "-") for m in _BULLET.finditer(text)]
    for m in _INNER.finditer(text):
        edits.append(Edit(m.start(), m.end(), " – " if m.group(1) else "; "))
    return edits
