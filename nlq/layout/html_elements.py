"""How the HTML reader treats each element: left out, void, a block, a heading or a table."""

from __future__ import annotations

import re

SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "footer",
    "svg",
    "form",
    "button",
    "select",
    "iframe",
    "object",
    "canvas",
}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "body",
    "html",
    "blockquote",
    "ul",
    "ol",
    "figure",
    "figcaption",
    "caption",
    "pre",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
TABLE_LIKE = {"table": ("tr", ("td", "th")), "dl": ("dt", ("dt", "dd"))}
"""Elements read as tables: the element, the one that starts a row, the ones that hold cells."""

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.I)


def hidden_style(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element is styled out of sight (a mail's hidden preheader, `display:none`)."""
    return any(k == "style" and v and _HIDDEN_STYLE.search(v) for k, v in attrs)
