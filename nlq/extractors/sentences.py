"""Field breakdowns written in a sentence: "Patent applications concentrate in Pharmaceuticals
(24%), Organic fine chemistry (13%), Electrical machinery, apparatus, energy (9%) and Other
(47%)."

A sentence is read as a breakdown only when it is plainly one: three or more "Name (N%)" items,
a kind named before the first ("patent ..." or "... publications"), names that start with a
capital and are not clauses, and shares that add up to 100 ± 1, the check that the whole
breakdown was read and not a stray percentage. Each name runs from the end of the item before it
(after ", ", "and", "followed by") to its share; the first starts after the last lower-case
word that precedes a capital ("concentrate in Pharmaceuticals", "led by Physics & math").
"""

from __future__ import annotations

import re

from nlq.extractors.lists import Pair
from nlq.extractors.located import locate
from nlq.layout.document import MappedText
from nlq.layout.shapes import sentence_like
from nlq.numbers import NUMBER, parse_number

_ITEM = re.compile(rf"\(\s*(?P<share>{NUMBER})\s?%\s*\)")
_LEAD = re.compile(r"[\s,;:]*(?:(?:and|or|then|followed\s+by|with|by|plus)\s+)*", re.I)
_PATENT = re.compile(r"\bpatent|\bPCT\b|\binvent", re.I)
_PUBLICATION = re.compile(r"publication|scientific|\barticle|\bpaper", re.I)
_WORD = re.compile(r"\S+")


def sentence_breakdown(sentence: MappedText) -> tuple[str, list[Pair]] | None:
    """('patent' | 'publication', pairs) for a sentence that is a whole field breakdown."""
    text = sentence.text
    if text.count("%)") < 3:
        return None
    items = list(_ITEM.finditer(text))
    if len(items) < 3:
        return None
    intro = text[: items[0].start()]
    patent, pub = bool(_PATENT.search(intro)), bool(_PUBLICATION.search(intro))
    if patent == pub:
        return None
    pairs: list[Pair] = []
    prev = 0
    for k, m in enumerate(items):
        span = _first_name(text, prev, m.start()) if k == 0 else _name(text, prev, m.start())
        if span is None:
            return None
        a, b = span
        share = parse_number(m.group("share"))
        pairs.append(
            Pair(
                locate(sentence, a, b, text[a:b]),
                locate(sentence, m.start("share"), m.end("share"), share),
            )
        )
        prev = m.end()
    total = sum(float(p.share.value) for p in pairs if p.share is not None)  # type: ignore[arg-type]
    if abs(total - 100) > 1:
        return None
    return ("patent" if patent else "publication"), pairs


def _name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name between the item before and a share: separators and joining words go."""
    lead = _LEAD.match(text, start, end)
    a = lead.end() if lead else start
    b = start + len(text[start:end].rstrip())
    return (a, b) if _plausible(text[a:b]) else None


def _first_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first name: after the last lower-case word that comes before a capital."""
    words = list(_WORD.finditer(text, start, end))
    begin = None
    for w, nxt in zip(words, words[1:], strict=False):
        if w.group()[0].islower() and nxt.group()[0].isupper():
            begin = nxt.start()
    if begin is None:
        return None
    b = start + len(text[start:end].rstrip())
    return (begin, b) if _plausible(text[begin:b]) else None


def _plausible(name: str) -> bool:
    return (
        bool(name)
        and name[0].isupper()
        and len(name.split()) <= 8
        and not any(ch.isdigit() for ch in name)
        and not sentence_like(name)
    )
