"""Which top list a blog-style page is on when its headings do not say.

A post may head both lists with one heading ("Who is filing and publishing") and then name
each list in the text: a sentence ending with a colon before the rows ("On the publishing
side, the top three organizations are:"), or a ranked table's header (extractors/header_lists.py).
Each names one list, and only then starts it: a line naming both lists, or none, or holding
figures, starts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlq.extractors.header_lists import Classify
from nlq.extractors.section_kinds import TOP_LISTS
from nlq.layout.document import Block, BlockKind

_DIGIT = re.compile(r"\d")


def lead_in_list(block: Block, classify: Classify) -> str | None:
    """The top list a short paragraph ending with a colon introduces, or None."""
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    text = block.text.text.rstrip()
    if not text.endswith(":") or len(text) > 120 or _DIGIT.search(text):
        return None
    key = classify(text)
    return key if key in TOP_LISTS else None


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
