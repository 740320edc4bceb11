"""A framed box of one column, as plain-text memos draw a summary: its frame removed.

    +--------------------------------------+
    | SUMMARY BOX                          |
    |   Cluster ........ Hefei, China      |
    |   National rank .. 12th of 26 ...    |
    +--------------------------------------+

Read as a grid table, the box is one cell holding every line. A box is a `+---+` rule with no
inner `+`, two or more lines that open and close with `|` and hold no other `|`, and the same
rule again; its rules become blank lines and its bars (with the spaces that pad them) are
deleted, so each line inside reads as a line of text ("Cluster ........ Hefei, China"). A grid
table of several columns (`+----+----+`) is left to the pipe-table reader.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_BOX = re.compile(
    r"^(?P<top>[ \t]*\+-{3,}\+[ \t]*)\n"
    r"(?P<body>(?:[ \t]*\|[^|\n]*\|[ \t]*\n){2,})"
    r"(?P<bottom>[ \t]*\+-{3,}\+[ \t]*)$",
    re.M,
)
_INSIDE = re.compile(r"^([ \t]*\|[ \t]?)[^|\n]*?([ \t]*\|[ \t]*)$", re.M)


def text_box_edits(text: str) -> list[Edit]:
    """Edits removing the frame of every one-column box of `text` (see above)."""
    if "+---" not in text:
        return []
    edits: list[Edit] = []
    for box in _BOX.finditer(text):
        edits.append(Edit(box.start("top"), box.end("top"), ""))
        edits.append(Edit(box.start("bottom"), box.end("bottom"), ""))
        start = box.start("body")
        for line in _INSIDE.finditer(box.group("body")):
            edits.append(Edit(start + line.start(1), start + line.end(1), ""))
            edits.append(Edit(start + line.start(2), start + line.end(2), ""))
    return edits
