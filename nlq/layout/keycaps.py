"""List ranks written as keycap emoji: "1️⃣ CENTRAL SOUTH UNIVERSITY — 146 patents (12%)".

A post copied from a social network numbers its rows with keycaps: a digit, an optional
variation selector U+FE0F and the combining keycap U+20E3 ("1️⃣", "2⃣"), or the single keycap
ten "🔟". At the start of a line each is read as a list number ("1.", "10."), so the row's rank
is the printed one and the keycap is not part of the name; the rank's evidence spans the digit.
A text without U+20E3 or U+1F51F costs one substring scan each.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_KEYCAP = re.compile(r"(?m)^([ \t]*)(?:(\d{1,2})\ufe0f?\u20e3|(\U0001f51f)\ufe0f?)")


def keycap_edits(text: str) -> list[Edit]:
    """Edits turning a keycap at the start of a line into a list number ("1." / "10.")."""
    if "\u20e3" not in text and "\U0001f51f" not in text:
        return []
    edits = []
    for m in _KEYCAP.finditer(text):
        if m.group(2):  # keep the digits, the keycap marks become the list dot
            edits.append(Edit(m.end(2), m.end(), "."))
        else:
            edits.append(Edit(m.start(3), m.end(), "10."))
    return edits
