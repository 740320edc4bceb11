"""A column of prose set beside tables or charts (a card of sentences at a page's right side).

A dashboard or a designed page sets its field charts side by side and, in a narrow card at
the right, the collaboration sentences; the layout text (`pdftotext -layout`, pypdf's layout
mode) prints them line by line across the page, so each chart row ends in a piece of sentence:

    Semiconductors      35%        Chemistry      21%       3% of Hefei's PCT patent ...
    Computer tech.    18%        Engineering    16%         Shenzhen-Hong Kong-Guangzhou,

Read across, the rows gain a cell of prose and the sentences are cut by figures ("35%" taken
for a share of collaboration). `page_columns` reorders a page whose LEFT column is prose; here
the prose is the right one. A stretch of lines is such a page when at least three lines end,
after a gap of three spaces or more, in text with no wide gap in it that starts at one and the
same column (the gutter), and those pieces, read down, are prose that ends a sentence (a clause,
ten words or more). The stretch runs from the first such line (and a title row just above it
whose last part starts within two characters of the gutter, the card's title) down through
every line that has nothing at the gutter or its piece there, and ends at a line whose text
crosses the gutter (a full-width footer, a row of the page's width). Its lines are then read
as their left parts first, a blank, then the right pieces, each a slice of the line, so every
offset still points into the source.
"""

from __future__ import annotations

import re
from collections import Counter

from nlq.layout import shapes

Line = tuple[int, int]

# The last piece of a line after a wide gap, with no wide gap inside it.
_LAST_PIECE = re.compile(r"(?<=\S) {3,}(\S(?:(?! {3}).)*)$")
# A line holding only such a piece, indented to it (the card's sentence wrapped alone).
_ONLY_PIECE = re.compile(r" {20,}(\S(?:(?! {3}).)*)$")
_MIN_LINES = 3
_MAX_BLANKS = 2  # blank lines the stretch runs on through below its prose
_MIN_WORDS = 10
_TITLE_SLACK = 2


def side_prose_order(raw: str, lines: list[Line]) -> list[Line] | None:
    """`lines` reordered so that a stretch whose right column is prose reads its left parts
    first, then the prose (a blank line between), or None when no stretch is set so."""
    if "   " not in raw:
        return None
    pieces: dict[int, int] = {}  # line index -> column of its last piece
    for k, (s, e) in enumerate(lines):
        if e - s < 40:
            continue
        m = _LAST_PIECE.search(raw, s, e) or _ONLY_PIECE.match(raw, s, e)
        if m and re.search(r"[^\W\d_]{2,}", m.group(1)):
            pieces[k] = m.start(1) - s
    counts = Counter(pieces.values())
    if not counts:
        return None
    gutter, n = counts.most_common(1)[0]
    if n < _MIN_LINES:
        return None
    ranged = [k for k, at in pieces.items() if at == gutter]
    start, stop = _stretch(raw, lines, ranged, gutter)
    at_gutter = [k for k in ranged if start <= k < stop]
    prose = " ".join(_piece(raw, lines[k], gutter) for k in at_gutter)
    if (
        len(at_gutter) < _MIN_LINES
        or len(prose.split()) < _MIN_WORDS
        or not shapes.sentence_like(prose)
        or not shapes.ends_sentence(prose)
    ):
        return None
    start = _title_above(raw, lines, start, pieces, gutter)
    cuts = {
        k: lines[k][0] + at
        for k, at in pieces.items()
        if start <= k < stop and abs(at - gutter) <= _TITLE_SLACK
    }
    return lines[:start] + left_then_right(raw, lines, start, stop, cuts) + lines[stop:]


def left_then_right(
    raw: str, lines: list[Line], start: int, stop: int, cuts: dict[int, int]
) -> list[Line]:
    """The lines `start:stop` read as their left parts, a blank, then their right parts:
    `cuts[k]` is the raw offset line `k` is cut at (a line not in `cuts` stays whole on the
    left); a left part holding only spaces reads as an empty span."""
    left: list[Line] = []
    right: list[Line] = []
    for k in range(start, stop):
        s, e = lines[k]
        at = min(cuts.get(k, e), e)
        left.append((s, at) if raw[s:at].strip() else (s, s))
        if at < e:
            right.append((at, e))
    end = lines[stop - 1][1]
    return left + [(end, end)] + right


def _piece(raw: str, line: Line, gutter: int) -> str:
    s, e = line
    return raw[s + gutter : e].strip()


def _has_text_at(raw: str, line: Line, gutter: int) -> bool:
    """Whether a line's text reaches the gutter (two characters of slack before it)."""
    s, e = line
    return bool(raw[min(s + gutter - 2, e) : e].strip())


def _stretch(raw: str, lines: list[Line], prose: list[int], gutter: int) -> tuple[int, int]:
    """The first line of the stretch (the first of `prose`, the lines with a piece at the
    gutter) and the index after its last: every line on from there either stops before the
    gutter or has a piece starting exactly there; a line crossing the gutter otherwise ends it,
    and so do more than two blank lines not followed by a piece at the gutter (the page goes on
    below the card). Blank lines before the end stay outside."""
    at_gutter = set(prose)
    first = k = last = prose[0]
    blanks = 0
    while k < len(lines):
        s, e = lines[k]
        if not raw[s:e].strip():
            blanks += 1
            k += 1
            continue
        if blanks > _MAX_BLANKS and k not in at_gutter:
            break
        blanks = 0
        if _has_text_at(raw, lines[k], gutter):
            at = s + gutter
            piece_there = raw[at - 1] == " " and raw[at] != " "
            if not piece_there or "   " in raw[at:e].rstrip():
                break
        last = k
        k += 1
    return first, last + 1


def _title_above(
    raw: str, lines: list[Line], start: int, pieces: dict[int, int], gutter: int
) -> int:
    """`start`, or the line above it (blank lines skipped) when that line's last piece starts
    within two characters of the gutter and is a short title (one to four words)."""
    k = start - 1
    while k >= 0 and not raw[lines[k][0] : lines[k][1]].strip():
        k -= 1
    if k < 0 or k not in pieces or abs(pieces[k] - gutter) > _TITLE_SLACK:
        return start
    title = raw[lines[k][0] + pieces[k] : lines[k][1]].strip()
    return k if 1 <= len(title.split()) <= 4 and not shapes.ends_sentence(title) else start
