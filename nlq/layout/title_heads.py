"""Running headers made of the first page's opening lines set side by side.

A report laid out as a PDF often opens its first page with a banner and a title on lines of
their own ("Global Innovation Index 2024" centred, then "Bengaluru, India"), and heads every
later page with the same words on one line, pushed to the two margins:

    Bengaluru, India                                   Global Innovation Index 2024

`pdftotext -layout` keeps the gap between them, so the line reads as a row of two cells; under a
list that goes on across the page break it becomes a row of the list (a publisher named
"Bengaluru, India"), and `furniture` and `page_heads` miss it: it holds no page number and it
does not repeat the first page's first line as a whole.

A line is deleted here (line break included, as a `rewrite` edit; a form feed opening it stays,
the page still ends there) when, in text cut into pages by form feeds, it is the first line with
text of a page after the first, it splits at wide gaps (three spaces or more, or a tab) into two
cells or more, and every cell repeats, white space aside, a whole line among the first lines
with text of the first page (`_HEAD_DEPTH`). A row of a table continued on a new page repeats no
such lines, and the first page keeps its own banner and title (the title names the cluster).
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_HEAD_DEPTH = 6  # the first page's lines a running header may repeat: banner, title, subtitle
_GAP = re.compile(r" {3,}|\t")


def title_head_edits(text: str) -> list[Edit]:
    """Edits deleting the later pages' first lines that set the first page's opening lines
    side by side (`Bengaluru, India      Global Innovation Index 2024`)."""
    if "\f" not in text:
        return []
    opening: set[str] = set()
    edits: list[Edit] = []
    pos, page, page_start = 0, 0, True
    for line in text.split("\n"):
        end = pos + len(line) + 1
        if line.startswith("\f"):
            page, page_start = page + 1, True
        words = " ".join(line.split())
        if words and page == 0 and len(opening) < _HEAD_DEPTH:
            opening.add(words)
        elif words and page_start and page > 0:
            cells = [" ".join(c.split()) for c in _GAP.split(line.strip(" \t\f"))]
            if len(cells) >= 2 and all(c in opening for c in cells):
                edits.append(Edit(pos + line.startswith("\f"), min(end, len(text)), ""))
        if words:
            page_start = False
        pos = end
    return edits
