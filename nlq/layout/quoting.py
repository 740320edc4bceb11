"""E-mail quoting: a profile forwarded or replied to has "> " before every line.

The quote marks are not part of the text: left in, they become part of the title ("> Changsha")
and of every name ("> No. 1 - CENTRAL SOUTH UNIVERSITY"). When at least three lines start with
one, every line's leading quote marks ("> ", ">> ", "> > ") are removed as `rewrite` edits, so
the lines read as the unquoted profile and evidence still points into the file.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_QUOTE = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?", re.M)
_MIN_LINES = 3


def quote_edits(text: str) -> list[Edit]:
    """Edits removing the quote marks at the start of every quoted line."""
    if ">" not in text:
        return []
    found = list(_QUOTE.finditer(text))
    if len(found) < _MIN_LINES:
        return []
    return [Edit(m.start(), m.end(), "") for m in found]
