"""The label of a figure in a spreadsheet paste: the cell above it, in the same column.

    National rank   Clusters in economy   Global size rank
    1               1                     97

A delimited export (`layout/labels_above.py` reads it so) writes each figure in a cell of its
own and its label in the row above. Grounding an LLM's quote of such two rows, the figure's
label is that cell, not the nearest words: 97 is the global size rank and 1 is not. Only the
cell straight above counts, only when it holds letters (a table body's row above holds
figures, then there is no such label) and only in a row of figures (in `National rank<TAB>10`
the row labels its own figure), unless the row above is a one-record export's column names
(`cluster_name,economy,rank_national` over `Linz,Austria,2`: every cell a column name, as many
as the record's cells).
"""

from __future__ import annotations

import re

from nlq.layout.delimited import count_outside_quotes
from nlq.layout.wide_records import column_names

_LETTER = re.compile(r"[^\W\d_]")


def _cell(raw: str, start: int, end: int, delim: str, column: int) -> tuple[int, int] | None:
    """The raw span of cell `column` of the line `raw[start:end]`, or None if it has fewer."""
    k, quoted, lo = 0, False, start
    for i in range(start, end):
        c = raw[i]
        if c == '"':
            quoted = not quoted
        elif c == delim and not quoted:
            if k == column:
                return lo, i
            k, lo = k + 1, i + 1
    return (lo, end) if k == column else None


def label_above(raw: str, delim: str, pos: int, lo: int) -> tuple[int, int] | None:
    """The raw span of the label written above the figure at raw offset `pos` (the cell in the
    same column of the line before), when that cell starts at or after `lo` (inside the quote)
    and holds a letter, and no letter precedes the figure on its line; else None."""
    line = raw.rfind("\n", 0, pos) + 1
    end = raw.find("\n", pos)
    if line == 0 or delim not in raw[line : len(raw) if end < 0 else end]:
        return None
    above = raw.rfind("\n", 0, line - 1) + 1
    if _LETTER.search(raw, line, pos) and not column_names(
        raw[above : line - 1], raw[line : len(raw) if end < 0 else end], delim
    ):
        return None  # "National rank<TAB>10": a label in the figure's own row
    column = count_outside_quotes(raw[line:pos], delim)
    span = _cell(raw, above, line - 1, delim, column)
    if span is None or span[0] < lo or not _LETTER.search(raw, *span):
        return None
    return span
