"""Bilingual pages that give each label, title and sentence its translation after a slash.

A page written for two languages at once may follow every piece of English with its
translation after " / ": a title ("Global Innovation Index 2025 / Indice mondial de
l'innovation 2025"), a heading, each column title ("Rank / Rang<TAB>Share / Part"), a label
and its value ("National rank / Rang national: 4th of 9 ... / 4e sur 9 ..."), a field
("Transport / Transport: 16%") and a sentence ("35% of ... locations. / 35 % des ..."). Read
as they are, the translations become fields, names and partners. On such a page, the English
(the text before the slash) is kept and every translation is deleted:

- in a label before a colon, from the slash to the colon; in the value after it, from the
  slash to the end of the cell;
- after a sentence's full stop, from the slash to the end of the cell;
- elsewhere (a title, a heading, a column title), from the slash to the end of the cell.

A page is such a page when its first line is translated that way and at least a third of its
lines that hold words carry a spaced slash: a lone "A / B" elsewhere is left alone.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_SLASH = " / "
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _bilingual(lines: list[str]) -> bool:
    worded = [ln for ln in lines if _WORDS.search(ln)]
    slashed = [ln for ln in worded if _SLASH in ln]
    return len(slashed) >= 5 and 3 * len(slashed) >= len(worded)


def _cell_edits(text: str, start: int, end: int) -> list[Edit]:
    cut = text.find(_SLASH, start, end)
    if cut < 0:
        return []
    before = text[start:cut].rstrip()
    colon = text.find(": ", cut, end)
    if colon < 0 or before.endswith((".", "!", "?")) or ":" in text[start:cut]:
        return [Edit(cut, end, "")]  # a title's, a value's or a sentence's translation
    edits = [Edit(cut, colon, "")]  # the label's translation
    return edits + _cell_edits(text, colon + 1, end)


def slash_translation_edits(text: str) -> list[Edit]:
    """Edits deleting the translation after each " / " of a page translated that way."""
    if _SLASH not in _first_line(text):
        return []
    lines = text.split("\n")
    if not _bilingual(lines):
        return []
    edits: list[Edit] = []
    pos = 0
    for line in lines:
        start = pos
        pos += len(line) + 1
        if _SLASH not in line:
            continue
        cell = start
        for part in line.split("\t"):
            edits += _cell_edits(text, cell, cell + len(part))
            cell += len(part) + 1
    return edits
