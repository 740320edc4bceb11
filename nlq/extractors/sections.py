"""Finding a profile's sections by what their headings mean, in any order.

A heading is any heading block, any short line that is not a sentence (a final colon is
allowed: "Patents:"), a table row whose cells are all headings (two tables side by side), the
first row of a table when all its cells are headings ("Patents | | Publications |"), or the
label of a breakdown written on one line ("Patents: Semiconductors 35%, ..."). Its words decide
the section: applicants, publishers, patent or publication fields, collaboration. A bare
"Patents" / "Publications" refines the section above it ("Top technology fields" > "Patents").
Under a list section, a paragraph that is a name with figures is content, like a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from nlq.extractors.cells import header_role, read_cell, share_title
from nlq.extractors.columns import has_digit, orient
from nlq.extractors.header_lists import header_named_list
from nlq.extractors.labelled_rows import ARROWS, LABEL_MARKS, labelled_breakdown_lines
from nlq.extractors.lead_ins import lead_in_list, prose_breakdown
from nlq.extractors.lists import inline_pairs
from nlq.extractors.own_headings import breakdown_kind, inline_kind
from nlq.extractors.records import rebuild
from nlq.extractors.wrapped_names import continued_item
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.shapes import figure_unit, sentence_like

APPLICANTS = "top_pct_applicants"
PUBLISHERS = "top_publishers"
PATENT_FIELDS = "patent_fields"
PUBLICATION_FIELDS = "publication_fields"
FIELDS = "fields"
PATENT_COLLAB = "patent_collaboration"
PUBLICATION_COLLAB = "publication_collaboration"
COLLAB = "collaboration"
_COLLAB_KEYS = (COLLAB, PATENT_COLLAB, PUBLICATION_COLLAB)

# Heading words, with the common Spanish, French, German and Portuguese ones: a heading such as
# "Principales solicitantes PCT" or "Domaines technologiques" names its section too.
_PATENT = re.compile(r"\bpct\b|patent|invent|applica|brevet", re.I)
_PUBLICATION = re.compile(
    r"publica|\bpubs?\b|publika|publish|scien|article|art[íi]culo|artikel|veröffentlich|paper|bibliometric",
    re.I,
)
# "Campo(s)" (fields) is also a word of place names, joined by a connector to the name's other
# words ("São José dos Campos", "Campos do Jordão"): there it names no section, so a profile's
# title "São José dos Campos, Brazil" opens none.
_PLACE_CAMPOS = r"(?<!\bdos\s)(?<!\bdas\s)(?<!\bdo\s)(?<!\bda\s)(?<!\bde\s)"
_FIELD = re.compile(
    r"\bfields?\b|\bdomains?\b|speciali[sz]|technolog(?:y|ies) areas?"
    rf"|{_PLACE_CAMPOS}\bcampos?\b(?!\s+d[aeo]s?\s+(?-i:[A-Z]))|\bdomaines?\b"
    r"|fachgebiet|technologiefeld|wissenschaftsgebiet|technologiegebiet",
    re.I,
)
_APPLICANT = re.compile(
    r"applicant|filer|\bassignee|solicitant|d[ée]posant|anmelder|requerent", re.I
)
_PUBLISHER = re.compile(r"publishing|publisher|publizier|\bauthor|\bautor", re.I)
# "Who is filing and publishing": a heading over both lists introduces neither.
_FILING = re.compile(r"\bfil(?:ing|es|ed)\b|\bpatenting\b", re.I)
_ORGANIZATION = re.compile(
    r"organi[sz](?:ation|aci[óo]n|a[çc][ãa]o|me)|compan|institution|instituci|\bfirms?\b"
    r"|universit|players|empresa|entreprise",
    re.I,
)
_COLLAB = re.compile(
    r"collaborat|collab\b|co-?operat|partner|co-?invent|co-?author|colabora|coop[ée]ra|zusammenarbeit"
    r"|kooperation",
    re.I,
)
_WHO = re.compile(r"^who\b", re.I)
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_DIGIT = re.compile(r"\d")
_OCR_CAPITAL_I = re.compile(r"(?<=[a-z])I(?=[a-z])")
# A colon inside an open parenthesis is not the label's: "Top PCT applicants (rank. name:
# patents, share)" is a heading that spells out its rows.
_INLINE_LABEL = re.compile(r"^(?P<label>[^\W\d_](?:[^:\d(]|\([^():\d]*\)){0,60}):\s+(?=\S)")
# "Patents → Pharmaceuticals 31% · Biotechnology 14% · ...": a label before an arrow.
# "Table 1: Top technology fields in Hefei": a caption's label before the title it gives; an
# appendix numbers its tables after its letter ("Table A5. Top technology fields ...");
# "SECTION 3 - TOP TECHNOLOGY FIELDS": a report's section number before its title.
# "SECTION 01  TOP PCT APPLICANTS": a listing sets the title after a wide gap instead.
_CAPTION_LABEL = (
    r"(?:table|figure|fig\.|chart|exhibit|graph|section|part|chapter)\s+(?:[A-Z]\.?)?\d{1,2}"
    r"(?:\.\d{1,2})?"
)
_CAPTION = re.compile(rf"^{_CAPTION_LABEL}(?:(?:\s*[:.–—]|\s+-)\s+|[ \t]{{2,}}(?=\S))", re.I)
_CAPTION_CELL = re.compile(_CAPTION_LABEL, re.I)
# A chapter's number before its title, as a word processor numbers top-level headings:
# "3 Technology fields" (its sections are "3.1 Patents", "3.2 Publications").
_CHAPTER = re.compile(r"\d{1,2}\s+(?=[^\W\d_])")
_ARROW_LABEL = re.compile(
    rf"^(?P<label>[^\W\d_][^:\d→⇒➜]{{0,60}}?)\s*(?:{'|'.join(map(re.escape, ARROWS))})\s*(?=\S)"
)

_REFINE = {
    FIELDS: (PATENT_FIELDS, PUBLICATION_FIELDS),
    COLLAB: (PATENT_COLLAB, PUBLICATION_COLLAB),
}


@lru_cache(maxsize=4096)  # headings and column titles repeat across pages: read each once
def classify_heading(text: str) -> str | None:
    """The section a heading introduces, a parent (`fields`, `collaboration`), or None.
    A capital "I" between small letters is an OCR'd "l" ("Top PCT appIicants"); "_" joins the
    words of a key ("patent_field")."""
    if "I" in text:
        text = _OCR_CAPITAL_I.sub("l", text)
    if "_" in text:
        text = text.replace("_", " ")  # an export's key: "pct_applicant", "patent_field"
    patent = bool(_PATENT.search(text))
    pub = bool(_PUBLICATION.search(text))
    if _FIELD.search(text):
        return _pick(patent, pub, PATENT_FIELDS, PUBLICATION_FIELDS, FIELDS)
    if _COLLAB.search(text):
        return _pick(patent, pub, PATENT_COLLAB, PUBLICATION_COLLAB, COLLAB)
    if _APPLICANT.search(text):
        return APPLICANTS
    if _WHO.search(text):  # "Who files the patents", "Who publishes": the organizations' lists
        filing = patent or bool(_FILING.search(text))
        if filing != pub:
            return APPLICANTS if filing else PUBLISHERS
    if _PUBLISHER.search(text):
        return None if _FILING.search(text) else PUBLISHERS
    if _ORGANIZATION.search(text) and (patent or pub):
        return _pick(patent, pub, APPLICANTS, PUBLISHERS, None)
    return None


def _pick(patent: bool, pub: bool, a: str, b: str, either: str | None) -> str | None:
    if patent and not pub:
        return a
    if pub and not patent:
        return b
    return either


_GLOSS = re.compile(r"\s*\([^()]*\)\s*$")


@lru_cache(maxsize=4096)
def subtype(text: str) -> int | None:
    """0 for a bare patent heading, 1 for a bare publication heading (at most four words, not
    counting a gloss in parentheses after them: "Patents (share of PCT applications)")."""
    if len(_GLOSS.sub("", text).split()) > 4:
        return None
    return output_kind(text)


def output_kind(text: str) -> int | None:
    """0 when `text` speaks of patents and not of publications, 1 for the reverse, else None
    ("PCT patent applications filed with other inventors" is 0, at any length)."""
    patent, pub = bool(_PATENT.search(text)), bool(_PUBLICATION.search(text))
    if patent != pub:
        return 0 if patent else 1
    return None


def heading_texts(block: Block) -> list[MappedText] | None:
    """The heading text(s) a block carries, or None if it is content."""
    if block.kind is BlockKind.HEADING:
        return [block.text]
    if block.kind is BlockKind.PARAGRAPH:
        t = block.text.text
        if _outline_end(t):  # "4.1 Patents", "2.3 Top technology fields, as read from the page:"
            return _numbered_title(block.text) or _numbered_heading(block.text)
        caption = _CAPTION.match(t) if t[:1] in "TtFfCcEeGgSsPp" else None
        if caption:
            title = block.text.slice(caption.end(), len(t))
            return heading_texts(Block(BlockKind.PARAGRAPH, text=title))
        chapter = _CHAPTER.match(t) if t[:1].isdecimal() else None
        if chapter and not _DIGIT.search(t, chapter.end()):  # "3 Technology fields"
            found = _numbered_heading(block.text.slice(chapter.end(), len(t)))
            if found is not None:
                return found
        if t.endswith(")") and (glossed := _glossed_heading(block.text)) is not None:
            return glossed
        if len(t) > 80 or _DIGIT.search(t):
            return None
        label = _INLINE_LABEL.match(t) if ":" in t else None
        if label and not _kind_after_colon(t, label.end()):
            return None  # "Top collaborative locations: Oslo, Bergen" is a label and its value
        if not _SENTENCE_END.search(t):
            return [block.text]
        if t.rstrip().endswith(":") and not sentence_like(t):
            # a note's lower-case title ("tech fields (patents):") when it names a section
            if not t[0].islower() or classify_heading(t.rstrip(": \t")) is not None:
                return [block.text.strip(": \t")]
        if t[-1] == "." and t[-2:-1].isalpha() and not sentence_like(t):
            # a post's title with a full stop ("Top technology fields.") when it names one
            if classify_heading(t[:-1]) is not None:
                return [block.text.slice(0, len(t) - 1)]
        return None
    if block.kind is BlockKind.LIST_ITEM:
        return _numbered_heading(block.text)
    if block.kind is BlockKind.TABLE and len(block.rows) == 1:
        cells = [c for c in block.rows[0] if c.text]
        if len(cells) == 2 and _CAPTION_CELL.fullmatch(cells[0].text):
            cells = cells[1:]  # "SECTION 01 | TOP PCT APPLICANTS": the number's cell is no title
            return cells if classify_heading(cells[0].text) else None
        if len(cells) >= 2 and all(classify_heading(c.text) for c in cells):
            return cells
        if len(cells) >= 2 and _list_heading_beside_titles(block.rows[0]):
            return cells[:1]  # "TOP PCT APPLICANTS   Patents   Share" over numbered items
        if len(cells) == 2 and _CHAPTER_CELL.fullmatch(cells[0].text):
            return _numbered_heading(cells[1])  # "2<TAB>Top PCT applicants": a Word heading
    return None


def _kind_after_colon(t: str, end: int) -> bool:
    """Whether a "Label: value" line is a heading whose value only says which output it is
    about ("Top technology fields: patents", "Collaboration: publications")."""
    value = t[end:].strip().rstrip(".")
    return subtype(value) is not None and classify_heading(t) is not None


# A heading's number set apart from its title by a tab or a wide gap ("2", "4.1").
_CHAPTER_CELL = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,2}\.?")


def _glossed_heading(t: MappedText) -> list[MappedText] | None:
    """A section's title with a long aside after it that holds figures ("Top PCT applicants
    (counts out of the cluster's 2,340 PCT applications; no shares given)"): the title alone.
    An aside with a share ("(12%)") is a figure of the line, not a gloss."""
    m = _FINAL_ASIDE.search(t.text)
    if m is None or not _DIGIT.search(m.group()) or "%" in m.group():
        return None
    head = t.slice(0, m.start()).strip()
    if len(head.text) > 60 or _DIGIT.search(head.text) or _SENTENCE_END.search(head.text):
        return None
    return [head] if head.text and classify_heading(head.text) is not None else None


_FINAL_ASIDE = re.compile(r"\s*\([^()]*\)$")


def _numbered_title(t: MappedText) -> list[MappedText] | None:
    """A numbered paragraph opening with a section's title and an aside ending in a colon, as
    minutes and reports number their points ("2.3 Top technology fields, as read from the
    page:"): the title alone. A point that goes on with figures is content."""
    start = _outline_end(t.text)
    text = t.text[start:]
    if len(text) > 80 or _DIGIT.search(text) or not text.rstrip().endswith(":"):
        return None
    end = min(i for i in (text.find(","), text.find(":")) if i >= 0)
    title = t.slice(start, start + end).strip()
    if not title.text or classify_heading(title.text) is None:
        return None
    return [title]


def _numbered_heading(t: MappedText) -> list[MappedText] | None:
    """A numbered section title read as a list item ("2. Top PCT applicants", "4.1 Patents"):
    a short line without figures that names a section; other items are content. In capitals
    it must also say "top" or be a bare "PATENTS": a ranked name whose figures are on the
    next line ("3. PARTNERS HEALTHCARE", "4. SPRINGER PUBLISHING") is no heading. A memo's
    point may end its title with a colon or a full stop over the rows under it ("3. Top PCT
    applicants (patents, share):", "5. Top technology fields."), when the title without its
    asides is no sentence."""
    text = t.text[_outline_end(t.text) :]
    end = len(t.text)
    if (
        text.endswith((":", "."))
        and not text.endswith("..")
        and not sentence_like(_ASIDES.sub(" ", text))
    ):
        text, end = text[:-1].rstrip(), end - len(text) + len(text[:-1].rstrip())
    if len(text) > 80 or _DIGIT.search(text) or _SENTENCE_END.search(text):
        return None
    if text.isupper() and not _TOP.search(text) and subtype(text) is None:
        return None
    if classify_heading(text) is None and subtype(text) is None:
        return None
    return [t.slice(end - len(text), end)]


_ASIDES = re.compile(r"\([^()]*\)")


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
    return t[:1] in "TtFfCcEeGg" and bool(_FIGURE_CAPTION.match(t)) and bool(_CAPTION.match(t))


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
        if _after_one_line_breakdown(block, current):
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
    row = tuple(c.slice(_outline_end(c.text), len(c.text)) for c in row)
    if has_digit(row):
        return None
    beside = _list_heading_beside_titles(row) or _collab_beside_titles(row)
    if beside is not None:
        return [beside], [(0, len(row))]
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


def _list_heading_beside_titles(row: tuple[MappedText, ...]) -> str | None:
    """The top list named by a heading set on the line of its table's count and share column
    titles ("Top PCT applicants      Patents   Share", as PDF text prints it), or None. A bare
    column title ("Applicant | Patents | Share") names no list: it is the table's header."""
    filled = [c.text for c in row if c.text]
    if len(filled) < 2:
        return None
    key = classify_heading(filled[0])
    if key not in (APPLICANTS, PUBLISHERS):
        return None
    if header_role(filled[0]) is not None and not _TOP.search(filled[0]):
        return None
    if all(header_role(t) in ("count", "share") for t in filled[1:]):
        return key
    return None


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


_PARTNERS_TITLE = re.compile(
    r"^(?:top\s+)?(?:\w+\s+)?(?:locations?|partners?|regions?|clusters?|places?)$", re.I
)


# The number of a subsection before its title: "C.1 PATENTS", "4.1 Patents", "2.3.1 Fields".
_TOP = re.compile(r"\btop\b", re.I)
_OUTLINE = re.compile(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2})+\.?\s+(?=[^\W\d_])")


def _outline_end(text: str) -> int:
    m = _OUTLINE.match(text)
    return m.end() if m else 0


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
    start = _outline_end(text) if text[:1].isdigit() else 0
    body = text[start:]
    m = _INLINE_LABEL.match(body) if ":" in body else _ARROW_LABEL.match(body)
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
    if len(_GLOSS.sub("", label).split()) > 2:
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
    return any(_FIELD.search(cell.text) for cell in following[0].rows[0])


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
