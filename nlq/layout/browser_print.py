"""A web page printed to PDF by a browser, its text pasted without the form feeds between pages.

A browser prints a header on every page, the date and time of printing then the page's title
("12/1/26, 10:41 AM      Changsha, China - Global Innovation Index 2024"), and a footer, the
page's address then a page counter ("https://www.wipo.int/.../changsha-cn-32      1/3"). With
form feeds kept, `furniture` finds them at page starts and ends; pasted without them they sit
inside tables (a publisher "12/1/26, 10:41 AM", a field named after the address). A line is
such furniture when:

- it opens with a print date and time ("12/1/26, 10:41 AM", "2026-12-01 10:41") and the same
  line comes back at least once: every copy after the first is deleted (the first may be the
  only title the page has); or
- it ends with a page counter "k/N" and the same words come back with the counter only
  changed, k rising by one and never past N, N the same on every line: all are deleted.

Lines are deleted whole, line break included. A text without a print stamp or a counter at a
line end costs two scans for a literal (":" and two digits, "/" and digits at a line
end).
"""

from __future__ import annotations

import re
from collections import defaultdict

from nlq.layout.rewrite import Edit

_TIME = re.compile(r":\d\d")  # where a stamp may be: a literal the scan jumps to
_STAMP = re.compile(
    r"\f?(?:\d{1,2}/\d{1,2}/\d{2,4},?|\d{4}-\d{2}-\d{2},?)[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]+\S[^\n]*",
)
# Found from its slash (a literal the scan jumps to), then read back to the line's start.
_COUNTER = re.compile(r"/(\d{1,3})[ \t]*$", re.M)
_BEFORE = re.compile(r"(\S[^\n]*?)[ \t]{2,}(\d{1,3})$")


def browser_print_edits(text: str) -> list[Edit]:
    """Edits deleting a printed page's repeated header and counted footer lines."""
    found: list[tuple[int, int]] = []
    heads: dict[str, list[tuple[int, int]]] = defaultdict(list)
    checked = -1  # the start of the last line checked
    for t in _TIME.finditer(text):
        start = text.rfind("\n", 0, t.start()) + 1
        if start == checked:
            continue
        checked = start
        m = _STAMP.match(text, start)
        if m is not None:
            heads[" ".join(m.group().split())].append(m.span())
    for spans in heads.values():
        found.extend(spans[1:])
    feet: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    for m in _COUNTER.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        before = _BEFORE.fullmatch(text, start + (text[start : start + 1] == "\f"), m.start())
        if before is not None:
            words = " ".join(before.group(1).split())
            feet[words].append((start, m.end(), int(before.group(2)), int(m.group(1))))
    for lines in feet.values():
        pages = [k for _, _, k, _ in lines]
        totals = {n for _, _, _, n in lines}
        if len(lines) >= 2 and len(totals) == 1 and _counted(pages, totals.pop()):
            found.extend((a, b) for a, b, _, _ in lines)
    return [_line_edit(text, a, b) for a, b in sorted(found)]


def _counted(pages: list[int], total: int) -> bool:
    """Page numbers rising by one, from 1 or later, up to at most the total."""
    return all(b == a + 1 for a, b in zip(pages, pages[1:], strict=False)) and pages[-1] <= total


def _line_edit(text: str, start: int, end: int) -> Edit:
    """Deleting a line found at `start:end` with its line break; a form feed opening it
    stays (the page still ends there)."""
    if text[start : start + 1] == "\f":
        start += 1
    return Edit(start, min(end + 1, len(text)), "")
