"""One table cell or list item read by what it holds: a rank, a name, a count, a share, or a
column title.

"1" is a rank or a count (which one depends on where it stands), "No. 1" and "#1" are ranks,
"2,069" is a count, "54%" and "(31 %)" are shares, "Patents: 146" and "Share: 12%" are labelled
figures, "10,938 articles (25%)" is figures without a name, "1 · NAME" and "Rank 1: NAME; ..."
are a rank and a name, "Patents" and "Share" are column titles (never organization names).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from nlq.extractors.located import Located, locate
from nlq.layout.document import MappedText
from nlq.numbers import CELL_NUMBER, NUMBER, NUMBER_RE, parse_number

_RANK_WORD = r"(?:No\.?|Nr\.?|N°|№|#|Rank)"
_RANK_STARTS = frozenset("NnRr№#")  # the first characters of `_RANK_WORD`
# "1", "No. 1", "#1", "1." and ordinals "1st", "2nd", "3.º" (an ordinal is a rank, never a name).
_RANK_CELL = re.compile(
    rf"^(?:(?P<p>{_RANK_WORD})\s*)?(?P<n>\d{{1,3}})(?P<o>st|nd|rd|th|\.?º|\.?ª|er|e)?[.)]?$", re.I
)
_PERCENT_CELL = re.compile(rf"^\(?\s*(?P<n>{NUMBER})\s?%\s*\)?$")
_NUMBER_CELL = re.compile(rf"^(?P<n>{CELL_NUMBER})$")
_SEPARATOR = r"(?:\s*[.):·•|]\s*|\s+[–—-]\s+)"
# A rank written before a name: "No. 1 NAME", "Rank 1: NAME", "1 · NAME", "1. NAME", "1) NAME".
_LEADING_RANK = re.compile(
    rf"^(?:{_RANK_WORD}\s*(?P<a>\d{{1,3}})(?:{_SEPARATOR}|\s+)|(?P<b>\d{{1,3}}){_SEPARATOR})"
    r"(?=[^\W\d_])",
    re.I,
)
# ... and, in a list item only, a bare "1 NAME" (a table cell "7 ELEVEN" keeps its digit).
_BARE_LEADING_RANK = re.compile(r"^#?(?P<b>\d{1,3})\s+(?=[^\W\d_])")
_UNIT = (
    r"(?:PCT\s+)?(?:patent\s+)?"
    r"(?:patents?|applications?|apps?|filings?|articles?|publications?|pubs?|papers?"
    r"|documents?)"
)
# "318 of 2,340" gives the count out of the cluster's total (never a share computed from it);
# ", a 12% share" after the count is its share.
_TAIL = re.compile(
    rf"(?P<count>{NUMBER})(?:\s+of\s+{NUMBER})?(?:\s*{_UNIT})?"
    rf"(?:[\s,;:–—\-·•|]*\(?\s*(?:an?\s+(?=\d))?(?:share\s*(?:of\s*)?[:=]?\s*)?"
    rf"(?P<share>{NUMBER})\s?%(?:\s+share)?\s*\)?)?"
    r"[\s.;]*$",
    re.I,
)
_SHARE_TAIL = re.compile(rf"\(?\s*(?P<share>{NUMBER})\s?%\s*\)?[\s.;]*$")
# A unit label left before a figure ("...; Patents: 146") belongs to neither the name nor the
# figure.
_LABEL_BEFORE_FIGURE = re.compile(
    rf"(?:^|[\s;,|(]+)(?:{_UNIT}|counts?|numbers?|share)\s*[:=]?\s*$", re.I
)
_LABELLED = re.compile(
    rf"^(?P<label>[^\W\d_][^:=\d]{{0,40}}?)\s*[:=]\s*(?P<n>{NUMBER})\s?(?P<pct>%)?$"
)
_NAME_END = " \t:;–—-|,(·…"
# Dot leaders between a name and its figure: spaced dots, or three or more.
_LEADER = re.compile(r"(?:\s+\.{2,}|\.{3,})[\s.…]*$|\s*…+\s*$")
# A share inside what would be a name: the text holds two items, not one.
_GLUED = re.compile(r"\d\s?%")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# Ranks written as circled or parenthesized numerals (slides, word processors): ① ⑳ ❶ ➀ ⓫ ...
_CIRCLED = {
    chr(c): int(unicodedata.numeric(chr(c)))
    for lo, hi in ((0x2460, 0x249B), (0x24EA, 0x24FF), (0x2776, 0x2793))
    for c in range(lo, hi + 1)
    if unicodedata.numeric(chr(c), 0) >= 1
}

# Column titles, one alternative per role (a single pattern: this runs on every cell).
_HEADER = re.compile(
    r"(?P<rank>rank(?:ing)?|rnk|no\.?|nr\.?|#|n°|№|pos(?:\.|ition)?|place)"
    r"|(?P<name>(?:top\s+)?(?:pct\s+)?(?:applicants?|organi[sz]ations?|institutions?|"
    r"publishers?|compan(?:y|ies)|names?|assignees?|entit(?:y|ies)|owners?|filers?|"
    r"(?:technology\s+|science\s+|scientific\s+)?(?:fields?|domains?|areas?|subjects?)))"
    rf"|(?P<count>(?:(?:number|no\.?)\s+of\s+)?{_UNIT.lower()}(?:\s*\((?:count|number|no\.?)\))?"
    r"|counts?|numbers?|total)"
    r"|(?P<share>(?:shares?|%|percent(?:age)?)(?:\s*\(%\)|\s+(?:pct|%|percent))?"
    r"(?:\s+(?:of|in)\s+[\w ]{1,30})?)",
)


# The words a column title can start with: a cheap test before the pattern, which would
# otherwise run on every name in every table.
_HEADER_FIRST = frozenset(
    "rank ranking rnk no no. nr nr. # n° № pos pos. position place top pct applicant applicants "
    "organization organizations organisation organisations institution institutions publisher "
    "publishers company companies name names assignee assignees entity entities owner owners "
    "filer filers technology science scientific field fields domain domains area areas subject "
    "subjects number numbers patent patents application applications filing filings article "
    "articles publication publications paper papers document documents count counts total "
    "share shares % percent percentage".split()
)


@lru_cache(maxsize=4096)  # column titles repeat across tables and pages
def header_role(text: str) -> str | None:
    """'rank', 'name', 'count' or 'share' for a column title ("No.", "Applicant", "Patents",
    "Share (%)", "% of cluster", "share_pct"), else None. A title glossed in parentheses
    ("Solicitante (Applicant)", "Artículos (Articles)") is read by either of its parts, and a
    title of alternatives ("Name / text") by the one of them that names a role."""
    if len(text) > 40:
        return None
    t = text.strip().rstrip(":").strip().lower()
    if "_" in t:
        t = t.replace("_", " ")  # a column of a data export: "share_pct"
    role = _role(t)
    if role is None and t.endswith(")") and "(" in t:
        outer, _, inner = t[:-1].rpartition("(")
        if outer and len(outer.split()) <= 3:
            role = _role(inner.strip()) or _role(outer.strip())
    if role is None and "/" in t:  # "Name / text": the column holds either; one role named
        roles = {r for part in t.split("/") if (r := _role(part.strip()))}
        role = roles.pop() if len(roles) == 1 else None
    return role


def share_title(text: str) -> bool:
    """Whether a column title names shares: a share title ("Share", "% of cluster"), or "pct"
    in lower case beside a field name (a data export's key for per cent; "PCT" is the treaty,
    and in a ranked table "pct" may title PCT filings, so only breakdowns ask this)."""
    t = text.strip()
    return header_role(t) == "share" or (t.lower() == "pct" and not t.isupper())


def _role(t: str) -> str | None:
    space = t.find(" ")
    if (t if space < 0 else t[:space]) not in _HEADER_FIRST:
        return None
    m = _HEADER.fullmatch(t)
    return m.lastgroup if m else None


class Parts(NamedTuple):
    """What one cell or item holds. `bare` marks a lone small number (a rank or a count);
    `decimal` a lone number with a decimal part and no "%" (a share only under a share
    column's title). (A tuple: one is made for every cell read.)"""

    rank: Located | None = None
    name: Located | None = None
    count: Located | None = None
    share: Located | None = None
    header: str | None = None
    bare: bool = False
    decimal: Located | None = None

    @property
    def kind(self) -> str:
        """'N' a name (maybe with figures), 'S' a share alone, 'R' a marked rank ("No. 1"),
        'I' a whole number alone (a rank or a count), 'D' a decimal number alone, 'H' a column
        title, '' nothing, 'X' else."""
        if self.name is not None:
            return "N"
        if self.header is not None:
            return "H"
        if self.share is not None:
            return "S" if self.count is None and self.rank is None else "X"
        if self.rank is not None:
            return "I" if self.bare else "R"
        if self.count is not None:
            return "I"
        return "D" if self.decimal is not None else ""


NOTHING = Parts()
"""What an empty cell holds (one shared instance, so "nothing" is a cheap identity test)."""


def _number(cell: MappedText, m: re.Match[str], group: str = "n") -> Located:
    return locate(cell, m.start(group), m.end(group), parse_number(m.group(group)))


def _name_end(head: str) -> int:
    """Where a name ends before its figures: separators, unit labels and dot leaders go."""
    m = _LABEL_BEFORE_FIGURE.search(head) if ":" in head or "=" in head else None
    if m and _LETTER.search(head[: m.start()]):
        head = head[: m.start()]
    leader = _LEADER.search(head)
    if leader:  # "Computer tech. ........ 18%": the dots go, the abbreviation's period stays
        head = head[: leader.start()]
    return len(head.rstrip(_NAME_END))


def _tail(text: str) -> tuple[re.Match[str], bool] | None:
    """The figures at the end of `text`: tried at each number, leftmost first, so the name
    keeps everything before the first number that starts a valid tail."""
    for n in NUMBER_RE.finditer(text):
        m = _TAIL.match(text, n.start())
        if m:
            return m, True
        m = _SHARE_TAIL.match(
            text, n.start() - (1 if n.start() and text[n.start() - 1] == "(" else 0)
        )
        if m:
            return m, False
    return None


def split_item(t: MappedText) -> Parts:
    """Name, count and share of text such as "NAME — 2,069 patents (54%)" or "Optics (4%)";
    figures alone ("10,938 articles (25%)") give no name, nor does a column title."""
    text = t.text
    found = _tail(text) if _DIGIT.search(text) else None
    if found:
        m, with_count = found
        count = share = None
        if with_count:
            value = parse_number(m.group("count"))
            if isinstance(value, int):
                count = locate(t, m.start("count"), m.end("count"), value)
        if m.group("share"):
            share = locate(t, m.start("share"), m.end("share"), parse_number(m.group("share")))
        if count is not None or share is not None:
            name = None
            name_end = _name_end(text[: m.start()])
            lead = len(text) - len(text.lstrip())
            if _GLUED.search(text, lead, name_end):
                return NOTHING  # "Optics (35%) Other (4%)": two items in one, never one name
            if name_end > lead and _LETTER.search(text[lead:name_end]):
                if name_end - lead > 40 or not header_role(text[lead:name_end]):
                    name = locate(t, lead, name_end, text[lead:name_end])
            return Parts(name=name, count=count, share=share)
    if _LETTER.search(text) and (len(text) > 40 or not header_role(text)):
        return Parts(name=locate(t, 0, len(text), text))
    return NOTHING


def read_pair_cell(cell: MappedText) -> Parts:
    """What a cell of a field table holds: a share ("35%", "(31 %)"), a column title, or a
    name with or without its share ("Semiconductors (35%)"). Cheaper than `read_cell`."""
    text = cell.text
    m = _PERCENT_CELL.match(text)
    if m:
        return Parts(share=_number(cell, m))
    if not _DIGIT.search(text) and len(text) <= 40 and (role := header_role(text)):
        return Parts(header=role)
    return split_item(cell)


def read_cell(cell: MappedText, bare_rank: bool = False) -> Parts:
    """What one cell holds. With `bare_rank` (list items) "1 NAME" reads as rank 1 and a name;
    in a table cell only a marked rank does ("No. 1 NAME", "1. NAME", "1 · NAME")."""
    text = cell.text
    if not text:
        return NOTHING
    if not _DIGIT.search(text):  # the common case first: a name or a column title
        role = header_role(text) if len(text) <= 40 else None
        if role:
            return Parts(header=role)
        return Parts(name=locate(cell, 0, len(text), text)) if _LETTER.search(text) else NOTHING
    if text[0] in _CIRCLED:  # "① NAME — 37 filings · 15%": a rank written as a circled numeral
        rest = cell.slice(1, len(text)).strip()
        parts = split_item(rest)
        if parts.name is None:
            return NOTHING
        rank = locate(cell, 0, 1, _CIRCLED[text[0]])
        return Parts(rank, parts.name, parts.count, parts.share)
    # Patterns are tried only where they can match (by the first character, or a colon).
    lead = text[0]
    marked = lead in _RANK_STARTS
    if lead.isdigit() or lead == "(" or marked:
        m = _RANK_CELL.match(text)
        if m:
            return Parts(rank=_number(cell, m), bare=not (m.group("p") or m.group("o")))
        m = _PERCENT_CELL.match(text)
        if m:
            return Parts(share=_number(cell, m))
        m = _NUMBER_CELL.match(text)
        if m:
            value = _number(cell, m)
            return Parts(count=value) if isinstance(value.value, int) else Parts(decimal=value)
    m = _LABELLED.match(text) if ":" in text or "=" in text else None
    label_role = header_role(m.group("label")) if m else None
    if m and label_role:  # "Share: 12%", "Patents: 146", "Rank: 3"; "Optics: 4%" is a name
        value = _number(cell, m)
        if label_role == "share":
            return Parts(share=value)
        if label_role == "count" and not m.group("pct") and isinstance(value.value, int):
            return Parts(count=value)
        if label_role == "rank" and not m.group("pct") and m.group("n").isdigit():
            return Parts(rank=value)
        return NOTHING
    rank = None
    m = None
    if lead.isdigit() or marked:
        m = _LEADING_RANK.match(text) or (_BARE_LEADING_RANK.match(text) if bare_rank else None)
    if m:
        group = "a" if m.groupdict().get("a") else "b"
        rank = locate(cell, m.start(group), m.end(group), int(m.group(group)))
        cell = cell.slice(m.end(), len(text))
    parts = split_item(cell)
    if rank is not None:
        if parts.name is None:
            return NOTHING
        return Parts(rank, parts.name, parts.count, parts.share)
    return parts
