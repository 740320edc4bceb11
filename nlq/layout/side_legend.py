"""A chart's legend set beside a ranked table, its entries on a rhythm of their own.

A slide or a designed page puts a top list on the left and, at the right, the field breakdown
as a chart's legend: a title, then one entry a line, each a field and its share, spaced more
tightly than the table's rows. The layout text (`pdftotext -layout`, pypdf's layout mode)
prints them line by line across the page, so some legend entries end a table row and others
stand alone between two rows:

                                      Articles     Share          Publications
    1    UNIVERSITY OF X                38,114       34%             Clinical medicine (27%)
                                                                     Physics & math (14%)
    2    X INSTITUTE OF TECHNOLOGY      35,870       32%             Engineering (9%)

Read across, every entry beside a row becomes a fifth cell of it (its field taken for a name
of the list) and every entry alone a row of the list without a rank. Such a stretch is found by
its entries: three or more lines end, after a gap of three spaces or more, in a piece that is
only a name and a share (`Name (27%)`, `Name 27%`), all starting at one column (the gutter,
one character of slack), and an entry stands alone on its line while the next line of the
left column holds an entry beside it again: the two columns do not share their lines, so
they are not one table (two tables side by side share them, and a longer right-hand list only
runs on below the left one). No entry may stand beside another entry: two breakdowns side by
side, the right one longer, are `slots`' to read. The stretch runs on through lines that are
blank, stop before the gutter or hold an entry there; a title just above its first entry (one
to four words starting up to four characters left of the gutter, where the legend's colour
swatch leaves room, or two right of it) is the legend's title. Its lines are then read as
their left parts first, a blank, then the title and the entries, each a slice of the line, so
every offset still points into the source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from nlq.layout import shapes
from nlq.layout.side_prose import left_then_right

Line = tuple[int, int]

# A legend entry: a name (letters first, no figures) and a share, nothing else.
_SHARE = r"\d{1,3}(?:[.,]\d+)?\s?%"
_ENTRY = rf"[^\W\d_][^\d%()]*?(?:\([^\d%()]*\)[^\d%()]*?)?\s?(?:\({_SHARE}\)|{_SHARE})"
# The last piece of a line after a wide gap, or a line holding only a piece far indented.
_LAST_PIECE = re.compile(r"(?<=\S) {3,}(\S(?:(?! {3}).)*?) *$")
_ONLY_PIECE = re.compile(r" {20,}(\S(?:(?! {3}).)*?) *$")
_ENTRY_RE = re.compile(_ENTRY)
_MIN_ENTRIES = 3
_MAX_BLANKS = 2
_SLACK = 1
_TITLE_LEFT, _TITLE_RIGHT = 4, 2


def side_legend_order(raw: str, lines: list[Line]) -> list[Line] | None:
    """`lines` reordered so that every stretch with a legend beside a table reads the table's
    lines first, then the legend (title and entries, a blank line before), or None when no
    stretch is set so."""
    if "%" not in raw or "   " not in raw:
        return None
    pieces = _pieces(raw, lines)
    entries = {k: at for k, (at, entry) in pieces.items() if entry}
    changed = False
    out = lines
    for gutter in _gutters(entries):
        found = _reorder(raw, out, gutter)
        if found is not None:
            out, changed = found, True
    return out if changed else None


def _pieces(raw: str, lines: list[Line]) -> dict[int, tuple[int, bool]]:
    """Line index -> (column of its last piece, whether that piece is a legend entry)."""
    out: dict[int, tuple[int, bool]] = {}
    for k, (s, e) in enumerate(lines):
        m = _LAST_PIECE.search(raw, s, e) or _ONLY_PIECE.match(raw, s, e)
        if m:
            out[k] = (m.start(1) - s, bool(_ENTRY_RE.fullmatch(m.group(1))))
    return out


def _gutters(entries: dict[int, int]) -> list[int]:
    """The columns at which three or more entries start (one character of slack), each once."""
    counts = Counter(entries.values())
    out: list[int] = []
    for at, _ in counts.most_common():
        near = sum(n for c, n in counts.items() if abs(c - at) <= _SLACK)
        if near >= _MIN_ENTRIES and all(abs(at - g) > _SLACK for g in out):
            out.append(at)
    return out


def _reorder(raw: str, lines: list[Line], gutter: int) -> list[Line] | None:
    """`lines` with every legend stretch at `gutter` moved below its table, or None."""
    pieces = _pieces(raw, lines)
    at_gutter = [
        k for k, (at, entry) in sorted(pieces.items()) if entry and abs(at - gutter) <= _SLACK
    ]
    out: list[Line] = []
    done = 0  # lines before this index are in `out`
    i = 0
    while i + _MIN_ENTRIES <= len(at_gutter):
        start, stop = _stretch(raw, lines, at_gutter[i], pieces, gutter)
        j = bisect_left(at_gutter, stop, lo=i)
        inside, i = at_gutter[i:j], j
        if len(inside) < _MIN_ENTRIES or not _own_rhythm(raw, lines, inside, stop, pieces):
            continue
        start = max(_title_above(raw, lines, start, pieces, gutter), done)
        chosen = set(inside) | {start}
        cuts = {k: lines[k][0] + pieces[k][0] for k in chosen if k in pieces}
        out += lines[done:start] + left_then_right(raw, lines, start, stop, cuts)
        done = stop
    if not done:
        return None
    return out + lines[done:]


def _stretch(
    raw: str, lines: list[Line], first: int, pieces: dict[int, tuple[int, bool]], gutter: int
) -> tuple[int, int]:
    """The first entry line and the index after the stretch's last line: it runs on through
    lines that stop before the gutter or hold an entry there; any other line reaching the
    gutter ends it, and so do more than two blank lines not followed by an entry."""
    k = last = first
    blanks = 0
    while k < len(lines):
        s, e = lines[k]
        if not raw[s:e].strip():
            blanks += 1
            k += 1
            continue
        at, entry = pieces.get(k, (-1, False))
        is_entry = entry and abs(at - gutter) <= _SLACK
        if blanks > _MAX_BLANKS and not is_entry:
            break
        blanks = 0
        if raw[min(s + gutter - _TITLE_LEFT, e) : e].strip() and not is_entry:
            break
        last = k
        k += 1
    return first, last + 1


def _own_rhythm(
    raw: str,
    lines: list[Line],
    inside: list[int],
    stop: int,
    pieces: dict[int, tuple[int, bool]],
) -> bool:
    """Whether the legend keeps a rhythm of its own beside a table: an entry stands alone on
    its line and the next line of the left column holds an entry beside it again (the legend
    goes on beside the table), and no entry stands beside another entry (two breakdowns side
    by side, the right one longer, are `slots`' to read)."""
    chosen = set(inside)
    beside: dict[int, str] = {}
    for k in inside:
        s = lines[k][0]
        beside[k] = raw[s : s + pieces[k][0]].strip()
    if any(_ENTRY_RE.fullmatch(text) for text in beside.values()):
        return False
    for k in (k for k in inside if not beside[k]):
        for n in range(k + 1, stop):
            s, e = lines[n]
            cut = s + pieces[n][0] if n in chosen else e
            if raw[s:cut].strip():
                if n in chosen:
                    return True
                break
    return False


def _title_above(
    raw: str, lines: list[Line], start: int, pieces: dict[int, tuple[int, bool]], gutter: int
) -> int:
    """`start`, or the line above it (blank lines skipped) when that line's last piece is a
    short title (one to four words) starting a little left or right of the gutter."""
    k = start - 1
    while k >= 0 and not raw[lines[k][0] : lines[k][1]].strip():
        k -= 1
    if k < 0 or k not in pieces:
        return start
    at, _ = pieces[k]
    if not gutter - _TITLE_LEFT <= at <= gutter + _TITLE_RIGHT:
        return start
    title = raw[lines[k][0] + at : lines[k][1]].strip()
    if not 1 <= len(title.split()) <= 4 or shapes.ends_sentence(title) or "%" in title:
        return start
    return k
