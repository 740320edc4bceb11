"""Which column of a ranked table holds what: by its header words when it has a header, by
what its cells hold otherwise.

A table may name its columns in any order ("| Share | Patents | Applicant | No. |"), leave some
header cells empty ("| | | Patents | Share |"), have no header at all, or be transposed (one row
per column, the titles in its first cell). This module finds one role per column (rank, name,
count, share) for a table that holds one list; a table that holds two lists side by side, or
whose columns cannot be told apart, is left to the left-to-right row reader (`lists`).
"""

from __future__ import annotations

import re

from nlq.extractors.cells import Parts, header_role
from nlq.layout.document import MappedText

Row = tuple[MappedText, ...]
_EMPTY = MappedText("", [])


_DIGIT = re.compile(r"\d")


def has_digit(row: Row) -> bool:
    return any(_DIGIT.search(c.text) for c in row)


def orient(rows: list[Row]) -> list[Row]:
    """The rows of a table written sideways (its first column holding titles such as "Rank",
    "Applicant", "Patents", "Share") turned back into one row per entry."""
    if len(rows) < 2 or any(len(r) < 2 for r in rows):
        return rows
    if not all(r[0].text and header_role(r[0].text) for r in rows):
        return rows
    if not any(has_digit(r[1:]) for r in rows):
        return rows
    width = max(len(r) for r in rows)
    return [tuple(r[j] if j < len(r) else _EMPTY for r in rows) for j in range(width)]


def _rank_like(values: list[int]) -> bool:
    """1, 2, 3 ... (ties allowed: 1, 2, 2, 4): how ranks run down a top list."""
    if not values or values[0] != 1:
        return False
    return all(0 <= b - a <= len(values) for a, b in zip(values, values[1:], strict=False))


def column_roles(
    header: Row | None, data: list[Row], cells: list[list[Parts]], notes: list[str]
) -> list[str | None] | None:
    """One role per column ('rank', 'name', 'count', 'share' or None for an empty one), or None
    when the table is not one list whose columns can be told apart. `cells` are the data rows
    read (`read_cell`); a column whose title its cells contradict is noted in `notes`."""
    width = len(data[0])
    if any(len(r) != width for r in data):
        return None
    titles = [header_role(c.text) for c in header] if header and len(header) == width else []
    parts = [[row[j] for row in cells] for j in range(width)]
    roles: list[str | None] = []
    for j in range(width):
        shape = _SHAPES.get(frozenset(p.kind for p in parts[j]) - {""}, "mixed")
        title = titles[j] if titles else None
        # A title is trusted when what the column holds can be that ("Patents" over whole
        # numbers); a title that contradicts the cells ("Applicant" over 1, 2, 3, "Patents"
        # over "54%") gives way to them: a share is what has "%", a name what has letters.
        role = title if title and _fits(title, shape) else shape
        if role == "share" and shape == "decimal" and _fractions(parts[j], header[j].text):  # type: ignore[index]
            notes.append(f"the column titled {header[j].text!r} holds fractions; not read")  # type: ignore[index]
            role = "decimal"  # "0.15" is a fraction of the total, not a share of 0.15%
        if role == "mixed":
            return None
        if title and role != title and shape != "empty":
            notes.append(f"the column titled {header[j].text!r} holds {shape}s; read as such")  # type: ignore[index]
        # Bare decimals under no share title are not read as anything (never guessed a share).
        roles.append(None if shape == "empty" or role == "decimal" else role)
    if roles.count("name") > 1 and titles:
        roles = _drop_note_columns(roles, titles, header)  # type: ignore[arg-type]
    if roles.count("name") != 1 or any(roles.count(r) > 1 for r in ("rank", "count", "share")):
        return None
    return _resolve_ints(roles, parts)


def _drop_note_columns(
    roles: list[str | None], titles: list[str | None], header: Row
) -> list[str | None]:
    """The roles with a column of remarks left unread: a column of words under a title that
    names no role ("Checked", "Status", "Notes") beside the one column titled as the names
    ("Organization"), as a tracker's status column holds "✅" or "⚠️ same as #1?"."""
    named = [j for j, r in enumerate(roles) if r == "name" and titles[j] == "name"]
    if len(named) != 1:
        return roles
    return [
        None
        if r == "name" and j != named[0] and titles[j] is None and header[j].text.strip()
        else r
        for j, r in enumerate(roles)
    ]


def _fractions(column: list[Parts], title: str) -> bool:
    """Whether every number of a decimal column is below 1 ("0.15", "0.09") under a title
    without "%" ("Share", not "Share (%)"): fractions of the total, which a page states as
    percent only in a note (`layout/fraction_shares.py`)."""
    if "%" in title:
        return False
    values = [p.decimal.value for p in column if p.decimal is not None]
    return bool(values) and all(isinstance(v, float) and v < 1 for v in values)


def _fits(title: str, shape: str) -> bool:
    if shape == "decimal":  # "6.5" without "%": a share, and only when the title says so
        return title == "share"
    return title == shape or (shape == "int" and title in ("rank", "count", "share"))


# What a column holds, from the kinds of its cells (`Parts.kind`).
_SHAPES = {
    frozenset(): "empty",
    frozenset("N"): "name",
    frozenset("S"): "share",
    frozenset("R"): "rank",
    frozenset("I"): "int",
    frozenset("RI"): "int",
    frozenset("D"): "decimal",
    frozenset("ID"): "decimal",
}


def _resolve_ints(roles: list[str | None], parts: list[list[Parts]]) -> list[str | None] | None:
    """Columns of whole numbers shared out as the rank (1, 2, 3 ...) and the count."""
    ints = [j for j, r in enumerate(roles) if r == "int"]
    if not ints:
        return roles if _complete(roles) else None
    name = roles.index("name")
    for j in ints:
        values = [p.rank.value if p.rank else p.count.value if p.count else 0 for p in parts[j]]
        ranky = all(isinstance(v, int) for v in values) and _rank_like(values)  # type: ignore[arg-type]
        if "rank" not in roles and ranky and (len(values) > 1 or j < name):
            roles[j] = "rank"
        elif "count" not in roles and not (ranky and len(values) == 1 and j < name):
            roles[j] = "count"
        else:
            return None
    return roles if _complete(roles) else None


def _complete(roles: list[str | None]) -> bool:
    return "name" in roles and any(r in ("count", "share") for r in roles)
