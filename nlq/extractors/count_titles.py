"""Grounding a national count titled as a data sheet's row: "Chinese clusters in top 100 | 26".

A workbook or CSV export titles the national count's row by the top 100 it is a count of,
"Clusters of the economy in top 100,2", "Chinese clusters in top 100\t26" (the rules extractor
reads these with `sheet_labels.NATIONAL_COUNT`). The "100" then stands between the title's
"clusters" and the value, so the grounder's keyword check sees a rival figure. Here the row is
read as the rules extractor reads it: the last filled title cell before the value's cell
(a long export leaves its rank and name cells empty between them; or the
text before a "label: value" on its line) joined to the value as "title: value", and the value
is the count when one of the same patterns reads it there. A count of the top 100 that names
no economy ("Global clusters in the top 100: 87") is not read, as the rules extractor does
not.

The "100" of "top 100" itself names the list the clusters are in, never the count
(`top_list_size`). A key-figures row titled "Rank among Mexican clusters in the top 100" holds
the national rank and count as "2nd of 3" (or "2 | out of 3" in cells of their own, an
earlier edition's column after them): the row is read whole, as `sheet_labels.NATIONAL_RANK`
reads it, and each figure is the one that pattern reads at its place (`titled_rank`).
"""

from __future__ import annotations

import re

from nlq.extractors.align import SourceView
from nlq.extractors.number_tokens import Token
from nlq.extractors.sheet_labels import NATIONAL_COUNT, NATIONAL_RANK

_CELL_SEP = re.compile(r"\s*[|\t]\s*")
_TOP_BEFORE = re.compile(r"\btop[\s-]?$")


def _title_and_value(view: SourceView, token: Token) -> tuple[str, str] | None:
    """The row title before `token` and the rest of its line from the value on, or None."""
    raw = view.raw
    start = view.starts[token.start]
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", start)
    rest = raw[start : len(raw) if line_end < 0 else line_end]
    prefix = raw[line_start:start]
    if view.dialect.startswith("csv:"):
        cells = prefix.split(view.dialect[4:])
        if len(cells) < 2 or cells[-1].strip(' "'):
            return None  # the value does not open a cell of its own
        # a long export's empty rank and name cells between ("... in top 100;;;3")
        titles = [c.strip(' "') for c in cells[:-1] if c.strip(' "')]
        return (titles[-1] if titles else "") + ": ", rest
    row = prefix.rstrip(" ")
    cells = _CELL_SEP.split(row)
    if row.endswith(("|", "\t")) and len(cells) >= 2:
        return cells[-2] + ": ", rest  # a pipe table's or a tab-separated row
    return prefix, rest  # "Chinese clusters in top 100: 26" on a line of its own


def titled_count(view: SourceView, token: Token) -> bool:
    """True when `token` is the value of a row titled as the economy's clusters in the top
    100, read as the rules extractor reads it."""
    found = _title_and_value(view, token)
    if found is None:
        return False
    title, rest = found
    text = title + rest
    return any(m.start("n") == len(title) for p in NATIONAL_COUNT for m in p.finditer(text))


def top_list_size(view: SourceView, token: Token) -> bool:
    """True when `token` is the N of a "top N": the size of a list, not a count."""
    return _TOP_BEFORE.search(view.fold, max(0, token.start - 8), token.start) is not None


_LETTERS = re.compile(r"[^\W\d_]{2}")
_OUT_OF = re.compile(r"\s*(?:out\s+)?of\s*", re.I)


def titled_rank(view: SourceView, token: Token, group: str) -> bool:
    """True when `token` is what `NATIONAL_RANK` reads as `group` ("ord": the national rank,
    "n": the count) in its row read as "title: cells": "Rank among Mexican clusters in the
    top 100: 2nd of 3 2nd of 3"."""
    cells = _line_cells(view, token)
    if cells is None:
        return False
    k = next(
        (j for j, (_, t) in enumerate(cells) if _LETTERS.search(t) and not _OUT_OF.fullmatch(t)),
        None,
    )
    if k is None or k + 1 >= len(cells):
        return False
    text = cells[k][1] + ": "
    at = view.starts[token.start]
    offset = None
    for start, cell in cells[k + 1 :]:
        if start <= at < start + len(cell):
            offset = len(text) + at - start
        text += cell + " "
    if offset is None:
        return False
    return any(
        m.group(group) is not None and m.start(group) == offset
        for p in NATIONAL_RANK
        for m in p.finditer(text)
    )


# A slide tile's rank alone on its line ("2 of 4", "#58") and the label after it.
_TILE_FIGURE = re.compile(r"\s*#?\d{1,3}(?:st|nd|rd|th)?(?:\s+(?:out\s+)?of\s+\d{1,3})?\s*")
_TILE_LABEL = re.compile(r"\s*(?:national|global)\s+rank", re.I)


def tile_rank(view: SourceView, token: Token, group: str) -> bool:
    """True when `token` is what `NATIONAL_RANK` reads as `group` in a slide tile's rank alone
    on its line over its label ("2 of 4" / "National rank – Indian clusters in the top 100 S&T
    clusters"), read as the rules extractor reads it (`callouts`): "label: 2 of 4"."""
    raw = view.raw
    at = view.starts[token.start]
    a = raw.rfind("\n", 0, at) + 1
    b = raw.find("\n", at)
    if b < 0 or not _TILE_FIGURE.fullmatch(raw, a, b):
        return False
    rest = raw[b:].lstrip("\r\n \t")
    label = rest.split("\n", 1)[0].strip()
    if raw[b : len(raw) - len(rest)].count("\n") > 2 or len(label) > 120:
        return False  # the label is on the next line of text, a blank line between at most
    if not _TILE_LABEL.match(label):
        return False
    figure = raw[a:b].strip()
    text = f"{label}: {figure}"
    offset = len(label) + 2 + at - (a + raw[a:b].index(figure))
    return any(
        m.group(group) is not None and m.start(group) == offset
        for p in NATIONAL_RANK
        for m in p.finditer(text)
    )


def _line_cells(view: SourceView, token: Token) -> list[tuple[int, str]] | None:
    """The cells of the table row holding `token` (a delimited export's, a tab-separated or a
    pipe table's line), each with the raw offset of its text, or None for another line."""
    raw = view.raw
    start = view.starts[token.start]
    a = raw.rfind("\n", 0, start) + 1
    b = raw.find("\n", start)
    line = raw[a : len(raw) if b < 0 else b]
    sep = view.dialect[4:] if view.dialect.startswith("csv:") else "\t" if "\t" in line else "|"
    if sep not in line:
        return None
    out = []
    pos = a
    for piece in line.split(sep):
        body = piece.strip(' "\r')
        if body:
            out.append((pos + piece.index(body), body))
        pos += len(piece) + len(sep)
    return out
