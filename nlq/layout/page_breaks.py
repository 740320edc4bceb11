"""A page break in the middle of a line: the page's last text and the next page's first line.

A PDF's text ends each page with a form feed, and some converters write it straight after the
page's last characters, so the next page's first line follows on the same line ("41\fGII 2024 |
Cluster profiles": a page number, then the running header). Read as one line, neither is seen
for what it is (a page number ending a page, a header opening one, `furniture`). A line break
is inserted before each such form feed with a `rewrite` edit, so the form feed opens its line
as it does in other copies; no character of the file is lost or moved.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_MID_LINE = re.compile(r"(?<=[^\s])[ \t]*(?=\f)")


def page_break_edits(text: str) -> list[Edit]:
    """Insert a line break before every form feed that follows text on its line."""
    if "\f" not in text:
        return []
    return [Edit(m.end(), m.end(), "\n") for m in _MID_LINE.finditer(text)]
