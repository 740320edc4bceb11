"""A name written in title case as the subject of a ranking clause.

Press releases write the organizations of a top list as the prose does, not in capitals:
"Among PCT applicants, Central South University ranks first with 146 applications",
"Changsha University of Science and Tech. is second with 74 applications (6%)", "and National
University of Defense Technology - China is third". The name is the run of capitalized words
(with the small words and dashes names hold) that ends right before the verb ("ranks", "is",
"comes") leading to the rank word, inside its own sentence; a pronoun ("It is second") is none.
"""

from __future__ import annotations

import re

# The verb between a subject and its rank word, and what may stand between them ("is also
# the leading", "ranks first", "comes third").
_VERB = re.compile(
    r"\s+(?:is|was|ranks|ranked|comes|came|stands|places|placed)\s+(?:(?:also|then|the)\s+)*$",
    re.I,
)
# Words a name may hold between its capitalized words ("University of Science and Tech.").
_SMALL = frozenset("of and for the de des du la le di da del der von für & - – — /".split())
_PRONOUNS = frozenset("It This That These They Its He She One".split())
# Where a sentence starts: after a stop and a space, before a capital ("... the city. Among").
_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z])")
_TOKEN = re.compile(r"\S+")
_MAX_WORDS = 10


def subject_name(t: str, start: int, rank_at: int) -> tuple[int, int] | None:
    """The span of the title-case name that is the subject of the verb before the rank word at
    `rank_at`, searched from `start`; None when the words before the verb are not one."""
    verb = _VERB.search(t, start, rank_at)
    if verb is None:
        return None
    begin = start
    for m in _SENTENCE_START.finditer(t, start, verb.start()):
        begin = m.end()
    tokens = list(_TOKEN.finditer(t, begin, verb.start()))
    run: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group()
        if word[-1] in ",;:()" or word[0] in "(":
            break
        if not (word[0].isupper() or word in _SMALL):
            break
        run.insert(0, tok)
    while run and run[0].group() in _SMALL:
        run.pop(0)  # "and China Tobacco": the joining word is not the name's
    if not run or len(run) > _MAX_WORDS or run[-1].group() in _SMALL:
        return None
    if len(run) == 1 and run[0].group() in _PRONOUNS:
        return None
    a, b = run[0].start(), run[-1].end()
    if any(ch.isdigit() for ch in t[a:b]) or sum(ch.isalpha() for ch in t[a:b]) < 3:
        return None
    return a, b
