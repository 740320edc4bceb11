"""Ranks set one space from their names ("1 WAWEL BIOTECHNOLOGIA SP. Z O.O.   54   15%").

A PDF's text can put a list's rank a single space before its name, so the cell reader takes
"1 WAWEL ..." as one name and the row has no rank. When no row of a list has a rank and every
name opens with a number and one space, and those numbers count 1, 2, 3 ... down the list, the
numbers are the ranks: each is split off its name. A name that merely begins with a number
("3 SHAPE A/S" alone, or numbers out of order) is left whole.
"""

from __future__ import annotations

import re

from nlq.extractors.lists import Entry
from nlq.extractors.located import Located

_GLUED = re.compile(r"(\d{1,3}) (?=\S)")


def split_glued_ranks(entries: list[Entry], raw: str) -> list[Entry]:
    """`entries` with ranks split off their names when the whole list has them glued there."""
    names = [e.name for e in entries]
    if len(entries) < 2 or any(e.rank is not None for e in entries) or None in names:
        return entries
    found: list[tuple[Located, re.Match[str]]] = []
    for n, name in enumerate(names, start=1):
        assert name is not None
        m = _GLUED.match(str(name.value))
        if m is None or int(m.group(1)) != n:
            return entries
        if raw[name.start : name.start + m.end()] != m.group(0):
            return entries  # the name's text is not its raw span's: leave it whole
        found.append((name, m))
    out = []
    for entry, (name, m) in zip(entries, found, strict=True):
        at = name.start
        rank = Located(int(m.group(1)), at, at + len(m.group(1)))
        rest = Located(str(name.value)[m.end() :], at + m.end(), name.end)
        out.append(Entry(rank=rank, name=rest, count=entry.count, share=entry.share))
    return out
