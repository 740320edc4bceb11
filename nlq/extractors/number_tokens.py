"""The numbers a text writes, each as a token with its span, so a quoted figure can be checked."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from nlq.extractors import german
from nlq.layout.dot_thousands import dot_grouped
from nlq.numbers import (
    CARDINAL,
    DECIMAL_COMMA,
    NUMBER_RE,
    ORDINAL,
    parse_cardinal,
    parse_number,
    parse_ordinal,
)


@dataclass(frozen=True, slots=True)
class Token:
    """A number written in the clean text at `[start, end)`: kind is number, percent,
    ordinal or word (a cardinal written in letters)."""

    value: int | float
    start: int
    end: int
    kind: str


_PERCENT_AFTER = re.compile(
    r" ?(?:%|percent\b|per cent\b|pour cent\b|por ciento\b|por cento\b|prozent\b)", re.I
)
_ORDINAL_RE = re.compile(rf"(?<![\w.,]){ORDINAL}", re.I)
_ORDINAL_ROMANCE = re.compile(r"(?<![\w.,])(\d{1,3})(?:e|ème|eme|er|re|º|ª|°)(?!\w)", re.I)
_CARDINAL_RE = re.compile(rf"(?<![\w.,]){CARDINAL}", re.I)
# "The largest applicant, X", also "Its top PCT applicant, X" (a singular "top" entry).
_SUPERLATIVE_RE = re.compile(
    r"(?<![\w-])(?:largest|biggest|leading|top(?=\s+(?:pct\s+|patent\s+)?(?:applicant|filer"
    r"|publisher|(?:publishing\s+)?organi[sz]ation|institution)\b))\b",
    re.I,
)
_ORDINAL_BEFORE = re.compile(rf"{ORDINAL}[\s-]*$", re.I)  # "36th largest" is rank 36, not 1
# One decimal after a comma, as a semicolon-separated export writes a share ("24,4"): never a
# thousands group (`numbers.CELL_NUMBER`).
_DECIMAL_COMMA_RE = re.compile(rf"(?<![\d.,]){DECIMAL_COMMA}(?![\d]|[.,]\d)")
_CIRCLED_RE = re.compile("[\u2460-\u2473\u24f5-\u24fe\u2776-\u2793]")


def find_tokens(clean: str) -> list[Token]:
    found: list[Token] = []
    for m in NUMBER_RE.finditer(clean):
        pct = bool(_PERCENT_AFTER.match(clean, m.end()))
        try:
            found.append(
                Token(parse_number(m.group()), m.start(), m.end(), "percent" if pct else "number")
            )
        except ValueError:
            continue
        if " " in m.group():  # "1 234" may also be two numbers side by side
            for part in re.finditer(r"\d+", m.group()):
                last = part.end() == len(m.group())
                kind = "percent" if pct and last else "number"
                found.append(
                    Token(int(part.group()), m.start() + part.start(), m.start() + part.end(), kind)
                )
    for m in _DECIMAL_COMMA_RE.finditer(clean):  # "24,4": a decimal comma (a share's cell)
        pct = bool(_PERCENT_AFTER.match(clean, m.end()))
        if not pct:  # "28,5 %" is a NUMBER_RE match already
            found.append(Token(parse_number(m.group()), m.start(), m.end(), "number"))
    for m in dot_grouped(clean):  # German "4.876": 4876
        found.append(Token(int(m.group().replace(".", "")), m.start(), m.end(), "number"))
    for m in _ORDINAL_RE.finditer(clean):
        try:
            found.append(Token(parse_ordinal(m.group()), m.start(), m.end(), "ordinal"))
        except ValueError:
            continue
    for m in _ORDINAL_ROMANCE.finditer(clean):
        found.append(Token(int(m.group(1)), m.start(), m.end(), "ordinal"))
    for m in german.ORDINAL_WORD_RE.finditer(clean):  # "zwölftplatzierte": 12
        value = german.parse_ordinal(m.group())
        if value is not None:
            found.append(Token(value, m.start(), m.end(), "ordinal"))
    for m in _CARDINAL_RE.finditer(clean):
        if m.group()[:1].isdigit():
            continue
        try:
            value = parse_cardinal(m.group())
        except ValueError:
            continue
        # "twelve percent": a share said in words (a transcribed briefing)
        kind = "percent" if _PERCENT_AFTER.match(clean, m.end()) else "word"
        found.append(Token(value, m.start(), m.end(), kind))
    for m in _SUPERLATIVE_RE.finditer(clean):  # "The largest applicant, X": rank 1
        if not _ORDINAL_BEFORE.search(clean, max(0, m.start() - 12), m.start()):
            found.append(Token(1, m.start(), m.end(), "ordinal"))
    for m in _CIRCLED_RE.finditer(clean):  # "①": a rank written as a circled numeral
        found.append(Token(int(unicodedata.numeric(m.group())), m.start(), m.end(), "number"))
    found.sort(key=lambda t: (t.start, -t.end))
    return found
