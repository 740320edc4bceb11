"""Running heads that open every page but the cover, and page numbers set between dashes.

A report drawn as a PDF often has a cover page of its own, then a running header on every
other page that holds the same words and number each time ("Regional Review · December 2024
Research Series No. 7", the series number, not the page), and a page number centred under
the page between dashes ("– 2 –"). `furniture` knows a header by its rising page number or by
repeating the line that opens the first page, and a page number by "Page 3" or a bare number
ending a line; neither holds here, and left in, the page number and the next page's header
read as one ranked row (rank 2, the header's words, count 7) under the list that ends the page.

A line is deleted here (line break included, as a `rewrite` edit; a form feed opening it stays,
the page still ends there) when, in text cut into pages by form feeds:

- it holds only a number of one to four digits between two dashes ("– 2 –", "- 12 -",
  "— 3 —"): a page number, since no row, list item or sentence is written so; or
- it is the first line with text of two or more pages, the same line each time white space
  aside, of three words or more, that ends in a number or holds a separator ("·", "|", "•",
  "–", "—") and opens with no rank: a running header (a table's column titles repeated atop
  a continued page end in no number and hold no separator, so they stay); or
- it is the first line with text of a page after the first, set in parts by wide gaps, and
  its first or last part, of three words or more, is the first or last part of the first
  page's opening line: a running header with one part that changes from page to page
  ("Global Innovation Index 2024      Science and technology clusters" on the first page,
  "Global Innovation Index 2024      Łódź, Poland" on the next). The first page keeps its
  copy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import accumulate

from nlq.layout.furniture import page_openings
from nlq.layout.rewrite import Edit

_DASHED_NUMBER = re.compile(r"^(\f?)[ \t]*([–—-])[ \t]*\d{1,4}[ \t]*\2[ \t]*(?:\n|$)", re.M)
_SEPARATOR = re.compile(r"[·|•–—]")
_ROW_START = re.compile(r"\d+[.)]?\s")


def page_head_edits(text: str) -> list[Edit]:
    """Edits deleting the dash-framed page numbers and the running heads that open pages."""
    if "\f" not in text:
        return []
    edits = [Edit(m.start() + len(m.group(1)), m.end(), "") for m in _DASHED_NUMBER.finditer(text)]
    lines = text.split("\n")
    offsets = list(accumulate((len(line) + 1 for line in lines), initial=0))
    openings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k, words in page_openings(lines):
        if _running_words(words):
            start = offsets[k] + lines[k].startswith("\f")
            openings[words].append((start, min(offsets[k + 1], len(text))))
    for spans in openings.values():
        if len(spans) >= 2:
            edits += [Edit(start, end, "") for start, end in spans]
    heads = page_openings(lines)
    if len(heads) >= 2:
        first = _parts(lines[heads[0][0]])
        for k, words in heads[1:]:
            if len(openings.get(words, ())) < 2 and _shares_a_part(_parts(lines[k]), first):
                start = offsets[k] + lines[k].startswith("\f")
                edits.append(Edit(start, min(offsets[k + 1], len(text)), ""))
    return edits


_WIDE_GAP = re.compile(r" {3,}|\t")


def _parts(line: str) -> list[str]:
    """A line's parts set apart by wide gaps, each with its white space folded."""
    return [" ".join(p.split()) for p in _WIDE_GAP.split(line.strip("\f \t")) if p.strip()]


def _shares_a_part(parts: list[str], first: list[str]) -> bool:
    """Whether a page's opening line (`parts`) repeats the first or the last part of the first
    page's opening line (`first`), of three words or more, and each line has two parts or more."""
    if len(parts) < 2 or len(first) < 2:
        return False
    return any(
        a == b and len(a.split()) >= 3 for a, b in ((parts[0], first[0]), (parts[-1], first[-1]))
    )


def _running_words(words: str) -> bool:
    """Whether a page's opening line can be a running header: three words or more, no rank
    first, a number at its end or a separator inside."""
    if len(words.split()) < 3 or _ROW_START.match(words):
        return False
    return words[-1].isdecimal() or bool(_SEPARATOR.search(words))
