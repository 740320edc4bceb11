"""Transcripts of a spoken briefing: lists read out as sentences, small numbers in words.

A profile read aloud and transcribed gives each top list as one paragraph of sentences
("Top PCT applicants. Number one, CENTRAL SOUTH UNIVERSITY, 146 patents, twelve percent.
Number two, ...") and spells small numbers out ("seventy-four patents", "the thirty-second
largest", "out of twenty-six Chinese clusters", "Fifty-four percent"). Only in a text that reads
a list out this way ("Number one, " and "Number two, "), these `rewrite` edits put each
"Number N, " item on a line of its own as "N. ", a list's title before it on its own line,
write spelled numbers below one hundred as digits ("thirty-second" -> "32nd", "six percent" ->
"6%"; "one hundred", "one million" stay words) and drop a spoken "also" before a figure. Each
digit maps to the words it replaces, so evidence stays in the file.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD_TEENS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth"
    " nineteenth"
).split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()

_CARDINAL = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)}
_CARDINAL |= {w: 10 * (i + 2) for i, w in enumerate(_TENS)}
_ORDINAL = {w: i + 1 for i, w in enumerate(_ORD_UNITS)} | {
    w: i + 10 for i, w in enumerate(_ORD_TEENS)
}
_ORDINAL |= {w: 10 * (i + 2) for i, w in enumerate(_ORD_TENS)}

_ALT = "|".join(sorted({*_CARDINAL, *_ORDINAL}, key=len, reverse=True))
_NUMBER_WORDS = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})[- ](?P<unit>{'|'.join(_UNITS + _ORD_UNITS)})"
    rf"|(?P<one>{_ALT}))\b(?![- ](?:hundred|thousand|million|billion)\b)",
    re.I,
)
_PERCENT = re.compile(r"[ \t]+(?:percent|per cent)\b", re.I)
_ITEM = re.compile(r"(?:(?P<stop>\.)[ \t]+|^)Number[ \t]+(?P<n>[A-Za-z-]+),[ \t]+", re.M)
# A spoken announcement of the profile ("Okay, next one. Changsha, China."): a short line whose
# last sentence is "Name, Economy" is that title, the sentences before it are talk.
_ANNOUNCED = re.compile(
    r"^(?P<talk>(?:[^.\n]{1,30}\.[ \t]+){1,3})"
    r"[A-Z][^.,\n]{1,60}, [A-Z][^.,\n]{1,40}(?P<stop>\.)[ \t]*$",
    re.M,
)
_ALSO = re.compile(r"(?<=,)[ \t]+also(?=[ \t]+\S)")


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20 or n % 10 > 3 or n % 10 == 0:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}[n % 10]


def _value(m: re.Match[str]) -> tuple[int, bool]:
    """The number a match spells and whether it is an ordinal."""
    if m.group("tens"):
        unit = m.group("unit").lower()
        ordinal = unit in _ORDINAL
        n = _CARDINAL[m.group("tens").lower()] + (_ORDINAL[unit] if ordinal else _CARDINAL[unit])
        return n, ordinal
    word = m.group("one").lower()
    if word in _ORDINAL:
        return _ORDINAL[word], True
    return _CARDINAL[word], False


def spoken_edits(text: str) -> list[Edit]:
    """Edits reading a transcribed briefing's spoken lists and numbers (see the docstring)."""
    if "Number one, " not in text or "Number two, " not in text:
        return []
    edits: list[Edit] = []
    items: set[int] = set()
    for m in _ITEM.finditer(text):
        words = _NUMBER_WORDS.fullmatch(m.group("n"))
        if words is None:
            continue
        n, _ = _value(words)
        lead = "\n" if m.group("stop") else ""
        edits.append(Edit(m.start(), m.end(), f"{lead}{n}. "))
        items.add(m.start("n"))
    for m in _NUMBER_WORDS.finditer(text):
        if m.start() in items:  # "Number two": the item's rank, already written
            continue
        n, ordinal = _value(m)
        after = _PERCENT.match(text, m.end())
        if after:
            edits.append(Edit(m.start(), after.end(), f"{n}%"))
        elif ordinal:
            edits.append(Edit(m.start(), m.end(), f"{n}{_suffix(n)}"))
        elif n > 1 or re.match(r"[ \t]+(?:patents?|articles?)\b", text[m.end() :]):
            edits.append(Edit(m.start(), m.end(), str(n)))
    edits += [Edit(m.start(), m.end(), "") for m in _ALSO.finditer(text)]
    for m in _ANNOUNCED.finditer(text):
        edits.append(Edit(m.start("talk"), m.end("talk"), ""))
        edits.append(Edit(m.start("stop"), m.end("stop"), ""))
    return edits
