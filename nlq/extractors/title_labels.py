"""What labels a page beside its title in a heading or a subject line, and the title left."""

from __future__ import annotations

import re

from nlq.extractors.headings import classify_heading
from nlq.layout.document import MappedText

_I = re.I
TITLE_MARK = re.compile(r"[,(|—]")  # every title pattern of `title` needs one of these
_TITLE_LABEL_SEPARATORS = (": ", " — ", " – ", " | ", " -- ", " - ")
_TITLE_LABEL = re.compile(r"profile|cluster|innovation index|\bgii\b", re.I)
# A description of the page after its title starts by naming the index or the profile.
_LABEL_FIRST = re.compile(
    r"(?:the\s+)?(?:global\s+innovation\s+index|gii\b|(?:s&t\s+)?cluster\s+profile|profile\b)", _I
)
# Or a few words about it: "Hefei, China — my notes on the GII 2024 profile".
_ABOUT_LABEL = re.compile(
    r"(?:[\w'’]+\s+){1,3}(?:on|about|for|from|of)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?:global\s+innovation\s+index|gii\b|(?:s&t\s+)?cluster\s+profile)",
    _I,
)
# A remark after a title in a labelled heading, in lower case or with a figure ("(with change
# vs 2023)"); an economy in parentheses ("(China)") is none.
_TRAILING_ASIDE = re.compile(r"\s*\((?=[a-z]|[^()]*\d)[^()]*\)\s*$")
TITLE_NOISE = re.compile(r"innovation index|profile|cluster|\bgii\b|\btop\b|^s&t\b", _I)


# A letter's or mail's subject line: "Re: Changsha, China -- profile in the Global Innovation
# Index 2024" titles the page as a heading would.
_SUBJECT_LINE = re.compile(r"(?:(?:re|subject|subj|betreff|objet|fwd?)[ \t]*:[ \t]*)+", _I)


def subject_lines(texts: list[MappedText]) -> list[MappedText]:
    """What the subject lines among `texts` say after their "Re:" or "Subject:"."""
    out = []
    for t in texts:
        m = _SUBJECT_LINE.match(t.text) if t.text[:1] in "RrSsBbOoFf" else None
        if m and m.end() < len(t.text):
            out.append(t.slice(m.end(), len(t.text)))
    return out


def beside_label(h: MappedText) -> MappedText | None:
    """The title in a heading that also labels the page, after the label ("S&T cluster
    profile: Lindqvist–Arvika (Sweden)") or before it ("Changsha, China -- GII 2024 compared
    with GII 2023"), or None."""
    text = h.text
    cut = max(text.rfind(sep) for sep in _TITLE_LABEL_SEPARATORS)
    if cut >= 0 and _title_first(text):
        cut = -1  # "Changsha, China — Global Innovation Index 2024: frequently asked questions"
    if cut >= 0 and _TITLE_LABEL.search(text[:cut]) and not classify_heading(text[:cut]):
        start = cut + next(len(s) for s in _TITLE_LABEL_SEPARATORS if text.startswith(s, cut))
        title = h.slice(start, len(text)).strip()
    else:
        cuts = [i for sep in _TITLE_LABEL_SEPARATORS if (i := text.find(sep)) > 0]
        cut = min(cuts, default=-1)
        rest = text[cut:].lstrip(" :—–|-")
        labelled = _LABEL_FIRST.match(rest) or _ABOUT_LABEL.match(rest)
        if cut < 0 or not labelled or classify_heading(rest):
            return _label_in_parentheses(h)  # "OSLO, Norway — Nordhaven is ...": a dateline
        title = h.slice(0, cut).strip()
    aside = _TRAILING_ASIDE.search(title.text)
    if aside:  # "Hefei, China (with change vs 2023)": the remark is no part of the title
        title = title.slice(0, aside.start())
    return title if title.text and not TITLE_NOISE.search(title.text) else None


def _title_first(text: str) -> bool:
    """Whether a heading opens with a title marked as one ("Changsha, China") before a
    separator and the index's name: the title comes first, whatever follows a later colon."""
    first = min((i for sep in _TITLE_LABEL_SEPARATORS if (i := text.find(sep)) > 0), default=-1)
    if first < 0 or not TITLE_MARK.search(text, 0, first):
        return False
    return bool(_LABEL_FIRST.match(text[first:].lstrip(" :—–|-")))


_PAREN_LABEL = re.compile(r"\s*\((?P<l>[^()]+)\)\s*$")


def _label_in_parentheses(h: MappedText) -> MappedText | None:
    """The title before a label in parentheses ("Hefei, China (Global Innovation Index
    2024)", a report's cluster brief), or None."""
    m = _PAREN_LABEL.search(h.text)
    if m is None or not _LABEL_FIRST.match(m.group("l")):
        return None
    title = h.slice(0, m.start()).strip()
    return title if title.text and not TITLE_NOISE.search(title.text) else None
