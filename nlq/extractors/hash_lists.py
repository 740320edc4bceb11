"""A top list written inline after its label, each entry numbered with "#":

    Leading PCT applicants (patents; share): #1 CHANGXIN MEMORY TECHNOLOGIES (2,069; 54%),
    #2 UNIVERSITY OF SCIENCE AND TECH. OF CHINA (114; 3%), #3 SUNGROW POWER SUPPLY CO., LTD
    (92; 2%).

The figures carry no unit: the label before the first entry says which list it is ("PCT
applicants", "publishing organizations") and its gloss what the figures are. Read only as a
whole: the label names one top list, and two or more entries follow, each "#N NAME (count;
share%)", ranked 1, 2, 3 ... A comma inside a name ("CO., LTD") stays in it: each name runs
from its "#N" to the bracket holding its figures.
"""

from __future__ import annotations

import re

from nlq.extractors.headings import APPLICANTS, PUBLISHERS, classify_heading
from nlq.extractors.lists import Entry
from nlq.extractors.located import locate
from nlq.layout.document import MappedText
from nlq.numbers import NUMBER, parse_number

_ENTRY = re.compile(
    rf"#(?P<rank>\d{{1,2}})\s+(?P<name>[^\W\d_][^()#]*?)\s*"
    rf"\(\s*(?P<count>{NUMBER})\s*[;,]\s*(?P<share>{NUMBER})\s?%\s*\)"
)
_BETWEEN = re.compile(r"[\s,;]*(?:and\s+)?")
_LABEL_LENGTH = 80  # a label, not a sentence that mentions applicants


def hash_entries(text: MappedText) -> tuple[str, list[Entry]] | None:
    """(list key, entries) for a paragraph that writes a top list as "#1 NAME (n; s%), ...",
    or None."""
    t = text.text
    first = t.find("#")
    key = classify_heading(t[:first]) if 0 < first <= _LABEL_LENGTH else None
    if key not in (APPLICANTS, PUBLISHERS):
        return None
    entries: list[Entry] = []
    pos = first
    for m in _ENTRY.finditer(t, first):
        if not _BETWEEN.fullmatch(t, pos, m.start()) or int(m.group("rank")) != len(entries) + 1:
            break
        count = parse_number(m.group("count"))
        if not isinstance(count, int):
            break
        entries.append(
            Entry(
                locate(text, m.start("rank"), m.end("rank"), int(m.group("rank"))),
                locate(text, m.start("name"), m.end("name"), m.group("name")),
                locate(text, m.start("count"), m.end("count"), count),
                locate(text, m.start("share"), m.end("share"), parse_number(m.group("share"))),
            )
        )
        pos = m.end()
    return (key, entries) if len(entries) >= 2 else None
