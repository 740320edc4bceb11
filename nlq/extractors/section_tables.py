"""Tables whose own rows name the sections they hold, and where such a row cuts a table."""

from __future__ import annotations

import re

from nlq.extractors.cells import header_role, share_title
from nlq.extractors.columns import has_digit
from nlq.extractors.headings import (
    APPLICANTS,
    COLLAB,
    PATENT_COLLAB,
    PUBLICATION_COLLAB,
    PUBLISHERS,
    classify_heading,
    list_heading_beside_titles,
    outline_end,
    subtype,
)
from nlq.extractors.section_kinds import FIELD_SECTIONS, REFINE, Section, refine
from nlq.layout.document import Block, BlockKind, MappedText


def title_row(
    row: tuple[MappedText, ...], current: Section | None
) -> tuple[list[str], list[tuple[int, int]]] | None:
    """The sections named by a table's first row when its cells are headings, and the columns
    each one's cells take (from its cell to the next heading's). Column titles may stand beside
    the headings only in a field breakdown ("Patents | Share", "# | Patents | Publications"):
    in a ranked table "| Rank | Applicant | Patents | Share |" is its header, not a heading."""
    row = tuple(c.slice(outline_end(c.text), len(c.text)) for c in row)
    numbered = has_digit(row)  # only a collaboration's partner columns may number their titles
    beside = (None if numbered else list_heading_beside_titles(row)) or _collab_beside_titles(row)
    if beside is not None:
        return [beside], [(0, len(row))]
    if numbered:
        return None
    keyed: list[tuple[int, str]] = []
    titles = 0
    for j, cell in enumerate(row):
        text = cell.text.replace("_", " ")  # a data frame's "patent_field"
        if not text:
            continue
        key = classify_heading(text) or refine(current, text)
        role = header_role(text)
        if key is not None and not share_title(text) and not (key in REFINE and role):
            keyed.append((j, key))
        elif role or _kind_share(text):
            titles += 1  # "Share", "#", "Field", "patent share": a column title
        else:
            return None
    if not keyed or (titles and not all(k in FIELD_SECTIONS for _, k in keyed)):
        return None
    # Neighbours naming the same breakdown are its columns ("patent_field | patent_share").
    keyed = [(j, k) for i, (j, k) in enumerate(keyed) if not i or keyed[i - 1][1] != k]
    starts = [j for j, _ in keyed]
    return [k for _, k in keyed], list(zip(starts, starts[1:] + [len(row)], strict=True))


def _kind_share(text: str) -> bool:
    """A share title after the kind it counts ("patent share", "Publication share (%)")."""
    first, _, rest = text.partition(" ")
    return bool(rest) and subtype(first) is not None and share_title(rest)


def combined_lists(
    row: tuple[MappedText, ...],
) -> tuple[list[str], list[tuple[int, int]]] | None:
    """Both top lists of one table whose header names each list over its name column, among
    column titles ("Rank | Top PCT applicants | Patents | Share | Top publishing organizations
    | Articles | Share"), and the columns each list takes (from its name column, or the rank
    column just before it, to the next list's); the columns before the first list's name (a
    rank column) belong to both, unless a list has a rank column of its own. None for any
    other row."""
    if has_digit(row):
        return None
    keyed = [(j, classify_heading(c.text)) for j, c in enumerate(row) if c.text]
    keyed = [(j, k) for j, k in keyed if k in (APPLICANTS, PUBLISHERS)]
    if len(keyed) != 2 or keyed[0][1] == keyed[1][1]:
        return None
    named = {j for j, _ in keyed}
    if not all(header_role(c.text) for j, c in enumerate(row) if c.text and j not in named):
        return None
    second = keyed[1][0]
    while second - 1 > keyed[0][0] and header_role(row[second - 1].text) == "rank":
        second -= 1  # the second list's own rank column, before its name
    columns = [(keyed[0][0], second), (second, len(row))]
    return [k for _, k in keyed], columns  # type: ignore[misc]


def _collab_beside_titles(row: tuple[MappedText, ...]) -> str | None:
    """The collaboration section named in the first cell of its table's header, beside its
    column titles ("Collaboration | Share | Top locations", as a spreadsheet prints it)."""
    filled = [c.text for c in row if c.text]
    if len(filled) < 2 or not row[0].text:
        return None
    key = classify_heading(row[0].text)
    if key not in (COLLAB, PATENT_COLLAB, PUBLICATION_COLLAB):
        return None
    if all(share_title(t) or _PARTNERS_TITLE.match(t) for t in filled[1:]):
        return key
    return None


# A sheet may give each partner a column of its own: "Top location 1 | Top location 2".
_PARTNERS_TITLE = re.compile(
    r"^(?:top\s+)?(?:\w+\s+)?(?:locations?|partners?|regions?|clusters?|places?)"
    r"(?:\s*(?:#|no\.\s*)?\d{1,2})?$",
    re.I,
)


def table_pieces(block: Block) -> list[Block]:
    """A table cut where a row inside it starts another section: a row of one cell naming a
    section ("Top publishing organizations", "Publications" spanning the table, or alone in
    its first cell) becomes a paragraph of its own, and a row of headings and column titles
    after figures ("Publications | Share") starts a new table. Other tables are returned as
    they are."""
    rows = block.rows
    if len(rows) < 2:
        return [block]
    digits = [has_digit(r) for r in rows]
    if all(digits[1:]) and sum(1 for c in rows[0] if c.text) > 1:
        return [block]  # the common table: a header, then rows of figures
    pieces: list[Block] = []
    start = 0
    for i, row in enumerate(rows):
        if not row:
            continue  # a row with no cells (an empty entry of a YAML or TOML list)
        alone = len(row) == 1 or not any(c.text for c in row[1:])  # "| **Publications** | |"
        if alone and names_section(row[0].text) and any(len(r) > 1 for r in rows):
            if i > start:
                pieces.append(Block(BlockKind.TABLE, rows=rows[start:i]))
            pieces.append(Block(BlockKind.PARAGRAPH, text=row[0]))
            start = i + 1
        elif i > start and not digits[i] and digits[i - 1] and _starts_table(row):
            pieces.append(Block(BlockKind.TABLE, rows=rows[start:i]))
            start = i
    if not pieces:
        return [block]
    if start < len(rows):
        pieces.append(Block(BlockKind.TABLE, rows=rows[start:]))
    return pieces


def names_section(text: str) -> bool:
    return (
        bool(text)
        and not _DIGIT.search(text)
        and (classify_heading(text) is not None or subtype(text) is not None)
    )


def _starts_table(row: tuple[MappedText, ...]) -> bool:
    """A row of headings and column titles only, one of them naming a section."""
    filled = [c.text for c in row if c.text]
    return (
        len(filled) >= 2
        and any(names_section(t) for t in filled)
        and all(names_section(t) or header_role(t) for t in filled)
    )


_DIGIT = re.compile(r"\d")
_SHARE_CELL = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?%")


def labelled_collab_table(block: Block, current: Section | None) -> str | None:
    """The collaboration a key-value table is about when its first label names one
    ("Patent collaboration share | 14%", then "Top partners | A; B"), or None; a table of the
    section it is already in goes on."""
    if block.kind is not BlockKind.TABLE or not 2 <= len(block.rows) <= 3:
        return None
    if any(len(row) != 2 for row in block.rows):
        return None
    key = classify_heading(block.rows[0][0].text)
    if key not in (PATENT_COLLAB, PUBLICATION_COLLAB) or not _SHARE_CELL.fullmatch(
        block.rows[0][1].text.strip()
    ):
        return None
    return None if current is not None and current.keys[0] == key else key
