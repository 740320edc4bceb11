"""Emoji that lead a line's content: "- 📍 **Cluster:** X", "- 🥇 1 · NAME: 58 patents (14%)".

A "cluster card" copied from a chat or a notes app starts each bullet, heading or key with a
pictograph ("📍", "🥇", "⚙️", "🇵🇹"). It is no part of the key, the name or the rank after it:
left in, "📍 Cluster:" is not the cluster label and "🥇 1 · NAME" holds no leading rank. Each run
of emoji (with its variation selectors, joiners, skin tones and flag letters) right after a
line's indent, list bullet or heading marks is deleted with the space after it. A rank then
written "1 · NAME" in a bulleted item (a middle dot after the printed rank) becomes "1. NAME",
a list number. A text with no emoji costs one scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# Pictographs, dingbats and symbols emoji are drawn from, flag letters, keycap-free marks.
_PICTO = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff"
_JOIN = "\ufe0f\ufe0e\u200d\U0001f3fb-\U0001f3ff\u20e3"
_ANY = re.compile(f"[{_PICTO}]")
_LEAD = re.compile(
    rf"(?m)^[ \t]*(?:(?P<bullet>[-*+•][ \t]+)|#{{1,6}}[ \t]+|>[ \t]*)?"
    rf"(?P<emoji>[{_PICTO}][{_PICTO}{_JOIN}]*[ \t]+)"
    r"(?:(?<=[ \t])(?P<rank>\d{1,3}[ \t]+·[ \t]+)(?=[^\W\d_]))?"
)


def emoji_mark_edits(text: str) -> list[Edit]:
    """Edits deleting the emoji that lead lines, and turning a "1 · " rank into "1. "."""
    if not _ANY.search(text):
        return []
    edits = []
    for m in _LEAD.finditer(text):
        edits.append(Edit(m.start("emoji"), m.end("emoji"), ""))
        if m.group("rank") and m.group("bullet"):  # "- 🥇 1 · NAME", never "👍 12 · 🔁 3"
            digits = m.group("rank").split()[0]
            edits.append(Edit(m.start("rank") + len(digits), m.end("rank"), ". "))
    return edits
