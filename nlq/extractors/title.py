"""Who a profile is about: the cluster and its economy.

From "Cluster: X" / "Economy: Y" labels when the page has them, else from a title line
("Hefei, China", "Hefei (China)", "Hefei | China"), else from a title quoted in a sentence
that says it is the title ('Title is "Changsha, China"', `quoted_title`), else from the
subject of the opening sentence ("Hefei is the twelfth-ranked cluster"). A title line is
preferred when its cluster is named again elsewhere in the page, then by being earlier; one
whose name appears nowhere else is taken only before the first section, so a line such as a
mail signature at the end of the page ("Thanks, Li") is never read as the title.
"""

from __future__ import annotations

import re

from nlq.extractors.headings import classify_heading, subtype
from nlq.extractors.located import Located, locate
from nlq.extractors.quoted_title import quoted_titles
from nlq.extractors.title_labels import TITLE_MARK, TITLE_NOISE, beside_label, subject_lines
from nlq.layout.document import MappedText
from nlq.numbers import ORDINAL

_I = re.I
_TITLE = [
    # An economy may carry its official qualifier: "Tehran, Iran (Islamic Republic of)".
    re.compile(
        r"^(?P<c>[^,()\d:]+(?:,[^,()\d:]+)*?)\s*,\s*"
        r"(?P<e>[^,()\d:]+(?:\s\((?-i:[A-Z])[^,()\d:]*\))?)$"
    ),
    re.compile(r"^(?P<c>[^()\d:]+?)\s*\((?P<e>[^()\d:]+)\)$"),
    re.compile(r"^(?P<c>[^\d|:]+?)\s+[|—]\s+(?P<e>[^\d|:]+)$"),
]
# The gap between a title and a label set at the far side of the page's width.
_FAR_GAP = re.compile(r" {10,}")
# A news article's byline ("By Reza Karimi, Science Correspondent") names its author.
_BYLINE = re.compile(r"^(?:written\s+)?by\s+(?=[^\W\d_])", _I)
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?[ \t]+(?=[^\W\d_])")
# Markup a title never holds: a line with it is code (LaTeX "\\usepackage{a,b}", a template).
_MARKUP = re.compile(r"[\\{}<>\[\]]")
# "Nyandarua Highlands is a science and technology (S&T) cluster in Kenya": both names.
_SUBJECT_IN = re.compile(
    r"^(?P<c>[^.,;:()]+?)\s+is\s+(?:a|an|the)\s+(?:[\w&()\s-]{0,60}?\s)?cluster\s+(?:in|of)\s+"
    r"(?:the\s+)?(?P<e>(?-i:[A-Z])[^\s.,;:()]*(?:\s+(?-i:[A-Z])[^\s.,;:()]*){0,3})",
    _I,
)
# "In 2024 Changsha is the tenth-ranked ...": the year before the subject is not its name.
_SUBJECT = re.compile(
    rf"^(?:in\s+(?:19|20)\d\d,?\s+)?(?P<c>[^.,;:]+?)\s+(?:is|ranks|was)\s+(?:the\s+)?{ORDINAL}",
    _I,
)
# A newswire dateline before the opening sentence: "CHANGSHA, China — Changsha is the tenth-
# ranked cluster". Its place is the cluster when the sentence's subject names it again.
_DATELINE = re.compile(
    r"^(?P<d>[A-Z][^\W\d_][^.,;:()—–\d]{0,40}?)"
    r"(?:,\s*(?P<e>[A-Z][^.,;:()—–\d]{1,40}?))?"
    r"(?:,\s*[^,;:()—–]{1,24}?)?"  # a date: ", Sept. 27"
    r"(?:\s*\([^()]{1,30}\))?"  # an agency: "(Newswire)"
    r"\s*(?:—|–|--)\s+"
)
# "According to the GII 2025, Ribeira Alta, Portugal is the second-ranked cluster": a title
# written into the opening sentence, after a lead-in clause or at its start ("In the GII 2025,
# Nørre Havnsø, Denmark is listed as the second-ranked of the 2 Danish clusters").
_SUBJECT_TITLED = re.compile(
    r"(?:^|,\s+)(?!(?:in|according|for|at|on|with|by|among|across|within|of|per)\b)"
    r"(?P<c>(?-i:[A-Z])[^.,;:()\d]{0,60}?),\s+"
    r"(?P<e>(?-i:[A-Z])[^\s.,;:()\d]*(?:\s+(?-i:[A-Z])[^\s.,;:()\d]*){0,3})"
    rf"\s+is\s+(?:listed\s+as\s+)?the\s+{ORDINAL}[- ]ranked\s+(?:cluster\b|of\s+the\s+\d)",
    _I,
)
# A title written into a sentence before the word "profile": "Pasting the Changsha, China
# profile (Global Innovation Index 2024) for the deck".
_NAME_WORDS = r"(?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,4}"
_PROFILE_OF = re.compile(
    rf"\bthe\s+(?P<c>{_NAME_WORDS}),\s+(?P<e>{_NAME_WORDS})\s+"
    r"(?:(?:S&T|science\s+and\s+technology)\s+)?(?:cluster\s+)?profile\b",
    _I,
)
# "taken from the Global Innovation Index 2024 profile of Changsha, China."; the sentence may
# go on in lower case ("profile of Hefei, China so you don't have to"), though not with another
# name ("of Hefei, Wuhan and ...").
_PROFILE_OF_AFTER = re.compile(
    rf"\bprofile\s+of\s+(?P<c>{_NAME_WORDS}),\s+(?P<e>{_NAME_WORDS})(?<!\.)"
    r"(?=\s*[.;)]|\s*$|\s+(?!(?:and|or|nor|as|&)\b)(?-i:[a-z]))",
    _I,
)
_TITLE_KEY = re.compile(r"^(?:page\s+|profile\s+)?title\s*[:=]\s*(?P<v>[^\d:;|]{1,80}?)\s*$", _I)
_LABELS = {
    "cluster": re.compile(
        r"^(?:(?:S&T|science\s+and\s+technology|innovation)\s+)?cluster(?:\s+name)?\s*[:=]\s*"
        r"(?P<v>[^\d:;|]{1,80}?)\s*$",
        _I,
    ),
    "economy": re.compile(
        # "economy name: Czechia": a data export's `{"economy": {"name": ...}}`.
        r"^(?:economy|country|economy\s*/\s*country|country\s*/\s*economy)(?:\s+name)?\s*[:=]\s*"
        r"(?P<v>[^\d:;|]{1,60}?)\s*$",
        _I,
    ),
}


def _loc(t: MappedText, m: re.Match[str], group: str) -> Located:
    i, j = _trim(m.group(group))
    return locate(t, m.start(group) + i, m.start(group) + j, m.group(group)[i:j])


def _named(m: re.Match[str], group: str) -> bool:
    """Whether a match's group holds a name once the marks around it are trimmed."""
    i, j = _trim(m.group(group))
    return j > i


def _trim(text: str) -> tuple[int, int]:
    """The part of a name between marks that are not part of it: a flag or another emoji, a
    markup character or a bullet before it ("🇲🇽 Cerro Azulejo", "= Eindhaven"), a symbol
    after it. A name starts with a letter or a digit and ends with one, a "." or a ")"."""
    i, j = 0, len(text)
    while i < j and not text[i].isalnum():
        if text[i] in "'’" and text[i + 1 : i + 2].islower():
            break  # "'s-Hertogenbosch": the apostrophe is part of the name
        i += 1
    while j > i and not (text[j - 1].isalnum() or text[j - 1] in ".)"):
        j -= 1
    return i, j


def _cluster_and_economy(value: MappedText) -> tuple[Located, Located] | None:
    """Cluster and economy from a cluster label's value written as a title ("Hefei, China")."""
    m = _TITLE[0].match(value.text)
    if not m or not _named(m, "c") or not _named(m, "e"):
        return None
    return _loc(value, m, "c"), _loc(value, m, "e")


def _offset(t: MappedText) -> int:
    return t.raw_span(0, 1)[0] if t.text else 0


def read_title(
    headings: list[MappedText],
    texts: list[MappedText],
    first_section: int | None = None,
    tables: list[tuple[tuple[MappedText, ...], ...]] | None = None,
) -> dict[str, Located]:
    """Cluster and economy; `first_section` is the raw offset of the first section heading;
    the first cells of `tables`' rows may give the economy of the cluster an opening sentence
    names."""
    labels: dict[str, Located] = {}
    both: tuple[Located, Located] | None = None
    seen: set[int] = set()
    for t in [*headings, *texts]:
        if id(t) in seen or (":" not in t.text and "=" not in t.text):
            continue
        seen.add(id(t))
        for key, pattern in _LABELS.items():
            m = pattern.match(t.text) if key not in labels else None
            if m and _named(m, "v"):
                labels[key] = _loc(t, m, "v")
                if key == "cluster":
                    both = _cluster_and_economy(t.slice(m.start("v"), m.end("v")))
    if "cluster" not in labels:
        titled = _titled(texts)
        if titled is not None:
            return titled
    if "cluster" in labels:
        if "economy" not in labels and both is not None:  # "Cluster: Hefei, China" names both
            labels["cluster"], labels["economy"] = both
        return labels
    limit = first_section if first_section is not None else float("inf")
    candidates: list[tuple[bool, int, MappedText, re.Match[str]]] = []
    for h in [*headings, *subject_lines(texts)]:
        far = _FAR_GAP.search(h.text)
        # "Bologna–Modena, Italy        FACT SHEET 07/2024": the title and, across the page,
        # the sheet's own label; not "Turin,        Board briefing" (a title wrapped after its
        # comma, the economy on the line below: `wrapped_title`).
        if far and far.start() and not h.text[: far.start()].rstrip().endswith(","):
            h = h.slice(0, far.start())
        text = h.text
        if len(text) > 80 or not TITLE_MARK.search(text) or _MARKUP.search(text):
            continue
        if _BYLINE.match(text):
            continue
        block = h
        numbered = _SECTION_NUMBER.match(text)  # "4.3 Hefei, China": a report's subsection
        if numbered:
            h = h.slice(numbered.end(), len(text))
            text = h.text
        if TITLE_NOISE.search(text):
            beside = beside_label(h)
            if beside is None:
                continue
            h, text = beside, beside.text
        for pattern in _TITLE:
            m = pattern.match(text)
            if m and _named(m, "c") and _named(m, "e"):
                if classify_heading(text) or subtype(text) or _remark(text, m):
                    break  # a section heading ("Patents (no data)") names no cluster
                i, j = _trim(m.group("c"))  # "📍 Changsha": the name without the emoji
                cluster = m.group("c")[i:j]
                # Named again in another block (not this heading's own line, which may also be
                # in the prose with its final colon: "On Monday, Ana wrote:").
                here = _offset(block)
                # A text that holds this line itself (a label joined to it) is not elsewhere.
                named_elsewhere = any(
                    cluster in t.text.replace(block.text, "")
                    for t in texts
                    if t is not block and _offset(t) != here
                )
                offset = _offset(h)
                if named_elsewhere or offset < limit:
                    candidates.append((not named_elsewhere, offset, h, m))
                break
    if candidates:
        _, _, t, m = min(candidates, key=lambda c: (c[0], c[1]))
        return {"cluster": _loc(t, m, "c"), "economy": _loc(t, m, "e")}
    quoted = _quoted_title(texts)
    if quoted is not None:
        return quoted
    out = dict(labels)
    for t in texts:
        m = _SUBJECT_IN.match(t.text)
        if m and _named(m, "c") and _named(m, "e"):  # "X is a ... cluster in Kenya."
            out["cluster"] = _loc(t, m, "c")
            out.setdefault("economy", _loc(t, m, "e"))
            return out
    for t in texts:
        m = _SUBJECT_TITLED.search(t.text) if "ranked" in t.text else None
        if m and _named(m, "c") and _named(m, "e"):
            out["cluster"] = _loc(t, m, "c")
            out.setdefault("economy", _loc(t, m, "e"))
            return out
    for t in texts:
        dated = _dated_subject(t)
        if dated:
            out.update(dated)
            break
        m = _SUBJECT.match(t.text)
        if m:
            out["cluster"] = _loc(t, m, "c")
            break
    if "economy" not in out:
        out.update(_profile_of(texts, out.get("cluster")))
    if "economy" not in out and "cluster" in out:
        cells = [c for rows in tables or () for r in rows for c in r[:1] if 0 < len(c.text) <= 80]
        titles = [*headings, *_sentences(texts), *cells]
        out.update(_titled_economy(titles, out["cluster"]))
    return out


def _sentences(texts: list[MappedText]) -> list[MappedText]:
    """The sentences of `texts` that are short enough to be a title written into the prose
    ("Source: Global Innovation Index 2025. Valle Quetzal, Mexico."), without their stop."""
    out = []
    for t in texts:
        if ". " not in t.text:
            continue
        start = 0
        for m in _SENTENCE_STOP.finditer(t.text + " "):
            if m.start() - start <= 80:
                out.append(t.slice(start, m.start()))
            start = m.end()
    return out


_SENTENCE_STOP = re.compile(r"\.\s+")


def _titled_economy(headings: list[MappedText], cluster: Located) -> dict[str, Located]:
    """The economy of a title naming the cluster the opening sentence is about, even when the
    title reads like a section heading too ("São José dos Campos, Brazil": "campos" are fields
    in Portuguese) or is a sentence of its own ("... Index 2025. Valle Quetzal, Mexico.")."""
    for h in headings:
        for pattern in _TITLE if len(h.text) <= 80 else ():
            m = pattern.match(h.text)
            if m and _named(m, "e") and _named(m, "c"):
                i, j = _trim(m.group("c"))
                if m.group("c")[i:j] == str(cluster.value).strip():
                    return {"economy": _loc(h, m, "e")}
    return {}


def _remark(text: str, m: re.Match[str]) -> bool:
    """Whether the "economy" in parentheses of a heading that writes capitals is a remark in
    lower case ("Regional context (draft text for the funding application)"): an economy is a
    name."""
    if m.re is not _TITLE[1]:  # only "Name (remark)"
        return False
    i, _ = _trim(m.group("e"))
    return m.group("e")[i : i + 1].islower() and not text.islower()


def _profile_of(texts: list[MappedText], cluster: Located | None) -> dict[str, Located]:
    """Cluster and economy from a title written into a sentence ("the Changsha, China
    profile"): both when no cluster was found, else the economy when it names that cluster."""
    for t in texts:
        m = (
            _PROFILE_OF.search(t.text) or _PROFILE_OF_AFTER.search(t.text)
            if "rofile" in t.text
            else None
        )
        if not m or not _named(m, "c") or not _named(m, "e"):
            continue
        if cluster is None:
            return {"cluster": _loc(t, m, "c"), "economy": _loc(t, m, "e")}
        if m.group("c").strip() == str(cluster.value).strip():
            return {"economy": _loc(t, m, "e")}
    return {}


def _quoted_title(texts: list[MappedText]) -> dict[str, Located] | None:
    """Cluster and economy from a title quoted in a sentence saying it is the title
    ('Title is "Global Innovation Index 2024" and then "Changsha, China"'), or None."""
    for q in quoted_titles(texts):
        if TITLE_NOISE.search(q.text) or _MARKUP.search(q.text) or classify_heading(q.text):
            continue
        for pattern in _TITLE:
            m = pattern.match(q.text)
            if m and _named(m, "c") and _named(m, "e"):
                return {"cluster": _loc(q, m, "c"), "economy": _loc(q, m, "e")}
    return None


def _titled(texts: list[MappedText]) -> dict[str, Located] | None:
    """Cluster and economy from a "title: Hefei, China" line (an outline's or an export's
    key), only when its value is written as a title."""
    for t in texts:
        m = _TITLE_KEY.match(t.text)
        if m:
            both = _cluster_and_economy(t.slice(m.start("v"), m.end("v")))
            if both is not None and not TITLE_NOISE.search(m.group("v")):
                return {"cluster": both[0], "economy": both[1]}
    return None


def _dated_subject(t: MappedText) -> dict[str, Located] | None:
    """The cluster from an opening sentence after a dateline ("CHANGSHA, China — Changsha is
    the tenth-ranked cluster"); the dateline's economy too when its place is the cluster (a
    story filed from elsewhere says nothing of the cluster's economy)."""
    d = _DATELINE.match(t.text)
    if not d:
        return None
    rest = t.slice(d.end(), len(t.text))
    m = _SUBJECT.match(rest.text)
    if not m:
        return None
    out = {"cluster": _loc(rest, m, "c")}
    same = m.group("c").strip().casefold() == d.group("d").strip().casefold()
    if same and d.group("e") and _named(d, "e"):
        out["economy"] = _loc(t, d, "e")
    return out
