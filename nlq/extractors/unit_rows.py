"""A table whose header spreads over two rows: the titles, then a row of units under them.

    Rank  Applicant                     Count     Share
          (name)                      patents         %
    1     CHANGXIN MEMORY TECHNOLOGIES  2,069        54

The units row ("(name)", "patents", "%") is no entry and no header of its own: the titles row
above it names the columns, and the "%" under "Share" is why its bare numbers are shares.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Row = tuple[MappedText, ...]
_UNIT = re.compile(r"\(\w+\)|%|[a-z]+")


def units_row(row: Row) -> bool:
    """Whether a row holds only units: "%", lower-case words ("patents", "articles") or a
    bracketed word ("(name)"), one of them "%"."""
    texts = [c.text.strip() for c in row if c.text.strip()]
    return "%" in texts and all(_UNIT.fullmatch(t) for t in texts)


def titles_over_units(rows: list[Row], first: int) -> Row | None:
    """The titles row of a table whose first data row is `rows[first]` and whose header has
    a units row under its titles, or None when the header is not written so."""
    if first < 2 or not units_row(rows[first - 1]):
        return None
    titles = rows[first - 2]
    return titles if len(titles) == len(rows[first]) else None
