"""A name wrapped inside its cell, as a PDF viewer copies a table: the row's figures end the
first line and the rest of the name stands alone on the next one.

    3 NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY - 7,290 12%
    CHINA

The row is read as "3 NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY - CHINA 7,290 12%". Only a name
that cannot end where it stops (a dash, "&", "of", "and", a comma), or a next line that cannot
start one ("OF CHINA" under "1 UNIVERSITY OF SCIENCE & TECH. 10,938 25%"), joins the two, and
only a short line without figures or sentence punctuation (in capitals, an abbreviation's dot:
"TECH. OF CHINA"), so a list's next heading or a sentence under the list is never glued to its
last entry.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText, join

# The row's figures at the end of its line: "7,290 12%", "5\u2009320 9%" (a thin space).
_FIGURES = (
    r"(?P<figures>\s+\d[\d,.]*(?:[\u2009\u202f\u00a0 ]\d{3})*"
    r"(?:\s+\(?\d+(?:\.\d+)?\s?%\)?)?)\s*$"
)
# The name's open end, then the row's figures: "... TECHNOLOGY - 7,290 12%".
_OPEN_END = re.compile(r"(?:\s[-–—&]|,|\s(?i:of|and|for|the|de|du|des|la|le))" + _FIGURES)
# A name left hanging on a word it cannot end with ("... DE LA", "... OF").
_DANGLING = re.compile(r"\s(?i:of|and|for|the|de|du|des|la|le)" + _FIGURES)
# The row's figures, whatever the name before them ends with.
_FIGURES_END = re.compile(r"(?<=\S)" + _FIGURES)
# The rest of a name: no figures nor sentence punctuation; in capitals an abbreviation's dot.
_REST_SHAPE = r"^[^\W\d_][^\d%:;{dot}!?()]{{0,48}}[^\W\d_.]$"
_REST = re.compile(_REST_SHAPE.format(dot="."))
_CAPS_REST = re.compile(_REST_SHAPE.format(dot=""))
# A line no name starts with: the rest of the one above ("OF CHINA", "& TECHNOLOGY").
_OPEN_START = re.compile(r"^(?:[-–—&]\s|(?i:of|and|for|de|du|des)\s)")


def continued_item(last: Block, block: Block) -> Block | None:
    """`last` (a list item) with the rest of its name from `block`, or None when `block` is
    not a wrapped name's end."""
    if last.kind is not BlockKind.LIST_ITEM or block.kind is not BlockKind.PARAGRAPH:
        return None
    rest = block.text.strip()
    caps = rest.text.isupper()
    if not (_CAPS_REST if caps else _REST).match(rest.text) or len(rest.text.split()) > 5:
        return None
    item = last.text
    m = _OPEN_END.search(item.text)
    if m is None and _OPEN_START.match(rest.text):
        m = _FIGURES_END.search(item.text)
    if m is None:
        return None
    head = item.slice(0, m.start("figures"))
    if head.text.isupper() != rest.text.isupper():
        return None  # "... SCIENCE & 120 4%" then "Top publishing organizations" is a heading
    figures = item.slice(m.start("figures"), len(item.text)).strip()
    text: MappedText = join([head, rest, figures], " ")
    return Block(BlockKind.LIST_ITEM, text=text)


def dangling(last: Block, block: Block) -> bool:
    """Whether `last`, a list item, leaves its name hanging on a word no name ends with
    ("INSTITUT NATIONAL DE LA 5 320 9%") and `block` is more than one word: then `block` is
    that name's rest even when its words would name a section alone ("RECHERCHE
    SCIENTIFIQUE" reads as "scientific publications"). A sign left open ("... SCIENCE - 120
    4%") or a lone word under it ("PATENTS") may still be the next heading."""
    return (
        last.kind is BlockKind.LIST_ITEM
        and len(block.text.text.split()) > 1
        and _DANGLING.search(last.text.text) is not None
    )
