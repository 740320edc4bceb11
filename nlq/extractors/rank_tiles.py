"""Rank tiles: a big rank printed in a box of its own, its phrase set in a column beside or
under it, on a page whose text keeps its columns by runs of spaces (a PDF's layout text).

Dashboards, annexes and designed one-pagers print the two global ranks as large figures in
tiles next to the intro, "36th" over "largest science and technology" / "cluster in 2024", or
"63" with a raised "rd" and the phrase to its right. In the layout text the tile's pieces land
on several lines, each beside the prose or the other tile, so no block holds the sentence the
page shows. This module reads each tile back as that sentence, "36th largest science and
technology cluster in 2024", mapped to the tile's own characters, for the rank patterns to read
like any other sentence:

- a figure standing alone between wide gaps (`25th`, or `63` with its suffix `rd` alone on
  one of the two lines above it, just after the figure's columns, as a superscript is set);
- its phrase: the pieces starting at the same column on the lines under an ordinal (one empty
  line between them allowed), or else, in a tile whose text is centred under its figure, the
  pieces under it that span the ordinal's middle column (two lines between them allowed: a
  blank one, and one where only the tile beside it has started its longer phrase), or, for
  a figure with a raised suffix, the column of the piece right after it on its own line, read
  from the top of that column down; or, for an ordinal with nothing under it, the column of
  the first piece just after it on its line or the line above (a caption centred beside the
  big figure: "largest science and technology cluster in 2024" over "14th").

A national rank's tile ("3rd of 5" over "Brazilian clusters in the top 100 S&T clusters") is
read as an ordinal's, and so is a count's ("3 412" over "scientific articles per 1 million" /
"inhabitants (last five years)"), its phrase in its column and naming what it counts first.
Only a phrase starting with a word and of at most 120 characters is read; the rank patterns
then decide whether it ranks the cluster at all.
"""

from __future__ import annotations

import re

from nlq.extractors.callouts import COUNTED
from nlq.layout.document import MappedText, Run, join
from nlq.layout.shapes import LinePiece, line_pieces
from nlq.numbers import INTEGER

_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
# A national rank's tile, "3rd of 5" over "Brazilian clusters in the top 100 S&T clusters".
_ORDINAL_OF = re.compile(r"\d{1,3}(?:st|nd|rd|th)(?: (?:out )?of \d{1,3})?")
# A count's tile, "3 412" over "scientific articles per 1 million": its phrase names the count.
_COUNT = re.compile(rf"{INTEGER}")

_FIGURE = re.compile(r"\d{1,3}")
_SUFFIX = re.compile(r"st|nd|rd|th")
_WORD_START = re.compile(r"[^\W\d_]")
_ALIGN = 2  # columns a piece may sit off its column's start
_SUFFIX_REACH = 12  # columns after a big figure its raised suffix may start at
_BESIDE = 24  # columns between a big figure and the phrase to its right
_MAX_LINES = 6
_MAX_PHRASE = 120


def _verbatim(text: str, offset: int) -> MappedText:
    return MappedText(text, [Run(0, len(text), offset, offset + len(text), True)])


def _at(line: list[LinePiece], col: int) -> LinePiece | None:
    """The piece starting at `col` (a raised suffix is no part of a phrase)."""
    p = next((p for p in line if abs(p[0] - col) <= _ALIGN), None)
    return None if p is None or _SUFFIX.fullmatch(p[2]) else p


def _below(lines: list[list[LinePiece]], i: int, col: int) -> list[LinePiece]:
    """The pieces starting at `col` on the lines under line `i` (one gap before the first)."""
    pieces: list[LinePiece] = []
    gaps = 0
    for k in range(i + 1, min(len(lines), i + 1 + _MAX_LINES)):
        p = _at(lines[k], col)
        if p is not None and _ORDINAL.fullmatch(p[2]):
            break  # the next tile's figure under this one's phrase ("27th" / "S&T cluster ...")
        if p is None:
            if pieces or gaps:
                break
            gaps += 1
            continue
        pieces.append(p)
    return pieces


def _centred_below(lines: list[list[LinePiece]], i: int, middle: int) -> list[LinePiece]:
    """The pieces under line `i` whose columns span column `middle` (centred under a figure),
    down to the first line without one after the first found (two lines before it allowed)."""
    pieces: list[LinePiece] = []
    gaps = 0
    for k in range(i + 1, min(len(lines), i + 1 + _MAX_LINES)):
        p = next((p for p in lines[k] if p[0] <= middle < p[0] + len(p[2])), None)
        if p is not None and _ORDINAL.fullmatch(p[2]):
            break
        if p is None:
            if pieces or gaps == 2:
                break
            gaps += 1
            continue
        pieces.append(p)
    return pieces


def _column(lines: list[list[LinePiece]], i: int, col: int) -> list[LinePiece]:
    """The pieces starting at `col` on line `i` and the lines touching it above and below."""
    top = i
    while top > 0 and i - top < _MAX_LINES and _at(lines[top - 1], col) is not None:
        top -= 1
    pieces: list[LinePiece] = []
    k = top
    while k < len(lines) and len(pieces) < _MAX_LINES and (p := _at(lines[k], col)) is not None:
        pieces.append(p)
        k += 1
    return pieces


def _beside(lines: list[list[LinePiece]], i: int, col: int, end: int) -> list[LinePiece]:
    """The phrase set to the right of a big figure from column `col` to `end` on line `i`,
    centred on it: the column of the first piece within `_BESIDE` columns after it, on its own
    line or the one above ("largest science and technology cluster in 2024" over "14th", "S&T
    cluster by intensity (relative to population" over "41st   density) in 2024"), read down.
    None for a figure with another ordinal right above or below it: a list of ranks, each with
    its own phrase on its line, is no tile."""
    for k in (i - 1, i + 1):
        if 0 <= k < len(lines) and any(
            _ORDINAL_OF.fullmatch(p[2]) and abs(p[0] - col) <= _ALIGN for p in lines[k]
        ):
            return []
    for k in (i, i - 1):
        if k < 0:
            continue
        p = next((p for p in lines[k] if end < p[0] <= end + _BESIDE), None)
        if p is not None:
            return _column(lines, k, p[0])
    return []


def _raised_suffix(lines: list[list[LinePiece]], i: int, end: int) -> str | None:
    """The ordinal suffix alone on one of the two lines above, just after column `end`."""
    for k in (i - 1, i - 2):
        if k < 0:
            continue
        for col, _, text in lines[k]:
            if _SUFFIX.fullmatch(text) and end - 1 <= col <= end + _SUFFIX_REACH:
                return text
    return None


def _phrase(pieces: list[LinePiece]) -> MappedText | None:
    if not pieces or not _WORD_START.match(pieces[0][2]):
        return None
    if sum(len(p[2]) + 1 for p in pieces) > _MAX_PHRASE:
        return None
    return join([_verbatim(p[2], p[1]) for p in pieces], " ")


def tile_texts(raw: str) -> list[MappedText]:
    """Each rank tile of layout text `raw` as one sentence, "25th largest ... in 2024"."""
    if "  " not in raw:
        return []
    lines = line_pieces(raw)
    out: list[MappedText] = []
    for i, line in enumerate(lines):
        for n, (col, offset, text) in enumerate(line):
            if _ORDINAL_OF.fullmatch(text):
                figure = _verbatim(text, offset)
                # a caption beside it before one centred under it two blank lines down (a
                # section's heading: "71st" beside its caption, over "Top PCT applicants")
                phrase = (
                    _phrase(_below(lines, i, col))
                    or _phrase(_beside(lines, i, col, col + len(text)))
                    or _phrase(_centred_below(lines, i, col + len(text) // 2))
                )
            elif (raised := _raised(lines, i, n)) is not None:
                suffix, after = raised
                end = offset + len(text)
                # The suffix stands for no characters of its own: a span over "63rd" is "63".
                figure = MappedText(
                    text + suffix,
                    [
                        Run(0, len(text), offset, end, True),
                        Run(len(text), len(suffix), end, end, False),
                    ],
                )
                phrase = _phrase(_column(lines, i, after[0]))
            else:
                counted = _count_tile(lines, i, col, text, offset)
                if counted is not None:
                    out.append(counted)
                continue
            if phrase is not None:
                out.append(join([figure, phrase], " "))
    return out


def _raised(lines: list[list[LinePiece]], i: int, n: int) -> tuple[str, LinePiece] | None:
    """For piece `n` of line `i`, a figure with its suffix raised above it ("63" under "rd"),
    the suffix and the piece after it (its phrase's first line, within `_BESIDE` columns)."""
    line = lines[i]
    col, _, text = line[n]
    if not _FIGURE.fullmatch(text) or n + 1 >= len(line):
        return None
    suffix = _raised_suffix(lines, i, col + len(text))
    after = line[n + 1]
    if suffix is None or after[0] - (col + len(text)) > _BESIDE:
        return None
    return suffix, after


def _count_tile(
    lines: list[list[LinePiece]], i: int, col: int, text: str, offset: int
) -> MappedText | None:
    """A count's tile as one sentence, "19 PCT applications per 1 million inhabitants ...":
    a whole number over a phrase, in its column, that starts by naming what it counts."""
    if not _COUNT.fullmatch(text):
        return None
    phrase = _phrase(_below(lines, i, col))
    if phrase is None or not COUNTED.match(phrase.text):
        return None
    return join([_verbatim(text, offset), phrase], " ")


# "97th largest science and technology cluster in 2023", "92nd S&T cluster by intensity ...":
# a list item stating the cluster's own rank, never an entry of a top list.
_RANK_ITEM = re.compile(
    r"\W{0,3}\d{1,3}(?:st|nd|rd|th)\s+(?:largest\s+)?(?:[\w&-]+\s+){0,4}?cluster\b"
    r"(?!\s+(?-i:[A-Z]))"
)


def rank_item(text: str) -> bool:
    """Whether a list item is a sentence ranking the cluster (a bulleted "97th largest science
    and technology cluster in 2023" after a top list) rather than a row of that list."""
    return _RANK_ITEM.match(text) is not None
