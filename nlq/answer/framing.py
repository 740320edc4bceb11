"""A question's framing: the words that say why it is asked, not what.

"For a story on corporate concentration in Chinese patenting: how dominant is ...",
"I'm writing about university research in Hunan versus Anhui. Does ...": the framing's names
and words ("Anhui", "corporate") are not what is asked, so they are dropped before the
question is read. Only a framing followed by a question of its own is dropped.
"""

from __future__ import annotations

import re

# Words for what the asker writes; not "article", "paper" or "report", which name the data.
_PURPOSE = (
    r"story|piece|brief|briefing|column|feature|blog|thread|newsletter|presentation|talk|memo|"
    r"deck|slide|op-ed|explainer|infographic"
)
# "For a story on X:", "For my briefing note about X, how ...", "In a report on X -- what ..."
_LEAD = re.compile(
    rf"^\s*(?:for|in)\s+(?:a|an|my|our)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PURPOSE})\b"
    r"[^:;?!.]*?(?:\s*[:;—–]+|\s+-{1,2}|,(?=\s*(?:how|what|which|who|where|is|are|does|do|"
    r"can|could|give|list|tell|show)\b))\s*",
    re.I,
)
# "I'm writing about X." / "We are preparing a brief on X:" as a sentence of its own.
_SENTENCE = re.compile(
    r"^\s*(?:i'm|i am|i’m|we're|we’re|we are|i've been|we've been)\s+(?:writing|working|"
    r"preparing|researching|looking|reporting|drafting|putting together)"
    r"\b[^.?!:;]*[.!:;]\s+",
    re.I,
)


def without_framing(question: str) -> str:
    """`question` without a leading framing clause or sentence, when a question is left."""
    for pattern in (_SENTENCE, _LEAD):
        m = pattern.match(question)
        if m and len(question[m.end() :].split()) >= 2:
            question = question[m.end() :]
    return question
