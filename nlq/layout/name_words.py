"""Words of organization names, to mend a word broken at a hyphen in capitals.

OCR and PDF text break long words at a line's end with a hyphen. In small letters the break
is plain ("collabora-" + "tion"); in capitals it is not, since a name's own hyphen also stands
before a capital ("SHENZHEN-" + "HONG KONG"). A top list's names are universities, institutes
and companies, whose words are few: when the two pieces make one of those words ("SCI-" +
"ENCE AND TECH." is "SCIENCE") and the first piece is no word of them on its own, the hyphen
only broke the word. A narrow PDF cell splits a word longer than its width with no hyphen at
all ("NACIONAL DE IN" over "VESTIGACIONES"): those pieces are one word on the same terms
(`run_on_capital_word`), neither piece a word of names on its own.
"""

from __future__ import annotations

import re

_WORDS = frozenset(
    """
    academy agricultural agriculture aerospace applied association automotive biological
    biotechnology business central chemical chemistry clinical college commission
    communication communications company computer corporation council department development
    devices electric electrical electronic electronics energy engineering environmental
    foundation general group holding holdings hospital industrial industries industry
    information institute institution instruments intelligence intelligent international
    laboratories laboratory limited machinery manufacturing materials mechanical medical
    medicine metropolitan microelectronics national network normal petroleum pharmaceutical
    pharmaceuticals physics polytechnic power products province provincial research science
    sciences scientific semiconductor semiconductors software southwest southeast northwest
    northeast systems technical technologies technology telecommunications transportation
    university
    consejo científicas cientificas científica cientifica investigaciones investigación
    investigacion instituto nacional tecnológica tecnologica tecnológico tecnologico
    universidad universidade pesquisa pesquisas université universität
    """.split()
)
_LAST_WORD = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def broken_capital_word(before: str, after: str) -> bool:
    """Whether `before` (ending "SCI-") and `after` (starting "ENCE") are one word of an
    organization's name broken at a line's end, both pieces in capitals."""
    last = _LAST_WORD.search(before)
    first = _FIRST_WORD.match(after)
    if last is None or first is None:
        return False
    head, tail = last.group(1), first.group(0)
    if not (head.isupper() and tail.isupper()):
        return False
    return head.lower() not in _WORDS and (head + tail).lower() in _WORDS


_LAST_PLAIN = re.compile(r"(?:^|\s)([^\W\d_]+)$")


def run_on_capital_word(before: str, after: str) -> bool:
    """Whether `before` (ending "IN") and `after` (starting "VESTIGACIONES") are one word of an
    organization's name that a line's end split without a hyphen, both pieces in capitals."""
    last = _LAST_PLAIN.search(before)
    first = _FIRST_WORD.match(after)
    if last is None or first is None:
        return False
    head, tail = last.group(1), first.group(0)
    if not (head.isupper() and tail.isupper()):
        return False
    if head.lower() in _WORDS or tail.lower() in _WORDS:
        return False
    return (head + tail).lower() in _WORDS
