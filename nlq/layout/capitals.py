"""Prose typed in capitals (a telex, a fax transcript): its wrapped lines read as sentences.

Lower case is what tells a sentence from a name in mixed-case text (`shapes.sentence_like`
looks for lower-case verbs), so a sentence in capitals, wrapped over lines, would stay one
block per line and a partner list cut by a line break would lose its last names. A line in
capitals is judged here by the same verbs in lower case; only lines without a lower-case
letter are asked, so mixed-case lines never reach this test.
"""

from __future__ import annotations

import re

from nlq.layout import shapes

# The finite verbs `shapes.sentence_like` looks for, in capitals: a clause has one, a name or a
# row of a table in capitals ("2 CHANGSHA UNIVERSITY OF SCIENCE AND TECH. 74 6%") has none.
_VERB = re.compile(
    r"\b(?:IS|ARE|WAS|WERE|HAS|HAVE|HAD|FILED|FILES|PUBLISHED|PUBLISHES|RANKS|RANKED|FALLS|"
    r"ACCOUNTS?|ACCOUNTED|BEING|EMERGING)\b"
)


def caps_sentence(text: str) -> bool:
    """True for a clause written in capitals ("44% OF ... ARE FILED IN COLLABORATION WITH"),
    False for a name, a heading or a table row in capitals (no verb, or under six words)."""
    return text.isupper() and len(text.split()) >= 6 and _VERB.search(text) is not None


def continues_in_capitals(plain: str, last: str, nxt: str, width: int) -> bool:
    """Whether the capitals line `nxt` carries on the unfinished capitals sentence `plain`
    (whose last line is `last`): that line does not end the sentence and had no room for the
    next line's first word (within 3/4 of the width the prose is wrapped at)."""
    if not (last.isupper() and nxt.isupper()) or shapes.ends_sentence(last):
        return False
    if len(last) + 1 + len(nxt.split(None, 1)[0]) <= 0.75 * width:
        return False
    return caps_sentence(plain)
