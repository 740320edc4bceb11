"""A bilingual page (`pdftotext -layout`): the profile and its translation side by side.

A brochure printed in two languages sets the profile in one column and its translation in the
other, each line carrying both ("Hefei, China      Hefei, Chine"), under a first line naming
the two languages ("ENGLISH      FRANÇAIS"). Read across, every name, count and share appears
twice and the translated title or field names compete with the real ones. When the first line
is two language names a wide gap apart, only the English column (else the first) is kept: on
each line the other column, from the gap before the second column's start on, is dropped (a
line whose text crosses that column is kept whole), and so is the languages line. Every kept
character keeps its offset in the source.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_LANGUAGES = (
    "english|français|francais|french|deutsch|german|español|espanol|spanish|italiano|italian|"
    "português|portugues|portuguese|nederlands|dutch|svenska|polski|русский|中文|日本語|한국어|"
    "ελληνικά|türkçe|العربية"
)
_HEADER = re.compile(rf"^[ \t]*({_LANGUAGES})[ \t]{{3,}}({_LANGUAGES})[ \t]*$", re.I)
_GAP = 3


def parallel_edits(text: str) -> list[Edit]:
    """Edits keeping one language's column of a bilingual page (see the module docstring)."""
    kept = kept_spans(text)
    if kept is None:
        return []
    edits = []
    pos = 0
    for a, b in kept:
        if a > pos:
            edits.append(Edit(pos, a, "\n" if "\n" in text[pos:a] else ""))
        pos = b
    if pos < len(text):
        edits.append(Edit(pos, len(text), ""))
    return edits


def kept_spans(text: str) -> list[tuple[int, int]] | None:
    """The (start, end) spans of the kept column's lines, in order (the languages line not
    among them), or None when `text` is not a bilingual page."""
    head = text.lstrip("\ufeff\r\n")
    first = head[: head.find("\n")] if "\n" in head else head
    m = _HEADER.match(first.rstrip("\r"))
    if m is None:
        return None
    column = m.start(2)
    keep_left = m.group(1).lower() == "english" or m.group(2).lower() != "english"
    spans = []
    pos = len(text) - len(head) + len(first) + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end].rstrip("\r")
        cut = _cut(line, column)
        if cut is not None:
            spans.append((pos, pos + cut[0]) if keep_left else (pos + cut[1], pos + len(line)))
        elif keep_left or len(line) > column:
            spans.append((pos, pos + len(line)))
        else:
            spans.append((pos, pos))
        pos = end + 1
    return spans


def _cut(line: str, column: int) -> tuple[int, int] | None:
    """(end of the left text, start of the right text) when `line` has text in the right
    column after a gap of three spaces or more; None when it has none or crosses it."""
    if len(line) <= column or line[column - 1] != " ":
        return None
    right = column
    while right < len(line) and line[right] == " ":
        right += 1
    if right >= len(line):
        return None
    left = column
    while left > 0 and line[left - 1] == " ":
        left -= 1
    if left and column - left < _GAP and right - left < _GAP:
        return None
    return left, right
