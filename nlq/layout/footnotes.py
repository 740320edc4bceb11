"""Footnote markers glued to figures, and the footnotes they point to at the end of the page.

A briefing may mark figures with footnotes ("128¹ PCT applications", "14,230²", "19%*",
"Other (39%)†") and explain them at the end ("¹ Fractional count; the unrounded 2023 value was
117."). Left in, a marker makes a count unreadable or splits a row into a name and a "212¹"
cell, and the footnotes' own figures (an earlier year's value, a conference-paper count) read as
the profile's. When the page ends with a block of two or more lines each opening with a marker
(superscript digits, "*", "†", "‡", "§"), after an optional rule, and some of those markers are
glued to a figure in the text above (after a digit, a "%" or a ")"), the glued markers and the
footnote block are removed as `rewrite` edits, so evidence still points into the file. A page
without such a block keeps every mark: a "*" may be markdown, a "²" a unit.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_MARK = r"(?:[⁰¹²³⁴-⁹]+|\*{1,3}|†{1,2}|‡{1,2}|§)"
# A footnote line: its marker, a space, the note.
_NOTE_LINE = re.compile(rf"[ \t]*(?P<m>{_MARK})[ \t]*(?=[^\W\d_]|\d)\S.*")
_RULE = re.compile(r"[ \t]*[_\-—–=]{3,}[ \t]*")
_GLUED = re.compile(rf"(?<=[\d%)])(?P<m>{_MARK})(?=[\s,;.:|)]|$)", re.M)
_MIN_NOTES = 2
_CHEAP = re.compile(r"[⁰¹²³⁴-⁹*†‡§]")


def footnote_edits(text: str) -> list[Edit]:
    """Edits removing footnote markers glued to figures and the footnote block at the end."""
    if not _CHEAP.search(text[-4000:]):
        return []
    block = _footnote_block(text)
    if block is None:
        return []
    start, marks = block
    glued = [m for m in _GLUED.finditer(text, 0, start) if m.group("m") in marks]
    if not glued:
        return []
    return [Edit(m.start(), m.end(), "") for m in glued] + [Edit(start, len(text), "")]


def _footnote_block(text: str) -> tuple[int, set[str]] | None:
    """Where the trailing footnote block starts (its rule, if any) and the markers it defines,
    or None when the page does not end with one."""
    end = len(text.rstrip())
    marks: set[str] = set()
    start = None
    pos = end
    while pos > 0:
        line_start = text.rfind("\n", 0, pos) + 1
        line = text[line_start:pos]
        m = _NOTE_LINE.fullmatch(line)
        if m:
            marks.add(m.group("m"))
            start = line_start
        elif _RULE.fullmatch(line) and start is not None:
            start = line_start
            break
        elif line.strip() or start is None:
            break
        pos = line_start - 1
    if start is None or len(marks) < _MIN_NOTES:
        return None
    return start, marks
