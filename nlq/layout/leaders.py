"""Dot leaders: the runs of dots that join a label to its value in printed reports.

Print files, tables of contents and form-style exports write "CLUSTER ............: Isla
Cobre", "GLOBAL RANK, SIZE ..: 86" or "Pharmaceuticals ......... 18,5 %". Left in, the dots
belong to no word: a label no longer reads as a label and a field name runs into its leader.

- Before a colon, the leader and the spaces before it are deleted ("CLUSTER: Isla Cobre").
- Elsewhere, a run of four or more dots after a space, and before a space or a figure
  ("Other ......18%"), becomes as many spaces, so columns aligned by spaces (two breakdowns
  side by side) stay aligned. Three dots are an ellipsis and are left alone, and so are dots
  right after a word ("tech.....6%"), where an abbreviation's own dot cannot be told apart.
- On a page that has such leaders, two or three dots between spaces and a line's last figure
  ("Electrical machinery, apparatus, energy ... 10%", the leader shortened by a long name) are
  a leader too: an ellipsis is never followed by nothing but a figure.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_BEFORE_COLON = re.compile(r"[ \t]*\.{2,}[ \t]*(?=:)")
_BETWEEN = re.compile(r"(?<=[ \t])\.{4,}(?=[ \t]|\d)")
_SHORT = re.compile(r"(?<=[ \t])\.{2,3}(?=[ \t]+\d[\d.,]*[ \t]*%?[ \t]*$)", re.MULTILINE)
# A leader shortened to one to three dots by a long name in a right-aligned list ("DEFENSE
# TECHNOLOGY - CHINA . 7,290 articles, 12%"): taken only on a line next to one with a leader.
_CUT = re.compile(r"(?<=[ \t])\.{1,3}(?=[ \t]+\d)")
_LEADER_LINE = re.compile(r"[ \t]\.{4,}[ \t]*\d")
# What a leader before a colon ends with; starting with a literal, `re` finds it fast.
_COLON_AFTER_DOTS = re.compile(r"\.\.[ \t]*:")


def leader_edits(text: str) -> list[Edit]:
    """Edits deleting or blanking every dot leader of `text`."""
    if ".." not in text:
        return []
    edits = []
    if _COLON_AFTER_DOTS.search(text):
        edits += [Edit(m.start(), m.end(), "") for m in _BEFORE_COLON.finditer(text)]
    if "...." in text:
        edits += [
            Edit(m.start(), m.end(), " " * (m.end() - m.start())) for m in _BETWEEN.finditer(text)
        ]
        edits += [
            Edit(m.start(), m.end(), " " * (m.end() - m.start())) for m in _SHORT.finditer(text)
        ]
        edits += _cut_leaders(text)
    return edits


def _cut_leaders(text: str) -> list[Edit]:
    """Short leaders before a figure with more after it, on lines next to a full leader."""
    if " . " not in text and " .. " not in text:
        return []
    edits = []
    lines = text.splitlines(keepends=True)
    pos = 0
    for i, line in enumerate(lines):
        near = lines[max(i - 1, 0) : i] + lines[i + 1 : i + 2]
        if _CUT.search(line) and not _LEADER_LINE.search(line):
            if any(_LEADER_LINE.search(n) for n in near):
                for m in _CUT.finditer(line):
                    edits.append(Edit(pos + m.start(), pos + m.end(), " " * (m.end() - m.start())))
        pos += len(line)
    return edits
