"""Two cells of a space-aligned table that the text layer set one space apart.

A PDF's layout text keeps a table's columns by runs of spaces, but where a cell's text nearly
fills its column the gap to the next cell shrinks to one space, and the two cells read as one:

    Computer tech.       Optics (4%)
    Electrical machinery Basic
    (7%)                 communication

"Electrical machinery Basic" is two fields. In a breakdown (two cells or more a field with its
share), a cell is cut in two before a word in title case where a column starts that the table's
other rows set (at least two of them start a cell there), when the character just
before that column is the one space between two words and the row has no cell of its own
starting there. Offsets stay those of the source: each part is a slice of the cell.
"""

from __future__ import annotations

import re
from collections import Counter

from nlq.layout.document import MappedText

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_FIELD = re.compile(r"[^\W\d_][^\d]*?[ \t]*\(?\d{1,3}(?:[.,]\d{1,2})?[ \t]?%\)?")
_TITLE_WORD = re.compile(r"[A-Z][a-z]")  # a field's name: "Basic", not a name in capitals


def split_narrow_gaps(rows: list[Cells]) -> list[Cells]:
    """`rows` with every cell that runs over a column the other rows start cut there."""
    if len(rows) < 3 or sum(1 for row in rows for _, c in row if _FIELD.fullmatch(c.text)) < 2:
        return rows  # only a field breakdown's cells, named in words, not a list's names
    counts = Counter(col for row in rows for col, _ in row)
    starts = sorted(col for col, n in counts.items() if n >= 2)
    if len(starts) < 2:
        return rows
    out: list[Cells] = []
    for row in rows:
        own = {col for col, _ in row}
        cut: Cells = []
        for col, cell in row:
            cut.extend(_cut(col, cell, [s for s in starts if s not in own]))
        out.append(cut)
    return out


def _cut(col: int, cell: MappedText, starts: list[int]) -> Cells:
    """`cell`, starting at `col`, cut at each of `starts` inside it where one space stands
    right before it between two letters."""
    text = cell.text
    for s in starts:
        at = s - col
        if 1 < at < len(text) - 1 and text[at - 1] == " " and text[at - 2] != " ":
            if text[at - 2].isalpha() and _TITLE_WORD.match(text, at):
                left = cell.slice(0, at - 1)
                return [(col, left), *_cut(s, cell.slice(at, len(text)), starts)]
    return [(col, cell)]
