"""Fixed-width reports whose columns are marked by a rule of dash groups under the titles.

Old reporting systems print a table as a title line, a rule of dash groups separated by one
space, one group per column (`--- ------------ ------- -----`), and rows padded to those
widths (`  1 CENTRAL SOUTH UNIVERSITY      146   12%`). A rank right-aligned in its column is
then one space from the name, so runs of spaces cannot tell the cells apart. The rule can: the
space after each dash group is a column boundary, and in the title line and in every row below
the rule (up to a blank line) a space at that position becomes a tab. The rule line itself is
deleted, so the title line and the rows read as one table. A rule whose dash groups stand two
or more spaces apart (`----  ------------  -------`, from two groups on) is only deleted: its
rows are cut at runs of spaces like any aligned table's, but the rule itself is no row.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_RULE = re.compile(r"^[ \t]*-{3,}(?:(?: -{3,}){2,}| {2,}-{3,}(?: +-{3,})*)[ \t]*$", re.MULTILINE)
_NARROW = re.compile(r"-{3} -{3}")


def _boundaries(rule: str) -> list[int]:
    return [m.end() for m in re.finditer(r"-+", rule)][:-1]


def column_rule_edits(text: str) -> list[Edit]:
    """Tabs at the column boundaries that a dash-group rule marks, and the rule blanked."""
    if "--- " not in text:
        return []
    edits: list[Edit] = []
    for m in _RULE.finditer(text):
        cuts = _boundaries(m.group())
        lines: list[int] = []
        above_end = m.start() - 1
        if above_end > 0:
            above_start = text.rfind("\n", 0, above_end) + 1
            if text[above_start:above_end].strip():
                lines.append(above_start)
        pos = m.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if not text[pos:end].strip() or _RULE.match(text, pos, end):
                break
            lines.append(pos)
            pos = end + 1
        if len(lines) < 2:
            continue  # a rule with no rows under it marks no columns
        if not _NARROW.search(m.group()):
            cuts = []  # groups set wide apart: the rows' runs of spaces show the columns
        for start in lines:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            for cut in cuts:
                if start + cut < end and text[start + cut] == " ":
                    edits.append(Edit(start + cut, start + cut + 1, "\t"))
        edits.append(Edit(m.start(), min(m.end() + 1, len(text)), ""))
    return edits
