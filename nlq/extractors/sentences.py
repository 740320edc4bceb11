"""Lists written in sentences: field breakdowns and top lists.

Field breakdowns: "Patent applications concentrate in Pharmaceuticals (24%), Organic fine
chemistry (13%), Electrical machinery, apparatus, energy (9%) and Other (47%)."

A sentence is read as a breakdown only when it is plainly one: three or more "Name (N%)" items,
a kind named before the first ("patent ..." or "... publications"), names that start with a
capital and are not clauses, and shares that add up to 100 ± 1, the check that the whole
breakdown was read and not a stray percentage. Each name runs from the end of the item before it
(after ", ", "and", "followed by") to its share; the first starts after the last lower-case
word that precedes a capital ("concentrate in Pharmaceuticals", "led by Physics & math").

Top lists: "The largest applicant, PLIVAKVIRIN D.D., filed 88 applications, or 21% of the total.
The second, X, filed 42 applications (10%)." Each entry runs from a rank word ("largest",
"first", "second", "3rd", or a number in brackets: "(1) CENTRAL SOUTH UNIVERSITY, with 146
patents, a 12% share; (2) ...") to the next; it holds a name written in capitals, a count with its
unit ("88 applications", "3,115 articles") and a share. They are read only as a list: two or
more entries of one kind (patents or articles), every one complete, ranked 1, 2, 3 ...
A singular "top applicant" / "top publishing organization" opens a list at rank 1 ("Its top PCT
applicant, X, filed 231 applications"), and "followed by" ranks its entry after the one before
("It is followed by Y with 6,233 articles (20%)").
Prose that names each entry before its rank word ("HUNAN UNIVERSITY is second with 9,957
articles (16%)", also in title case as a press release writes it: "Hunan University is second
with ...") is read around the counts instead, under the same conditions. There "leads" ranks
the first entry and "follows" the one after the entry before, and after a count with its unit
a bare count with its share in brackets ("Y follows with 114 (3%)") takes that unit. A
breakdown's first field may lead with its share outside brackets ("Patents: Semiconductors
lead with 35%, followed by Computer tech. (18%), ...").
"""

from __future__ import annotations

import re

from nlq.extractors.field_pairs import Pair
from nlq.extractors.lists import Entry
from nlq.extractors.located import locate
from nlq.extractors.subjects import subject_name
from nlq.layout.document import MappedText
from nlq.layout.shapes import sentence_like
from nlq.numbers import NUMBER, ORDINAL_WORDS, parse_number

_ITEM = re.compile(rf"\(\s*(?P<share>{NUMBER})\s?%\s*\)")
_LEAD = re.compile(r"[\s,;:]*(?:(?:and|or|then|followed\s+by|with|by|plus)\s+)*", re.I)
_PATENT = re.compile(r"\bpatent|\bPCT\b|\binvent", re.I)
_PUBLICATION = re.compile(r"publication|scientific|\barticle|\bpaper", re.I)
_WORD = re.compile(r"\S+")


def sentence_breakdown(sentence: MappedText) -> tuple[str, list[Pair]] | None:
    """('patent' | 'publication', pairs) for a sentence that is a whole field breakdown."""
    text = sentence.text
    if text.count("%)") < 3:
        return None
    items = list(_ITEM.finditer(text))
    if len(items) < 3:
        return None
    intro = text[: items[0].start()]
    lead = _LEAD_ITEM.search(intro) if "with" in intro else None
    if lead is not None:
        intro = intro[: lead.start("name")]
    patent, pub = bool(_PATENT.search(intro)), bool(_PUBLICATION.search(intro))
    if patent == pub:
        return None
    pairs: list[Pair] = []
    prev = 0
    if lead is not None:  # "Semiconductors lead with 35%, followed by Computer tech. (18%)"
        if not _plausible(lead.group("name")):
            return None
        pairs.append(
            Pair(
                locate(sentence, lead.start("name"), lead.end("name"), lead.group("name")),
                locate(
                    sentence, lead.start("share"), lead.end("share"), parse_number(lead["share"])
                ),
            )
        )
        prev = lead.end()
    for k, m in enumerate(items):
        first = k == 0 and lead is None
        span = _first_name(text, prev, m.start()) if first else _name(text, prev, m.start())
        if span is None:
            return None
        a, b = span
        share = parse_number(m.group("share"))
        pairs.append(
            Pair(
                locate(sentence, a, b, text[a:b]),
                locate(sentence, m.start("share"), m.end("share"), share),
            )
        )
        prev = m.end()
    total = sum(float(p.share.value) for p in pairs if p.share is not None)  # type: ignore[arg-type]
    if abs(total - 100) > 1:
        return None
    return ("patent" if patent else "publication"), pairs


# The first item of a breakdown named before its share: "Patents: Semiconductors lead with
# 35%", "Chemistry comes first with 21%", the name after a colon or at the sentence's start.
_LEAD_ITEM = re.compile(
    rf"(?:^|:\s+)(?P<name>[^\W\d_][^:;()%\d]{{0,60}}?)\s+(?:leads?|comes?\s+first|is\s+first"
    rf"|ranks?\s+first)\s+with\s+(?P<share>{NUMBER})\s?%"
)


def _name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name between the item before and a share: separators and joining words go."""
    lead = _LEAD.match(text, start, end)
    a = lead.end() if lead else start
    b = start + len(text[start:end].rstrip())
    return (a, b) if _plausible(text[a:b]) else None


def _first_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first name: after the last lower-case word or label's colon that comes before a
    capital ("concentrate in Pharmaceuticals", "Top technology fields (patents): Pharma...")."""
    words = list(_WORD.finditer(text, start, end))
    begin = None
    for w, nxt in zip(words, words[1:], strict=False):
        if (w.group()[0].islower() or w.group()[-1] == ":") and nxt.group()[0].isupper():
            begin = nxt.start()
    if begin is None:
        return None
    b = start + len(text[start:end].rstrip())
    return (begin, b) if _plausible(text[begin:b]) else None


def _plausible(name: str) -> bool:
    return (
        bool(name)
        and name[0].isupper()
        and len(name.split()) <= 8
        and not any(ch.isdigit() for ch in name)
        and not sentence_like(name)
    )


_RANK_WORD = re.compile(
    r"\b(?:(?P<first>largest|biggest|leading)|(?P<word>first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth)|(?P<num>\d{1,2})(?:st|nd|rd|th))\b"
    r"|(?<![\w)])\((?P<paren>\d{1,2})\)(?=\s+[^\W\d_])"  # "(1) CENTRAL SOUTH UNIVERSITY, ..."
    r"|\brank\s+(?P<place>\d{1,2})\b(?!\s*(?:st|nd|rd|th|%))",  # "rank 2 by HUNAN UNIVERSITY"
    re.I,
)
_COUNT = re.compile(
    rf"(?P<n>{NUMBER})\s+(?:PCT\s+)?(?:(?P<pat>patent\s+applications|applications|patents"
    r"|filings)|(?P<pub>(?:scientific\s+)?(?:articles|publications|papers)))\b",
    re.I,
)
_SHARE = re.compile(rf"(?P<n>{NUMBER})\s?%")
_SHARE_REACH = 40  # characters from a count to its share ("146 PCT applications, a 12% share")
_TOKEN = re.compile(r"\S+")
_CONNECTORS = frozenset("– - & / + —".split())
_NOT_NAMES = frozenset("PCT S&T GII WIPO".split())


# Words that start an entry only where a list is read from its rank words: "Its top PCT
# applicant, X, filed ..." (rank 1: a singular "top applicant"), and "It is followed by Y with
# ..." (the rank after the entry before it).
_LIST_WORD = re.compile(
    rf"{_RANK_WORD.pattern}|\b(?P<top>top)(?=\s+(?:PCT\s+|patent\s+)?(?:applicant|filer|publisher"
    r"|(?:publishing\s+)?organi[sz]ation|institution)\b)|\b(?P<next>followed\s+by)\b",
    re.I,
)


def sentence_entries(text: MappedText) -> tuple[str, list[Entry]] | None:
    """('applicants' | 'publishers', entries) for a paragraph that writes a top list in
    sentences, or None."""
    t = text.text
    anchors = list(_LIST_WORD.finditer(t))
    if len(anchors) < 2:  # "NAME leads with ...; NAME follows with ...": one rank word or none
        kinds, entries = _count_anchored(text) if _LEADS.search(t) else (set(), [])
        return (kinds.pop(), entries) if _ranked_list(entries, kinds) else None
    kinds: set[str] = set()
    entries: list[Entry] = []
    rank: int | None = None
    for k, m in enumerate(anchors):
        end = anchors[k + 1].start() if k + 1 < len(anchors) else len(t)
        if m.group("next"):
            rank = None if rank is None else rank + 1
        else:
            rank = 1 if m.group("top") else _rank_of(m)
        entry = _entry(text, m, rank, end, kinds) if rank is not None else None
        if entry is not None:
            entries.append(entry)
    if not _ranked_list(entries, kinds):
        kinds, entries = _count_anchored(text)
        if not _ranked_list(entries, kinds):
            return None
    return kinds.pop(), entries


def _ranked_list(entries: list[Entry], kinds: set[str]) -> bool:
    ranks = [int(e.rank.value) for e in entries if e.rank is not None]  # type: ignore[call-overload]
    return len(entries) >= 2 and len(kinds) == 1 and ranks == list(range(1, len(ranks) + 1))


def _count_anchored(text: MappedText) -> tuple[set[str], list[Entry]]:
    """Entries read around their counts, for prose that names an entry before its rank word
    ("CENTRAL SOUTH UNIVERSITY, ranked first with 146 PCT applications, a 12% share", "HUNAN
    UNIVERSITY is second with 9,957 articles (16%)", "with the third-placed CHINA TOBACCO, also
    at 74 applications and 6%"): each entry runs from the share before it to its own share and
    must hold exactly one rank word and one name in capitals before its count."""
    t = text.text
    kinds: set[str] = set()
    out: list[Entry] = []
    start = 0
    counts = _counts(t)
    for k, count in enumerate(counts):
        share = _SHARE.search(t, count.end())
        nxt = counts[k + 1] if k + 1 < len(counts) else None
        value = parse_number(count.group("n"))
        if share is None or share.start() - count.end() > _SHARE_REACH:
            return set(), []
        if (nxt and nxt.start() < share.start()) or not isinstance(value, int):
            return set(), []
        ranks = _entry_ranks(list(_RANK_WORD.finditer(t, start, count.start())))
        if not ranks:  # "NAME leads with ...", then "NAME follows with 114 (3%)"
            ranks = list((_FOLLOWS if out else _LEADS).finditer(t, start, count.start()))
        name = _capitals(t, start, count.start())
        if name is None and len(ranks) == 1:  # "Hunan University is second with ..."
            name = subject_name(t, start, ranks[0].start())
        if len(ranks) != 1 or name is None or _capitals(t, name[1], count.start()):
            return set(), []
        a, b = name
        if count.group("pat") or count.group("pub"):
            kinds.add("top_pct_applicants" if count.group("pat") else "top_publishers")
        rank = _follows(ranks[0], out)
        out.append(
            Entry(
                locate(text, ranks[0].start(), ranks[0].end(), rank),
                locate(text, a, b, t[a:b]),
                locate(text, count.start("n"), count.end("n"), value),
                locate(text, share.start("n"), share.end("n"), parse_number(share.group("n"))),
            )
        )
        start = share.end()
    return kinds, out


def _entry_ranks(ranks: list[re.Match[str]]) -> list[re.Match[str]]:
    """The rank words of one entry: "leading" before a numbered rank is the list's lead-in
    ("The leading PCT applicants were NAME (ranked 1st, 41 patents, a 9% share)"), not a rank
    of its own."""
    if len(ranks) > 1 and any(not m.group("first") for m in ranks):
        return [m for m in ranks if not m.group("first")]
    return ranks


# A count after "with" whose share follows in brackets, its unit left to the count before it
# ("... leads with 2,069 patents, 54%; NAME follows with 114 (3%)").
_BARE_COUNT = re.compile(
    rf"\bwith\s+(?P<n>{NUMBER})(?=\s*\(\s*{NUMBER}\s?%\s*\))(?P<pat>(?!))?(?P<pub>(?!))?"
)
_FOLLOWS = re.compile(r"\bfollows\b", re.I)
_LEADS = re.compile(r"\bleads\b", re.I)


def _follows(m: re.Match[str], before: list[Entry]) -> int:
    """The rank a rank word gives: "leads" the first, "follows" the one after the entry before."""
    if m.re is _LEADS:
        return 1
    if m.re is _FOLLOWS:
        return int(before[-1].rank.value) + 1  # type: ignore[arg-type, union-attr]
    return _rank_of(m)


def _counts(t: str) -> list[re.Match[str]]:
    """The counts of a list in prose: each with its unit, and after the first such count the
    bare ones that inherit it ("with 114 (3%)")."""
    counts = list(_COUNT.finditer(t))
    if not counts or "(" not in t:
        return counts
    bare = [m for m in _BARE_COUNT.finditer(t, counts[0].end())]
    return sorted(counts + bare, key=lambda m: m.start())


def _rank_of(m: re.Match[str]) -> int:
    if m.group("first"):
        return 1
    if m.group("word"):
        return ORDINAL_WORDS[m.group("word").lower()]
    return int(m.group("num") or m.group("paren") or m.group("place"))


def _entry(
    text: MappedText, m: re.Match[str], rank: int, end: int, kinds: set[str]
) -> Entry | None:
    t = text.text
    count = _COUNT.search(t, m.end(), end)
    name = _capitals(t, m.end(), count.start() if count else end)
    if count is None or name is None:
        return None
    share = _SHARE.search(t, count.end(), end)
    value = parse_number(count.group("n"))
    if share is None or not isinstance(value, int):
        return None
    kinds.add("top_pct_applicants" if count.group("pat") else "top_publishers")
    a, b = name
    g = "place" if m.group("place") else 0  # "rank 2": the number is the rank's evidence
    return Entry(
        locate(text, m.start(g), m.end(g), rank),
        locate(text, a, b, t[a:b]),
        locate(text, count.start("n"), count.end("n"), value),
        locate(text, share.start("n"), share.end("n"), parse_number(share.group("n"))),
    )


def _capitals(t: str, start: int, end: int) -> tuple[int, int] | None:
    """The first run of words in capitals between `start` and `end` (a name such as
    "KONČAR-KVIRIN ELEKTROINDUSTRIJA, D.D."), with dashes and "&" inside it."""
    run: list[re.Match[str]] = []
    for tok in _TOKEN.finditer(t, start, end):
        word = tok.group().strip(",;:()")
        if word.isupper() and word not in _NOT_NAMES:
            if run and run[-1].group().endswith((";", ":", ")")):
                break
            run.append(tok)
        elif run and tok.group() in _CONNECTORS:
            run.append(tok)
        elif run:
            break
    while run and run[-1].group() in _CONNECTORS:
        run.pop()
    if not run:
        return None
    a, b = run[0].start(), run[-1].end()
    while b > a and t[b - 1] in ",;:":
        b -= 1
    letters = sum(ch.isalpha() for ch in t[a:b])
    return (a, b) if letters >= 3 else None
