"""AsciiDoc tables (`|===` ... `|===`) as pipe tables, one row per line.

AsciiDoc lets a table row take several lines: each cell starts with "|" and may stand on a line
of its own ("|1" / "|TECHNISCHE UNIVERSITEIT" / "|6,020" / "|35%"), the number of columns coming
from the `cols` attribute above the table ("[cols="1,6,2,1"]") or from the cells on its first
line. These edits (`rewrite`) put each row's cells on one line and turn the `|===` fences into
pipe-table rules, so the pipe-table reader reads the table; evidence still points at the cells.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_FENCE = re.compile(r"^\|===[ \t]*$", re.M)
_COLS = re.compile(r"""cols\s*=\s*"?([^"\]]+)"?""")
_MULTIPLIER = re.compile(r"^(\d+)\*")
_CELL = re.compile(r"(?<!\\)\|")


def _columns(spec: str) -> int:
    """Columns in a `cols` attribute: "1,6,2,1" is four, "3*" three, "2*,1" three."""
    n = 0
    for part in spec.split(","):
        m = _MULTIPLIER.match(part.strip())
        n += int(m.group(1)) if m else 1
    return n


def asciidoc_edits(text: str) -> list[Edit]:
    """Edits joining each multi-line row of every AsciiDoc table onto one line."""
    if "|===" not in text:
        return []
    fences = list(_FENCE.finditer(text))
    edits: list[Edit] = []
    for open_, close in zip(fences[0::2], fences[1::2], strict=False):
        edits.append(Edit(open_.start(), open_.end(), "|-|"))
        edits.append(Edit(close.start(), close.end(), "|-|"))
        before = text[text.rfind("\n", 0, max(open_.start() - 1, 0)) + 1 : open_.start()]
        m = _COLS.search(before) if before.lstrip().startswith("[") else None
        edits += _join_rows(text, open_.end() + 1, close.start(), _columns(m.group(1)) if m else 0)
    return edits


def _join_rows(text: str, start: int, end: int, width: int) -> list[Edit]:
    """Edits replacing the line breaks inside each row of the body `text[start:end]`."""
    lines = []  # (start, end, cells) of the body's non-blank lines
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop]
        if line.strip():
            if not line.lstrip().startswith("|"):
                return []  # a cell running over lines: not a layout read here
            lines.append((pos, stop, len(_CELL.findall(line))))
        pos = stop + 1
    if not lines:
        return []
    width = width or lines[0][2]
    if all(cells == width for _, _, cells in lines):
        return []  # one row per line already
    edits: list[Edit] = []
    count = 0
    for (_, a_end, cells), (b_start, _, _) in zip(lines, lines[1:], strict=False):
        count += cells
        if count % width:  # the row goes on: its next cell moves up to this line
            edits.append(Edit(a_end, b_start, " "))
        elif b_start > a_end + 1:  # blank lines between two rows: one table, not several
            edits.append(Edit(a_end, b_start, "\n"))
    return edits
