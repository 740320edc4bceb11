"""YAML front matter: the metadata block a static-site or Pandoc markdown file opens with.

    ---
    title: "Montemor-das-Águias – GII profile"
    lang: en
    ---

It is not part of the page: left in, its lines read as a setext heading ("title: ... lang: en"
over the closing "---") that a title reader could take for the cluster's name. A block is front
matter when the file's first line is "---", a line "---" or "..." closes it within the first
100 lines, and PyYAML reads what is between as a mapping; it is then deleted as one `rewrite`
edit. Other files are left alone after one look at their first characters.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)
_MAX_LINES = 100


def front_matter_edits(text: str) -> list[Edit]:
    """An edit deleting the front matter at the start of `text`, or none."""
    if not text.startswith(("---", "\ufeff---")):
        return []
    opened = _OPEN.match(text)
    if opened is None:
        return []
    closed = _CLOSE.search(text, opened.end())
    if closed is None or text.count("\n", opened.end(), closed.start()) > _MAX_LINES:
        return []
    body = text[opened.end() : closed.start()]
    if not body.strip() or not _is_mapping(body):
        return []
    return [Edit(0, closed.end(), "")]


def _is_mapping(body: str) -> bool:
    import yaml  # only for files that open with a "---" line

    try:
        return isinstance(yaml.safe_load(body), dict)
    except yaml.YAMLError:
        return False
