"""A title wrapped after its comma: the cluster's name on one line, its economy under it.

Slides and posters set the title "München, Germany" in a large font in a narrow box, so it
breaks after the comma, and the layout text of the page gives

    München,                                  Briefing for the regional innovation board
    Germany

with another box's text beside the first half. No line holds "Cluster, Economy", so the title
patterns find the cluster only in the prose. When the economy is still unknown, a line near
the top of the page that starts with the cluster's name and a comma and nothing else before
a wide gap, over a line starting at the same column with a short name (capitalized words, no
figure), gives that name as the economy. So it does when the title patterns took the other
box's text for the economy: "Lyon," then a column gap (three spaces or more, or a tab) then
"Briefing for the board" is no "Cluster, Economy" line (`across_gap`).
"""

from __future__ import annotations

import re

from nlq.extractors.located import Located
from nlq.layout.shapes import line_pieces

_NAME = re.compile(r"(?-i:[A-Z])[^\W\d_][\w.'’()-]*(?: [^\W\d_][\w.'’()-]*){0,4}")
_HEAD_LINES = 12  # the lines (with text) at the top of the first page a title stands in
_ALIGN = 2
_COLUMN_GAP = re.compile(r",(?: {3,}|[ \t]*\t[ \t]*)")


def wrapped_title_economy(raw: str, cluster: str) -> Located | None:
    """The economy under a title line "Cluster," wrapped after its comma, else None."""
    if not cluster:
        return None
    lines = line_pieces(raw.split("\f", 1)[0])  # the first page
    seen = 0
    for i, line in enumerate(lines[:-1]):
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        col, _, first = line[0]
        if first != f"{cluster}," or not lines[i + 1]:
            continue
        at, offset, name = lines[i + 1][0]
        if abs(at - col) > _ALIGN:
            continue
        if _NAME.fullmatch(name) and len(name) <= 40:
            return Located(name, offset, offset + len(name))
    return None


def across_gap(raw: str, cluster: Located, economy: Located) -> bool:
    """Whether a title's economy stands after a column gap from its cluster's comma."""
    return bool(_COLUMN_GAP.fullmatch(raw[cluster.end : economy.start]))
