"""WordPress exports: shortcodes read as the HTML they stand for.

A page exported from WordPress (or a page builder such as WPBakery) keeps its shortcodes:
`[vc_row][vc_column_text]<h1>...</h1>[/vc_column_text]`, `[gii_heading level="3"]Top PCT
applicants[/gii_heading]`, `[table_row][cell]1[/cell][cell]NAME[/cell][/table_row]`,
`[gii_bar value="24"]Optics (24%)[/gii_bar]`. When a text holds several closing shortcodes
(`[/name]`) it is read as HTML, each shortcode rewritten as a tag:

- `[table_row]` / `[cell]` are table rows and cells (a run of rows is one table);
- a shortcode with a `level="N"` attribute, or named "heading"/"title", encloses a heading;
- a shortcode with a `title="..."` attribute (a tab or an accordion section) shows its title
  as a heading;
- another shortcode that encloses text on its line (`[gii_badge]...[/gii_badge]`) is a
  paragraph of that text;
- every other shortcode is layout and dropped, attributes included (`[gii_related
  edition="2023"]`, `[table id=214 /]`, `width="1/2"`), so their numbers are never read.

Every kept character maps to the source (`rewrite` edits), so evidence stays exact.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_CLOSING = re.compile(r"\[/[a-z][\w-]*\]")
_SHORTCODE = re.compile(r"\[(?P<close>/)?(?P<name>[a-z][\w-]*)(?P<attrs>(?:\s[^\]\n]*)?)\]")
_LEVEL = re.compile(r"""\blevel=["']?(?P<n>[1-6])""")
_TITLE = re.compile(r"""\btitle=(?P<q>["'])(?P<t>[^"'\]]+)(?P=q)""")
_ROW_NAMES = ("table_row", "tr", "row")
_CELL_NAMES = ("cell", "td", "th")


def has_shortcodes(text: str) -> bool:
    """Whether `text` is a WordPress export: several closing shortcodes."""
    return "[/" in text and len(_CLOSING.findall(text, 0, 50000)) >= 3


def shortcode_edits(text: str) -> list[Edit]:
    """Edits rewriting each shortcode of `text` as the HTML tag it stands for."""
    edits: list[Edit] = []
    codes = list(_SHORTCODE.finditer(text))
    in_table = False
    for k, m in enumerate(codes):
        name, closing, attrs = m.group("name").lower(), bool(m.group("close")), m.group("attrs")
        if name in _ROW_NAMES:
            if closing:
                nxt = codes[k + 1] if k + 1 < len(codes) else None
                more = (
                    nxt is not None
                    and nxt.group("name").lower() in _ROW_NAMES
                    and not nxt.group("close")
                    and not text[m.end() : nxt.start()].strip()
                )
                edits.append(Edit(m.start(), m.end(), "</tr>" if more else "</tr></table>"))
                in_table = more
            else:
                edits.append(Edit(m.start(), m.end(), "<tr>" if in_table else "<table><tr>"))
                in_table = True
            continue
        if name in _CELL_NAMES:
            edits.append(Edit(m.start(), m.end(), "</td>" if closing else "<td>"))
            continue
        tag = _enclosing_tag(text, m, name, attrs)
        if closing:
            opener = _opener(codes, k, name)
            tag = None if opener is None else _enclosing_tag(text, opener, name, opener["attrs"])
            edits.append(Edit(m.start(), m.end(), f"</{tag}>" if tag else ""))
            continue
        title = _TITLE.search(attrs) if attrs else None
        if title is not None and tag is None:
            a, b = m.start("attrs") + title.start("t"), m.start("attrs") + title.end("t")
            edits.append(Edit(m.start(), a, "<h4>"))
            edits.append(Edit(b, m.end(), "</h4>"))
            continue
        edits.append(Edit(m.start(), m.end(), f"<{tag}>" if tag else ""))
    return edits


def _enclosing_tag(text: str, m: re.Match[str], name: str, attrs: str) -> str | None:
    """The tag an opening shortcode stands for when it encloses text on its own line."""
    if m.group("close"):
        return None
    end = text.find("\n", m.end())
    line = text[m.end() : end if end >= 0 else len(text)]
    closing = f"[/{m.group('name')}]"
    if closing not in line or not line[: line.index(closing)].strip():
        return None
    level = _LEVEL.search(attrs) if attrs else None
    if level is not None:
        return f"h{level.group('n')}"
    if "heading" in name or "title" in name:
        return "h3"
    return "p"


def _opener(codes: list[re.Match[str]], k: int, name: str) -> re.Match[str] | None:
    """The nearest opening shortcode of `name` before closing shortcode `k`."""
    for m in reversed(codes[:k]):
        if m.group("name").lower() == name and not m.group("close"):
            return m
    return None
