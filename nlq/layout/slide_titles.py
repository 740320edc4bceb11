"""Slide titles of a slide-deck outline export: "Slide 4 — Top PCT applicants".

An outline exported from a slide deck prints each slide's number before its title. The number
is not data and hides the title from the section readers (a heading must name its section, not
start with "Slide 4"). When two lines or more of a text open that way ("Slide N", a dash, a
colon or a full stop, then the title), the "Slide N — " part is deleted and the title stays on
its line. A lone "Slide 4" line is page furniture (`furniture.py`).
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_SLIDE_TITLE = re.compile(r"^[ \t]*slide[ \t]+\d{1,3}[ \t]*[—–:.-][ \t]*(?=\S)", re.I | re.M)


def slide_title_edits(text: str) -> list[Edit]:
    """Edits deleting the "Slide N — " before each slide's title, for a deck of two or more."""
    if "lide" not in text and "LIDE" not in text:
        return []
    found = list(_SLIDE_TITLE.finditer(text))
    if len(found) < 2:
        return []
    return [Edit(m.start(), m.end(), "") for m in found]
