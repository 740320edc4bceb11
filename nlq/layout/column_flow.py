"""A page's left column that runs to the page's end and carries on at the top of the right one.

A book chapter set in two columns fills the left column to the page's foot, a sentence cut at
its last line ("... filed in collaboration with other inventors, with"), and goes on at the top
of the right column ("Beijing, Shenzhen-Hong Kong-Guangzhou and ..."). `page_columns` reads a
stretch of two columns left first, then right, but ends the stretch at the first paragraph of
the left column that is not prose (a box's title, a table): below it the lines were read
across, so the cut sentence came after the tables and its end before them, or not at all.

When every line from the end of the stretch to the end of the page (a form feed, or the end of
the text) keeps clear of the gutter (nothing in the two characters before it, and whatever
lies right of it starts at it) and the left column's text, read down to the page's end, stops
open (a comma, "with", "of", `shapes.ends_open`), the left column is the page's whole left
side: the stretch runs to the page's end, and the right column is read straight after the
left column's last text, with no blank between (the sentence goes on); the left column's lines
below that text (a page number set under it) come after the right column.

A list goes on the same way: a newsletter's field list fills the left column to its foot
("Neurosciences (7%)") and its last items top the right column ("Chemistry (5%)", "Other
(19%)") over the column's own heading. The left column also runs on when its last text and the
right column's first are both such items, a name and its share. A footer under the columns
(the page's last line with text, a blank line above it) may cross the gutter: the stretch ends
above it and it is read whole after the columns.
"""

from __future__ import annotations

import re

from nlq.layout import shapes

Line = tuple[int, int]

_BARE_NUMBER = re.compile(r"\d{1,4}")
# A list's item of a name and its share ("Chemistry (5%)", "Optics 4%").
_ITEM = re.compile(r"[^\W\d_][^\d%]*?[ \t]\(?\d{1,3}(?:[.,]\d{1,2})?[ \t]?%\)?")


def flow_stop(raw: str, lines: list[Line], stop: int, gutter: int, start: int) -> int | None:
    """The index after the page's last line (or its footer's first) when the left column of
    the stretch from `start` runs on to it and stops open there or in a list that the right
    column's top goes on with (see the module's docstring), else None."""
    end = stop
    while end < len(lines):
        s, e = lines[end]
        if raw.startswith("\f", s):
            break
        if not _clear(raw, lines[end], gutter):
            if not _footer(raw, lines, end):
                return None
            break
        end += 1
    last = _last_text(raw, lines[:end], gutter)
    if last is None:
        return None
    if shapes.ends_open(last[1]):
        return end
    top = next((raw[s + gutter : e].strip() for s, e in lines[start:stop] if e > s + gutter), "")
    return end if _ITEM.fullmatch(last[1]) and _ITEM.fullmatch(top) else None


def _footer(raw: str, lines: list[Line], k: int) -> bool:
    """Whether line `k` is a page's footer: its last line with text, a blank line above it."""
    if k == 0 or raw[lines[k - 1][0] : lines[k - 1][1]].strip():
        return False
    for s, e in lines[k + 1 :]:
        if raw.startswith("\f", s):
            return True
        if raw[s:e].strip():
            return False
    return True


def flowed_order(raw: str, left: list[Line], right: list[Line]) -> list[Line]:
    """The left column's lines down to its last text, the right column's lines, then the left
    column's lines under that text."""
    k = max((i for i, (s, e) in enumerate(left) if _is_text(raw[s:e])), default=len(left) - 1)
    return left[: k + 1] + right + left[k + 1 :]


def _is_text(text: str) -> bool:
    t = text.strip()
    return bool(t) and not _BARE_NUMBER.fullmatch(t)


def _last_text(raw: str, lines: list[Line], gutter: int) -> tuple[int, str] | None:
    """The last line whose left part holds text other than a bare number (a page number), with
    that text."""
    for k in range(len(lines) - 1, -1, -1):
        s, e = lines[k]
        left = raw[s : min(s + gutter, e)]
        if _is_text(left):
            return k, left.strip()
    return None


def _clear(raw: str, line: Line, gutter: int) -> bool:
    """Whether a line keeps clear of the gutter: nothing in the two characters before it, and
    its right part, if any, starting at it."""
    s, e = line
    at = s + gutter
    if e <= at - 2:
        return True
    if raw[at - 2 : min(at, e)].strip():
        return False
    right = raw[at:e]
    return not right.strip() or right[0] != " "
