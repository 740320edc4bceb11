"""Confluence (Jira) wiki markup read as its text: a profile copied from a Confluence page.

These `rewrite` edits keep what the page shows, every kept character mapped to the file:

- `h1.` ... `h6.` heading prefixes go (the heading's line stays a line of its own);
- macros (`{toc:maxLevel=3}`, `{panel:title=Overview}`, `{panel}`, `{info}`) go, their text
  stays;
- `||` header cells are `|` cells, so a header row and its `|1|NAME|146|12%|` rows read as one
  pipe table;
- `*bold*` loses its asterisks; a `* ` bullet at the start of a line is "- ".

Only text with two `hN.` headings and a Confluence table or macro is rewritten.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_HEADING = re.compile(r"^h[1-6]\. +", re.M)
_MACRO = re.compile(r"\{(?:toc|panel|info|note|tip|warning|expand|section|column|quote)"
                    r"(?::[^{}\n]*)?\}")  # fmt: skip
_HEADER_CELLS = re.compile(r"\|\|")
_BULLET = re.compile(r"^\*+ ", re.M)
_BOLD = re.compile(r"(?<![\w*])\*(?=[^\s*])[^*\n]*?(?<=[^\s*])\*(?![\w*])")


def confluence_edits(text: str) -> list[Edit]:
    """Edits reading Confluence wiki markup as its text (see the module docstring)."""
    if "h1. " not in text and "h2. " not in text:
        return []
    if len(_HEADING.findall(text)) < 2 or not ("||" in text or _MACRO.search(text)):
        return []
    edits = [Edit(m.start(), m.end(), "") for m in _HEADING.finditer(text)]
    edits += [Edit(m.start(), m.end(), "") for m in _MACRO.finditer(text)]
    for line in re.finditer(r"^\|\|.*$", text, re.M):
        edits += [Edit(m.start(), m.end(), "|") for m in _HEADER_CELLS.finditer(text, *line.span())]
    edits += [Edit(m.start(), m.end(), "- ") for m in _BULLET.finditer(text)]
    for m in _BOLD.finditer(text):
        edits += [Edit(m.start(), m.start() + 1, ""), Edit(m.end() - 1, m.end(), "")]
    return sorted(edits, key=lambda e: (e.start, -e.end))
