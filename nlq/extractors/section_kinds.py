"""What a section of a profile is, and which sections a bare "Patents" / "Publications" refines."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlq.extractors.headings import (
    APPLICANTS,
    COLLAB,
    FIELDS,
    PATENT_COLLAB,
    PATENT_FIELDS,
    PUBLICATION_COLLAB,
    PUBLICATION_FIELDS,
    PUBLISHERS,
    subtype,
)
from nlq.layout.document import Block, MappedText

COLLAB_KEYS = (COLLAB, PATENT_COLLAB, PUBLICATION_COLLAB)
REFINE = {
    FIELDS: (PATENT_FIELDS, PUBLICATION_FIELDS),
    COLLAB: (PATENT_COLLAB, PUBLICATION_COLLAB),
}


@dataclass(slots=True)
class Section:
    """Content blocks under one heading; `keys` has one key, or several for side-by-side tables."""

    keys: list[str]
    heading: MappedText | None
    blocks: list[Block] = field(default_factory=list)
    columns: list[tuple[int, int]] | None = None
    """For a section named by a table's title row: the columns each key's cells take."""
    prose_after: bool = False
    """Whether a paragraph of prose came after its entries (`sections._prose_after_entries`)."""
    shares: bool = False
    """For a section named by a title row: whether that row titles a column as shares ("%")."""
    titles: tuple[MappedText, ...] = ()
    """For a section named by a title row: that row's filled cells ("Patents", "Publications")."""


TOP_LISTS = (APPLICANTS, PUBLISHERS)
LIST_SECTIONS = {APPLICANTS, PUBLISHERS, PATENT_FIELDS, PUBLICATION_FIELDS, FIELDS}
FIELD_SECTIONS = {PATENT_FIELDS, PUBLICATION_FIELDS}


def refine(current: Section | None, text: str) -> str | None:
    if current is None:
        return None
    sub = subtype(text)
    if sub is None:
        return None
    for key in current.keys:
        for parent, children in REFINE.items():
            if key == parent or key in children:
                return children[sub]
    return None


def collab_key(current: Section | None) -> str | None:
    if current and current.keys[0] in (PATENT_COLLAB, PUBLICATION_COLLAB, COLLAB):
        return current.keys[0]
    return None
