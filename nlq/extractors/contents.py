"""A document's table of contents: the names of its sections, which open none of them.

A statistics office's workbook opens with a contents sheet that lists its tables by number
("T2 | Top PCT applicants", "T3 | Top publishing organizations", "T5 | Collaboration"); a
report lists its chapters with their pages. Read as content, the first entry naming a top list
opens that list, and every line after it (the key indicators, the release date) becomes its
entries. A table is such a list when three rows or more each name a different section
(`classify_heading`) and the rest of each row is a short reference only: a table's or a
chapter's number ("T2", "2.1", "Table 3") or a page ("p. 4", "12"), no figure of the profile.
"""

from __future__ import annotations

import re

from nlq.extractors.headings import classify_heading
from nlq.layout.document import Block, BlockKind

_REFERENCE = re.compile(r"(?:[A-Za-z]{1,8}\.?\s?)?\d{1,3}(?:\.\d{1,2})*\.?", re.I)
_DIGIT = re.compile(r"\d")


def contents_table(block: Block) -> bool:
    """Whether `block` is a table of contents: rows of a section's name and its reference."""
    if block.kind is not BlockKind.TABLE or len(block.rows) < 3:
        return False
    named: set[str] = set()
    for row in block.rows:
        cells = [c.text.strip() for c in row if c.text.strip()]
        if any(_DIGIT.search(c) and not _REFERENCE.fullmatch(c) for c in cells):
            return False  # a figure: a row of data, not an entry of the contents
        keys = {k for c in cells if not _DIGIT.search(c) and (k := classify_heading(c))}
        named |= keys
    return len(named) >= 3
