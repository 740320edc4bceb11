"""HTML tables used for page layout rather than data, as newsletter e-mails are built.

A mail template nests the page in tables (a 600-pixel wrapper, side-by-side columns) around
the real data tables. Such a table is not a grid of figures: its cells are boxes of page
content (a title, a paragraph, a whole data table). A table is read as layout when it says so
(`role="presentation"` or `role="none"`, the accessibility marking mail templates use) or when
it holds another table, or when a cell holds two blocks or more (a `<p>` title over a `<p>` of
lines: a column of content, not a figure); its rows and cells are then block boundaries, like
`<div>`s, and the tables inside it are read as tables. Found by one scan of the `<table` tags
(the cells of boxes by one scan of each table).
"""

from __future__ import annotations

import re

_TABLE_TAG = re.compile(r"<!--.*?-->|<(/?)table\b[^>]*>", re.I | re.S)
_LAYOUT_ROLE = re.compile(r"""\brole\s*=\s*["']?(?:presentation|none)\b""", re.I)


def layout_table_starts(raw: str) -> set[int]:
    """Offsets of the `<table` tags of layout tables: marked as presentation, holding a
    table, or with a cell of boxes."""
    lowered_count = raw.count("<table") + raw.count("<TABLE")
    found = _boxed_cells(raw) if lowered_count else set()
    if lowered_count < 2 and not _LAYOUT_ROLE.search(raw):
        return found
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


_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)(?=</t[dh]\s*>|<t[dh]\b|</tr\b|</table\b)", re.I | re.S)
_BLOCK = re.compile(r"<(?:p|div|h[1-6]|ul|ol)\b", re.I)


def _boxed_cells(raw: str) -> set[int]:
    """Offsets of the `<table` tags of tables (not holding a table) with a cell of two
    blocks or more, a column of page content ("<td><p><b>Patents</b></p><p>Semiconductors
    &ndash; 35%<br>...</p></td>", a newsletter's two columns); a data table's cell holds one
    (Word writes every cell as one `<p>`)."""
    found: set[int] = set()
    for m in re.finditer(r"<table\b[^>]*>(.*?)</table\s*>", raw, re.I | re.S):
        body = m.group(1)
        if "<table" in body.lower():
            continue  # a layout table already, by the table it holds
        if any(len(_BLOCK.findall(c.group(1))) >= 2 for c in _CELL.finditer(body)):
            found.add(m.start())
    return found


LAYOUT_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th"})
"""A layout table's tags: each starts or ends a box of page content."""
