"""Struck-out text: flattened tracked changes and Markdown strikethrough are not read.

A Word document with tracked changes, flattened to text, keeps the deleted text in
``~~strikethrough~~`` right before the inserted value ("~~2,000~~ 2,069", "~~eleventh~~
twelfth-ranked"). The struck text is what the author removed, so it is deleted (with the space
after it) by a `rewrite` edit; the value after it is read, and evidence still points at the file.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# One struck stretch on one line: "~~" + text that neither starts nor ends with a space + "~~".
_STRUCK = re.compile(r"~~(?=[^\s~])[^~\n]{1,80}?(?<=[^\s~])~~[ \t]?")


def struck_edits(text: str) -> list[Edit]:
    """Delete each ``~~struck~~`` stretch and one space after it (most texts have none)."""
    if "~~" not in text:
        return []
    return [Edit(m.start(), m.end(), "") for m in _STRUCK.finditer(text)]
