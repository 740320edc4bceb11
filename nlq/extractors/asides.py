"""Figures in a parenthesised aside, which the main text outranks.

A writer may mention other figures in passing, in parentheses: "(I still have our 2023 notes,
where Hefei was 41st by size with 1,874 PCT applications, but ignore those for now.)". When the
page states the same fact outside any parentheses too, that statement is the profile's; a
figure in an aside is read only when the page states it nowhere else.
"""

from __future__ import annotations

import re

from nlq.extractors.earlier_editions import Keep
from nlq.layout.document import MappedText


def in_aside(text: str, i: int) -> bool:
    """Whether `text[i]` lies inside parentheses opened before it and not yet closed."""
    return text.count("(", 0, i) > text.count(")", 0, i)


def outside_asides(keep: Keep | None) -> Keep:
    """`keep` (None: keep all) that also rejects a match starting inside an aside."""

    def kept(t: MappedText, m: re.Match[str]) -> bool:
        if "(" in t.text and in_aside(t.text, m.start()):
            return False
        return keep is None or keep(t, m)

    return kept
