"""Tables that compare editions: only the columns of the profile's own edition are read.

An analyst's page may set the previous edition beside the current one ("Overview | GII 2023 |
GII 2024", "Rank | Name | Patents 2023 | Share 2023 | Patents 2024 | Share 2024") or add a
column of changes ("change vs 2023", "Δ", "+/-"). Those columns hold another year's figures or
differences, never the profile's own, so they are dropped, by their header cell, before the
table is read: a column titled with a year other than the edition when the header names two
years or more, and a column titled as a change. A range of years ("2018-2022") names no year.
Tables whose first row names no year and no change are returned as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nlq.extractors.prose import read_scalars
from nlq.layout.document import Block, BlockKind, MappedText

_YEAR = re.compile(r"(?<![\d–-])(?:19|20)\d\d(?![\d–-])")
_CHANGE = re.compile(
    r"\bchange[sd]?\b|\bvs\b\.?|\bversus\b|Δ|\bdelta\b|\bdiff(?:erence)?\b|\by-?o-?y\b"
    r"|\+\s?/\s?[-−]|±|\bvariation\b|\bcompared\b",
    re.I,
)
_DIGIT = re.compile(r"\d")

Row = tuple[MappedText, ...]


def compares_editions(blocks: list[Block]) -> bool:
    """Whether some table has a column of another edition or of changes to drop."""
    return any(b.kind is BlockKind.TABLE and _dropped(b.rows, None) for b in blocks)


def own_edition(blocks: list[Block], edition: int | None) -> list[Block]:
    """`blocks` with the comparison columns of every table dropped; the edition's own year is
    kept (the latest year named when `edition` is None or not among the header's years)."""
    out: list[Block] = []
    for block in blocks:
        drop = _dropped(block.rows, edition) if block.kind is BlockKind.TABLE else set()
        if drop:
            rows = tuple(tuple(c for j, c in enumerate(r) if j not in drop) for r in block.rows)
            block = replace(block, rows=rows)
        out.append(block)
    return out


def stated_edition(blocks: list[Block]) -> int | None:
    """The edition the page's text (not its tables) names, or None."""
    found = read_scalars([b.text for b in blocks if b.kind is not BlockKind.TABLE]).get("edition")
    return found.value if found is not None else None  # type: ignore[return-value]


def other_edition_spans(blocks: list[Block]) -> list[tuple[int, int]]:
    """Raw spans of the cells `own_edition` drops (another year's figures, changes), so a
    quote's figures can be checked the same way: [] for a page that compares no editions."""
    if not compares_editions(blocks):
        return []
    edition = stated_edition(blocks)
    spans: list[tuple[int, int]] = []
    for block in blocks:
        drop = _dropped(block.rows, edition) if block.kind is BlockKind.TABLE else set()
        for row in block.rows if drop else ():
            spans += [
                row[j].raw_span(0, len(row[j].text))
                for j in drop
                if j < len(row) and row[j].text  # an empty cell has no span
            ]
    return spans


def _dropped(rows: tuple[Row, ...], edition: int | None) -> set[int]:
    """The columns of a table to drop: those of its header (first row) titled as a change or
    with another year than the one read. Empty when the first row is not a header or when
    fewer than two columns would be left to read."""
    if len(rows) < 2 or not _header(rows[0]):
        return set()
    titles = [c.text for c in rows[0]]
    years = [{int(y) for y in _YEAR.findall(t)} for t in titles]
    change = {j for j, t in enumerate(titles) if t and _CHANGE.search(t)}
    named = set().union(*(ys for j, ys in enumerate(years) if j not in change))
    other: set[int] = set()
    if len(named) >= 2:
        keep = edition if edition in named else max(named)
        other = {j for j, ys in enumerate(years) if ys and keep not in ys}
    drop = change | other
    return drop if 0 < len(drop) <= len(titles) - 2 else set()


def _header(row: Row) -> bool:
    """A row of column titles naming a year or a change; any figure in it is a year ("GII
    2024"), so a row of data ("1 | NAME | 146 | 12%") is none."""
    for cell in row:
        t = cell.text
        if _DIGIT.search(t) and not _YEAR.search(t):
            return False
    return any(_YEAR.search(c.text) or _CHANGE.search(c.text) for c in row)
