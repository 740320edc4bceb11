"""Which row a wrapped name's lone line belongs to, from where a page sets the row's figures.

A text layer copies a table whose names wrap in a narrow cell as rows of a rank, the name's
line and the figures, with the name's other lines alone between them. Whether such a line ends
the name above or starts the one below depends on how the table sets its cells vertically:

    top (figures on the name's first line)     bottom (figures on the name's last line)
     1   NORDVIK UNIVERSITY OF     41   9%       1   INSTITUTE OF MARINE SCIENCE    214   9%
         TECHNOLOGY                                  BERGVIK OFFSHORE SERVICES
     2   HALDEN HOSPITAL           27   6%       2   LIMITED                        168   7%

One page sets all its tables one way, so the page's rows and lone lines are weighed together
(`alignment`):

- a lone line after a table's last row can only end that row's name (top); one before its
  first row can only start that row's name (bottom);
- a row's name that stops on a word no name ends with ("... OF") goes on below (top);
- every line of a wrapped name but its last is full: the next word would not have fitted in
  the cell (as wide as the widest name line on the page). A row's line that leaves room for
  the first word of the lone line under it ended its name (bottom); a lone line that leaves
  room for the first word of the row under it ended a name (top).

Only a page whose evidence all points one way is read so (a centred cell, `name_heads`, puts
lines on both sides). Reading top is what the plain-text reader does anyway; this module
gives it the bottom case (`bottom_aligned`) and lets a top table go on across the blank line a
text layer may set between a row and its name's rest (`bridge_blanks`).
"""

from __future__ import annotations

import re
from functools import lru_cache

Span = tuple[int, int]

# A ranked row: its rank, the name (words, no figures) and, after a gap, its figures.
_ROW = re.compile(r"^ *\d{1,3}[.)]? +(?P<name>[^\W\d_][^\d]*?) {2,}\(?\d")
# A lone line of a name: words only, indented.
_PIECE = re.compile(r"^ {2,}(?P<name>[^\W\d_][^\d]*?) *$")
_GAP = re.compile(r" {2,}|\t")
_DANGLING = re.compile(r"(?:\s(?i:of|and|for|the|de|du|des|la|le)|\s[-–—&]|,)$")


def _kind(line: str) -> tuple[str, int, str] | None:
    """('row' | 'piece', the name's column, the name) of a line, or None."""
    m = _ROW.match(line)
    if m is None:
        m = _PIECE.match(line)
        if m is None or _GAP.search(m.group("name")):
            return None
        return "piece", m.start("name"), m.group("name")
    return "row", m.start("name"), m.group("name")


def _runs(raw: str, spans: list[Span]) -> list[list[tuple[int, str, str]]]:
    """Runs of rows and lone lines at their name's column, as (line index, kind, name); one
    blank line between a row and a lone line does not end a run."""
    runs: list[list[tuple[int, str, str]]] = []
    run: list[tuple[int, str, str]] = []
    col = -1
    for i, (s, e) in enumerate(spans):
        line = raw[s:e]
        if not line.strip() and run and i + 1 < len(spans):
            nxt = _kind(raw[spans[i + 1][0] : spans[i + 1][1]])
            if nxt is not None and nxt[0] == "piece" and abs(nxt[1] - col) <= 1:
                continue
        kind = _kind(line)
        if kind is not None and (not run or abs(kind[1] - col) <= 1 or kind[0] == "row"):
            if kind[0] == "row" and run and abs(kind[1] - col) > 1:
                runs.append(run)
                run = []
            if kind[0] == "piece" and not run:
                nxt = _kind(raw[spans[i + 1][0] : spans[i + 1][1]]) if i + 1 < len(spans) else None
                if nxt is None or abs(nxt[1] - kind[1]) > 1:
                    continue  # a line of words not over a name's column: no piece
            run.append((i, kind[0], kind[2]))
            col = kind[1]
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return [r for r in runs if any(k == "row" for _, k, _ in r)]


def alignment(raw: str, spans: list[Span]) -> str | None:
    """'top' or 'bottom' when the page's wrapped names all point that way, else None."""
    runs = _runs(raw, spans)
    names = [name for run in runs for _, _, name in run]
    width = max((len(n) for n in names), default=0)
    top = bottom = 0
    for run in runs:
        kinds = [k for _, k, _ in run]
        if "piece" not in kinds:
            continue
        if kinds[0] == "piece":
            bottom += 1
        if kinds[-1] == "piece":
            top += 1
        for (_, k1, n1), (_, k2, n2) in zip(run, run[1:], strict=False):
            room = len(n1) + 1 + len(n2.split()[0]) <= width
            if k1 == "row" and k2 == "piece":
                top += bool(_DANGLING.search(n1))
                bottom += room
            elif k1 == "piece" and k2 == "row":
                top += room
    if top and not bottom:
        return "top"
    if bottom and not top:
        return "bottom"
    return None


@lru_cache(maxsize=8)
def bottom_aligned(raw: str) -> bool:
    """Whether the page `raw` sets its figures on the last line of a wrapped name."""
    if "\n  " not in raw:
        return False
    spans, pos = [], 0
    for line in raw.split("\n"):
        spans.append((pos, pos + len(line.rstrip("\r"))))
        pos += len(line) + 1
    return alignment(raw, spans) == "bottom"


def bridge_blanks(raw: str, spans: list[Span]) -> list[Span]:
    """`spans` without the blank lines that stand between a row and the rest of its name on a
    page whose names go on below their figures' line."""
    if "\n  " not in raw or alignment(raw, spans) != "top":
        return spans
    drop: set[int] = set()
    for run in _runs(raw, spans):
        for (i, _, _), (j, _, _) in zip(run, run[1:], strict=False):
            drop.update(range(i + 1, j))
    return [s for k, s in enumerate(spans) if k not in drop] if drop else spans


# A wrapped name's lone line that shares its line with the other list's row or name, beside
# it: the name (words only) at the start, a wide gap, then the other list's text.
_SHARED_PIECE = re.compile(r"^ {2,}(?P<name>[^\W\d_][^\d]*?) {3,}\S")


def bridge_side_blanks(raw: str, spans: list[Span]) -> list[Span]:
    """`spans` without the blank lines a text layer sets inside two ranked lists side by side,
    between a row (or a name's line) and the line holding the rest of a name under it, which
    the other list's row shares: " 2  KOREA INSTITUTE OF APPLIED  2,296  14%   ENGINEERING" /
    "" / "      ELECTRONICS        2  CHUNGNAM NATIONAL  5,850  15%"; or between the right-hand
    list's row and its name's rest ending the left list's next row ("2  NAME  118  10%   3
    CNRS, DÉLÉGATION RHÔNE  1,820  12%" / "" / "3  ÉCOLE DES MINES DE  83  7%   AUVERGNE").
    Without the blank the table reader joins each rest as it does on a page set without one."""
    if "\n  " not in raw:
        return spans
    drop: set[int] = set()
    for k in range(1, len(spans) - 1):
        s, e = spans[k]
        if raw[s:e].strip():
            continue
        after = raw[spans[k + 1][0] : spans[k + 1][1]]
        m = _SHARED_PIECE.match(after)
        if m is None or _GAP.search(m.group("name")):
            if _right_rest_under_row(raw, spans, k, after):
                drop.add(k)
            continue
        col = m.start("name")
        for j in range(k - 1, max(-1, k - 4), -1):  # the row whose name the rest is under
            above = raw[spans[j][0] : spans[j][1]]
            row = _ROW.match(above)
            if row is not None:
                if abs(row.start("name") - col) <= 1 and _GAP.search(above[row.end("name") :]):
                    drop.add(k)
                break
            piece = _SHARED_PIECE.match(above) or _PIECE.match(above)
            if not above.strip() or piece is None or abs(piece.start("name") - col) > 1:
                break
    return [sp for k, sp in enumerate(spans) if k not in drop] if drop else spans


# The right-hand list's name rest ending a line, after the left list's row: "3  ÉCOLE DES
# MINES DE  83  7%      AUVERGNE".
_RIGHT_REST = re.compile(r"\S {3,}(?P<name>[^\W\d_][^\d]*?) *$")
# A ranked row's name after a wide gap (the right-hand list's row): "...  1    NAME   5,912".
_RIGHT_ROW = re.compile(r"(?:^| {2,})\d{1,3}[.)]? +(?P<name>[^\W\d_][^\d]*?) {2,}\(?\d")


def _right_rest_under_row(raw: str, spans: list[Span], k: int, after: str) -> bool:
    """Whether the line after blank line `k` ends with a name's rest (words only) under the
    right-hand list's row on the line above the blank, at its name's column."""
    m = _RIGHT_REST.search(after)
    if m is None or _GAP.search(m.group("name")) or m.start("name") < 20:
        return False
    above = raw[spans[k - 1][0] : spans[k - 1][1]]
    return any(abs(r.start("name") - m.start("name")) <= 1 for r in _RIGHT_ROW.finditer(above))
