"""A screen reader's transcript of a page (an NVDA speech-viewer log) read as the page.

A screen reader speaks each element with its role: "heading level 2, Hefei, China",
"bullet, Optics (4%)", "bold, 27 PCT applications" on a line of its own inside a sentence,
"row 2, column 1, 1, column 2, NAME, column 3, 17, column 4, 31%" for a table row, and
announcements ("main landmark", "list, 4 items", "table end", "link, GII 2025"). These
`rewrite` edits keep what the page shows, every kept character mapped to the file:

- announcements and links go, line and all (a link is navigation, not a figure of the page);
- "heading level N, " goes, and the heading is set apart by a blank line; "bullet, " is "- ";
- a bold line rejoins the sentence it was spoken from: the break before it is a space, the
  break after it a space (nothing before a line that starts with punctuation, as ", both per
  ..." or a lone ",");
- a table row's "row N, column 1, " goes and each ", column K, " (K the next column) is a tab,
  so a name holding a comma ("THALASSA ROBOTICS, A.E.") stays one cell; a "blank" cell is
  empty.

Only text with several "heading level N, " lines and spoken rows or bullets is rewritten.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_HEADING = re.compile(r"heading level \d, ")
_ANNOUNCED = re.compile(
    r"^(?:(?:[\w ]+ )?landmark(?: end|, .*)?|list, \d+ items?|list end|table, \d+ columns?, "
    r"\d+ rows?|table end|link, .*|graphic, .*|separator)$"
)
_ROW = re.compile(r"^row \d+, column 1, ")
_BOLD = "bold, "
_BULLET = "bullet, "


def screenreader_edits(text: str) -> list[Edit]:
    """Edits reading a screen-reader transcript as its page (see the module docstring)."""
    if text.count("\nheading level ") < 2 or not (
        "\nrow 1, column 1, " in text or "\nbullet, " in text
    ):
        return []
    edits: list[Edit] = []
    lines = text.split("\n")
    pos = 0
    starts = []
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    for k, ln in enumerate(lines):
        s = starts[k]
        end = s + len(ln)
        if _ANNOUNCED.match(ln):
            edits.append(Edit(s, end, ""))  # its break stays: a block ends there
        elif _HEADING.match(ln):
            edits.append(Edit(s, s + _HEADING.match(ln).end(), "\n"))
            edits.append(Edit(end, end, "\n"))
        elif ln.startswith(_BULLET):
            edits.append(Edit(s, s + len(_BULLET), "- "))
        elif ln.startswith(_BOLD):
            edits += _bold(text, lines, starts, k)
        elif _ROW.match(ln):
            edits += _row(ln, s)
    return edits


def _bold(text: str, lines: list[str], starts: list[int], k: int) -> list[Edit]:
    s = starts[k]
    end = s + len(lines[k])
    out = [Edit(s, s + len(_BOLD), "")]
    prev = lines[k - 1] if k > 0 else ""
    if prev.strip() and not _announced(prev):
        out.append(Edit(s - 1, s, " "))
    nxt = lines[k + 1] if k + 1 < len(lines) else ""
    if nxt.strip() and not _announced(nxt) and end < len(text):
        out.append(Edit(end, end + 1, "" if nxt[0] in ",.;:)" else " "))
    return out


def _announced(line: str) -> bool:
    return bool(_ANNOUNCED.match(line) or _HEADING.match(line) or _ROW.match(line)) or (
        line.startswith(_BULLET)
    )


def _row(line: str, s: int) -> list[Edit]:
    m = _ROW.match(line)
    assert m is not None
    out = [Edit(s, s + m.end(), "")]
    spans = []
    start, col = m.end(), 2
    while (i := line.find(f", column {col}, ", start)) >= 0:
        sep = f", column {col}, "
        spans.append((start, i))
        out.append(Edit(s + i, s + i + len(sep), "\t"))
        start, col = i + len(sep), col + 1
    spans.append((start, len(line)))
    out += [Edit(s + a, s + b, "") for a, b in spans if line[a:b] == "blank"]
    return out
