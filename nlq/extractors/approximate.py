"""Figures written as approximations, which are no profile's own figures.

A profile prints its per-capita counts exactly ("It filed 88 PCT applications"); a person
talking about one rounds them ("they were 91st by size with ~70 PCT applications", "about 300
patents", "roughly 15,000 articles"), often quoting another edition's page. A count after such
a word is not read: the exact statement elsewhere on the page is, and with none the figure is
missing rather than wrong.
"""

from __future__ import annotations

import re

from nlq.extractors.earlier_editions import Keep
from nlq.layout.document import MappedText

# The words and signs right before a number that make it an approximation or a bound.
_APPROXIMATE = re.compile(
    r"(?:[~≈∼]|\b(?:about|around|approximately|approx\.|roughly|nearly|almost|some|circa|ca\."
    r"|more\s+than|less\s+than|fewer\s+than|over|under|up\s+to))\s*$",
    re.I,
)
_REACH = 16  # characters before the number where such a word may stand


def exact_figures(keep: Keep | None, group: str = "n") -> Keep:
    """`keep` (None: keep all) that also rejects a match whose `group` is written as an
    approximation ("~70", "about 300")."""

    def kept(t: MappedText, m: re.Match[str]) -> bool:
        start = m.start(group)
        if start > 0 and _APPROXIMATE.search(t.text, max(0, start - _REACH), start):
            return False
        return keep is None or keep(t, m)

    return kept
