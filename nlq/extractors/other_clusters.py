"""Ranks stated for another cluster than the profile's, which are not the profile's own.

A page may hold news about other clusters before or beside the profile (an e-mail digest's
first item: "Shenzhen-Hong Kong-Guangzhou again came in as the 2nd largest cluster in the
ranking"). A rank read from such a sentence would be that cluster's. A sentence is about
another cluster when it opens with a capitalized name that is not the profile's cluster (nor
holds it: "The Changsha cluster is ...", nor starts like it: "Bad Oberwaelden" for "Bad
Oberwälden") followed, after at most a few adverbs, by a ranking verb ("is", "was", "ranks",
"came in as", "placed"), and names the profile's cluster nowhere ("WIPO ranks Hefei 36th
largest" is about Hefei); a sentence opening with a pronoun, an article or a label ("It is the",
"Size rank: 32") is not.
"""

from __future__ import annotations

import re
import unicodedata

from nlq.extractors.earlier_editions import Keep
from nlq.layout.document import MappedText

# Where a sentence starts: the text's start, or a stop and white space before a capital.
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z])")
# The opening name: capitalized words (hyphens inside: "Shenzhen-Hong Kong-Guangzhou"), then
# up to two adverbs and a ranking verb.
# A label may come first, and after a label the name may stand in apposition to its rank
# ("Next issue: Hefei, the 36th largest cluster").
_OPENING = re.compile(
    r"(?P<label>[A-Z][a-z]+(?:\s+[a-z]+){0,2}:\s+)?"
    r"(?P<name>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|and|de|am|an|upon|on|la|le))*)"
    r"(?:(?:\s+(?:again|also|still|now|once\s+more|then))*"
    r"\s+(?:is|was|ranks|ranked|came|comes|stands|stood|placed|places|remains|remained|"
    r"finished|ended)\b|(?P<apposition>,\s+the\s+))"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# Letters NFKD does not split into a base and an accent ("Nørre" is "Norre" in ASCII).
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
)
# Names spelled differently ("Bad Oberwälden", "Bad Oberwaelden") still open alike.
_PREFIX = 5
# Opening words that are no cluster's name.
_NOT_NAMES = frozenset(
    "it its this that these those they there he she one the a an our their which who what "
    "in on at by for with among of from as size intensity rank national global".split()
)


def about_other_cluster(text: str, at: int, cluster: str) -> bool:
    """Whether the sentence of `text` holding position `at` opens with a name other than
    `cluster` as the subject of a ranking verb."""
    begin = 0
    for m in _SENTENCE_START.finditer(text, 0, at):
        begin = m.end()
    m = _OPENING.match(text, begin, at)
    if m is None:
        return False
    if m.group("apposition") and (not m.group("label") or m.end() != at):
        return False  # "Overall, the cluster ...": only a labelled name right before its rank
    name = m.group("name")
    if name.split()[0].casefold() in _NOT_NAMES:
        return False
    own, named = _letters(cluster), _letters(name)
    if own in named or named in own or own[:_PREFIX] == named[:_PREFIX]:
        return False
    stop = _SENTENCE_END.search(text, at)
    return own not in _letters(text[begin : stop.start() if stop else len(text)])


def _letters(name: str) -> str:
    """`name` in lower case, letters only, accents dropped ("Shenzhen–Hong Kong" and
    "SHENZHEN-HONG KONG" are one name, "São Paulo" and "Sao Paulo" too)."""
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_UNDECOMPOSED))
    return "".join(ch for ch in folded if ch.isalpha() and not unicodedata.combining(ch))


def own_cluster_filter(keep: Keep | None, cluster: str | None) -> Keep | None:
    """`keep` that also rejects a match in a sentence about another cluster than `cluster`
    (unchanged when the cluster is not known)."""
    if not cluster:
        return keep

    def kept(t: MappedText, m: re.Match[str]) -> bool:
        if about_other_cluster(t.text, m.start(), cluster):
            return False
        return keep is None or keep(t, m)

    return kept
