"""Task-list check boxes: a reviewer's checklist marks each item "[x]" (done) or "[ ]" (not yet).

In a checklist copied from GitHub, Jira or an editor's Markdown ("1. [x] Size: 36th largest ...",
"   - [ ] 3 · NAME · 5,986 · 14%", "☑ 1 · NAME · 2,069 · 54%") the box says whether a reviewer
ticked the item, not what the item holds: an unticked row is still a row of the profile. Left
in, the box becomes part of a name ("[x] Semiconductors"). When at least three lines start
with a box, or two list items do ("- [x] Patents: ...", "- [x] Publications: ...", the task
list a Notion page exports), each box and the space after it are removed by `rewrite` edits,
so the items read as a plain list and evidence still points into the file. A text without
"[x]", "[X]", "[ ]" or a box glyph costs four scans.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# The boxes a checklist draws: "[x]", "[ ]", or a ballot box / check mark "☐ ☑ ☒ ✅ ✓ ✔".
_GLYPHS = "\u2610\u2611\u2612\u2705\u2713\u2714"
_GLYPH = re.compile(f"[{_GLYPHS}]")
# A list marker ("-", "*", "+", "1.", "1)") or nothing, then the box and its spaces.
_BOX = re.compile(
    rf"(?m)^[ \t]*(?P<marker>(?:[-*+]|\d{{1,3}}[.)])[ \t]+)?"
    rf"(?P<box>\[[ xX]\][ \t]+|[{_GLYPHS}]\ufe0f?[ \t]+)(?=\S)"
)
_MIN_ITEMS = 3
_MIN_LIST_ITEMS = 2  # a box after a list marker is a task list's own syntax


def checkbox_edits(text: str) -> list[Edit]:
    """Edits deleting the check box at the start of each checklist item."""
    if "[x]" not in text and "[X]" not in text and "[ ]" not in text and not _GLYPH.search(text):
        return []
    found = list(_BOX.finditer(text))
    listed = sum(1 for m in found if m.group("marker"))
    if len(found) < _MIN_ITEMS and listed < _MIN_LIST_ITEMS:
        return []
    return [Edit(m.start("box"), m.end("box"), "") for m in found]
