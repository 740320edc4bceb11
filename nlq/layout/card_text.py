"""The prose and checklists of an app's card export (a Trello, Jira or Notion card saved as
JSON), read as the page they hold.

- A text value of several paragraphs (a card's "desc" with its "\\n\\n" escapes and markdown
  "**bold**" and "- " bullets) is a page of its own: it is read by the markdown reader under a
  heading of its key, each character keeping its span (its escape, for a "\\n").
- The card's own "name" at the top of the export is its title: a heading.
- A list of records holding lists (checklists and their items): one heading per record, named
  by its "name", then its own list; a list of records whose "name" carries the figures
  ("1 · CENTRAL SOUTH UNIVERSITY · 146 patents · 12%"), next to ids, positions and states that
  are no data, is read as list items of those names.

Only a value with a blank line, a record list with nested lists, and names holding a "%" take
these paths: every other export is read as before.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText

_TITLE_KEYS = frozenset({"name"})  # a "title:" key is read as a label already
_NAME_KEYS = ("name", "title", "text")
_FIGURE = re.compile(r"\d[\d,.]*\s?%")


def is_page_text(value: MappedText) -> bool:
    """Whether a text value holds paragraphs (a blank line between lines of text)."""
    return "\n\n" in value.text.strip() and len(value.text) > 80


def page_blocks(key: MappedText, value: MappedText, level: int) -> list[Block]:
    """A heading of `key`, then the blocks the markdown reader reads in `value`."""
    from nlq.layout.markdown_html import markdown_blocks
    from nlq.layout.rewrite import remap_blocks

    return [Block(BlockKind.HEADING, text=key, level=level)] + remap_blocks(
        markdown_blocks(value.text), value
    )


def is_card_title(key: MappedText, level: int, value: MappedText) -> bool:
    """Whether a top-level "name" key holds the card's one-line title."""
    return level == 1 and key.text.lower() in _TITLE_KEYS and "\n" not in value.text


def record_name(cells: dict[str, MappedText | None]) -> MappedText | None:
    """A record's own name ("name", "title" or "text" value), if it has one."""
    for k in _NAME_KEYS:
        v = cells.get(k)
        if v is not None and v.text.strip():
            return v
    return None


def figure_names(names: list[MappedText | None]) -> bool:
    """Whether every record's name carries a share figure ("... · 146 patents · 12%")."""
    return bool(names) and all(n is not None and _FIGURE.search(n.text) for n in names)
