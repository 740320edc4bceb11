"""Finding a profile's sections by what their headings mean, in any order.

Blocks are walked in order and each table or list item is filed under the section heading
above it (`headings` says what a heading is and which section it names): a table row whose
cells are all headings (two tables side by side), the first row of a table when all its cells
are headings ("Patents | | Publications |"), or the label of a breakdown written on one line
("Patents: Semiconductors 35%, ...") also open sections. A bare "Patents" / "Publications"
refines the section above it ("Top technology fields" > "Patents"). Under a list section, a
paragraph that is a name with figures is content, like a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlq.extractors.cells import header_role, read_cell, share_title
from nlq.extractors.columns import orient
from nlq.extractors.contents import contents_table
from nlq.extractors.field_pairs import inline_pairs
from nlq.extractors.header_lists import header_named_list
from nlq.extractors.headings import (
    APPLICANTS,
    CAPTION,
    FIELD_WORDS,
    FIELDS,
    PATENT_FIELDS,
    PUBLICATION_FIELDS,
    PUBLISHERS,
    classify_heading,
    heading_texts,
    output_kind,
    subtype,
)
from nlq.extractors.inline_breakdowns import labelled_breakdown
from nlq.extractors.kind_title_rows import kind_title_row
from nlq.extractors.labelled_rows import LABEL_MARKS, labelled_breakdown_lines
from nlq.extractors.lead_ins import lead_in_list
from nlq.extractors.own_headings import breakdown_kind, whole_breakdown, whole_breakdown_table
from nlq.extractors.rank_tiles import rank_item
from nlq.extractors.records import rebuild
from nlq.extractors.section_kinds import (
    COLLAB_KEYS,
    FIELD_SECTIONS,
    LIST_SECTIONS,
    REFINE,
    TOP_LISTS,
    Section,
    collab_key,
    refine,
)
from nlq.extractors.section_tables import (
    combined_lists,
    labelled_collab_table,
    names_section,
    table_pieces,
    title_row,
)
from nlq.extractors.wrapped_names import continued_item, dangling, rows_wrapped_between
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.shapes import figure_unit, sentence_like


@dataclass(slots=True)
class Sections:
    """A document split into sections and the prose (everything not in a list section)."""

    sections: list[Section] = field(default_factory=list)
    prose: list[tuple[Block, str | None]] = field(default_factory=list)
    headings: list[MappedText] = field(default_factory=list)
    free: list[tuple[int, Block, str | None]] = field(default_factory=list)
    """Blocks outside list sections (headings too), with their place in the document and their
    collaboration section if any: for labels and values on consecutive lines."""
    outline: list[tuple[int, str]] = field(default_factory=list)
    """The markup headings so far, each with its level."""
    tables: dict[int, Block] = field(default_factory=dict)
    """The tables, by their place in the document (a partner list's numbered rows under its
    label)."""


def split_sections(blocks: list[Block]) -> Sections:
    """Walk blocks in order, assigning tables and list items to the section heading above."""
    out = Sections()
    current: Section | None = None
    pieces = rows_wrapped_between(_pieces(rebuild(blocks)), names_section)
    for index, block in enumerate(pieces):
        if _ends_ranked_list(current, block, pieces[index + 1 : index + 1 + _LOOK_AHEAD]):
            current = None
        current = _take(out, block, current)
        if block.kind is BlockKind.TABLE:
            out.tables[index] = block
        if block.kind is not BlockKind.TABLE and (
            current is None
            or current.keys[0] not in LIST_SECTIONS
            or not current.blocks
            or current.blocks[-1] is not block  # after a list, not of it: a sentence
        ):
            out.free.append((index, block, collab_key(current)))
        if current is None and index + 1 < len(pieces):
            # A breakdown is a few dozen items at most: a bounded look-ahead keeps this linear.
            current = _own_heading_breakdown(block, pieces[index + 1 : index + 1 + _LOOK_AHEAD])
            if current is not None:
                out.sections.append(current)
    return out


_LOOK_AHEAD = 64


def _own_heading_breakdown(block: Block, following: list[Block]) -> Section | None:
    """A field section under a heading in the page's own words ("What the patents are
    about") over a list that is plainly a breakdown (`own_headings`), or None."""
    if following[0].kind is BlockKind.PARAGRAPH or block.kind is BlockKind.LIST_ITEM:
        return None
    texts = heading_texts(block)
    if texts is None or len(texts) != 1 or classify_heading(texts[0].text) is not None:
        return None
    kind = breakdown_kind(texts[0].text, following, output_kind)
    if kind is None:
        return None
    return Section([(PATENT_FIELDS, PUBLICATION_FIELDS)[kind]], texts[0])


def _take(out: Sections, block: Block, current: Section | None) -> Section | None:
    """File one block under the current section (or as prose); return the section after it."""
    if current is not None and current.blocks and block.kind is BlockKind.PARAGRAPH:
        joined = continued_item(current.blocks[-1], block)  # a name wrapped after its figures
        if joined is not None and (
            not names_section(block.text.text) or dangling(current.blocks[-1], block)
        ):
            current.blocks[-1] = joined
            return current
    if contents_table(block):  # "T2 | Top PCT applicants", "T3 | Top publishing ...": names
        out.prose.append((block, None))
        return None
    labelled = labelled_breakdown(block, current)
    if labelled is not None:
        label, key, content = labelled
        out.headings.append(label)
        current = Section([key], label, [content])
        out.sections.append(current)
        return current
    kinds = _in_fields(current) and kind_title_row(block, lambda t: refine(current, t))
    if kinds:  # "Patents | Publications" over two charts side by side
        out.headings.extend(kinds[0])
        current = Section(kinds[1], None, titles=tuple(kinds[0]))
        out.sections.append(current)
        return current
    if block.kind is BlockKind.HEADING:
        out.outline.append((block.level, block.text.text))
    texts = heading_texts(block)
    if texts is not None:
        out.headings.extend(texts)
        keys = [classify_heading(t.text) for t in texts]
        if len(texts) == 1 and keys[0] is None:
            refined = refine(current, texts[0].text)
            if refined:
                current = Section([refined], texts[0])
                out.sections.append(current)
            elif block.kind is BlockKind.HEADING or _after_ranked_table(block, current):
                current = None
            if block.kind is not BlockKind.HEADING:
                out.prose.append((block, collab_key(current)))
            return current
        if len(keys) == 1 and current is not None and _subheading(keys[0], current):
            # "Top collaborative locations" under "Patent collaboration" (or a slide's
            # "Collaboration" over "Top collaborative locations: A, B"): a subheading of the
            # section it is in, which it does not end.
            out.prose.append((block, collab_key(current)))
            return current
        if current is not None and len(texts) == 1 and _continues(texts[0].text, keys, current):
            return current  # "TOP PUBLISHING ORGANIZATIONS (CONTINUED)" after a page break
        if _caption_below(block, keys, current):
            out.prose.append((block, None))
            return current
        found = [k for k in keys if k]
        if found == [FIELDS] and block.kind is BlockKind.HEADING:
            # "## Patents" over "### Top technology fields": the patent fields
            found = [_kind_above(out.outline, block.level) or FIELDS]
        current = Section(found, texts[0] if len(texts) == 1 else None)
        out.sections.append(current)
        return current
    lead_in = lead_in_list(block, classify_heading)
    if lead_in is not None:  # "On the publishing side, the top three organizations are:"
        current = Section([lead_in], block.text)
        out.sections.append(current)
        out.prose.append((block, None))
        return current
    collab = labelled_collab_table(block, current)
    if collab is not None:  # "Patent collaboration share | 14%" / "Top partners | A; B"
        current = Section([collab], None)
        out.sections.append(current)
    elif block.kind is BlockKind.TABLE and len(block.rows) >= 2:
        in_collab = current is not None and current.keys[0] in COLLAB_KEYS
        # A collaboration table's first column names its kinds ("Patents (with other
        # inventors)"): its rows are the kinds, not titles of a table written sideways.
        rows = list(block.rows) if in_collab else orient(list(block.rows))
        titles = title_row(rows[0], current)
        both = None if titles else combined_lists(rows[0])
        named = None
        if (current is None or _header_named(current)) and not titles and not both:
            named = header_named_list(rows[0], classify_heading)
            if current is not None and named == current.keys[0]:
                named = None  # the same list goes on
        if named:  # "| Rank | Top PCT applicant | Patents |", "# | Applicant | Patents | Share"
            current = Section([named], None)
            out.sections.append(current)
        elif both:  # the header stays with the rows: each list's own column titles
            current = Section(both[0], None, columns=both[1])
            out.sections.append(current)
        elif titles:
            out.headings.extend(c for c in rows[0] if c.text)
            shares = any(share_title(c.text) for c in rows[0] if c.text)
            filled = tuple(c for c in rows[0] if c.text)
            current = Section(titles[0], None, columns=titles[1], shares=shares, titles=filled)
            out.sections.append(current)
            if titles[0][0] not in COLLAB_KEYS:  # a collaboration table reads its own titles
                block = Block(BlockKind.TABLE, rows=tuple(rows[1:]))
    if current is not None and _is_content(block, current):
        current.blocks.append(block)
        if block.kind is not BlockKind.TABLE and current.keys[0] not in LIST_SECTIONS:
            out.prose.append((block, collab_key(current)))
        return current
    out.prose.append((block, collab_key(current)))
    if _prose_after_entries(block, current):
        current.prose_after = True  # type: ignore[union-attr]
    return current


def _kind_above(outline: list[tuple[int, str]], level: int) -> str | None:
    """The field section a breakdown's heading of `level` names through the heading it stands
    under: "## Patents" over "### Top technology fields" (the heading itself just added last)
    is the patent fields; None when the nearest higher heading names no kind."""
    for above, text in reversed(outline[:-1]):
        if 0 < above < level:
            sub = subtype(text)
            return None if sub is None else (PATENT_FIELDS, PUBLICATION_FIELDS)[sub]
    return None


def _subheading(key: str | None, current: Section) -> bool:
    """Whether a heading of `key` under section `current` heads a part of it: a refinement
    of `key` is the section ("Top collaborative locations" under "Patent collaboration"), or
    both are collaboration ("Top collaborative locations: A, B" under "Collaboration")."""
    if current.keys[0] in REFINE.get(key, ()):  # type: ignore[arg-type]
        return True
    return key == current.keys[0] == "collaboration"


def _prose_after_entries(block: Block, current: Section | None) -> bool:
    """Whether a paragraph of prose comes after a list's entries ("12% of ... are filed in
    collaboration ..."): list items further down without a figure of the list ("1. 9 April –
    Oulu Deep Tech Day", a newsletter's next story) are then no entries of it (`_is_content`);
    a subheading ("Publications") and items with figures still go on."""
    if current is None or not current.blocks or current.keys[0] not in LIST_SECTIONS:
        return False
    return block.kind is BlockKind.PARAGRAPH and sentence_like(block.text.text)


def _figure_of_list(block: Block, current: Section) -> bool:
    """Whether a list item holds what an entry of the current list holds: a share for a field
    breakdown, a count or a share for a top list."""
    p = read_cell(block.text, bare_rank=True)
    if current.keys[0] in FIELD_SECTIONS or current.keys[0] == FIELDS:
        return p.share is not None
    return p.count is not None or p.share is not None


def _after_ranked_table(block: Block, current: Section | None) -> bool:
    """A title naming no section after a top list's table ("MOST READ" over a site's list
    of articles): a table holds its whole list, so what comes under that title is not of it.
    Column titles repeated after a page break ("Rank  Organization  Articles") are no such
    title."""
    if current is None or current.keys[0] not in TOP_LISTS or not current.blocks:
        return False
    last = current.blocks[-1]
    if last.kind is not BlockKind.TABLE or len(last.rows) < 2:
        return False
    return not any(header_role(w) for w in block.text.text.split())


def _caption_below(block: Block, keys: list[str | None], current: Section | None) -> bool:
    """A caption under the table it names ("Table 1: Top PCT applicants, Hefei" after that
    table): no heading of what follows it."""
    if current is None or not current.blocks or current.blocks[-1].kind is not BlockKind.TABLE:
        return False
    if block.kind is not BlockKind.PARAGRAPH or keys != current.keys[:1]:
        return False
    t = block.text.text
    return t[:1] in "TtFfCcEeGg" and bool(_FIGURE_CAPTION.match(t)) and bool(CAPTION.match(t))


_FIGURE_CAPTION = re.compile(r"(?:table|figure|fig\.|chart|exhibit|graph)\s", re.I)


def _header_named(current: Section) -> bool:
    """Whether a section is a top list named by its table's header (no heading above it): the
    next table whose header names the other list starts that list ("rank | name | patents"
    then "rank | name | articles", as a notebook prints two data frames)."""
    return current.heading is None and current.columns is None and current.keys[0] in TOP_LISTS


_CONTINUED = re.compile(r"\(?\b(?:continued|cont(?:'d|\.|inued)|suite|fortsetzung)\)?\W*$", re.I)


def _continues(text: str, keys: list[str | None], current: Section) -> bool:
    """Whether a heading says it continues the section it repeats ("... (continued)")."""
    return keys == current.keys and bool(_CONTINUED.search(text))


def _pieces(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        lines = None
        if block.kind is BlockKind.TABLE and block.rows and block.rows[0]:
            first = block.rows[0][0].text
            marked = "%" in first and any(mark in first for mark in LABEL_MARKS)
            lines = labelled_breakdown_lines(block) if marked else None
        if lines is not None:  # "Patents: Semiconductors 35% | Computer tech. 18% | ..."
            out.extend(lines)
        elif block.kind is BlockKind.TABLE and len(block.rows) >= 2:
            out.extend(table_pieces(block))
        else:
            out.append(block)
    return out


def _is_content(block: Block, current: Section) -> bool:
    """Tables and list items belong to the section above; so does a paragraph under a list
    section that is a name with figures, or a breakdown written on one line. A list item that
    is a sentence without a figure of a list ("Patents: 32% of PCT applications are filed in
    collaboration ... Top collaborative locations: A, B") is prose, never an entry."""
    if block.kind is BlockKind.TABLE:
        return True
    if block.kind is BlockKind.LIST_ITEM:
        if _after_one_line_breakdown(block, current) or rank_item(block.text.text):
            return False
        if current.prose_after and not _figure_of_list(block, current):
            return False
        if current.keys[0] in LIST_SECTIONS and sentence_like(block.text.text):
            p = read_cell(block.text, bare_rank=True)
            return p.count is not None or p.share is not None
        return True
    if block.kind is not BlockKind.PARAGRAPH or current.keys[0] not in LIST_SECTIONS:
        return False
    if current.keys[0] in FIELD_SECTIONS and inline_pairs(block.text):
        return True
    return figure_unit(block.text.text) and read_cell(block.text, bare_rank=True).name is not None


def _after_one_line_breakdown(block: Block, current: Section) -> bool:
    """Whether a list item without a figure comes after a breakdown written on one line
    ("Publications: Chemistry 21%; ..."): that line is the whole list, and the item is the next
    part of the page ("5. Outlook"), no field of it."""
    last = current.blocks[-1] if current.blocks else None
    return (
        current.keys[0] in FIELD_SECTIONS
        and last is not None
        and last.kind is BlockKind.PARAGRAPH
        and not any(c.isdigit() for c in block.text.text)
        and len(inline_pairs(last.text)) >= 2
    )


def _ends_ranked_list(current: Section | None, block: Block, following: list[Block]) -> bool:
    """A bare "Patents" / "Publications" line after a ranked list of organizations, over a
    table whose column titles name a field ("field | share") or over items that are plainly a
    whole breakdown (a chart's legend, or a table of names and shares, `own_headings`): no part
    of that list, the title of the breakdown under it."""
    if current is None or current.keys[0] not in (APPLICANTS, PUBLISHERS):
        return False
    if block.kind is not BlockKind.PARAGRAPH or subtype(block.text.text) is None:
        return False
    if whole_breakdown(following) or (following and whole_breakdown_table(following[0])):
        return True
    if not following or following[0].kind is not BlockKind.TABLE or not following[0].rows:
        return False
    return any(FIELD_WORDS.search(cell.text) for cell in following[0].rows[0])


def _in_fields(current: Section | None) -> bool:
    return current is not None and current.keys[0] in FIELD_SECTIONS | {FIELDS}
