"""Profiles written in German: the same facts in German phrasing.

    Hefei ist der zwölftplatzierte Cluster von 26 chinesischen Clustern ...
    Er meldete 692 PCT-Anmeldungen an und veröffentlichte 7,921 wissenschaftliche Artikel ...
    36. größte Wissenschafts- und Technologiecluster 2024
    48. WuT-Cluster nach Intensität (im Verhältnis zur Bevölkerungsdichte) 2024
    ... die wichtigsten Kooperationsstandorte sind Shenzhen-Hong Kong-Guangzhou, Shanghai-Suzhou
    und Beijing.

Ordinals are words ("zwölftplatzierte", "dritte", "einundzwanzigste": the evidence is the
number's stem, "zwölft") or digits with a period ("36."). The patterns are tried after the
English ones (`prose.read_scalars`), only on texts holding one of their words.
"""

from __future__ import annotations

import re

from nlq.numbers import NUMBER

_UNITS = {
    "ein": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
_ORDINAL_STEMS = {
    "erst": 1,
    "zweit": 2,
    "dritt": 3,
    "viert": 4,
    "fünft": 5,
    "sechst": 6,
    "siebt": 7,
    "siebent": 7,
    "acht": 8,
    "neunt": 9,
    "zehnt": 10,
    "elft": 11,
    "zwölft": 12,
    "dreizehnt": 13,
    "vierzehnt": 14,
    "fünfzehnt": 15,
    "sechzehnt": 16,
    "siebzehnt": 17,
    "achtzehnt": 18,
    "neunzehnt": 19,
    "hundertst": 100,
}
_CARDINALS = {
    **{word: n for word, n in _UNITS.items() if n > 1},
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "hundert": 100,
}

_UNIT_WORD = "ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
_TENS_WORD = "zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig"
# The stem of an ordinal word, longest forms first ("achtzehnt" before "acht").
_ORDINAL_STEM = (
    rf"(?:(?:{_UNIT_WORD})und)?(?:{_TENS_WORD})st|hundertst"
    r"|(?:drei|vier|fünf|sech|sieb|acht|neun)zehnt"
    r"|erst|zweit|dritt|viert|fünft|sechst|siebent|siebt|acht|neunt|zehnt|elft|zwölft"
)
# An ordinal's stem, then what a German ordinal adjective ends with: an inflection, or a word
# joined to it ("zwölftplatzierte", "drittgrößte").
_ORDINAL_END = r"(?:platziert|rangiert|größt|grösst|beste?)?e[nmrs]?\b"
# An ordinal: a stem and its ending, or one to three digits and a period ("36."); the group
# `ord` is the stem or the digits.
ORDINAL = (
    rf"(?P<ord>(?<![\d.,])\d{{1,3}}(?=\.(?!\d))|\b(?:{_ORDINAL_STEM})(?={_ORDINAL_END}))"
    rf"(?:\.|{_ORDINAL_END})"
)
# An ordinal word alone, for the LLM path's number tokens (`align`): the stem is the token.
ORDINAL_WORD_RE = re.compile(rf"\b(?:{_ORDINAL_STEM})(?={_ORDINAL_END})", re.I)
_CARDINAL = rf"(?:\d{{1,3}}|(?:{_UNIT_WORD})und(?:{_TENS_WORD})|{_TENS_WORD}|zwölf|elf|zehn"
_CARDINAL += rf"|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|{_UNIT_WORD.replace('ein|', '')}"
_CARDINAL += "|hundert)"

_I = re.I
NATIONAL_RANK = [
    # "der zwölftplatzierte Cluster von 26 chinesischen Clustern", "der 12. Cluster unter 26".
    re.compile(
        rf"{ORDINAL}\s+(?:[\w&-]+\s+){{0,2}}?"
        rf"[\w-]*Cluster\w*,?\s+(?:von|unter|aus)\s+(?:den\s+|insgesamt\s+)?(?P<n>{_CARDINAL})\b",
        _I,
    ),
    # "der zwölfte von 26 chinesischen Clustern": the clusters after the count.
    re.compile(
        rf"{ORDINAL}\s+(?:von|unter|aus)\s+(?:den\s+|insgesamt\s+)?(?P<n>{_CARDINAL})\s+"
        r"(?:[\w-]+\s+){0,2}?[\w-]*Cluster",
        _I,
    ),
    re.compile(r"\b(?:Platz|Rang)\s+(?P<ord>\d{1,3})\s+(?:von|unter)\s+(?P<n>\d{1,3})\b", _I),
]
NATIONAL_NEEDLES = ("von ", "unter ", "platz", "rang ")
SIZE_RANK = [
    re.compile(r"(?<![\d.,])(?P<ord>\d{1,3})\.\s*größte[nrs]?\b", _I),
    re.compile(rf"\b(?P<ord>{_ORDINAL_STEM})größte[nrs]?\b", _I),
    # Labels: "Größenrang: 36", "Rang nach Größe: 36".
    re.compile(r"(?:größenrang|rang\s+nach\s+(?:der\s+)?größe)\W{1,4}(?P<ord>\d{1,3})\b", _I),
]
INTENSITY_RANK = [
    re.compile(
        rf"{ORDINAL}\s+(?:[\w&-]+\s+){{0,5}}?nach\s+"
        r"(?:der\s+)?(?:WuT-)?Intensität\b",
        _I,
    ),
    re.compile(
        r"(?:intensitätsrang|rang\s+nach\s+(?:der\s+)?intensität)\W{1,4}(?P<ord>\d{1,3})\b", _I
    ),
]
PCT_APPLICATIONS = [
    re.compile(rf"(?P<n>{NUMBER})\s+(?:internationale\s+)?PCT-?\s?(?:Patent)?anmeldungen\b", _I),
    # "PCT-Anmeldungen (pro 1 Million Einwohner): 692".
    re.compile(
        rf"(?:^|(?<=[;|]))\s*PCT-?\s?(?:Patent)?anmeldungen(?:\s*\([^()]{{0,80}}\))?\s*[:=]\s*"
        rf"(?P<n>{NUMBER})(?!\s?%)",
        _I,
    ),
]
ARTICLES = [
    re.compile(
        rf"(?P<n>{NUMBER})\s+(?:wissenschaftliche[n]?\s+)?(?:Fach)?(?:Artikel|Publikationen"
        r"|Veröffentlichungen)\b",
        _I,
    ),
    # "Wissenschaftliche Artikel (pro 1 Million Einwohner): 7,921".
    re.compile(
        r"(?:^|(?<=[;|]))\s*wissenschaftliche\s+(?:Artikel|Publikationen|Veröffentlichungen)"
        rf"(?:\s*\([^()]{{0,80}}\))?\s*[:=]\s*(?P<n>{NUMBER})(?!\s?%)",
        _I,
    ),
]
ARTICLE_NEEDLES = ("artikel", "publikation", "veröffentlich")
EDITION = [
    re.compile(r"\bGlobale[rn]?\s+Innovationsindex(?:es)?\s+(?P<y>(?:19|20)\d\d)\b", _I),
]
# "die wichtigsten Kooperationsstandorte sind A, B und C", "Partnerregionen: A und B".
PARTNER_LIST = re.compile(
    r"(?:standorte|partner(?:regionen|cluster)?|regionen)\s*(?:\s(?:sind|waren)\s+|:\s*)"
    r"(?P<list>.+?)\s*\.?$",
    _I,
)
PARTNER_NEEDLE = "standort"


def parse_ordinal(text: str) -> int | None:
    """12 for the stem "zwölft", 21 for "einundzwanzigst", else None."""
    t = text.lower()
    if t in _ORDINAL_STEMS:
        return _ORDINAL_STEMS[t]
    if t.endswith("st") and t[:-2] in _TENS:
        return _TENS[t[:-2]]
    unit, sep, tens = t.partition("und")
    if sep and unit in _UNITS and tens.endswith("st") and tens[:-2] in _TENS:
        return _UNITS[unit] + _TENS[tens[:-2]]
    return None


def parse_cardinal(text: str) -> int | None:
    """26 for "sechsundzwanzig", 12 for "zwölf", else None (digits are not read here)."""
    t = text.lower()
    if t in _CARDINALS:
        return _CARDINALS[t]
    if t in _TENS:
        return _TENS[t]
    if t.endswith("zehn") and t[:-4] in ("drei", "vier", "fünf", "sech", "sieb", "acht", "neun"):
        return {"sech": 6, "sieb": 7}.get(t[:-4], _UNITS.get(t[:-4], 0)) + 10
    unit, sep, tens = t.partition("und")
    if sep and unit in _UNITS and tens in _TENS:
        return _UNITS[unit] + _TENS[tens]
    return None
