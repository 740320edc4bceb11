"""Markup comments in a text source: `<!-- ... -->` is not shown to a reader, so it is not read.

A page's source pasted or saved as text (MediaWiki or Markdown source, an HTML fragment in a
note) keeps its comments, and an editor leaves old figures there ("<!-- old 2023 values: 19th
largest -->"). A rendered page shows nothing of them, so each comment is deleted with a `rewrite`
edit and evidence still points at the file. A `<!--` never closed is left alone.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_COMMENT = re.compile(r"<!--.*?-->", re.S)


def comment_edits(text: str) -> list[Edit]:
    """Delete every closed `<!-- ... -->` comment (most texts have none)."""
    if "<!--" not in text:
        return []
    return [Edit(m.start(), m.end(), "") for m in _COMMENT.finditer(text)]
