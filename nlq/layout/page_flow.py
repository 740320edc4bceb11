"""A paragraph cut by a page break: its end at the top of the next page is read with it.

A word processor exported to PDF lets the last paragraph of a page run over onto the next one:
"... with the top three collaborating locations being Beijing," ends the page, the page number
is set under it, then the form feed, the next page's running header and, at the top of that
page, the paragraph's end, "Shanghai-Suzhou and Shenzhen-Hong Kong-Guangzhou.". Read as it
comes, the blank lines and the page number split the sentence into two paragraphs, and the
partners of the second half are lost.

When, in text cut into pages by form feeds:

- the last line with text of a page (a bare page number of one to four digits under it aside)
  stops where a sentence cannot (a comma, "with", "of": `shapes.ends_open`), and its paragraph
  reads as a sentence;
- the first line with text of the next page (once the running header is gone: this rewriter
  runs after `furniture` and `page_heads`) is set at the same indent (two columns of slack),
  opens no ranked row and, unless it starts in lower case or ends a sentence, is not a heading;
- neither line holds a wide gap (3 spaces or more: a single column of prose, not columns);

everything between the two lines (blank lines, the page number, the form feed) is deleted as a
`rewrite` edit, so the paragraph's lines meet and are joined as any wrapped paragraph is.
"""

from __future__ import annotations

import re

from nlq.layout import shapes
from nlq.layout.rewrite import Edit

_PAGE_NUMBER = re.compile(r"[ \t]*\d{1,4}[ \t]*")
_ROW_START = re.compile(r"\d+[.)]?\s")
_WIDE_GAP = re.compile(r"\S(?: {3,}|\t)\S")


def page_flow_edits(text: str) -> list[Edit]:
    """Edits joining each paragraph cut by a page break to its end on the next page."""
    if "\f" not in text:
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    edits: list[Edit] = []
    for f, line in enumerate(lines):
        if f == 0 or not line.startswith("\f"):
            continue
        last = _last_text(lines, f)
        first = next((k for k in range(f, len(lines)) if lines[k].strip("\f \t")), None)
        if last is None or first is None or not _cut(lines, last, first):
            continue
        at = starts[first] + (1 if lines[first].startswith("\f") else 0)
        edits.append(Edit(starts[last + 1], at, ""))
    return edits


def _last_text(lines: list[str], f: int) -> int | None:
    """The last line with text above line `f` (a form feed), a page number under it skipped;
    None when anything else stands between them."""
    k = f - 1
    numbers = 0
    while k >= 0:
        t = lines[k].strip("\f \t")
        if t and _PAGE_NUMBER.fullmatch(t) and not numbers:
            numbers += 1
        elif t:
            return k if not lines[k].startswith("\f") else None
        k -= 1
    return None


def _cut(lines: list[str], last: int, first: int) -> bool:
    """Whether the paragraph ending on line `last` goes on at line `first` (module docstring)."""
    end, nxt = lines[last], lines[first].lstrip("\f")
    end_text, nxt_text = end.strip(), nxt.strip()
    if _WIDE_GAP.search(end_text) or _WIDE_GAP.search(nxt_text):
        return False
    if not shapes.ends_open(end_text) or _ROW_START.match(nxt_text):
        return False
    top = last
    while top > 0 and lines[top - 1].strip() and not lines[top - 1].startswith("\f"):
        top -= 1
    paragraph = " ".join(line.strip() for line in lines[top : last + 1])
    if not shapes.sentence_like(paragraph):
        return False
    if abs(_indent(nxt) - _indent(lines[top].lstrip("\f"))) > 2:
        return False
    if nxt_text[0].islower() or shapes.ends_sentence(nxt_text):
        return True
    return not shapes.heading_shaped(nxt_text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
