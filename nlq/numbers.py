"""Numbers as profiles write them: thousands separators, percentages, ordinals in words or digits.

Imports nothing of nlq.
"""

from __future__ import annotations

import re

# Thousands separators seen in profiles: comma, space, no-break space, thin and narrow spaces,
# and the Swiss apostrophes ("3'412", "3’412").
_SEP = "[,\u00a0\u2009\u202f '\u2019]"
# A number is read whole or not at all: it may not start right after a digit, a separator or a
# closing brace ("3'412" is never 412, "14{,}953" never 953; two apostrophes before it are wiki
# markup, "'''41 PCT applications'''"), nor stop before a separator and a
# digit ("12,34" is not 12). The leading lookahead lets the regex engine skip non-digits cheaply
# (~2x faster scans).
_BEFORE = "(?=\\d)(?<![\\d.,\u2019}])(?:(?<!')|(?<=''))"
_AFTER = "(?![.,'\u2019]\\d)"
# A decimal comma is read only in a percentage with one decimal ("28,5 %", as French or German
# exports write it), where it cannot be a thousands separator.
_DECIMAL_COMMA = ",\\d(?=[ \u00a0\u202f]?%)"
NUMBER = rf"{_BEFORE}(?:\d{{1,3}}(?:{_SEP}\d{{3}})+|\d+)(?:\.\d+|{_DECIMAL_COMMA})?(?!\d){_AFTER}"
NUMBER_RE = re.compile(NUMBER)
# The same without a decimal part: a count or a rank.
INTEGER = rf"{_BEFORE}(?:\d{{1,3}}(?:{_SEP}\d{{3}})+|\d+)(?!\d|\.\d){_AFTER}"
PERCENT_RE = re.compile(rf"(?P<num>{NUMBER})\s?%")
# A number alone in a table cell may also write its one decimal with a comma and no "%"
# ("24,4" under a "share" title, as a semicolon-separated export writes it): one digit after
# the comma is never a thousands group.
DECIMAL_COMMA = r"\d+,\d"
CELL_NUMBER = rf"(?:{NUMBER}|{DECIMAL_COMMA})"

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_UNITS = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
]
_ORD_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORD_TENS = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]


def _word_tables() -> tuple[dict[str, int], dict[str, int]]:
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for n in range(1, 10):
        cardinals[_UNITS[n]] = n
        ordinals[_ORD_UNITS[n]] = n
    for n in range(10, 20):
        cardinals[_TEENS[n - 10]] = n
        ordinals[_ORD_TEENS[n - 10]] = n
    for t in range(2, 10):
        cardinals[_TENS[t]] = 10 * t
        ordinals[_ORD_TENS[t]] = 10 * t
        for u in range(1, 10):
            for sep in ("-", " "):
                cardinals[f"{_TENS[t]}{sep}{_UNITS[u]}"] = 10 * t + u
                ordinals[f"{_TENS[t]}{sep}{_ORD_UNITS[u]}"] = 10 * t + u
    cardinals["hundred"] = cardinals["one hundred"] = 100
    ordinals["hundredth"] = ordinals["one hundredth"] = 100
    return cardinals, ordinals


CARDINAL_WORDS, ORDINAL_WORDS = _word_tables()


_UNIT_ORD = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_UNIT_CARD = "one|two|three|four|five|six|seven|eight|nine"
_TENS_STEM = "twen|thir|for|fif|six|seven|eigh|nine"
# Compact forms of the word tables above (a long alternation of every word is ~10x slower).
# An ordinal starts with a digit or one of seven letters: the lookahead rejects every other
# position with one character test before the alternation is tried (2-3x faster searches).
# "top" is one only before "-ranked" ("the top-ranked cluster, out of 2 ...").
ORDINAL = (
    rf"(?=[\dtfsenoh])(?:\d+(?:st|nd|rd|th)|(?:(?:{_TENS_STEM})ty[- ]?)?(?:{_UNIT_ORD})"
    rf"|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:{_TENS_STEM})tieth"
    rf"|(?:one )?hundredth|top(?=[-\s]ranked\b))\b"
)
CARDINAL = (
    rf"(?:{NUMBER}|(?:(?:(?:{_TENS_STEM})ty(?:[- ](?:{_UNIT_CARD}))?|{_UNIT_CARD}|ten|eleven"
    rf"|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:one )?hundred)\b))"
)


def parse_number(text: str) -> int | float:
    """The value of a number written with optional thousands separators ("2,069", "12 345").

    Raises ValueError when `text` is not such a number.
    """
    t = text.strip()
    if t.isascii() and t.isdigit():  # the common case, without the patterns
        return int(t)
    if not NUMBER_RE.fullmatch(t):
        m = re.fullmatch(r"(\d+),(\d)", t)  # a percentage's decimal comma: "28,5"
        if m is None:
            raise ValueError(f"not a number: {text!r}")
        return float(f"{m.group(1)}.{m.group(2)}")
    cleaned = re.sub(_SEP, "", t)
    value = float(cleaned)
    return int(value) if value.is_integer() and "." not in cleaned else value


def parse_ordinal(text: str) -> int:
    """12 for "twelfth", "12th" or "Twelfth"; raises ValueError otherwise."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    if t in ORDINAL_WORDS:
        return ORDINAL_WORDS[t]
    if t == "top":  # "the top-ranked cluster, out of 2 Norwegian clusters": the first
        return 1
    raise ValueError(f"not an ordinal: {text!r}")


def parse_cardinal(text: str) -> int:
    """26 for "26" or "twenty-six"; raises ValueError otherwise."""
    t = text.strip().lower()
    if t in CARDINAL_WORDS:
        return CARDINAL_WORDS[t]
    value = parse_number(t)
    if isinstance(value, float):
        raise ValueError(f"not a whole number: {text!r}")
    return value


def cardinal_word(n: int) -> str:
    """'no', 'one' ... 'nineteen' for 0-19; digits from 20 on."""
    if n == 0:
        return "no"
    return (_UNITS + _TEENS)[n] if 0 < n < 20 else str(n)


def ordinal_word(n: int) -> str | None:
    """'first' ... 'nineteenth' for 1-19, else None."""
    return (_ORD_UNITS + _ORD_TEENS)[n] if 0 < n < 20 else None
