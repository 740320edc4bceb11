"""What a heading means: the section a heading or column title names, in any order.

A heading's words decide its section: applicants, publishers, patent or publication fields,
collaboration, or a parent ("Top technology fields", "Collaboration") that a bare "Patents" /
"Publications" under it refines. `heading_texts` says which texts of a block are headings: a
heading block, a short line that is not a sentence (a final colon is allowed: "Patents:"), a
numbered or captioned title ("Table 1: Top technology fields"), or every cell of a table row
of headings. `sections` walks the blocks and files each under the heading above it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlq.extractors.cells import header_role
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.shapes import sentence_like

APPLICANTS = "top_pct_applicants"
PUBLISHERS = "top_publishers"
PATENT_FIELDS = "patent_fields"
PUBLICATION_FIELDS = "publication_fields"
FIELDS = "fields"
PATENT_COLLAB = "patent_collaboration"
PUBLICATION_COLLAB = "publication_collaboration"
COLLAB = "collaboration"

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
FIELD_WORDS = re.compile(
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
INLINE_LABEL = re.compile(r"^(?P<label>[^\W\d_](?:[^:\d(]|\([^():\d]*\)){0,60}):\s+(?=\S)")
# "Patents → Pharmaceuticals 31% · Biotechnology 14% · ...": a label before an arrow.
# "Table 1: Top technology fields in Hefei": a caption's label before the title it gives; an
# appendix numbers its tables after its letter ("Table A5. Top technology fields ...");
# "SECTION 3 - TOP TECHNOLOGY FIELDS": a report's section number before its title.
# "SECTION 01  TOP PCT APPLICANTS": a listing sets the title after a wide gap instead.
_CAPTION_LABEL = (
    r"(?:table|figure|fig\.|chart|exhibit|graph|section|part|chapter)\s+(?:[A-Z]\.?)?\d{1,2}"
    r"(?:\.\d{1,2})?"
)
CAPTION = re.compile(rf"^{_CAPTION_LABEL}(?:(?:\s*[:.–—]|\s+-)\s+|[ \t]{{2,}}(?=\S))", re.I)
_CAPTION_CELL = re.compile(_CAPTION_LABEL, re.I)
# The period a caption's table covers, at its end: ", 2019–2023", " (2019-2023)", ", GII 2024".
_CAPTION_YEARS = re.compile(
    r",?\s+\(?(?:GII\s+)?(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?\)?\s*$", re.I
)
# A chapter's number before its title, as a word processor numbers top-level headings:
# "3 Technology fields" (its sections are "3.1 Patents", "3.2 Publications").
_CHAPTER = re.compile(r"\d{1,2}\s+(?=[^\W\d_])")


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
    if FIELD_WORDS.search(text):
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


GLOSS = re.compile(r"\s*\([^()]*\)\s*$")


@lru_cache(maxsize=4096)
def subtype(text: str) -> int | None:
    """0 for a bare patent heading, 1 for a bare publication heading (at most four words, not
    counting a gloss in parentheses after them: "Patents (share of PCT applications)")."""
    if len(GLOSS.sub("", text).split()) > 4:
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
        if outline_end(t):  # "4.1 Patents", "2.3 Top technology fields, as read from the page:"
            return _numbered_title(block.text) or _numbered_heading(block.text)
        caption = CAPTION.match(t) if t[:1] in "TtFfCcEeGgSsPp" else None
        if caption:
            # "Table 3.2 – Top PCT applicants, Montréal, 2019–2023": the years it covers are
            # no part of its title
            # no part of its title, when that title names a section
            title = block.text.slice(caption.end(), len(t))
            years = _CAPTION_YEARS.search(t, caption.end())
            if years and classify_heading(t[caption.end() : years.start()]) is not None:
                title = block.text.slice(caption.end(), years.start())
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
        label = INLINE_LABEL.match(t) if ":" in t else None
        if label and not _kind_after_colon(t, label.end()):
            return None  # "Top collaborative locations: Oslo, Bergen" is a label and its value
        if t[:1].islower() and sentence_like(t):
            return None  # the rest of a tile's sentence under its figure: "of X's articles are ..."
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
        if block.ordinal is None and CAPTION.match(block.text.text):
            # a caption whose years read as a figure: "Table 3.2 – Top PCT ..., 2019–2023"
            return heading_texts(Block(BlockKind.PARAGRAPH, text=block.text))
        return _numbered_heading(block.text)
    if block.kind is BlockKind.TABLE and len(block.rows) == 1:
        cells = [c for c in block.rows[0] if c.text]
        if len(cells) == 2 and _CAPTION_CELL.fullmatch(cells[0].text):
            cells = cells[1:]  # "SECTION 01 | TOP PCT APPLICANTS": the number's cell is no title
            return cells if classify_heading(cells[0].text) else None
        if len(cells) >= 2 and all(classify_heading(c.text) for c in cells):
            return cells
        if len(cells) >= 2 and list_heading_beside_titles(block.rows[0]):
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
    start = outline_end(t.text)
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
    text = t.text[outline_end(t.text) :]
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


# The number of a subsection before its title: "C.1 PATENTS", "4.1 Patents", "2.3.1 Fields".
_TOP = re.compile(r"\btop\b", re.I)
_OUTLINE = re.compile(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2})+\.?\s+(?=[^\W\d_])")


def outline_end(text: str) -> int:
    m = _OUTLINE.match(text)
    return m.end() if m else 0


def list_heading_beside_titles(row: tuple[MappedText, ...]) -> str | None:
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
