"""A ranked row whose name wraps onto the next line, the row's figures after the rest of it.

A scan's OCR or a narrow PDF column sets a long name over two lines and prints the figures on
the second, beside the name's last words, with no column alignment to go by:

    2  JAWAHARLAL NEHRU CENTRE FOR ADVANCED
       SCIENTIFIC RESEARCH    3,611   8%

Read line by line, the first is a row without figures and the second one without a rank. The
second continues the first when the first is a rank and words only, and the second starts
under that last cell of words with words of its own, then holds figures only: both are then
one row, the name joined with one space (`text._aligned_run`).
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText
from nlq.layout.inline import join_lines

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_RANK = re.compile(r"\d{1,3}[.)]?")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def rest_with_figures(above: Cells, cells: Cells) -> Cells | None:
    """The row `above` with `cells` (the rest of its name, then its figures) joined to it, or
    None when `cells` does not continue it."""
    if len(above) < 2 or len(cells) < 2 or not _RANK.fullmatch(above[0][1].text):
        return None
    if any(_DIGIT.search(c.text) for _, c in above[1:]):
        return None  # the row above has its figures already
    col, rest = cells[0]
    name_col, name = above[-1]
    if abs(col - name_col) > 1 or not _LETTER.search(rest.text) or _DIGIT.search(rest.text):
        return None
    if not all(_DIGIT.search(c.text) for _, c in cells[1:]):
        return None
    return [*above[:-1], (name_col, join_lines([name, rest])), *cells[1:]]
