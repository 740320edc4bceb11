"""Tables that compare clusters: only the profile's own cluster's columns are read.

A comparison sheet sets another cluster beside the profile's ("Indicator | Hefei | Nanjing
(reference)", "Rank | Hefei | Patents | Share | Nanjing | Patents | Share", field tables
"Hefei | Nanjing"). The other cluster's columns hold its figures, never the profile's, so they
are dropped before the table is read. A header row (no figure in it) names the profile's
cluster in one cell (the cell is the name, perhaps with a gloss in parentheses); each other
cell of that row, after the first column, that is a short capitalized name and no column title
("Patents", "Share") starts a peer group, and a group runs up to the next group's first column.
A peer group is dropped only when it is as wide as the cluster's own group, so the two sides
match column for column; columns before the first group (rank, indicator) are kept. Tables
whose header names no cluster of the profile are returned as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nlq.extractors.cells import header_role
from nlq.layout.document import Block, BlockKind, MappedText

_GLOSS = re.compile(r"\s*\([^()]*\)\s*$")
_NAME = re.compile(r"[^\W\d_][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4}")
_DIGIT = re.compile(r"\d")

Row = tuple[MappedText, ...]


def own_cluster(blocks: list[Block], cluster: str) -> list[Block] | None:
    """`blocks` with the columns of every other compared cluster dropped, or None when no
    table compares the profile's cluster with another."""
    if not cluster:
        return None
    out: list[Block] = []
    changed = False
    for block in blocks:
        drop = _dropped(block.rows, cluster) if block.kind is BlockKind.TABLE else set()
        if drop:
            changed = True
            rows = tuple(tuple(c for j, c in enumerate(r) if j not in drop) for r in block.rows)
            rows = (tuple(_blank(c, cluster) for c in rows[0]), *rows[1:])
            block = replace(block, rows=rows)
        out.append(block)
    return out if changed else None


def _blank(cell: MappedText, cluster: str) -> MappedText:
    """The cluster's own header cell emptied: it names whose figures the column holds, no
    column title ("Collaboration | Hefei" is a collaboration table's header)."""
    if _GLOSS.sub("", cell.text).strip().casefold() == cluster.casefold():
        return cell.slice(0, 0)
    return cell


def _dropped(rows: tuple[Row, ...], cluster: str) -> set[int]:
    """The columns of the other clusters' groups in a table whose header names `cluster`."""
    if len(rows) < 2 or any(_DIGIT.search(c.text) for c in rows[0]):
        return set()
    titles = [_GLOSS.sub("", c.text).strip() for c in rows[0]]
    key = cluster.casefold()
    own = [j for j, t in enumerate(titles) if t.casefold() == key]
    if len(own) != 1:
        return set()
    peers = [j for j, t in enumerate(titles) if j > 0 and j != own[0] and _peer_title(t, key)]
    if not peers:
        return set()
    starts = sorted([own[0], *peers])
    ends = [*starts[1:], len(titles)]
    width = dict(zip(starts, (e - s for s, e in zip(starts, ends, strict=True)), strict=True))
    drop: set[int] = set()
    for start, end in zip(starts, ends, strict=True):
        if start != own[0] and width[start] == width[own[0]]:
            drop.update(range(start, end))
    return drop


def _peer_title(title: str, key: str) -> bool:
    """Whether a header cell names another cluster: a short capitalized name, no column title."""
    return (
        title[:1].isupper()
        and title.casefold() != key
        and _NAME.fullmatch(title) is not None
        and header_role(title) is None
    )
