"""Lines read as units: a wrapped sentence, a row wrapped over lines, or a line on its own.

The plain-text reader judges each line before anything is joined (`text._segment`): a line joins
the unit above it only when it continues that unit (`continues`): the rest of a sentence
wrapped at the page's width (`Width`, the width its prose is set at), of a "Label: value" line
or an enumeration, of a ranked row wrapped before its figures. A title, a heading, a column
header or a table row under other text starts a unit of its own.
"""

from __future__ import annotations

import re

from nlq.layout import shapes
from nlq.layout.capitals import continues_in_capitals
from nlq.layout.collapse import collapse
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.inline import WORD_BREAK, clean_inline, join_lines
from nlq.layout.wrapped_rows import (
    figures_after_name,
    name_end_follows,
    name_end_with_figures,
    share_completes,
)
from nlq.numbers import NUMBER


def paragraph(raw: str, lines: list[tuple[int, int]], kind: BlockKind) -> Block:
    text = join_lines([_line_text(raw, s, e) for s, e in lines])
    return Block(kind, text=clean_inline(text))


_GAPS = re.compile(r" +")
_MIN_GAPS = 4


def _line_text(raw: str, start: int, end: int) -> MappedText:
    """A paragraph's line; a justified one (a PDF's text layer widening its word gaps to two
    or three spaces: "published  10  744  scientific  articles") with each gap one space,
    mapped to the whole gap, so "10  744" reads as the number the page shows."""
    line = MappedText.verbatim(raw, start, end).strip()
    return collapse([line]) if justified(line.text) else line


def justified(line: str) -> bool:
    """Whether a line's words are set apart as a justified line sets them: four gaps or more,
    none wider than three spaces, two in three of them two spaces or more."""
    if "  " not in line:
        return False
    gaps = [len(g) for g in _GAPS.findall(line.strip())]
    return not (
        len(gaps) < _MIN_GAPS or max(gaps) > 3 or sum(g >= 2 for g in gaps) * 3 < len(gaps) * 2
    )


MARKUP_CHARS = re.compile(r"[*_`]+")


def plain_line(raw: str, start: int, end: int) -> str:
    """A line as plain text for judging its shape (emphasis marks dropped; cheap, no map)."""
    line = raw[start:end]
    if "*" in line or "_" in line or "`" in line:
        line = MARKUP_CHARS.sub("", line)
    return line.strip()


class Unit:
    """Consecutive lines read as one block: a wrapped sentence, or a single line."""

    __slots__ = ("lines", "plain", "last", "_sentence", "_shape")

    def __init__(self, line: tuple[int, int], plain: str) -> None:
        self.lines = [line]
        self.plain = plain
        self.last = plain
        self._sentence: bool | None = None
        self._shape: str | None = "?"

    def add(self, line: tuple[int, int], plain: str) -> None:
        self.lines.append(line)
        self.plain = f"{self.plain} {plain}"
        self.last = plain
        self._sentence = True if self._sentence else None
        self._shape = None

    # Shapes are worked out only when asked for, once: most lines never need all of them.
    @property
    def sentence(self) -> bool:
        if self._sentence is None:
            self._sentence = shapes.sentence_like(self.plain)
        return self._sentence

    @property
    def shape(self) -> str | None:
        """The cell shape of a one-line unit (see `shapes.cell_shape`)."""
        if self._shape == "?":
            self._shape = shapes.cell_shape(self.plain, self._sentence)
        return self._shape

    @property
    def figure(self) -> bool:
        return shapes.figure_unit(self.plain, self._sentence, self._shape)


class Width:
    """The width the document's prose is wrapped at: the longest line that reads as a sentence,
    measured the first time it is needed (most documents never need it)."""

    __slots__ = ("raw", "lines", "_value")

    def __init__(self, raw: str, lines: list[tuple[int, int]]) -> None:
        self.raw, self.lines, self._value = raw, lines, 0

    @property
    def value(self) -> int:
        if not self._value:
            width = 0
            for start, end in self.lines:
                if end - start > max(width, 40):
                    plain = self.raw[start:end].strip()
                    if len(plain) > width and shapes.sentence_like(plain):
                        width = len(plain)
            self._value = width or self._narrow() or 80
        return self._value

    def _narrow(self) -> int:
        """A page with no sentence line over 40 characters (a phone PDF viewer's copy): the
        longest line that reads as a sentence, however short."""
        width = 0
        for start, end in self.lines:
            if end - start > width:
                plain = self.raw[start:end].strip()
                if len(plain) > width and shapes.sentence_like(plain):
                    width = len(plain)
        return width


# A share alone in brackets, and a field's name alone on its line (capitalised, a few words,
# no figure): one field wrapped before its share, as a PDF's text blocks give a legend.
_LONE_SHARE = re.compile(r"\(\d{1,3}(?:[.,]\d{1,2})?\s?%\)")
_FIELD_LINE = re.compile(r"[^\W\d_]+\.?(?:[ ,&/-]+[^\W\d_]+\.?){0,4}")


def continues(unit: Unit, nxt: str, width: Width) -> bool:
    """Whether the line `nxt` carries on what `unit` ends with.

    It does when it starts in lower case, when it completes a row begun above, after a line
    ending in a comma, a semicolon or a word broken at a hyphen (unless it starts a new ranked
    row), and after a label's colon when it starts with the label's figure and goes on ("74;
    Share: 6%"). Otherwise a label line ("Economy: China") or a bare figure never does, and the
    unit must be an unfinished sentence: the line follows an open end ("of", "with"), or it is
    not heading-shaped and either the previous line stops inside an enumeration ("with Hanoi,
    Hồ Chí") or it had no room for the next line's first word (within 3/4 of the width of the
    document's prose lines).
    """
    if not nxt or not unit.last:
        return False  # a line of markup only ("*", "---")
    if _SHARE_OF.match(nxt) and _SHARE_OF.match(unit.plain):
        return False  # "19% of PCT appl. ..." / "47% of pubs ...": two statements, one a line
    if nxt[0].islower():
        # "size rank: 97" / "pct per million: 3": lower-case keys of a key-value list, never
        # one line ("3 articles per million" would read as a figure that is not there).
        if _LABEL_FIGURE.match(nxt) and _LABEL_FIGURE.match(unit.last):
            return False  # notes: "PCT appl. filed: 233" / "pubs (sci. articles) published: 4 870"
        return not (_KEY_LINE.match(nxt) and _KEY_LINE.match(unit.last))
    row = _row_continues(unit, nxt)
    if row is not None:
        return row
    last = unit.last
    if (nxt[0].isdigit() or nxt[0] == "(") and share_completes(unit.plain, nxt):
        return True  # "..., Optics" / "4%, Basic communication 2%, ...": the item's share
    if (
        nxt[0] == "("
        and _LONE_SHARE.fullmatch(nxt)
        and unit.plain[:1].isupper()
        and (_FIELD_LINE.fullmatch(unit.plain))
    ):
        return True  # "Environmental sciences" / "(6%)": a field wrapped before its share
    if last[-1] in ",;" or WORD_BREAK.search(last):
        return not RANKED_START.match(nxt)
    if last[-1] == ":" and _VALUE_THEN_MORE.match(nxt):  # "...; Patents:" / "74; Share: 6%"
        return True
    if unit.sentence and _FILED_COUNT.search(last) and nxt[0].isalpha():
        return True  # "It filed 1,906" / "PCT applications and ...": the count's unit below
    if shapes.label_line(nxt) or shapes.cell_shape(nxt) in ("I", "P"):
        return False
    if not unit.sentence and continues_in_capitals(unit.plain, last, nxt, width.value):
        return True  # a fax or telex in capitals: its wrapped sentence goes on
    if len(unit.lines) > 1 and not shapes.ends_sentence(last) and _wrapped_enumeration(last, nxt):
        return True  # "Collaboration: ... locations Beijing, Shenzhen-Hong" / "Kong-Guangzhou"
    if not unit.sentence and len(unit.lines) == 1 and _NAME_JOINER_END.search(last):
        return shapes.heading_shaped(nxt)  # "São José dos" / "Campos, Brazil": a title wrapped
    if shapes.ends_sentence(last) or not unit.sentence or _label_unit(unit):
        return False  # a finished sentence, or a "Label: value" line, is complete
    if shapes.ends_open(last):
        return True
    in_enumeration = _IN_ENUMERATION.search(last) or _IN_LAST_ITEM.search(last)
    if in_enumeration and shapes.ends_sentence(nxt) and _LAST_ITEMS.search(nxt):
        return True  # "..., being Hanoi, Ho Chi Minh" / "City and Tokyo-Yokohama.": its end
    if _IN_LAST_ITEM.search(unit.plain) and shapes.ends_sentence(nxt) and len(nxt.split()) <= 2:
        return True  # "..., Beijing," / "Shanghai-Suzhou and Shenzhen-Hong" / "Kong-Guangzhou."
    if shapes.heading_shaped(nxt) or shapes.figure_unit(nxt):
        return False  # a heading glued to prose loses a whole section: never guess that
    if in_enumeration and shapes.sentence_like(nxt):
        return True  # "..., with Hanoi, Hồ Chí" / "Minh City and Seoul emerging as ...": a list
    if nxt[0].isupper() and _IN_YEAR_END.search(last):
        return False  # "... cluster in 2025" / "PCT applications (...)": never "2025 PCT ..."
    return len(last) + 1 + len(nxt.split(None, 1)[0]) > 0.75 * width.value


def _label_unit(unit: Unit) -> bool:
    """Whether a unit is a "Label: value" line; one already wrapped over lines that stops
    open ("On collaboration: 6% of ... locations; 54% of") is a sentence going on."""
    if not shapes.label_line(unit.plain):
        return False
    return len(unit.lines) == 1 or not shapes.ends_open(unit.last)


def _wrapped_enumeration(last: str, nxt: str) -> bool:
    """Whether `last`, the end of a "Label: value" unit already wrapped onto a second line (so
    prose, not a key and its value), stops inside an enumeration that `nxt` goes on with and
    ends: its list of places may wrap at the space inside a name ("... locations Beijing,
    Shenzhen-Hong" / "Kong-Guangzhou and Shanghai-Suzhou.")."""
    return (
        bool(_IN_ENUMERATION.search(last))
        and (shapes.sentence_like(nxt) or shapes.ends_sentence(nxt))
        and not shapes.heading_shaped(nxt)
        and not shapes.label_line(nxt)
    )


# A place name's joining word ending a line: "São José dos", "Frankfurt am", "Saint-Martin-de"
# (a title set in large type wraps there; a name never ends on one).
_NAME_JOINER_END = re.compile(r"\s(?:dos|das|do|da|de|del|della|di|du|des|am|an der|sur|upon)$")
# A line ending in a year after a preposition ("in 2025"): the year is no count of what the
# next line names, so a capitalized line after it starts a line of its own.
_IN_YEAR_END = re.compile(r"\b(?:in|since|for|until|of)\s+(?:19|20)\d\d$", re.I)
# The end of an enumeration: its last item after "and".
_LAST_ITEMS = re.compile(r"\band\b")
# A line stopping inside an enumeration: a comma and at most three words after it.
_IN_ENUMERATION = re.compile(r",[ \t]+[^\s,.;:]+(?:[ \t]+[^\s,.;:]+){0,2}$")
# ... or inside its last item: "..., Vienna and Frankfurt am" / "Main emerging as ...".
_IN_LAST_ITEM = re.compile(r",[ \t]+[^\s,.;:]+[ \t]+and[ \t]+[^\s,.;:]+(?:[ \t]+[^\s,.;:]+){0,2}$")


# A sentence stopping on the count of what it filed or published, the unit on the next line.
_FILED_COUNT = re.compile(rf"\b(?:filed|files|published|publishes)\s+{NUMBER}$")
# A statement opening with a share of something: "19% of PCT appl. filed w/ other inventors".
_SHARE_OF = re.compile(r"^\d{1,3}(?:[.,]\d)?\s?% of\b")
# A label and its figure alone after the colon ("pubs (sci. articles) published: 4 870").
_LABEL_FIGURE = re.compile(r"^[^:\n]{2,60}:[ \t]*\d[\d,. \u00a0\u202f]*%?$")
# A "key: value" line (a key of at most four words, then a value).
_KEY_LINE = re.compile(r"^[^\W\d][\w&/()-]*(?:[ _][\w&/()-]+){0,3}\s*[:=]\s*\S")
# A figure followed by more of the row: "74; Share: 6%", "7,290, 12%".
_VALUE_THEN_MORE = re.compile(r"^\d[\d,.\u00a0\u2009\u202f ]*%?\s*[;,]\s*\S")
# A row that starts with its rank: "1 NAME ...", "No. 2 NAME ...", "3. NAME ...". A count
# and its unit ("114 patents | 3%", the figures line under a name) is not a rank and a name.
RANKED_START = re.compile(
    r"^(?:(?:No\.?|Nr\.?|#)\s*)?\d{1,3}[.)]?\s+"
    r"(?!(?:PCT\s+)?(?:patents?|applications?|articles?|publications?|papers?)\b)[^\W\d_]",
    re.I,
)


def _row_continues(unit: Unit, nxt: str) -> bool | None:
    """Whether `nxt` completes a table row begun on the line before: a rank and the start of a
    name, then the rest of the name with the figures ("1 COMMONWEALTH SCIENTIFIC AND" /
    "INDUSTRIAL RESEARCH ORGANISATION 121 9%"), a rank and a name then the figures alone
    ("1 POLITECHNIKA WRZOSOWSKA" / "53 13%"), or a row then its share alone ("33%").
    None when the lines are not such a row."""
    if not RANKED_START.match(unit.plain) or unit.sentence:
        return None
    if len(unit.lines) != 1:  # "3 NAME -" / "CHINA" / "7,290 12%": the figures after the name
        first = unit.plain[: len(unit.plain) - len(unit.last) - 1]
        two = len(unit.lines) == 2
        return (
            (two and figures_after_name(first, unit.last, nxt))
            or (two and name_end_with_figures(first, unit.last, nxt))
            or None
        )
    if name_end_follows(unit.plain, nxt):
        return True  # "3 NAME -" / "CHINA": the rest of the name, its figures still to come
    if shapes.figure_unit(unit.plain, unit.sentence):
        return shapes.cell_shape(nxt) == "P" and "%" not in unit.plain or None
    if _FIGURES_ONLY.match(nxt):
        return True  # "1 POLITECHNIKA WRZOSOWSKA" / "53 13%": the row's figures
    return (shapes.figure_unit(nxt) and not RANKED_START.match(nxt)) or None


# A line of figures only: "53 13%", "9,440 32%", "(146 patents; 12 %)" is not (it has words).
_FIGURES_ONLY = re.compile(rf"^(?:{NUMBER}\s?%?[\s,;]*){{1,3}}$")
