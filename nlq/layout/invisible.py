"""Invisible characters inside words and numbers: zero-width spaces, direction marks, soft hyphens.

Text copied from a web page or a PDF viewer can keep characters that show nothing: a zero-width
space ("3\u200b09", "14,\u200b953"), a right-to-left or left-to-right mark ("\u200f32nd",
"7,290\u200e"), a soft hyphen where a word may break ("appli\u00adcations"), a word joiner or a
byte-order mark. Left in place they split a figure in two ("3" and "09") or hide a word from every
pattern. Each is deleted with a `rewrite` edit, so evidence still points at the file's characters.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")


def invisible_edits(text: str) -> list[Edit]:
    """Delete every run of invisible format characters (nothing to do for ASCII text)."""
    if text.isascii():
        return []
    return [Edit(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
