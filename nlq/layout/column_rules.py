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

Pandoc's multiline table is such a table between two lines of dashes across it, with a blank
line between its rows and a cell's text wrapped over the lines of its row:

    ------------------------------------------------
                                   Articles   Share
    ------ ------------------------ ---------- -----
         3 SWISS TROPICAL & PUBLIC      2 310     6%
           INSTITUTE

         4 F. HOFFMANN-LA ROCHE AG      1 905     5%
    ------------------------------------------------

Its titles (the lines between the opening dash line and the rule) and every row are cut at the
rule's boundaries, the blank lines between rows and the two dash lines are deleted; the text
reader joins a cell's rest to its row (`text.join_cell_rests`). A dash line above with none
closing the rows below (a report's page rule) makes no multiline table.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_RULE = re.compile(r"^[ \t]*-{3,}(?:(?: -{3,}){2,}| {2,}-{3,}(?: +-{3,})*)[ \t]*$", re.MULTILINE)
_NARROW = re.compile(r"-{3} -{3}")


# Pandoc's multiline table opens and closes with a line of dashes across it.
_FULL_RULE = re.compile(r"[ \t]*-{12,}[ \t]*$")


def _multiline_header(text: str, start: int) -> bool:
    """Whether the line at `start` can be an earlier line of a multiline table's titles: a
    dash line opens the table somewhere above it, before any blank line."""
    pos = start
    while pos > 0:
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1]
        if _FULL_RULE.match(line):
            return True
        if not line.strip():
            return False
        pos = prev
    return False


def _closed(text: str, pos: int) -> bool:
    """Whether the rows from `pos` on end at a dash line across the table (a multiline
    table's end), with single blank lines between them and no other rule before it."""
    blank = False
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if _FULL_RULE.match(line):
            return True
        if not line.strip():
            if blank:
                return False
            blank = True
        elif _RULE.match(line):
            return False
        else:
            blank = False
        pos = end + 1
    return False


def _line_edit(text: str, start: int) -> Edit:
    """An edit deleting the line at `start` (its line break kept)."""
    end = text.find("\n", start)
    return Edit(start, len(text) if end < 0 else end, "")


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
        opened = None  # a multiline table's opening dash line
        while above_end > 0:
            above_start = text.rfind("\n", 0, above_end) + 1
            line = text[above_start:above_end]
            if _FULL_RULE.match(line):
                opened = above_start
                break
            if not line.strip() or (lines and not _multiline_header(text, above_start)):
                break
            lines.insert(0, above_start)
            above_end = above_start - 1
        if opened is not None and not _closed(text, m.end() + 1):
            opened = None  # a dash line above, but no table closed by one below
        if opened is None:
            lines = lines[-1:]  # only the title line right above the rule
        pos = m.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if opened is not None and _FULL_RULE.match(text, pos, end):
                edits += [_line_edit(text, opened), _line_edit(text, pos)]
                break
            if not text[pos:end].strip():
                if opened is None:
                    break
                edits.append(Edit(pos, min(end + 1, len(text)), ""))  # between two rows
            elif _RULE.match(text, pos, end):
                break
            else:
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
