"""Lists lettered "a)", "b)", "c)" under numbered sections "1)", "2)": a briefing note's outline.

    1) Leading PCT applicants (patents, share of the cluster's applications)
       a) CENTRAL SOUTH UNIVERSITY ........... 146 patents, 12%
       b) HUNAN UNIVERSITY ................... 74 patents, 6%

The letters print the items' order: "a)" is the first item, so a lettered list is read as a
numbered one ("1.", "2.", ...; the rank's evidence is the letter). The section number before
an outline line that such a list follows is no rank: it is deleted, so the line reads as the
section's heading. A run counts only when its letters go a, b, c, ... in order at one indent,
one item a line (a wrapped item's further lines indented deeper); a text without two lines
starting "a)" and "b)" costs one scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<letter>[a-z])\)[ \t]+\S")
_SECTION = re.compile(r"^[ \t]*(?P<number>\d{1,2}\)[ \t]+)(?=[^\W\d_])")
_HAS_B = re.compile(r"(?m)^[ \t]*b\)[ \t]+\S")


def letter_item_edits(text: str) -> list[Edit]:
    """Edits turning lettered list items into numbered ones and dropping their section's number."""
    if not _HAS_B.search(text):
        return []
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    edits: list[Edit] = []
    i = 0
    while i < len(lines):
        m = _ITEM.match(lines[i])
        if not m or m.group("letter") != "a":
            i += 1
            continue
        indent, run, j = m.group("indent"), [i], i + 1
        while j < len(lines):
            line = lines[j]
            n = _ITEM.match(line)
            if n and n.group("indent") == indent:
                if ord(n.group("letter")) != ord("a") + len(run):
                    break
                run.append(j)
            elif not line.strip() or len(line) - len(line.lstrip()) <= len(indent):
                break
            j += 1
        if len(run) >= 2:
            for k, at in enumerate(run):
                pos = starts[at] + len(indent)
                edits += [Edit(pos, pos + 1, str(k + 1)), Edit(pos + 1, pos + 2, ".")]
            section = _SECTION.match(lines[i - 1]) if i else None
            if section and len(lines[i - 1]) - len(lines[i - 1].lstrip()) < len(indent):
                edits.append(
                    Edit(
                        starts[i - 1] + section.start("number"),
                        starts[i - 1] + section.end("number"),
                        "",
                    )
                )
        i = max(j, i + 1)
    return edits
