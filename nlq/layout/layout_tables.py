"""HTML tables used for page layout rather than data, as newsletter e-mails are built.

A mail template nests the page in tables (a 600-pixel wrapper, side-by-side columns) around
the real data tables. Such a table is not a grid of figures: its cells are boxes of page
content (a title, a paragraph, a whole data table). A table is read as layout when it says so
(`role="presentation"` or `role="none"`, the accessibility marking mail templates use) or when
it holds another table; its rows and cells are then block boundaries, like `<div>`s, and the
tables inside it are read as tables. Found by one scan of the `<table` tags, only on pages with
more than one table or a presentation role.
"""

from __future__ import annotations

import re

_TABLE_TAG = re.compile(r"<!--.*?-->|<(/?)table\b[^>]*>", re.I | re.S)
_LAYOUT_ROLE = re.compile(r"""\brole\s*=\s*["']?(?:presentation|none)\b""", re.I)


def layout_table_starts(raw: str) -> set[int]:
    """Offsets of the `<table` tags of layout tables: marked as presentation, or holding a
    table."""
    lowered_count = raw.count("<table") + raw.count("<TABLE")
    if lowered_count < 2 and not _LAYOUT_ROLE.search(raw):
        return set()
    found: set[int] = set()
    open_tables: list[int] = []
    for m in _TABLE_TAG.finditer(raw):
        if m.group().startswith("<!--"):
            continue
        if m.group(1):  # a closing tag
            if open_tables:
                open_tables.pop()
            continue
        if open_tables:
            found.add(open_tables[-1])
        if _LAYOUT_ROLE.search(m.group()):
            found.add(m.start())
        open_tables.append(m.start())
    return found


LAYOUT_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th"})
"""A layout table's tags: each starts or ends a box of page content."""
