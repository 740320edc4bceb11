"""A poster's text, copied from its PDF: short lines, each big figure alone over its label, each
top-list entry as a rank line, a name wrapped over lines and a figures line.

    692                                 1
    PCT applications filed              CHANGXIN MEMORY
    per 1 million inhabitants,          TECHNOLOGIES
                                        2,069 patents · 54%

- An entry (a rank alone, one to three lines of a name without figures, then a line of a
  count, its unit and a share) becomes one row line: "1 CHANGXIN MEMORY TECHNOLOGIES 2,069 patents ·
  54%", each line break replaced by a space. Only a text with two or more such entries is
  touched.
- A figure alone over a label that opens with "PCT" or "S&T" ("692" / "PCT applications
  filed") is joined to it: that label says what the figure counts. A capitalized line after a
  figure is otherwise a new line (a name, a heading), so nothing else is joined.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_RANK = re.compile(r"^(?P<rank>\d{1,2})\.?[ \t]*\n", re.M)
_NAME = re.compile(r"^[^\W\d_][^\d\n:%]{0,60}$")
# A count, its unit and a share: "2,069 patents · 54%".
_FIGURES = re.compile(r"^\d[\d,.\u00a0\u202f]*\s+[^\W\d_]+\D*\d[\d.,]*\s?%$")
_FIGURE_OVER_LABEL = re.compile(r"^\d[\d,.]*(?:st|nd|rd|th)?[ \t]*(\n)(?=(?:PCT|S&T)\s)", re.M)


def poster_entry_edits(text: str) -> list[Edit]:
    """Edits joining a poster's wrapped entries and its figures to their labels."""
    if _RANK.search(text) is None:
        return []
    entries: list[list[Edit]] = []
    for m in _RANK.finditer(text):
        joins = [Edit(m.end() - 1, m.end(), " ")]
        pos = m.end()
        names = 0
        while names <= 3:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end].strip()
            if names and _FIGURES.match(line):
                entries.append(joins)
                break
            if names == 3 or not _NAME.match(line) or end == len(text):
                break
            joins.append(Edit(end, end + 1, " "))
            names += 1
            pos = end + 1
    if len(entries) < 2:
        return []
    edits = [e for entry in entries for e in entry]
    return edits + [Edit(m.start(1), m.end(1), " ") for m in _FIGURE_OVER_LABEL.finditer(text)]
