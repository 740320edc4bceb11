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
    edits = [Edit(m.start(), m.end(), "") for m in found]
    return edits + _reply_edits(text, found)


_HEADER = re.compile(r"(?:From|To|Cc|Subject|Date|Sent|Reply-To):[ \t]", re.I)


def _rest_of_line(text: str, pos: int) -> str:
    nl = text.find("\n", pos)
    return text[pos:] if nl < 0 else text[pos:nl]


def _reply_edits(text: str, quoted: list[re.Match[str]]) -> list[Edit]:
    """Edits removing the unquoted body lines of a mail that is mostly quoted."""
    if not _HEADER.match(text):
        return []
    body = text.find("\n\n")
    if body < 0:
        return []
    headers = text[:body].split("\n")
    if len(headers) < 2 or not all(_HEADER.match(h) for h in headers[:2]):
        return []
    starts = {m.start() for m in quoted}
    own: list[tuple[int, int]] = []
    pos = body + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if pos not in starts and text[pos:end].strip():
            own.append((pos, end))
        pos = end + 1
    # A reply as long as half the quote may itself be a page (a corrected copy above the
    # original): then nothing is removed.
    if 2 * len(own) > sum(1 for m in quoted if _rest_of_line(text, m.end()).strip()):
        return []
    return [Edit(a, b, "") for a, b in own]
