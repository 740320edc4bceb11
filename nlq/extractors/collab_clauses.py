"""Both collaboration facts in one sentence, joined by "while", "whereas", a semicolon or "and":

    11% of X's PCT patent applications are filed in collaboration with other inventors, with
    A, B and C emerging as the top collaborative locations, while 38% of its scientific
    articles are published in collaboration with other organizations, the top three
    collaborating locations being D, E and F.

Read whole, the sentence speaks of patents and of articles, so it is neither kind. It is cut
before the conjunction when each part holds a share of its own and speaks of collaboration
(`collab_sentences.COLLAB_WORD`: "in collaboration", "co-published", "filed together with
inventors in other locations"), so
each part is read as its own sentence; any other sentence is kept whole.
"""

from __future__ import annotations

import re

from nlq.extractors.collab_sentences import COLLAB_WORD, mentions
from nlq.layout.document import MappedText

# Or by a semicolon before the second share: "... as the top collaborative locations; 54% of
# Changsha's scientific articles are published in collaboration ...", "...; on the
# publications side 68% of the articles are co-published ..." (a few words before it).
# Or by "and" before the second share: "... – most often in A, B and C – and 71% of its
# scientific articles were published with other organizations, ...".
_JOIN = re.compile(
    r"[,;]\s+(?:while|whereas)\s+|;\s+(?=(?:[^\W\d]+\s+){0,5}\d{1,3}(?:[.,]\d)?\s?%)"
    r"|(?:\s*[,;–—])?\s+and\s+(?=\d{1,3}(?:[.,]\d)?\s?%)",
    re.I,
)
_SHARE = re.compile(r"\d\s?%")
_CUE = re.compile(r"while|whereas|;|\band\s+\d")


def collab_clauses(sentence: MappedText) -> list[MappedText]:
    """`sentence` cut into its collaboration clauses (see above), or `[sentence]`."""
    t = sentence.text
    cuts = [m for m in _JOIN.finditer(t)] if _CUE.search(t) else []
    if not cuts:
        return [sentence]
    bounds = [0, *(m.start() for m in cuts), len(t)]
    starts = [0, *(m.end() for m in cuts)]
    parts = [sentence.slice(a, b) for a, b in zip(starts, bounds[1:], strict=True)]
    if all(_SHARE.search(p.text) and mentions(COLLAB_WORD, p.text) for p in parts):
        return parts
    return [sentence]
