"""A page set in two columns (`pdftotext -layout`): each column read down before the other.

`pdftotext -layout` prints a two-column page line by line across both columns, so one line
holds a piece of the left column's prose and a piece of the right column's table ("S&T
clusters in 2024. It filed 692 PCT" ... "Patents  Share"). Read across, the sentences are cut
by table rows and the rows lose their header. The line order is rebuilt instead: a stretch of
lines is two columns when at least three of its lines hold prose (a clause, words one space
apart), then a gap of three spaces or more, then text with a word in it (not a label's lone
figure) starting at one and the same column, the gutter (a right part indented further, as a
wrapped name is, counts too); every line in the stretch must fit that split, the prose never
crossing the gutter. The left column's lines are then read first, the right column's after
them, each a slice of the line, so every offset still points into the source. The stretch
runs on through the left column's paragraphs of prose; a heading or a table there, or a line
that does not fit, ends it. Side-by-side tables (no prose) are left to the table reader.
"""

from __future__ import annotations

import re
from collections import Counter

from nlq.layout import shapes
from nlq.layout.column_flow import flow_stop, flowed_order
from nlq.layout.side_prose import side_prose_order
from nlq.layout.sidebar import sidebar_order

Line = tuple[int, int]

# Prose at the start of a line (four words or more, one space apart), then a wide gap.
_PROSE_THEN_GAP = re.compile(r" {0,3}\S+(?: \S+){3,}( {3,})(?=\S)")
_WIDE_GAP = re.compile(r"\S {3,}\S")
_WORD = re.compile(r"[^\W\d_]{3,}")
_MIN_PROSE_LINES = 3


def reading_order(raw: str) -> list[Line] | None:
    """The (start, end) spans of `raw`'s lines (without line breaks) in reading order, or None
    when no stretch of it is set in two columns (the lines are then read as they come)."""
    if "   " not in raw:
        return None
    lines: list[Line] = []
    pos = 0
    for m in re.finditer(r"\r?\n", raw):
        lines.append((pos, m.start()))
        pos = m.end()
    lines.append((pos, len(raw)))
    return column_order(raw, lines) or beside_order(raw, lines)


def beside_order(raw: str, lines: list[Line]) -> list[Line] | None:
    """`lines` reordered for prose set beside a column of other things: prose beside charts
    (`side_prose`) or a margin of callouts (`sidebar`); None when neither applies. When both
    do (a margin down the whole page, the intro's prose its first stretch beside it), the one
    that reorders more of the page."""
    side, bar = side_prose_order(raw, lines), sidebar_order(raw, lines)
    if side is not None and bar is not None:
        return bar if _moved(bar, lines) > _moved(side, lines) else side
    return side or bar


def _moved(order: list[Line], lines: list[Line]) -> int:
    """How many entries of `order` lie in its reordered stretch (between the lines it keeps in
    place at the page's start and at its end)."""
    head = next(
        (k for k, (a, b) in enumerate(zip(order, lines, strict=False)) if a != b), len(order)
    )
    tail = next(
        (
            k
            for k, (a, b) in enumerate(zip(reversed(order), reversed(lines), strict=False))
            if a != b
        ),
        0,
    )
    return max(0, len(order) - head - tail)


def column_order(raw: str, lines: list[Line]) -> list[Line] | None:
    """`lines` reordered so that a stretch set in two columns reads its left column first,
    then its right one (blank lines as empty spans where a column has nothing), or None when
    no stretch of the page is set in two columns."""
    if "   " not in raw:
        return None
    splits = {k: at for k, line in enumerate(lines) if (at := _split_at(raw, line))}
    # The gutter is where the right column starts on two lines or more; a line whose right
    # part is indented further (a wrapped name, a right-aligned title) also splits there.
    repeated = [g for g, n in Counter(splits.values()).items() if n >= 2]
    if not repeated:
        return None
    gutter = max(repeated, key=lambda g: (sum(1 for at in splits.values() if at >= g), -g))
    start = min(k for k, at in splits.items() if at >= gutter)
    stop = _stretch_end(raw, lines, start, gutter)
    if sum(1 for k, at in splits.items() if start <= k < stop and at >= gutter) < _MIN_PROSE_LINES:
        return None
    start = _stretch_start(raw, lines, start, gutter)
    flowed = flow_stop(raw, lines, stop, gutter, start)  # the left column runs on to the page's end
    stop = flowed or _tables_beside(raw, lines, stop, gutter) or stop
    left, right = split_at(raw, lines[start:stop], gutter)
    if flowed:
        return lines[:start] + flowed_order(raw, _closed_gaps(raw, left), right) + lines[stop:]
    tail = _right_tail(raw, lines, stop, gutter)
    # the tail's left parts start what follows the columns; its right parts end the right one
    below, right_tail = split_at(raw, lines[stop:tail], gutter)
    last = lines[tail - 1] if tail > stop else lines[stop - 1]
    blank = (last[0], last[0])
    return (
        lines[:start]
        + _closed_gaps(raw, left)
        + [blank]
        + right
        + right_tail
        + below
        + lines[tail:]
    )


def split_at(raw: str, lines: list[Line], col: int) -> tuple[list[Line], list[Line]]:
    """Each line cut at column `col`: its left parts (an empty span where it has no text there)
    and its right parts (an empty span at the line's end where it is shorter), both slices
    of the lines, so every offset still points into the source."""
    left: list[Line] = []
    right: list[Line] = []
    for s, e in lines:
        cut = min(s + col, e)
        left.append((s, cut) if raw[s:cut].strip() else (s, s))
        right.append((cut, e) if e > cut else (e, e))
    return left, right


def _right_tail(raw: str, lines: list[Line], stop: int, gutter: int) -> int:
    """The index after the lines below the stretch where its right column goes on beside the
    heading that ended the left one (a sidebar's last lines "2018–2022. Shares are" /
    "rounded." beside "Top PCT applicants"): each starts a text at the gutter, its left part
    prose-free of wide gaps and short of the gutter; `stop` when there are none."""
    k = stop
    while k < len(lines) and k - stop < _MAX_TAIL:
        s, e = lines[k]
        if not _starts_at(raw, (s, e), gutter) or not _fits(raw, (s, e), gutter):
            break
        k += 1
    return k


_MAX_TAIL = 4  # lines of a right column going on below the left one's end


def _tables_beside(raw: str, lines: list[Line], stop: int, gutter: int) -> int | None:
    """The end of the page's two columns when the left one goes on below its prose with
    headings and tables (a fact sheet: the intro, then the ranked tables, at the left; the
    field lists and the collaboration sentences at the right): from `stop` to the page's end
    (a form feed, the end of the text, or a line of the page's width), no line has text in the
    two columns before the gutter, three lines or more start a text at the gutter, and the
    left column holds text too; and the right column runs on beside the end of the prose (a
    text at the gutter on one of the two lines above `stop`), so a page whose right column
    ends beside the prose and goes on full width below (a heading, side-by-side charts) is
    not so. None when the page is not so."""
    if not any(_starts_at(raw, line, gutter) for line in lines[max(0, stop - 2) : stop]):
        return None  # the right column has ended beside the prose: the page goes on full width
    k, at_gutter, left = stop, 0, 0
    while k < len(lines):
        s, e = lines[k]
        if k > stop and raw.startswith("\f", s):
            break
        if raw[s : min(s + gutter, e)][gutter - 2 :].strip():
            break  # text crosses the gutter: a footer or a line of the page's width
        at_gutter += _starts_at(raw, (s, e), gutter)
        left += bool(raw[s : min(s + gutter, e)].strip())
        k += 1
    return k if at_gutter >= _MIN_PROSE_LINES and left and k > stop else None


def _starts_at(raw: str, line: Line, gutter: int) -> bool:
    """Whether a text starts at the gutter on `line` (a space before it)."""
    at = line[0] + gutter
    return at < line[1] and raw[at - 1] == " " and raw[at] != " "


def _stretch_start(raw: str, lines: list[Line], start: int, gutter: int) -> int:
    """The first line of the stretch: above its first line of prose, the lines whose right part
    starts at the gutter belong to it too (the right column's first lines beside a title the
    left column sets in large type, "São José dos" over "Campos, Brazil"), up to a line of the
    page's width or one with nothing at the gutter."""
    k = start
    while k > 0:
        s, e = lines[k - 1]
        if raw[s:e].strip():
            if not (_fits(raw, (s, e), gutter) and _starts_at(raw, (s, e), gutter)):
                break
        k -= 1
    while k < start and not raw[lines[k][0] : lines[k][1]].strip():
        k += 1  # blank lines above the stretch stay where they are
    return k


# Words a name or a sentence does not end with: a line stopping on one goes on below.
_OPEN_END = re.compile(
    r"(?:[^.!?:;]\s|^)(?:of|and|the|de|do|dos|da|das|del|di|du|des|la|le|y|et|und|am|an|on)$"
)


def _closed_gaps(raw: str, left: list[Line]) -> list[Line]:
    """The left column's lines without the blank ones that only stand beside the right
    column's denser lines: a blank between a line that stops mid-clause (a comma, an open
    end: "... the third-ranked cluster," / "São José dos") and one that goes on in lower case
    or completes the name ("out of 4 Brazilian clusters", "Campos, Brazil"), and one beside
    right-column text between a line that ends no sentence and one in lower case."""
    out: list[Line] = []
    for k, (s, e) in enumerate(left):
        if s == e and out and out[-1][0] != out[-1][1]:
            prev = raw[out[-1][0] : out[-1][1]].strip()
            nxt = next((raw[a:b].strip() for a, b in left[k + 1 :] if a != b), "")
            beside = s < len(raw) and raw[s] not in "\n\f"  # the line has right-column text
            if nxt and not shapes.ends_sentence(prev) and _goes_on(prev, nxt, beside):
                continue
        elif s == e and out and out[-1][0] == out[-1][1] and len(out) >= 2:
            continue  # several blanks in a row: one is enough (kept above if it was)
        out.append((s, e))
    return out


def _goes_on(prev: str, nxt: str, beside: bool = False) -> bool:
    """Whether `nxt` carries on the clause or name `prev` stops in; `beside`: the blank
    between them is a line of the right column's only, where a sentence going on in lower
    case ("... It filed 3 312 PCT" / "applications and published ...") goes on."""
    if _OPEN_END.search(prev):
        return True
    if beside and nxt[:1].islower():
        return True
    return prev.endswith(",") and (nxt[:1].islower() or nxt[:1].isdigit())


def _split_at(raw: str, line: Line) -> int:
    """The column a line's second text starts at when the line begins with prose, else 0."""
    s, e = line
    if e - s < 40 or raw.find("   ", s, e) < 0:
        return 0
    m = _PROSE_THEN_GAP.match(raw, s, e)
    if not m or not _WORD.search(raw, m.end(1), e):
        return 0  # a label and its figure ("... per 1 million inhabitants      309") is a row
    return m.end(1) - s if shapes.sentence_like(raw[s : m.start(1)]) else 0


def _fits(raw: str, line: Line, gutter: int) -> bool:
    """Whether a line can be split at `gutter`: its left part prose without wide gaps that
    stops two spaces or more before the gutter (or nothing), its right part anything."""
    s, e = line
    left = raw[s : min(s + gutter, e)]
    if e - s > gutter - 2 and left[gutter - 2 :].strip():
        return False
    return not _WIDE_GAP.search(left.strip())


def _stretch_end(raw: str, lines: list[Line], start: int, gutter: int) -> int:
    """The index after the last line of the two-column stretch starting at `start`: it ends
    at a line that does not fit the split or at a left-column paragraph that is not prose (a
    heading, a table), whichever comes first."""
    k = start
    while k < len(lines):
        if not _fits(raw, lines[k], gutter):
            return k
        if not _left_part(raw, lines[k], gutter):
            k += 1
            continue
        end = k
        while end < len(lines) and _left_part(raw, lines[end], gutter):
            if not _fits(raw, lines[end], gutter):
                break
            end += 1
        text = " ".join(_left_part(raw, ln, gutter) for ln in lines[k:end])
        if k > start and not shapes.sentence_like(text):
            return k
        k = end
    return k


def _left_part(raw: str, line: Line, gutter: int) -> str:
    s, e = line
    return raw[s : min(s + gutter, e)].strip()
