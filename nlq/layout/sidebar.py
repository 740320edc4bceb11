"""A narrow sidebar of callouts down a page's left margin, beside the page's main column.

A designed one-pager sets its text in one wide column indented from the left edge and prints
callouts in the margin beside it: a big "97th" over "largest science and" / "technology cluster
in 2024", then, lower down, "71st" over its phrase. The layout text (`pdftotext -layout`,
pypdf's layout mode) prints each margin line in front of the main column's line beside it, so
the intro reads "It filed 58 PCT" / "97th   applications and published ..." and a top list's
rows are cut by the callout's lines between them ("S&T cluster by intensity" between rows 1
and 2, "(relative to population" glued in front of row 2). `page_columns` reads a left column
of prose first; here the left column is short pieces and the prose is on the right.

A stretch of lines is such a page when its main column starts at one column, the gutter (at
least 20 columns in), on three lines or more that hold it alone, and on two lines or more
beside a margin piece: text at the line's start, its words one space apart, that stops three
spaces or more before the gutter, is short (at most 32 characters) and is no clause. The
stretch starts at the first line whose text starts at the gutter and runs on through every
line that is blank, holds text at the gutter's right only, or a margin piece with text, if
any, at or right of the gutter; the main column, read down, must be prose (a sentence of ten
words or more) that the margin cuts: a line beside a margin piece carries on, in lower case,
the sentence of the main column's line above it (a label-value sheet, `Cluster   Hefei,
China`, has no such line). The stretch is then read as the main column first (each line sliced two
columns before the gutter, the lines holding only margin pieces left out, so a list's rows
meet again), a blank line, then the margin pieces (a blank between pieces the main column
separated), each a slice of its line, so every offset still points into the source.
"""

from __future__ import annotations

import re
from collections import Counter

from nlq.layout import shapes

Line = tuple[int, int]

# A margin piece at a line's start (words one space apart), a wide gap, then the main text.
_PIECE_THEN_TEXT = re.compile(r" {0,3}(\S+(?: \S+)*) {3,}(?=\S)")
_ALONE = re.compile(r" {20,}(?=\S)")
_MIN_ALONE = 3
_MIN_BESIDE = 2
_MIN_GUTTER = 20
_MAX_PIECE = 40
_MIN_WORDS = 10


def sidebar_order(raw: str, lines: list[Line]) -> list[Line] | None:
    """`lines` reordered so that a stretch with a margin of callouts reads its main column
    first, then the callouts (see the module's docstring), or None when no stretch is set so."""
    if "   " not in raw or any(s and raw[s - 1] != "\n" for s, _ in lines):
        return None  # only whole lines (a page another reader already reordered is left alone)
    alone: Counter[int] = Counter()
    beside: Counter[int] = Counter()
    for s, e in lines:
        if e - s < _MIN_GUTTER:
            continue
        if m := _ALONE.match(raw, s, e):
            alone[m.end() - s] += 1
        elif (m := _PIECE_THEN_TEXT.match(raw, s, e)) and len(m.group(1)) <= _MAX_PIECE:
            beside[m.end() - s] += 1
    gutters = [g for g, n in beside.items() if n >= _MIN_BESIDE and alone[g] >= _MIN_ALONE]
    if not gutters:
        return None
    gutter = max(gutters, key=lambda g: (beside[g] + alone[g], -g))
    if gutter < _MIN_GUTTER:
        return None
    start = next((k for k, line in enumerate(lines) if _starts_at(raw, line, gutter)), None)
    if start is None:
        return None
    stop = start
    while stop < len(lines) and _fits(raw, lines[stop], gutter):
        stop += 1
    cut = gutter - 2
    main: list[Line] = []
    margin: list[Line] = []
    prose: list[str] = []
    cuts = False  # a margin piece beside a sentence of the main column going on
    for s, e in lines[start:stop]:
        left = raw[s : min(s + cut, e)]
        if not raw[s:e].strip():
            main.append((s, s))
        elif e > s + cut:
            main.append((s + cut, e))
            if _starts_at(raw, (s, e), gutter):
                text = raw[s + gutter : e].strip()
                if left.strip() and prose and text[0].islower():
                    cuts = cuts or _open_sentence(prose[-1])
                prose.append(text)
        if left.strip():
            margin.append((s, min(s + cut, e)))
        elif margin and margin[-1][0] != margin[-1][1]:
            margin.append((s, s))
    pieces = [raw[s:e].strip() for s, e in margin if s != e]
    if len(pieces) < _MIN_BESIDE or any(shapes.sentence_like(p) for p in pieces):
        return None  # a margin of clauses is a column of prose (`page_columns`)
    text = " ".join(prose)
    if not cuts or len(text.split()) < _MIN_WORDS or not shapes.sentence_like(text):
        return None
    end = lines[stop - 1][1]
    return lines[:start] + main + [(end, end)] + margin + lines[stop:]


def _open_sentence(text: str) -> bool:
    """Whether a line of the main column is a sentence that goes on below it."""
    return shapes.sentence_like(text) and not shapes.ends_sentence(text)


def _starts_at(raw: str, line: Line, gutter: int) -> bool:
    """Whether a line's text at the gutter starts exactly there (a space before it)."""
    s, e = line
    at = s + gutter
    return at < e and raw[at] != " " and raw[at - 1] == " "


def _fits(raw: str, line: Line, gutter: int) -> bool:
    """Whether a line belongs to the stretch: blank, text right of the gutter only, or a short
    margin piece that stops three spaces before the gutter with text, if any, at or past it."""
    s, e = line
    left = raw[s : min(s + gutter, e)]
    if not left.strip():
        return True
    e = s + len(raw[s:e].rstrip())
    m = _PIECE_THEN_TEXT.match(raw, s, e)
    if e - s <= gutter - 3:
        piece = left.strip()
        return len(piece) <= _MAX_PIECE and "   " not in piece and left[:4].strip() != ""
    return bool(m) and m.end() - s >= gutter and len(m.group(1)) <= _MAX_PIECE
