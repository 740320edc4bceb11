"""Column titles set flush right and one space apart, as a printed data frame has them.

pandas (`print(df)`, `df.to_string()`) right-aligns every column, titles included, and puts a
single space between columns, so two titles over narrow columns read "patents share": one cell
to a reader that splits cells at runs of spaces, while the rows under them hold "233" and
"41%" in two. Here a title row with fewer cells than the rows under it is split at the single
spaces after which each piece ends where a column's cells end. The split is kept only when
every title then ends at a column's right edge (a table whose titles are set flush left, or a
title of several words over one column, is left as it is) and the titles are as many as the
columns, or one fewer (the frame's untitled index column, 0, 1, 2 ...). A frame indexed by a
named column (`df.set_index("rank")`) prints that name alone on the line under the titles, at
the left of the rows: it is the first column's title (`index_title`).
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_DIGIT = re.compile(r"\d")


def split_titles(rows: list[Cells]) -> list[Cells]:
    """`rows` with a right-aligned title row split into one title per column (see above)."""
    if len(rows) < 2 or _DIGIT.search(" ".join(c.text for _, c in rows[0])):
        return rows
    body = rows[1:]
    width = len(body[0])
    if width < 3 or any(len(r) != width for r in body) or len(rows[0]) >= width:
        return rows
    ends = {max(r[k][0] + len(r[k][1].text) for r in body) for k in range(width)}
    titles: Cells = []
    for k, (col, cell) in enumerate(rows[0]):
        if not k and col == min(r[0][0] for r in body) and " " not in cell.text:
            titles.append((col, cell))  # the index's name, flush left as its values are
            continue
        pieces = _pieces(col, cell, ends)
        if pieces is None:
            return rows
        titles.extend(pieces)
    if len(titles) not in (width, width - 1) or len(titles) == len(rows[0]):
        return rows
    return [titles, *body]


def _pieces(col: int, cell: MappedText, ends: set[int]) -> Cells | None:
    """`cell` (starting at `col`) cut after the words that end at a column's right edge, or
    None when its last word does not end at one."""
    text = cell.text
    out: Cells = []
    start = 0
    for m in re.finditer(r" (?=\S)", text):
        if col + m.start() in ends:
            out.append((col + start, cell.slice(start, m.start())))
            start = m.end()
    if col + len(text) not in ends:
        return None
    out.append((col + start, cell.slice(start, len(text))))
    return out


def index_title(titles: Cells, line: Cells, below: Cells) -> bool:
    """Whether `line`, one word alone under a row of `titles`, names the index column of the
    rows that follow (`below` is the next line): it stands left of every title, the next line
    starts where it does and has more cells than the titles, and no title holds a digit."""
    if len(line) != 1 or len(below) <= len(titles):
        return False
    col, cell = line[0]
    if not re.fullmatch(r"[^\W\d]\w*", cell.text) or col + len(cell.text) >= titles[0][0]:
        return False
    return below[0][0] == col and not _DIGIT.search(" ".join(c.text for _, c in titles))
