"""Both collaboration facts in one sentence, joined by "while", "whereas" or a semicolon:

    11% of X's PCT patent applications are filed in collaboration with other inventors, with
    A, B and C emerging as the top collaborative locations, while 38% of its scientific
    articles are published in collaboration with other organizations, the top three
    collaborating locations being D, E and F.

Read whole, the sentence speaks of patents and of articles, so it is neither kind. It is cut
before the conjunction when each part holds a share of its own and says "collaboration", so
each part is read as its own sentence; any other sentence is kept whole.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

# Or by a semicolon before the second share: "... as the top collaborative locations; 54% of
# Changsha's scientific articles are published in collaboration ...".
_JOIN = re.compile(r"[,;]\s+(?:while|whereas)\s+|;\s+(?=\d{1,3}(?:[.,]\d)?\s?%)", re.I)
_SHARE = re.compile(r"\d\s?%")
_COLLAB = re.compile(r"collaborat", re.I)


def collab_clauses(sentence: MappedText) -> list[MappedText]:
    """`sentence` cut into its collaboration clauses (see above), or `[sentence]`."""
    t = sentence.text
    cuts = [m for m in _JOIN.finditer(t)] if "while" in t or "whereas" in t or ";" in t else []
    if not cuts:
        return [sentence]
    bounds = [0, *(m.start() for m in cuts), len(t)]
    starts = [0, *(m.end() for m in cuts)]
    parts = [sentence.slice(a, b) for a, b in zip(starts, bounds[1:], strict=True)]
    if all(_SHARE.search(p.text) and _COLLAB.search(p.text) for p in parts):
        return parts
    return [sentence]
