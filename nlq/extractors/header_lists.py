"""A ranked table that names its own list in its header, under no section heading.

A blog or README may head its lists in its own words ("Who files the patents", "Who is filing
and publishing"), words that name no one section; the table's header then says which list it
is, in one of two ways: one cell names a single list ("| Rank | Top PCT applicant | Patents |
Share |"), or the name and count column titles together do ("# | Applicant | Patents | Share"
is the top PCT applicants, "# | Organization | Articles | Share" the top publishing
organizations; a header of column titles alone, with a name and a count title). A name column
titled only "name", as a data frame's is, leaves the count title to say it: "rank | name |
patents | share" counts patents (the top PCT applicants), "... | articles | ..." articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlq.extractors.cells import header_role
from nlq.extractors.section_kinds import TOP_LISTS
from nlq.layout.document import MappedText

_DIGIT = re.compile(r"\d")
_BARE_NAME = re.compile(r"names?", re.I)
_COUNTS = (
    (re.compile(r"patent|applications|filings", re.I), TOP_LISTS[0]),
    (re.compile(r"articles|publications|papers", re.I), TOP_LISTS[1]),
)
Classify = Callable[[str], str | None]


def header_named_list(row: tuple[MappedText, ...], classify: Classify) -> str | None:
    """The top list a table's header row names, by a cell or by its column titles, or None."""
    return header_list(row, classify) or list_named_by_header(row, classify)


def header_list(row: tuple[MappedText, ...], classify: Classify) -> str | None:
    """The one top list a ranked table's header row names in a cell, or None."""
    if any(_DIGIT.search(c.text) for c in row):
        return None
    # A label ending in a colon ("Publisher:", "Release:" over their values) is a key-value
    # table's key, no column title: a workbook's publisher is no list of publishers.
    keys = {
        k
        for c in row
        if c.text and not c.text.rstrip().endswith(":") and (k := classify(c.text)) in TOP_LISTS
    }
    return keys.pop() if len(keys) == 1 else None


def list_named_by_header(row: tuple[MappedText, ...], classify: Classify) -> str | None:
    """The top list a table's header names by its name and count column titles, or None."""
    filled = [c.text for c in row if c.text]
    roles = [header_role(t) for t in filled]
    if len(filled) < 3 or None in roles or "name" not in roles or "count" not in roles:
        return None
    titles = " ".join(t for t, r in zip(filled, roles, strict=True) if r in ("name", "count"))
    key = classify(titles)
    if key in TOP_LISTS:
        return key
    names = [t for t, r in zip(filled, roles, strict=True) if r == "name"]
    if len(names) != 1 or not _BARE_NAME.fullmatch(names[0].strip()):
        return None
    counts = " ".join(t for t, r in zip(filled, roles, strict=True) if r == "count")
    keys = {k for pattern, k in _COUNTS if pattern.search(counts)}
    return keys.pop() if len(keys) == 1 else None
