"""Definition lists (Pandoc, PHP Markdown Extra, MultiMarkdown): a term line, then one or more
definition lines opened by ":" (or "~") and spaces.

    UNIVERSIDADE DE MONTEMOR
    :   Rank 1 · 44 patents · 18%

    Patent collaboration
    :   29% of PCT patent applications filed in collaboration with other inventors
    :   Top collaborative locations: Lisboa, Porto and Madrid

A term with one definition that is not a sentence is a table row: the term, then the
definition's parts between middle dots, bullets, bars, spaced dashes or semicolons ("Rank 1",
"44 patents", "18%"), so the terms of one list make one table whose columns are read by what
they hold. A term with several definitions, or with a sentence, is a line of its own (a label
or a heading) and each definition a line after it, without its marker. Only lines that follow
a term are definitions: a line starting with ":" elsewhere is left as it is.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText
from nlq.layout.inline import clean_inline
from nlq.layout.shapes import sentence_like

Item = tuple[int, int, tuple[MappedText, ...] | None]

_MARKER = re.compile(r"^ {0,2}[:~][ \t]+(?=\S)")
_PART = re.compile(r"\s+[·•|–—]\s+|;\s+")
# A term cannot be a markdown heading, list item, table row, quote or fence.
_NOT_TERM = re.compile(r"^\s*(?:#|[-*+]\s|\d{1,3}[.)]\s|\||>|```|~~~)")


def has_definitions(raw: str) -> bool:
    """A cheap test: whether any line starts the way a definition does."""
    return "\n:" in raw or "\n~" in raw or "\n  :" in raw or "\n :" in raw


def definition_items(raw: str, items: list[Item]) -> list[Item]:
    """`items` (one per line: its span and None) with every definition list rewritten: rows
    for terms with one short definition (the blank lines between them dropped, so they make
    one table), lines without their markers for the others."""
    out: list[Item] = []
    k = 0
    n = len(items)
    while k < n:
        term = items[k]
        defs = _definitions(raw, items, k)
        if not defs:
            out.append(term)
            k += 1
            continue
        spans = [(s + m, e) for s, e, m in defs]
        row = _row(raw, term, spans) if len(spans) == 1 else None
        if row is not None:
            blanks = 0
            while blanks < len(out) and _blank(raw, out[-1 - blanks]):
                blanks += 1
            if blanks and blanks < len(out) and out[-1 - blanks][2] is not None:
                del out[-blanks:]  # the blank lines since the last definition row
            out.append(row)
        else:
            out.append(term)
            out.extend((s, e, None) for s, e in spans)
        k = _after(items, k, defs)
    return out


def _definitions(raw: str, items: list[Item], k: int) -> list[tuple[int, int, int]]:
    """The definitions of the term at `items[k]` (start, end, marker length), or []: lines
    opened by a marker right after it (one blank line between is allowed before the first)."""
    start, end, row = items[k]
    line = raw[start:end]
    if row is not None or not line.strip() or _MARKER.match(line) or _NOT_TERM.match(line):
        return []
    j = k + 1
    if j < len(items) and not raw[items[j][0] : items[j][1]].strip():
        j += 1
    found: list[tuple[int, int, int]] = []
    while j < len(items) and items[j][2] is None:
        s, e, _ = items[j]
        m = _MARKER.match(raw[s:e]) if raw[s : s + 3].lstrip(" ")[:1] in (":", "~") else None
        if m is None:
            break
        found.append((s, e, m.end()))
        j += 1
    return found


def _blank(raw: str, item: Item) -> bool:
    return item[2] is None and not raw[item[0] : item[1]].strip()


def _after(items: list[Item], k: int, defs: list[tuple[int, int, int]]) -> int:
    last = defs[-1][0]
    j = k + 1
    while items[j][0] != last:
        j += 1
    return j + 1


def _row(raw: str, term: Item, spans: list[tuple[int, int]]) -> Item | None:
    """A term and its one definition as a row, or None when the definition is a sentence."""
    start, end = spans[0]
    definition = MappedText.verbatim(raw, start, end).strip()
    if sentence_like(definition.text):
        return None
    head = clean_inline(MappedText.verbatim(raw, term[0], term[1]))
    parts = [clean_inline(p) for p in definition.split(_PART)]
    return (term[0], end, (head, *parts))
