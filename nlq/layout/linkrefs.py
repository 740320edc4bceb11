"""Text-browser dumps (`lynx -dump`, `w3m -dump`, `links -dump`): numbered link markers.

Such a dump writes every link as a number in brackets glued to its text ("[5]SURABHI
PHARMACEUTICALS LTD.") and lists the targets at the end under "References" ("5.
https://example.org/..."). Left in, a marker becomes part of a name, and the list's numbers and
URL years ("/2023/") read as a ranked list or an edition. When the markers in the text are
numbers that the reference list holds, the markers and the list's lines are removed as
`rewrite` edits, so evidence still points into the file. A page without such a list keeps
every bracket: "[1]" in a document is a footnote or a citation unless its target is listed.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_MARKER = re.compile(r"\[(\d{1,4})\](?=\S)")
_REFERENCE = re.compile(
    r"^[ \t]*(\d{1,4})\.[ \t]+(?:https?|ftp|file|mailto):\S*[ \t]*$(?:\r?\n)?", re.M | re.I
)
_MIN_MARKERS = 2


def link_marker_edits(text: str) -> list[Edit]:
    """Edits removing link markers and the reference list they point to."""
    if "[" not in text or "://" not in text:
        return []
    references = list(_REFERENCE.finditer(text))
    if len(references) < _MIN_MARKERS:
        return []
    listed = {int(m.group(1)) for m in references}
    first_reference = references[0].start()
    markers = [m for m in _MARKER.finditer(text, 0, first_reference)]
    if len(markers) < _MIN_MARKERS or any(int(m.group(1)) not in listed for m in markers):
        return []
    return [Edit(m.start(), m.end(), "") for m in markers + references]
