"""Markdown reference-style links: `[POLITECHNIKA ŁÓDZKA][pl]` with `[pl]: https://...` below.

The link text is the name; the label and the definition lines are markup. Left in, the brackets
become part of a name ("[Warsaw][waw]") and a definition's title ("est. 1945") reads as prose.
Only labels that the document defines are unwrapped (CommonMark matches labels without regard
to case), so "[1]" or "[sic]" in a page without definitions stays. Edits keep offsets exact.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]+\S+[^\n]*(?:\n|$)", re.M)
_REFERENCE = re.compile(r"(?<![\]\\!])\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")


def reference_link_edits(text: str) -> list[Edit]:
    """Edits dropping the brackets and labels of defined reference links, and the definitions."""
    if "]:" not in text or "][" not in text:
        return []
    definitions = list(_DEFINITION.finditer(text))
    labels = {m.group(1).strip().casefold() for m in definitions}
    if not labels:
        return []
    edits: list[Edit] = []
    for m in _REFERENCE.finditer(text):
        label = (m.group(2) or m.group(1)).strip().casefold()
        if label not in labels:
            continue
        edits.append(Edit(m.start(), m.start(1), ""))
        edits.append(Edit(m.end(1), m.end(), ""))
    if not edits:
        return []
    return edits + [Edit(m.start(), m.end(), "") for m in definitions]
