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

A name may also stop where it could end ("2 VYSOKÁ ŠKOLA BÁŇSKÁ – TECHNICKÁ UNIVERZITA 44
13%" over "OSTRAVA"): such a line is the name's rest when the row with the next rank follows
it, since no heading stands between two rows of one list (`rows_wrapped_between`); once a
list has wrapped a name so, a line of that shape under its last row is that row's rest too,
unless it names a section ("TOP PUBLISHING ORGANIZATIONS").
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
# So is a word broken after its hyphen, a compound's first part: "MATERIALPRÜFUNGS- 3,905 5%".
_OPEN_END = re.compile(
    r"(?:\s[-–—&]|(?<=[^\W\d_]{3})-|,|\s(?i:of|and|for|the|de|du|des|la|le))" + _FIGURES
)
# A name left hanging on a word it cannot end with ("... DE LA", "... OF").
_DANGLING = re.compile(r"\s(?i:of|and|for|the|de|du|des|la|le)" + _FIGURES)
# The row's figures, whatever the name before them ends with.
_FIGURES_END = re.compile(r"(?<=\S)" + _FIGURES)
# The rest of a name: no figures nor sentence punctuation; in capitals an abbreviation's dot;
# at its end the name's acronym in parentheses ("UND FORSCHUNGSANSTALT (EMPA)").
_REST_SHAPE = r"^[^\W\d_][^\d%:;{dot}!?()]{{0,48}}[^\W\d_.](?:\s\([^\W\d_]{{2,12}}\))?$"
_REST = re.compile(_REST_SHAPE.format(dot="."))
_CAPS_REST = re.compile(_REST_SHAPE.format(dot=""))
# A line no name starts with: the rest of the one above ("OF CHINA", "& TECHNOLOGY").
_OPEN_START = re.compile(r"^(?:[-–—&]\s|(?i:of|and|for|de|du|des)\s)")


def continued_item(last: Block, block: Block) -> Block | None:
    """`last` (a list item) with the rest of its name from `block`, or None when `block` is
    not a wrapped name's end."""
    if last.kind is not BlockKind.LIST_ITEM:
        return None
    rest = _name_rest(block)
    if rest is None:
        return None
    m = _OPEN_END.search(last.text.text)
    if m is None and _OPEN_START.match(rest.text):
        m = _FIGURES_END.search(last.text.text)
    return _with_rest(last.text, m, rest)


def _name_rest(block: Block, dot_end: bool = False) -> MappedText | None:
    """`block`'s text when it can be the rest of a name: a paragraph of five words or fewer
    without figures or sentence punctuation (in capitals an abbreviation's dot, with
    `dot_end` also at its end: "V. V. I.")."""
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    rest = block.text.strip()
    caps = rest.text.isupper()
    shape = rest.text.rstrip(".") if caps and dot_end else rest.text
    if not (_CAPS_REST if caps else _REST).match(shape) or len(rest.text.split()) > 5:
        return None
    return rest


def _with_rest(item: MappedText, m: re.Match[str] | None, rest: MappedText) -> Block | None:
    """The list item `item` with `rest` set before its figures (`m`'s group), or None when
    there are none or the name and its rest are not in the same case ("... SCIENCE & 120 4%"
    then "Top publishing organizations" is a heading)."""
    if m is None or not m.group("figures").strip():
        return None
    head = item.slice(0, m.start("figures"))
    if head.text.isupper() != rest.text.isupper():
        return None
    figures = item.slice(m.start("figures"), len(item.text)).strip()
    return Block(BlockKind.LIST_ITEM, text=join([head, rest, figures], " "))


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


_RANKED = re.compile(r"(\d{1,3})[.)]?\s")


def _rank(block: Block) -> int | None:
    m = _RANKED.match(block.text.text) if block.kind is BlockKind.LIST_ITEM else None
    return int(m.group(1)) if m else None


def _joined(item: Block, rest: Block) -> Block | None:
    """`item` (a ranked row ending in its figures) with `rest` (a short line of the name's
    case, no figures) set before its figures, or None when they are not of that shape."""
    tail = _name_rest(rest, dot_end=True)
    if tail is None:
        return None
    return _with_rest(item.text, _FIGURES_END.search(item.text.text), tail)


def rows_wrapped_between(blocks: list[Block], names_section) -> list[Block]:
    """`blocks` with each ranked row's name rest joined to it when that rest stands between
    the row and the row of the next rank, and, in a list that wrapped a name so, under its
    last row unless `names_section` says the line names a section."""
    out: list[Block] = []
    wrapped_at: int | None = None  # the rank of the list's last row that took a rest
    i = 0
    while i < len(blocks):
        block = blocks[i]
        rank = _rank(block)
        if rank is not None and i + 1 < len(blocks):
            nxt = blocks[i + 1]
            after = _rank(blocks[i + 2]) if i + 2 < len(blocks) else None
            between = after == rank + 1
            last = after is None and wrapped_at is not None and wrapped_at < rank
            if (between or (last and not names_section(nxt.text.text))) and (
                joined := _joined(block, nxt)
            ):
                out.append(joined)
                wrapped_at = rank
                i += 2
                continue
        if rank is None and block.kind is not BlockKind.PARAGRAPH:
            wrapped_at = None
        out.append(block)
        i += 1
    return out
