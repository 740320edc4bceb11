"""Data-quality findings a careful analyst would want flagged on a record.

Imports only the schema. Message forms are part of the contract tests rely on:
"<field>: no data found in the profile", "<field>: '<NAME>' appears at ranks 1 and 3",
"<field>: shares sum to 97%, not 100 ± 1", "<field>: count/share ratios disagree ...".
"""

from __future__ import annotations

from nlq.schema import (
    COLLABORATION_FIELDS,
    FIELD_SHARE_FIELDS,
    NUMERIC_SCALAR_FIELDS,
    RANKED_FIELDS,
    ClusterProfile,
    RankedEntry,
)


def _fmt(x: float) -> str:
    return f"{x:g}"


def missing(record: ClusterProfile) -> list[str]:
    """One warning per absent fact or empty section."""
    out = []
    if not record.economy:
        out.append("economy: no data found in the profile")
    for name in NUMERIC_SCALAR_FIELDS:
        if getattr(record, name) is None:
            out.append(f"{name}: no data found in the profile")
    for name in RANKED_FIELDS + FIELD_SHARE_FIELDS:
        if not getattr(record, name):
            out.append(f"{name}: no data found in the profile")
    for name in COLLABORATION_FIELDS:
        collab = getattr(record, name)
        if collab is None:
            out.append(f"{name}: no data found in the profile")
        elif collab.share is None:
            out.append(f"{name}.share: no data found in the profile")
        elif not collab.partners:
            out.append(f"{name}.partners: no data found in the profile")
    return out


def duplicates(name: str, entries: list[RankedEntry]) -> list[str]:
    """A warning for each organization listed more than once in one top list."""
    ranks: dict[str, list[str]] = {}
    for i, e in enumerate(entries):
        ranks.setdefault(e.name, []).append(str(e.rank if e.rank is not None else f"#{i + 1}"))
    return [
        f"{name}: '{org}' appears at ranks {', '.join(r[:-1])} and {r[-1]}"
        for org, r in ranks.items()
        if len(r) > 1
    ]


def share_sum(name: str, shares: list[float]) -> list[str]:
    """A warning when a full field breakdown does not add up to 100 ± 1."""
    if not shares:
        return []
    total = sum(shares)
    if abs(total - 100) > 1:
        return [f"{name}: shares sum to {_fmt(round(total, 2))}%, not 100 ± 1"]
    return []


def ratio_consistency(name: str, entries: list[RankedEntry]) -> list[str]:
    """A warning when the counts and rounded shares of one table imply different totals.

    Each row with count c and share s (rounded to the nearest whole percent, or to the
    precision written) implies a total between c*100/(s+h) and c*100/(s-h); the rows agree
    when those intervals overlap.
    """
    rows = [e for e in entries if e.count is not None and e.share]
    if len(rows) < 2:
        return []
    lo, hi = 0.0, float("inf")
    for e in rows:
        assert e.count is not None and e.share is not None
        half = 0.5 if float(e.share).is_integer() else 0.05
        lo = max(lo, e.count * 100 / (e.share + half))
        hi = min(hi, e.count * 100 / (e.share - half) if e.share > half else float("inf"))
    if lo <= hi * 1.0001:
        return []
    detail = ", ".join(f"{e.count:,}/{_fmt(e.share)}%" for e in rows)
    return [f"{name}: count/share ratios disagree beyond rounding ({detail})"]


def quality_warnings(record: ClusterProfile) -> list[str]:
    """All data-quality warnings for `record`, in a stable order."""
    out = missing(record)
    for name in RANKED_FIELDS:
        entries = getattr(record, name)
        out += duplicates(name, entries)
        out += ratio_consistency(name, entries)
    for name in FIELD_SHARE_FIELDS:
        shares = [f.share for f in getattr(record, name) if f.share is not None]
        out += share_sum(name, shares)
    return out
