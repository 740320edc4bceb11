"""A note pointed at a line with an arrow after it: "... 5,986 pubs (14%)   <- same org as #1".

A person annotating a list writes a remark after a row, set apart by white space and an arrow
("<-", "<--", "<==", "←"). Left in, the remark becomes part of the row, and its figures ("#1")
read as the row's. Such a remark, the space before it included, is removed as a `rewrite` edit
when the arrow follows the row's text after white space and is followed by a space and words; an
arrow inside the text ("x <- y" in code, "A <-> B") is left alone.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_NOTE = re.compile(r"(?<=\S)[ \t]{2,}(?:<-{1,2}|<==|←|⟵)[ \t]+[^\W\d_][^\n]*$", re.M)


def arrow_note_edits(text: str) -> list[Edit]:
    """Edits removing remarks written after an arrow at the end of a line."""
    if "<-" not in text and "<==" not in text and "←" not in text and "⟵" not in text:
        return []
    return [Edit(m.start(), m.end(), "") for m in _NOTE.finditer(text)]
