"""A ranked row whose name cell starts on the lines above its rank and figures.

A table whose cells are centred vertically prints a long name over several lines and the rank
and figures beside its middle line, so the name's first lines stand above the row:

          UNIVERSIDAD
     1    NACIONAL DE                      3          41%
          CÓRDOBA

Read line by line, "UNIVERSIDAD" is a line of its own and the row's name loses its start. The
lines right above a row that are its name's head are the ones set at the column of the row's
name cell, each one cell of words without a figure, when the row is a rank, a name and figures
and its name goes on below it too (a centred cell wraps on both sides). They are joined in front
of the row's name, so its span covers them.

A name cell of two lines centred on a row prints no name on the row's own line at all, its
first line above the rank and figures and its second below:

            ĐẠI HỌC QUỐC GIA THÀNH PHỐ HỒ CHÍ
      1                                                21       18%
            MINH

`centred_row` reads such a line (a rank, then only figures) with one line of words right above
and one right below, both at one column between the rank and the figures, as that row.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText
from nlq.layout.inline import clean_inline, join_lines

Cells = list[tuple[int, MappedText]]  # (column, cell) of one line

_RANK = re.compile(r"\d{1,3}[.)]?")
_DIGIT = re.compile(r"\d")
_GAP = re.compile(r"\S {2,}\S|\t")
_LETTER = re.compile(r"[^\W\d_]")


def head_count(raw: str, lines: list[tuple[int, int]], i: int, row: Cells, floor: int) -> int:
    """How many of the lines from `floor` up to line `i` (whose cells are `row`) are the head
    of line `i`'s name cell, set above it."""
    col = _name_column(row)
    if col is None or not _goes_on_below(raw, lines, i, col):
        return 0
    k = 0
    while i - k - 1 >= floor and _name_piece(raw, lines[i - k - 1], col):
        k += 1
    return k


def with_head(raw: str, head: list[tuple[int, int]], row: tuple[MappedText, ...]) -> tuple:
    """`row` (a rank, a name, figures) with the `head` lines joined in front of its name."""
    k = next(j for j, cell in enumerate(row) if _LETTER.search(cell.text))
    pieces = [clean_inline(MappedText.verbatim(raw, s, e).strip()) for s, e in head]
    return (*row[:k], join_lines([*pieces, row[k]]), *row[k + 1 :])


def _name_column(row: Cells) -> int | None:
    """The column of the name cell of a row that is a rank, a name and figures, else None."""
    if len(row) < 3 or not _RANK.fullmatch(row[0][1].text):
        return None
    col, name = row[1]
    if not _LETTER.search(name.text) or _DIGIT.search(name.text):
        return None
    if not any(_DIGIT.search(c.text) for _, c in row[2:]):
        return None
    return col


def _name_piece(raw: str, line: tuple[int, int], col: int) -> bool:
    """Whether a line is one cell of words without a figure starting at column `col`."""
    text = raw[line[0] : line[1]]
    body = text.strip()
    indent = len(text) - len(text.lstrip(" "))
    if not body or abs(indent - col) > 1 or _GAP.search(body) or _DIGIT.search(body):
        return False
    return bool(_LETTER.search(body))


def _goes_on_below(raw: str, lines: list[tuple[int, int]], i: int, col: int) -> bool:
    return i + 1 < len(lines) and _name_piece(raw, lines[i + 1], col)


def centred_row(
    raw: str, lines: list[tuple[int, int]], i: int, cells: Cells
) -> tuple[MappedText, ...] | None:
    """Line `i` (its `cells`: a rank, then figures only) as a row whose name is the line of
    words above it and the one below, set at one column between its rank and its figures; or
    None."""
    if len(cells) < 3 or not _RANK.fullmatch(cells[0][1].text) or not 0 < i < len(lines) - 1:
        return None
    if not all(_FIGURES.fullmatch(c.text) for _, c in cells[1:]):
        return None
    above = raw[slice(*lines[i - 1])]
    col = len(above) - len(above.lstrip(" "))
    if not cells[0][0] < col < cells[1][0]:
        return None
    if not (_name_piece(raw, lines[i - 1], col) and _name_piece(raw, lines[i + 1], col)):
        return None
    pieces = [clean_inline(MappedText.verbatim(raw, *lines[k]).strip()) for k in (i - 1, i + 1)]
    return (cells[0][1], join_lines(pieces), *(c for _, c in cells[1:]))


_FIGURES = re.compile(r"\d[\d,.\u00a0\u2009\u202f ]*%?")
