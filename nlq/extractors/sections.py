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
from nlq.extractors.columns import has_digit, orient
from nlq.extractors.field_pairs import inline_pairs
from nlq.extractors.header_lists import header_named_list
from nlq.extractors.headings import (
    APPLICANTS,
    CAPTION,
    COLLAB,
    FIELD_WORDS,
    FIELDS,
    GLOSS,
    INLINE_LABEL,
    PATENT_COLLAB,
    PATENT_FIELDS,
    PUBLICATION_COLLAB,
    PUBLICATION_FIELDS,
    PUBLISHERS,
    classify_heading,
    heading_texts,
    list_heading_beside_titles,
    outline_end,
    output_kind,
    subtype,
)
from nlq.extractors.labelled_rows import ARROWS, LABEL_MARKS, labelled_breakdown_lines
from nlq.extractors.lead_ins import lead_in_list, prose_breakdown
from nlq.extractors.own_headings import breakdown_kind, inline_kind
from nlq.extractors.rank_tiles import rank_item
from nlq.extractors.records import rebuild
from nlq.extractors.wrapped_names import continued_item
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.shapes import figure_unit, sentence_like

_COLLAB_KEYS = (COLLAB, PATENT_COLLAB, PUBLICATION_COLLAB)

_ARROW_LABEL = re.compile(
    rf"^(?P<label>[^\W\d_][^:\d→⇒➜]{{0,60}}?)\s*(?:{'|'.join(map(re.escape, ARROWS))})\s*(?=\S)"
)

_REFINE = {
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
    """Whether a paragraph of prose came after its entries (`_prose_after_entries`)."""
    shares: bool = False
    """For a section named by a title row: whether that row titles a column as shares ("%")."""


@dataclass(slots=True)
class Sections:
    """A document split into sections and the prose (everything not in a list section)."""

    sections: list[Section] = field(default_factory=list)
    prose: list[tuple[Block, str | None]] = field(default_factory=list)
    headings: list[MappedText] = field(default_factory=list)
    free: list[tuple[int, Block, str | None]] = field(default_factory=list)
    """Blocks outside list sections (headings too), with their place in the document and their
    collaboration section if any: for labels and values on consecutive lines."""


def split_sections(blocks: list[Block]) -> Sections:
    """Walk blocks in order, assigning tables and list items to the section heading above."""
    out = Sections()
    current: Section | None = None
    pieces = _pieces(rebuild(blocks))
    for index, block in enumerate(pieces):
        if _ends_ranked_list(current, block, pieces[index + 1 : index + 2]):
            current = None
        current = _take(out, block, current)
        if block.kind is not BlockKind.TABLE and (
            current is None or current.keys[0] not in _LIST_SECTIONS
        ):
            out.free.append((index, block, _collab_key(current)))
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
        if joined is not None and not _names_section(block.text.text):
            current.blocks[-1] = joined
            return current
    labelled = _labelled_breakdown(block, current)
    if labelled is not None:
        label, key, content = labelled
        out.headings.append(label)
        current = Section([key], label, [content])
        out.sections.append(current)
        return current
    texts = heading_texts(block)
    if texts is not None:
        out.headings.extend(texts)
        keys = [classify_heading(t.text) for t in texts]
        if len(texts) == 1 and keys[0] is None:
            refined = _refine(current, texts[0].text)
            if refined:
                current = Section([refined], texts[0])
                out.sections.append(current)
            elif block.kind is BlockKind.HEADING or _after_ranked_table(block, current):
                current = None
            if block.kind is not BlockKind.HEADING:
                out.prose.append((block, _collab_key(current)))
            return current
        if len(keys) == 1 and current is not None and current.keys[0] in _REFINE.get(keys[0], ()):
            # "Top collaborative locations" under "Patent collaboration": a subheading of the
            # section it is in, which it does not end.
            out.prose.append((block, _collab_key(current)))
            return current
        if current is not None and len(texts) == 1 and _continues(texts[0].text, keys, current):
            return current  # "TOP PUBLISHING ORGANIZATIONS (CONTINUED)" after a page break
        if _caption_below(block, keys, current):
            out.prose.append((block, None))
            return current
        current = Section([k for k in keys if k], texts[0] if len(texts) == 1 else None)
        out.sections.append(current)
        return current
    lead_in = lead_in_list(block, classify_heading)
    if lead_in is not None:  # "On the publishing side, the top three organizations are:"
        current = Section([lead_in], block.text)
        out.sections.append(current)
        out.prose.append((block, None))
        return current
    collab = _labelled_collab_table(block, current)
    if collab is not None:  # "Patent collaboration share | 14%" / "Top partners | A; B"
        current = Section([collab], None)
        out.sections.append(current)
    elif block.kind is BlockKind.TABLE and len(block.rows) >= 2:
        in_collab = current is not None and current.keys[0] in _COLLAB_KEYS
        # A collaboration table's first column names its kinds ("Patents (with other
        # inventors)"): its rows are the kinds, not titles of a table written sideways.
        rows = list(block.rows) if in_collab else orient(list(block.rows))
        titles = _title_row(rows[0], current)
        both = None if titles else _combined_lists(rows[0])
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
            current = Section(titles[0], None, columns=titles[1], shares=shares)
            out.sections.append(current)
            if titles[0][0] not in _COLLAB_KEYS:  # a collaboration table reads its own titles
                block = Block(BlockKind.TABLE, rows=tuple(rows[1:]))
    if current is not None and _is_content(block, current):
        current.blocks.append(block)
        if block.kind is not BlockKind.TABLE and current.keys[0] not in _LIST_SECTIONS:
            out.prose.append((block, _collab_key(current)))
        return current
    out.prose.append((block, _collab_key(current)))
    if _prose_after_entries(block, current):
        current.prose_after = True  # type: ignore[union-attr]
    return current


def _prose_after_entries(block: Block, current: Section | None) -> bool:
    """Whether a paragraph of prose comes after a list's entries ("12% of ... are filed in
    collaboration ..."): list items further down without a figure of the list ("1. 9 April –
    Oulu Deep Tech Day", a newsletter's next story) are then no entries of it (`_is_content`);
    a subheading ("Publications") and items with figures still go on."""
    if current is None or not current.blocks or current.keys[0] not in _LIST_SECTIONS:
        return False
    return block.kind is BlockKind.PARAGRAPH and sentence_like(block.text.text)


def _figure_of_list(block: Block, current: Section) -> bool:
    """Whether a list item holds what an entry of the current list holds: a share for a field
    breakdown, a count or a share for a top list."""
    p = read_cell(block.text, bare_rank=True)
    if current.keys[0] in _FIELD_SECTIONS or current.keys[0] == FIELDS:
        return p.share is not None
    return p.count is not None or p.share is not None


def _after_ranked_table(block: Block, current: Section | None) -> bool:
    """A title naming no section after a top list's table ("MOST READ" over a site's list
    of articles): a table holds its whole list, so what comes under that title is not of it.
    Column titles repeated after a page break ("Rank  Organization  Articles") are no such
    title."""
    if current is None or current.keys[0] not in _TOP_LISTS or not current.blocks:
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
    return current.heading is None and current.columns is None and current.keys[0] in _TOP_LISTS


_TOP_LISTS = (APPLICANTS, PUBLISHERS)
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
        if current.keys[0] in _LIST_SECTIONS and sentence_like(block.text.text):
            p = read_cell(block.text, bare_rank=True)
            return p.count is not None or p.share is not None
        return True
    if block.kind is not BlockKind.PARAGRAPH or current.keys[0] not in _LIST_SECTIONS:
        return False
    if current.keys[0] in _FIELD_SECTIONS and inline_pairs(block.text):
        return True
    return figure_unit(block.text.text) and read_cell(block.text, bare_rank=True).name is not None


def _after_one_line_breakdown(block: Block, current: Section) -> bool:
    """Whether a list item without a figure comes after a breakdown written on one line
    ("Publications: Chemistry 21%; ..."): that line is the whole list, and the item is the next
    part of the page ("5. Outlook"), no field of it."""
    last = current.blocks[-1] if current.blocks else None
    return (
        current.keys[0] in _FIELD_SECTIONS
        and last is not None
        and last.kind is BlockKind.PARAGRAPH
        and not any(c.isdigit() for c in block.text.text)
        and len(inline_pairs(last.text)) >= 2
    )


def _title_row(
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
        key = classify_heading(text) or _refine(current, text)
        role = header_role(text)
        if key is not None and not share_title(text) and not (key in _REFINE and role):
            keyed.append((j, key))
        elif role or _kind_share(text):
            titles += 1  # "Share", "#", "Field", "patent share": a column title
        else:
            return None
    if not keyed or (titles and not all(k in _FIELD_SECTIONS for _, k in keyed)):
        return None
    # Neighbours naming the same breakdown are its columns ("patent_field | patent_share").
    keyed = [(j, k) for i, (j, k) in enumerate(keyed) if not i or keyed[i - 1][1] != k]
    starts = [j for j, _ in keyed]
    return [k for _, k in keyed], list(zip(starts, starts[1:] + [len(row)], strict=True))


def _kind_share(text: str) -> bool:
    """A share title after the kind it counts ("patent share", "Publication share (%)")."""
    first, _, rest = text.partition(" ")
    return bool(rest) and subtype(first) is not None and share_title(rest)


def _combined_lists(
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
        if alone and _names_section(row[0].text) and any(len(r) > 1 for r in rows):
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


def _names_section(text: str) -> bool:
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
        and any(_names_section(t) for t in filled)
        and all(_names_section(t) or header_role(t) for t in filled)
    )


def _labelled_breakdown(
    block: Block, current: Section | None
) -> tuple[MappedText, str, Block] | None:
    """A breakdown after its label ("Patents: Semiconductors 35%, Computer tech. 18%, ..."):
    the label, the section it names and the breakdown as a block of its own. A subsection's
    number before the label ("5.1 Patents: ...", a memo's sub-point) is no part of it."""
    text = block.text.text
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or text.count("%") < 2:
        return None
    start = outline_end(text) if text[:1].isdigit() else 0
    body = text[start:]
    m = INLINE_LABEL.match(body) if ":" in body else _ARROW_LABEL.match(body)
    if not m:
        return _breakdown_in_sentence(block, current)
    label = block.text.slice(start, start + m.end("label")).strip()
    key = classify_heading(label.text) or _refine(current, label.text)
    rest = block.text.slice(start + m.end(), len(text))
    if key is None and not _takes_bare_rows(current):
        key = _bare_output_breakdown(label.text, rest)  # a bare "Patents:" over its shares
    pairs = inline_pairs(rest) if key in _FIELD_SECTIONS or key is None else []
    if key is None and pairs:  # a label in the page's own words ("Where the patents go")
        names = [str(p.field.value) for p in pairs]
        shares = [float(p.share.value) for p in pairs if p.share is not None]  # type: ignore[arg-type]
        kind = inline_kind(label.text, names, shares, output_kind)
        key = None if kind is None else (PATENT_FIELDS, PUBLICATION_FIELDS)[kind]
    if key not in _FIELD_SECTIONS or not pairs:
        return None
    return label, key, Block(BlockKind.PARAGRAPH, text=rest)


_BARE_MIN_PAIRS = 3


def _takes_bare_rows(current: Section | None) -> bool:
    """Whether a bare "Patents: A 12%, B 6%, C 6%" may belong to the section above: a
    collaboration's partners, or the rows of a top list still waiting for them. Under a top
    list that has its rows already it is the next part of the page."""
    if current is None:
        return False
    key = current.keys[0]
    return key in _COLLAB_KEYS or (key in (APPLICANTS, PUBLISHERS) and not current.blocks)


def _bare_output_breakdown(label: str, rest: MappedText) -> str | None:
    """The field section of a breakdown labelled only with its output, outside any fields
    section ("Patents: Semiconductors 35%, Computer tech. 18%, Other 47%", a chat's paste after
    "fields:"): three or more names with shares and nothing else after "Patents" or
    "Publications" are its technology fields. A longer label in the page's own words ("Where
    the patents go") is left to `inline_kind`, which asks the shares to add up to 100."""
    if len(GLOSS.sub("", label).split()) > 2:
        return None
    kind = subtype(label)
    if kind is None or len(inline_pairs(rest)) < _BARE_MIN_PAIRS:
        return None
    return (PATENT_FIELDS, PUBLICATION_FIELDS)[kind]


def _breakdown_in_sentence(
    block: Block, current: Section | None
) -> tuple[MappedText, str, Block] | None:
    """A breakdown after a lead-in sentence naming it ("For patents, the top technology fields
    are Civil engineering (22%), ..."): the lead-in, its section and the breakdown."""
    t = block.text

    def key(label: str) -> str | None:
        k = classify_heading(label) or _refine(current, label)
        return k if k in _FIELD_SECTIONS else None

    start = prose_breakdown(t.text, key, lambda i: bool(inline_pairs(t.slice(i, len(t.text)))))
    if start is None:
        return None
    label = t.slice(0, start).strip()
    return label, key(label.text), Block(BlockKind.PARAGRAPH, text=t.slice(start, len(t.text)))


_LIST_SECTIONS = {APPLICANTS, PUBLISHERS, PATENT_FIELDS, PUBLICATION_FIELDS, FIELDS}
_FIELD_SECTIONS = {PATENT_FIELDS, PUBLICATION_FIELDS}


_DIGIT = re.compile(r"\d")
_SHARE_CELL = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?%")


def _labelled_collab_table(block: Block, current: Section | None) -> str | None:
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


def _ends_ranked_list(current: Section | None, block: Block, following: list[Block]) -> bool:
    """A bare "Patents" / "Publications" line after a ranked list of organizations, over a
    table whose column titles name a field ("field | share"): no part of that list, the title
    of the breakdown under it."""
    if current is None or current.keys[0] not in (APPLICANTS, PUBLISHERS):
        return False
    if block.kind is not BlockKind.PARAGRAPH or subtype(block.text.text) is None:
        return False
    if not following or following[0].kind is not BlockKind.TABLE or not following[0].rows:
        return False
    return any(FIELD_WORDS.search(cell.text) for cell in following[0].rows[0])


def _refine(current: Section | None, text: str) -> str | None:
    if current is None:
        return None
    sub = subtype(text)
    if sub is None:
        return None
    for key in current.keys:
        for parent, children in _REFINE.items():
            if key == parent or key in children:
                return children[sub]
    return None


def _collab_key(current: Section | None) -> str | None:
    if current and current.keys[0] in (PATENT_COLLAB, PUBLICATION_COLLAB, COLLAB):
        return current.keys[0]
    return None
