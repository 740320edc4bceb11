"""What a line or a cell looks like: a sentence, a heading, a bare figure, a name with figures.

Readers use these shapes to decide, line by line, what a line of plain text is before joining
anything (a title or a table-header line must not be glued to the prose under it), and the
extractor uses the same shapes to tell table rows from prose. Shapes look only at the text; what
a heading *means* is decided later (`extractors/sections.py`).
"""

from __future__ import annotations

import re

from nlq.numbers import INTEGER, NUMBER

# Words that count and measure rather than describe: they do not make a line a sentence.
_UNIT_WORDS = frozenset(
    "patents patent applications application articles article publications publication "
    "papers paper filings filing documents share percent".split()
)
# A finite verb means a clause: rows of a table and names have none (lower case only, so an
# organization written in capitals never matches).
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|filed|files|published|publishes|ranks|ranked|falls|"
    r"accounts?|accounted|being|emerging)\b"
)
# A lower-case word not glued to a word or "&" before it; the lookbehind comes after the
# first letter so that re scans for the letter first (same matches as `(?<![\w&])[a-z]...`).
_LOWER_WORD = re.compile(r"[a-z](?<![\w&].)[\w'’-]*")
# Words after which a sentence cannot have ended (so a line ending in one continues).
_CONTINUING = frozenset(
    "a an and as at be by for from in into its of on or per than that the their to with "
    "within over being are is were was include includes including".split()
)
_ENUMERATION = re.compile(r",\s.*\s(?:and|or)\s")
_UNIT = r"(?:patents?|applications?|articles?|publications?|papers?|filings?|documents?)"
_FIGURE_END = re.compile(r"\d\s?%?\s*\)?$")
_COUNT_END = re.compile(rf"{NUMBER}\s+(?:PCT\s+)?{_UNIT}$", re.I)
_YEAR_END = re.compile(r"\s(?:19|20)\d\d$")
_LABEL_LINE = re.compile(r"^[^\W\d_][^:]{0,80}?:\s+\S")
_INT_CELL = re.compile(rf"^(?:(?:No\.?|Nr\.?|N°|№|#|Rank)\s*)?\(?{INTEGER}\)?[.)]?$", re.I)
_PERCENT_CELL = re.compile(rf"^\(?\s*{NUMBER}\s?%\s*\)?$")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def lowercase_words(text: str) -> int:
    """How many lower-case words `text` holds, leaving out unit words ("patents", "share")."""
    return sum(1 for w in _LOWER_WORD.findall(text) if w.lower() not in _UNIT_WORDS)


def sentence_like(text: str) -> bool:
    """True for a clause or a sentence ("Hefei is the twelfth-ranked cluster, ..."), False for
    a title, a heading, a name or a table row ("UNIVERSITY OF TARVOLA 156 4%")."""
    if _VERB.search(text):
        return True
    return lowercase_words(text) >= 6


def ends_open(text: str) -> bool:
    """True when a line stops where a sentence cannot: after a comma, a hyphen or a word
    such as "the", "of", "with"."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in ",-–&/(":
        return True
    # The last word runs from the first letter of the trailing word characters and apostrophes
    # (the group of `([^\W\d_][\w'’]*)$`), found from the end: searching for that pattern
    # from the start retried it at every letter of the line.
    i = len(t)
    while i and (t[i - 1].isalnum() or t[i - 1] in "_'’"):
        i -= 1
    while i < len(t) and not (t[i].isalpha() or _LETTER.match(t, i)):
        i += 1
    return i < len(t) and t[i:].lower() in _CONTINUING


def ends_sentence(text: str) -> bool:
    """True when a line ends a sentence or introduces what follows (".", "!", "?", ":")."""
    t = text.rstrip(" \t\"'”’)")
    return bool(t) and t[-1] in ".!?:"


def heading_shaped(text: str, sentence: bool | None = None) -> bool:
    """A short line standing on its own: a title, a heading, a column header or a name.

    Not a clause, at most ten words, not starting in lower case and not ending the way a
    wrapped sentence does (comma, hyphen, "of"); a final period only after a short word or
    one in capitals, or after another abbreviation, as in "Computer tech.", "SCIENCE AND
    TECH.", "Biochem. & biotech.".
    """
    t = text.strip()
    if not t or len(t) > 80 or len(t.split()) > 10 or t[0].islower():
        return False
    if ends_open(t) or t[-1] in ";,":
        return False
    if "," in t and _ENUMERATION.search(t):
        return False  # "Kong-Guangzhou, Shanghai-Suzhou and Beijing": the end of a sentence
    if t[-1] in ".!?":
        last = t.split()[-1]
        short = len(last) <= 6 or not any(c.islower() for c in last) or t.count(".") >= 2
        if t[-1] != "." or not short:
            return False
    return not (sentence_like(t) if sentence is None else sentence)


def open_name_start(text: str) -> bool:
    """The first line of a name wrapped in its cell: a short line without figures that stops
    where a name goes on ("UNIVERSITY OF", "KARAYEL OTOMOTİV,") and is a name without its
    last word."""
    t = text.strip()
    if _DIGIT.search(t) or not ends_open(t) or len(t.split()) < 2:
        return False
    head = t[:-1] if t[-1] in ",-–&/(" else t[: t.rstrip().rfind(" ")]
    return heading_shaped(head.rstrip())


_CLOSERS = {"„": "“”", "“": "”", "«": "»", "‹": "›", "(": ")", "[": "]"}


def open_quote(text: str) -> bool:
    """Whether `text` opens a quote or a bracket it does not close ("FARMACIE „IULIU"): a
    name that goes on onto the next line. "“" closes a "„" before it, else it opens."""
    stack: list[str] = []
    for ch in text:
        if stack and ch in _CLOSERS[stack[-1]]:
            stack.pop()
        elif ch in _CLOSERS:
            stack.append(ch)
    return bool(stack)


def label_line(text: str) -> bool:
    """A "Label: value" line ("Economy: China", "PCT applications (...): 309")."""
    return bool(_LABEL_LINE.match(text.strip()))


def cell_shape(text: str, sentence: bool | None = None) -> str | None:
    """'I' for a whole number ("2,069", "No. 1"), 'P' for a percentage ("54%", "(31 %)"), 'T'
    for a short text without figures, None for anything else."""
    t = text.strip()
    if not t:
        return None
    if _DIGIT.search(t):
        if _PERCENT_CELL.match(t):
            return "P"
        if _INT_CELL.match(t):
            return "I"
        return None
    return "T" if heading_shaped(t, sentence) else None


def figure_unit(text: str, sentence: bool | None = None, shape: str | None = "?") -> bool:
    """A name followed by its figures ("Semiconductors (35%)", "1 NAME 1,287 33%",
    "NAME — 214 patents"), not a sentence and not a label ending in a year ("Edition: 2024").

    `sentence` and `shape` may pass what the caller already knows of `text`.
    """
    t = text.strip()
    if not t or t[0].islower():
        return False
    # The last character decides most lines at once (prose ends in "." or a word).
    last = t[-1]
    if last.isdigit() or last in "%)":
        if not _FIGURE_END.search(t[-12:]):
            return False
    elif last.isalpha():
        if t[t.rfind(" ") + 1 :].lower() not in _UNIT_WORDS or not _COUNT_END.search(t[-40:]):
            return False
    else:
        return False
    if not _LETTER.search(t):
        return False
    if (sentence_like(t) if sentence is None else sentence) or (
        (cell_shape(t, sentence) if shape == "?" else shape) is not None
    ):
        return False
    # A label whose only figure is a year ("Global Innovation Index 2024") is not a row.
    return not (_YEAR_END.search(t) and not _DIGIT.search(t, 0, len(t) - 5))


# Text between runs of two or more spaces: a piece of a line of layout text.
_PIECE = re.compile(r"\S+(?: \S+)*")

LinePiece = tuple[int, int, str]
"""A piece of a line: its start column, its raw offset and its text."""


def line_pieces(raw: str) -> list[list[LinePiece]]:
    """The pieces of each line of layout text `raw` (runs of two or more spaces cut them), in
    line order, each with its column and its offset into `raw`."""
    out: list[list[LinePiece]] = []
    pos = 0
    for line in raw.split("\n"):
        out.append([(m.start(), pos + m.start(), m.group()) for m in _PIECE.finditer(line)])
        pos += len(line) + 1
    return out
