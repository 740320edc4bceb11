"""A field breakdown printed sideways: the field names as a table's header row and their shares
in the one row under it ("| Clinical medicine | Chemistry | Other |" over "| 27% | 12% | 20% |")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from nlq.extractors.cells import read_pair_cell
from nlq.extractors.columns import Row
from nlq.extractors.located import Located

P = TypeVar("P")


def sideways_pairs(rows: list[Row], pair: Callable[[Located, Located], P]) -> list[P]:
    """The (field, share) pairs of a two-row table of names over shares, or [] for any other
    table: every cell of the first row a name without figures, every cell under it a share
    alone, two columns or more, no empty cell."""
    if len(rows) != 2 or len(rows[0]) < 2 or len(rows[0]) != len(rows[1]):
        return []
    out: list[P] = []
    for top, bottom in zip(rows[0], rows[1], strict=True):
        name, share = read_pair_cell(top), read_pair_cell(bottom)
        if name.name is None or name.share is not None or name.count is not None:
            return []
        if share.share is None or share.name is not None or share.count is not None:
            return []
        out.append(pair(name.name, share.share))
    return out
