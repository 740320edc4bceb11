"""XML exports (a profile saved as `<clusterProfile>...</clusterProfile>`) -> blocks, through
the standard library's expat parser.

Expat reports where every element starts and ends in the source, so each value keeps its exact
span; the XML declaration, comments ("exported from the 2023 template") and namespace
declarations are not content. The tree becomes the blocks the other readers give, as the
YAML reader does for mappings:

- a `<title>` (or `<headline>`, `<heading>`) holding text: a heading;
- an element holding text: a "name: text" line (`<pctApplications>1,655</pctApplications>` is
  "pct applications: 1,655": camelCase, `_` and `-` in names read as spaces), or the text
  alone when it is a sentence (a `<summary>`);
- an attribute: a "name: value" line (`<ranking globalSize="30"/>` gives "global size: 30"),
  a bare figure named as a share read as a percentage (`share="33"` gives "share: 33%");
- an element holding elements: a heading, then its attributes and contents one level down;
- two or more sibling elements of one name that are records (`<applicant rank="1"><name>X
  </name><patents>520</patents>...</applicant>`, `<field share="15%">Optics</field>`): a table
  whose header row is their attribute and child names, one row per record (the element's own
  text first, under its own name; cells named alike, `<row><cell>`, by position), also an only
  child that holds a name and figures; siblings holding only text (`<location>Oslo</location>`
  ...): one "location: Oslo, Bergen" line.

Character references (`&amp;`) map to their source text; a value whose source is not plain
text (a CDATA section with markup, say) is still mapped character by character. A file that
is not well-formed XML, or declares entities in a DTD, is not read here (`None`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from nlq.layout.collapse import collapse
from nlq.layout.document import Block, BlockKind, MappedText, Run, join
from nlq.layout.inline import key_as_words
from nlq.layout.shapes import sentence_like

_START_TAG = re.compile(r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_ATTRIBUTE = re.compile(r"""([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_NAME = re.compile(r"<\s*([^\s/>]+)")
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[|\]\]>|<\?.*?\?>|<[^>]*>", re.S)
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);")
_EMPTY = MappedText("", [])
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]{2}")
# An attribute named as a percentage holding a bare figure (`<patents share="33">`): "33%".
_SHARE_NAME = re.compile(r"(?i)share|percent|percentage")
_BARE_SHARE = re.compile(r"(?:100|\d{1,2})(?:[.,]\d{1,2})?")
_TITLES = {"title", "headline", "heading"}  # a document's own title: "Hefei, China"


@dataclass(slots=True)
class _Element:
    name: MappedText
    attrs: list[tuple[MappedText, MappedText]]
    open_end: int
    close_start: int | None = None  # None for an empty element (`<x/>`)
    children: list[_Element] = field(default_factory=list)
    has_text: bool = False

    @property
    def key(self) -> str:
        return self.name.text.lower()


class _TreeBuilder:
    """Elements with their source offsets, from expat's events."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.data = raw.encode("utf-8")
        self.ascii = len(self.data) == len(raw)
        self.last = (0, 0)  # (byte offset, char offset) of the last event: offsets only grow
        self.stack: list[_Element] = []
        self.root: _Element | None = None

    def offset(self, byte: int) -> int:
        if self.ascii:
            return byte
        b, c = self.last
        if byte < b:
            b, c = 0, 0
        c += len(self.data[b:byte].decode("utf-8", "replace"))
        self.last = (byte, c)
        return c

    def start(self, pos: int) -> None:
        m = _START_TAG.match(self.raw, pos)
        end = m.end() if m else pos + 1
        tag = _NAME.match(self.raw, pos, end)
        name = _local_name(self.raw, *tag.span(1)) if tag else _EMPTY
        attrs = []
        for a in _ATTRIBUTE.finditer(self.raw, (tag.end() if tag else pos), end):
            attr_name = a.group(1)
            if attr_name == "xmlns" or ":" in attr_name:
                continue  # namespace declarations and qualified attributes (xsi:, xml:)
            group = 2 if a.group(2) is not None else 3
            value = _text(self.raw, a.start(group), a.end(group))
            if _SHARE_NAME.fullmatch(attr_name) and _BARE_SHARE.fullmatch(value.text):
                value = _as_percent(value)
            attrs.append((_local_name(self.raw, *a.span(1)), value))
        element = _Element(name, attrs, end)
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def end(self, pos: int) -> None:
        element = self.stack.pop()
        if self.raw.startswith("</", pos):
            element.close_start = pos

    def text(self, data: str) -> None:
        if self.stack and data.strip():
            self.stack[-1].has_text = True


def xml_blocks(raw: str) -> list[Block] | None:
    """Blocks of an XML document, or None when `raw` is not well-formed XML."""
    from xml.parsers import expat

    builder = _TreeBuilder(raw)
    parser = expat.ParserCreate(encoding="UTF-8")  # `raw` is decoded; its declaration is moot

    def refuse(*_: object) -> None:
        raise ValueError("entity declarations are not read")

    parser.StartElementHandler = lambda *_: builder.start(builder.offset(parser.CurrentByteIndex))
    parser.EndElementHandler = lambda *_: builder.end(builder.offset(parser.CurrentByteIndex))
    parser.CharacterDataHandler = builder.text
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(builder.data, True)
    except (expat.ExpatError, ValueError):
        return None
    if builder.root is None:
        return None
    out: list[Block] = []
    _contents(raw, builder.root, 1, out)
    return out


def _contents(raw: str, element: _Element, level: int, out: list[Block]) -> None:
    """The blocks of an element's attributes and children (its own name is the caller's)."""
    for name, value in element.attrs:
        if value.text:
            out.append(Block(BlockKind.PARAGRAPH, text=join([name, value], ": ")))
    children = element.children
    i = 0
    while i < len(children):
        j = i + 1
        while j < len(children) and children[j].key == children[i].key:
            j += 1
        group = children[i:j]
        lone = len(children) == 1 and not element.has_text and _lone_record(raw, group[0])
        if len(group) >= 2 or lone:
            _siblings(raw, group, level, out)
        else:
            _child(raw, group[0], level, out)
        i = j


def _child(raw: str, element: _Element, level: int, out: list[Block]) -> None:
    if element.children and not element.has_text:
        out.append(Block(BlockKind.HEADING, text=element.name, level=level))
        _contents(raw, element, level + 1, out)
        return
    text = _content(raw, element)
    if text.text and element.key in _TITLES and not sentence_like(text.text):
        out.append(Block(BlockKind.HEADING, text=text, level=level))
    elif text.text:
        line = text if sentence_like(text.text) else join([element.name, text], ": ")
        out.append(Block(BlockKind.PARAGRAPH, text=line))
        for name, value in element.attrs:
            if value.text:
                out.append(Block(BlockKind.PARAGRAPH, text=join([name, value], ": ")))
    elif element.attrs:  # `<ranking national="1" globalSize="30"/>`
        out.append(Block(BlockKind.HEADING, text=element.name, level=level))
        _contents(raw, element, level + 1, out)


def _siblings(raw: str, group: list[_Element], level: int, out: list[Block]) -> None:
    """Sibling elements of one name: a table of records, or one line of their texts."""
    if all(not e.attrs and not e.children for e in group):
        texts = [t for e in group if (t := _content(raw, e)).text]
        if texts:
            out.append(
                Block(BlockKind.PARAGRAPH, text=join([group[0].name, join(texts, ", ")], ": "))
            )
        return
    records = [_record_cells(raw, e) for e in group]
    if any(len({n.text.lower() for n, _ in r}) < len(r) for r in records):
        # Cells named alike (`<row><cell>1</cell><cell>NAME</cell>...`): columns by position.
        rows = [tuple(v for _, v in r) for r in records]
        out.append(Block(BlockKind.TABLE, rows=tuple(r for r in rows if r)))
        return
    columns: list[str] = []
    header: list[MappedText] = []
    for record in records:
        for name, _ in record:
            if name.text.lower() not in columns:
                columns.append(name.text.lower())
                header.append(name)
    by_name = [{n.text.lower(): v for n, v in r} for r in records]
    table = [tuple(header)] + [tuple(r.get(c, _EMPTY) for c in columns) for r in by_name]
    out.append(Block(BlockKind.TABLE, rows=tuple(table)))


def _record_cells(raw: str, element: _Element) -> list[tuple[MappedText, MappedText]]:
    """A record's named values: its own text (under its own name), its attributes, and the
    texts of its child elements that hold no elements, in that order."""
    own = _content(raw, element) if element.has_text or not element.children else _EMPTY
    named = [(element.name, own)] if own.text else []
    named += element.attrs
    named += [(c.name, _content(raw, c)) for c in element.children if not c.children]
    return [(n, v) for n, v in named if v.text]


def _lone_record(raw: str, element: _Element) -> bool:
    """Whether an only child is one row of a list (`<topPctApplicants><applicant rank="1"
    name="X" patents="146"/></topPctApplicants>`): it holds no deeper elements, its values are
    named once each, and they hold a name and a figure. A block of figures alone
    (`<ranking national="1" globalSize="30"/>`) is read as labelled lines instead."""
    if any(c.children for c in element.children):
        return False
    cells = _record_cells(raw, element)
    names = {n.text.lower() for n, _ in cells}
    values = [v.text for _, v in cells]
    return (
        len(cells) >= 2
        and len(names) == len(cells)
        and any(_DIGIT.search(v) for v in values)
        and any(_LETTERS.search(v) and not _DIGIT.search(v) for v in values)
    )


def _content(raw: str, element: _Element) -> MappedText:
    """An element's text, markup removed, references decoded, white space folded."""
    if element.close_start is None:
        return _EMPTY
    a, b = element.open_end, element.close_start
    pieces: list[MappedText] = []
    pos = a
    for m in _MARKUP.finditer(raw, a, b):
        pieces.append(_text(raw, pos, m.start()))
        pos = m.end()
    pieces.append(_text(raw, pos, b))
    return collapse(pieces)


def _text(raw: str, start: int, end: int) -> MappedText:
    """`raw[start:end]` with character references decoded, each mapped to its reference."""
    if "&" not in raw[start:end]:
        return MappedText.verbatim(raw, start, end)
    pieces: list[MappedText] = []
    pos = start
    for m in _REFERENCE.finditer(raw, start, end):
        decoded = html.unescape(m.group())
        pieces.append(MappedText.verbatim(raw, pos, m.start()))
        pieces.append(MappedText(decoded, [Run(0, len(decoded), m.start(), m.end(), False)]))
        pos = m.end()
    pieces.append(MappedText.verbatim(raw, pos, end))
    return join(pieces)


def _as_percent(value: MappedText) -> MappedText:
    """A bare share read as a percentage, the "%" mapped to the figure itself: `share="33"`
    is "33%" whose evidence is the "33"."""
    a, b = value.raw_span(0, len(value.text))
    text = value.text + "%"
    return MappedText(text, [Run(0, len(text), a, b, False)])


def _local_name(raw: str, start: int, end: int) -> MappedText:
    """An element or attribute name without its namespace prefix, read as words: camelCase
    humps, `_` and `-` become spaces ("pctApplications" is "pct Applications")."""
    colon = raw.rfind(":", start, end)
    if colon >= 0:
        start = colon + 1
    name = MappedText.verbatim(raw, start, end)
    if "-" in name.text:
        hyphen = name.text.index("-")
        a, b = name.raw_span(hyphen, hyphen + 1)
        rest = _local_name(raw, a + 1, end) if b < end else _EMPTY
        name = join([name.slice(0, hyphen), MappedText(" ", [Run(0, 1, a, b, False)]), rest])
    return key_as_words(name)
