"""A ranked table that names its own list in its header, under no section heading.

A README or wiki page may title its lists in its own words ("Who files the patents", "Where the
papers come from"), words that name no section; its table's column titles then say which list
it is: "# | Applicant | Patents | Share" is the top PCT applicants, "# | Organization | Articles
| Share" the top publishing organizations. Only a header made of column titles alone, with a
name and a count title, is read this way.
"""

from __future__ import annotations

from collections.abc import Callable

from nlq.extractors.cells import header_role
from nlq.layout.document import MappedText

_LISTS = ("top_pct_applicants", "top_publishers")


def list_named_by_header(
    row: tuple[MappedText, ...], classify: Callable[[str], str | None]
) -> str | None:
    """The top list a table's header names by its name and count column titles, or None."""
    filled = [c.text for c in row if c.text]
    roles = [header_role(t) for t in filled]
    if len(filled) < 3 or None in roles or "name" not in roles or "count" not in roles:
        return None
    titles = " ".join(t for t, r in zip(filled, roles, strict=True) if r in ("name", "count"))
    key = classify(titles)
    return key if key in _LISTS else None
