"""A reviewer's italic remark after a row's last figure is no part of the row.

A checked copy of a profile may carry an editor's note in italics after a row
("3 · NAME · 5,986 · 14% *(same name as rank 1 — printed like this in the source, keep)*").
Left in, the remark becomes part of the name or hides the row's figures. An italic stretch in
parentheses, holding words and no share, that ends a line right after a share ("14%") or a
count is removed by a `rewrite` edit, so the row reads as printed and evidence still points
into the file ("2,069 *(54%)*" keeps its share). A text without "*(" or "_(" costs two
substring scans.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# After a figure ("14%", "5,986"): spaces, then "*(...)*" or "_(...)_" up to the end of the
# line, holding words and no share (an italic "*(54%)*" after a count is the row's share).
_REMARK = re.compile(
    r"(?m)(?<=[\d%])[ \t]+([*_])\((?=[^()\n%]*[^\W\d_]{3})[^()\n%]{1,200}\)\1[ \t]*$"
)


def remark_edits(text: str) -> list[Edit]:
    """Edits deleting each italic parenthesised remark that ends a line after a figure."""
    if "*(" not in text and "_(" not in text:
        return []
    return [Edit(m.start(), m.end(), "") for m in _REMARK.finditer(text)]
