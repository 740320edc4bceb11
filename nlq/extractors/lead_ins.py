"""Which top list a blog-style page is on when its headings do not say.

A post may head both lists with one heading ("Who is filing and publishing") and then name
each list in the text: a sentence ending with a colon before the rows ("On the publishing
side, the top three organizations are:"), or the name column of a ranked table's header
("| Rank | Top PCT applicant | Patents | Share |"). Each names one list, and only then starts
it: a line naming both lists, or none, or holding figures, starts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlq.layout.document import Block, BlockKind, MappedText

_DIGIT = re.compile(r"\d")
_LISTS = ("top_pct_applicants", "top_publishers")
Classify = Callable[[str], str | None]


def lead_in_list(block: Block, classify: Classify) -> str | None:
    """The top list a short paragraph ending with a colon introduces, or None."""
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    text = block.text.text.rstrip()
    if not text.endswith(":") or len(text) > 120 or _DIGIT.search(text):
        return None
    key = classify(text)
    return key if key in _LISTS else None


def header_list(row: tuple[MappedText, ...], classify: Classify) -> str | None:
    """The one top list a ranked table's header row names in a cell, or None."""
    if any(_DIGIT.search(c.text) for c in row):
        return None
    keys = {k for c in row if c.text and (k := classify(c.text)) in _LISTS}
    return keys.pop() if len(keys) == 1 else None


_WORD_START = re.compile(r"(?<=\s)[A-Z]")
_FIGURE = re.compile(r"[\d%()]")


def prose_breakdown(text: str, label_key: Classify, pairs: Callable[[int], bool]) -> int | None:
    """Where a breakdown written into a sentence starts after its lead-in ("For patents, the
    top technology fields are Civil engineering (22%), ..."; "Publications lean towards
    Engineering (18%), ..."): the first capitalised word after which the rest of the text is
    all fields and shares, when the words before it name a field list; else None."""
    for m in _WORD_START.finditer(text, 0, 200):
        lead = text[: m.start()].rstrip()
        if _FIGURE.search(lead):
            return None  # the lead-in is over: figures before a breakdown are not its label
        if lead[-1:].isalpha() and label_key(lead) is not None and pairs(m.start()):
            return m.start()
    return None
