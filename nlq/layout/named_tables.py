"""A spreadsheet's named tables exported as plain text (Apple Numbers "Export to Text"): each
table opens with a "Table: Top PCT applicants" line over its tab-separated rows, and may end
with a footer row that sums the rows above ("Total (top 3)", "Sum  100%").

The "Table: " prefix makes the name read as a "label: value" line, not as the heading of the
rows under it; a footer row read as a row is a field "Sum" of 100%. When at least two
"Table: NAME" lines each stand directly over a tab-separated row, the prefixes and the footer
rows ("Sum", "Total", "Totals" in a row's first cell, tab-separated) are deleted. Any other
text costs one scan for "Table: " lines.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_NAMED = re.compile(r"(?m)^(Table:[ \t]+)\S[^\t\n]*\n(?=[^\n]*\t)")
_FOOTER = re.compile(r"(?mi)^(?:sum|totals?)\b[^\t\n]*\t[^\n]*(?:\n|$)")
_MIN_TABLES = 2


def named_table_edits(text: str) -> list[Edit]:
    """Edits deleting "Table: " before each table's name and its summing footer rows."""
    if "Table:" not in text:
        return []
    named = list(_NAMED.finditer(text))
    if len(named) < _MIN_TABLES:
        return []
    edits = [Edit(*m.span(1), "") for m in named]
    edits += [Edit(*m.span(), "") for m in _FOOTER.finditer(text)]
    return sorted(edits)
