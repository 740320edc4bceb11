"""A top list printed as two tables, one column each: counts in one, shares in the other.

Some pages give each top list twice, "Top PCT applicants — number of patents" (rank, name,
patents) then "Top PCT applicants — share of the cluster's applications" (rank, name, share).
The second table is not a copy to ignore but the other half of the same rows: when it names
the same organizations at the same ranks, in the same order, and fills only what the first
left empty, its figures join the first table's rows. Any disagreement (another name, another
rank, a figure of its own for a value the first already holds) and it is no half: the first
copy is kept alone, as before.
"""

from __future__ import annotations

from dataclasses import replace

from nlq.extractors.lists import Entry


def _same(a: object, b: object) -> bool:
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def join_halves(first: list[Entry], second: list[Entry]) -> list[Entry] | None:
    """`first` with the counts or shares `second` adds, or None when `second` is not the
    other half of the same rows."""
    if len(first) != len(second) or not first:
        return None
    joined: list[Entry] = []
    added = False
    for a, b in zip(first, second, strict=True):
        if a.name is None or b.name is None or not _same(a.name.value, b.name.value):
            return None
        if (a.rank is None) != (b.rank is None):
            return None
        if a.rank is not None and b.rank is not None and a.rank.value != b.rank.value:
            return None
        if (a.count is not None and b.count is not None) or (
            a.share is not None and b.share is not None
        ):
            return None  # a figure of its own for a value already held: a copy, not a half
        added = added or (a.count is None and b.count is not None)
        added = added or (a.share is None and b.share is not None)
        joined.append(replace(a, count=a.count or b.count, share=a.share or b.share))
    return joined if added else None
