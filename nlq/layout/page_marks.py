"""Page numbers set at the end of a running header or footer line ("GII 2024      Page 1",
"WIPO      Page 1 of 2"), OCR'd ones included ("Page l", "Page l of 2": an "l", "I" or "O"
for a digit).

`furniture` deletes a page number on a line of its own and footers repeated with rising
numbers; a header that holds its page number after a wide gap on a page of its own is left,
and is read as a table row whose cells are the header's words and "Page 1" (in a field
section, a field named after the header). The page mark (the gap, "Page", the number and "of
N") is deleted, the words before it stay (they may be the page's title), and a lone OCR'd mark
("Page l") goes as a whole line. A text costs one regex scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_NUMBER = r"(?:\d|[lIO](?=[\dlIO]*(?:[ \t]|$)))[\dlIO]{0,3}"
_MARK = re.compile(
    rf"(?:page|p\.|seite|p[áa]gina)[ \t]+{_NUMBER}"
    rf"(?:[ \t]+(?:of|von|de)[ \t]+{_NUMBER}|[ \t]*/[ \t]*{_NUMBER})?[ \t]*$",
    re.I | re.M,
)
# Where a mark may start, found without re.I (whose scan of every character costs five times as
# much); `_MARK` is then matched there only.
_HINT = re.compile(r"[PpSs](?:age|AGE|\.|eite|EITE|[áa]gina|[ÁA]GINA)[ \t]+[\dlIO]")
_GAP = re.compile(r"\S[ \t]{3,}$")


def page_mark_edits(text: str) -> list[Edit]:
    """Edits deleting the page marks at the ends of header and footer lines, and the lines
    holding only an OCR'd page mark."""
    edits = []
    for hint in _HINT.finditer(text):
        m = _MARK.match(text, hint.start())
        if m is None or (m.start() and text[m.start() - 1].isalpha()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()]
        if not before.strip():
            if not re.search(r"[lIO]", m.group().split(None, 1)[1]):
                continue  # "Page 3" alone: furniture's, as it always was
            end = m.end() + 1 if text[m.end() : m.end() + 1] == "\n" else m.end()
            edits.append(Edit(line_start, end, ""))
            continue
        gap = _GAP.search(before)
        if gap:
            edits.append(Edit(line_start + gap.start() + 1, m.end(), ""))
    return edits
