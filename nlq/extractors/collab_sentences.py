"""Collaboration stated in sentences: the share and the partner locations, in source order.

"3% of Hefei's PCT patent applications are filed in collaboration with other inventors, with
Shenzhen-Hong Kong-Guangzhou, Shanghai-Suzhou and Beijing emerging as the top collaborative
locations": `read_collaboration` reads the share and the partner list, `split_partners` splits
the list at commas and "and" (a comma-free multi-word name, "Rio de Janeiro", is one partner),
`collaboration_kind` says whether the sentence is about patents or publications. Partner
lines under a "Top collaborative locations" label and share cells beside a collaboration label
(`collab_share_pairs`, `partner_lines`) are read for layouts that set them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlq.extractors import german
from nlq.extractors.located import Located, locate
from nlq.layout.document import Block, BlockKind, MappedText, join
from nlq.layout.shapes import sentence_like
from nlq.numbers import NUMBER, parse_number

_I = re.I
# A place name: capitalized words ("Hồ Chí Minh City", "Boston-Cambridge"). `re` has no class
# for capitals beyond A-Z, so the Latin ones are listed.
_CAPITAL = (
    "[A-Z"
    + "".join(c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper())
    + "]"
)
_PLACE = rf"(?:{_CAPITAL}[\w'’.–-]*(?:\s+{_CAPITAL}[\w'’.–-]*)*)"
# The same with the small words of place names between capitals ("Frankfurt am Main").
_NAMED = (
    rf"(?:{_CAPITAL}[\w'’.–-]*(?:\s+(?:(?:am|an|de|del|der|di|da|do|dos|das|la|le|les|sur|upon"
    rf"|on|of|im|en|y)\s+)*{_CAPITAL}[\w'’.–-]*)*)"
)
_PARTNER_LISTS = [
    # The partners named before a passive verb: "Beijing, Shenzhen-Hong Kong-Guangzhou and
    # Shanghai-Suzhou are named as the top collaborative locations", or before "are the top
    # collaborative locations" ("...; A, B and C are the top collaborative locations").
    re.compile(
        rf"(?<![\w'’.–-])(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*,?\s+and\s+{_PLACE})\s+(?:are|were)\s+"
        r"(?:(?:named|reported|listed|given|cited|identified)\s+as\s+)?the\s+(?:top|main|leading)\b",
    ),
    re.compile(
        r"(?:locations?|partners?|regions?|clusters?|places?)(?:\s*\([^()]*\))?"
        r"(?:\s+for\s+(?:this|these|them|it))?"  # "the top three locations for this are A, B"
        r"(?:\s+(?:being|are|were|is|was|include|including|comprise)\s+|\s*:\s*)"
        r"(?P<list>.+?)\s*\.?$",
        _I,
    ),
    # "... mostly with Ankara, İstanbul and Stuttgart as top collaborative locations".
    re.compile(
        r"^.*\bwith\s+(?P<list>.+?)\s+(?:emerging|being|standing|ranking|as\s+the|as\s+(?:top|main|leading))\b",
        _I,
    ),
    # "... filed in collaboration with other inventors, chiefly with Madrid, Barcelona and
    # Valencia.", "... co-published with other organizations, mostly with A, B and C.", "...,
    # mainly in A, B and C.", "..., mostly A, B and C": place names only, closing the sentence.
    re.compile(
        r"(?i:\b(?:chiefly|mainly|mostly|primarily|principally|largely|notably|especially"
        r"|most\s+often),?\s+(?:(?:with|in)\s+)?)"
        rf"(?P<list>{_NAMED}(?:\s*,\s*{_NAMED})*(?:,?\s+and\s+{_NAMED})?)\s*\.?$",
    ),
    # "... in Zagreb, Ljubljana and Graz, which are the top collaborative locations".
    re.compile(
        rf"(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*\s+and\s+{_PLACE}),?\s+which\s+(?:are|were)\s+"
        r"the\s+(?:top|main|leading)\b",
    ),
    german.PARTNER_LIST,
    # Notes that drop the verb: "...; top collaborative locations Shenzhen-Hong Kong-Guangzhou,
    # Shanghai-Suzhou and Beijing.", "...; top locations A, B and C." The list is place names
    # only and closes the sentence, so "top partner regions Europe and Asia account for most"
    # names none. An aside in parentheses may hold it, also as "top three: A, B and C".
    re.compile(
        r"(?i:\b(?:top|main|leading)\s+(?:(?:(?:three|five|\d)\s+)?(?:(?:collaborat|partner)\w*\s+)?"
        r"(?:locations|partners|regions|clusters|places)\s+|(?:three|five|\d)\s*:\s*))"
        rf"(?P<list>{_NAMED}(?:\s*,\s*{_NAMED})*(?:,?\s+and\s+{_NAMED})?)\s*\)?\s*\.?$",
    ),
    # The places before "the top collaborative locations" with no verb: "..., with A, B and C
    # the top collaborative locations."
    re.compile(
        rf"\bwith\s+(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*,?\s+and\s+{_PLACE})\s+the\s+"
        r"(?:top|main|leading)\b",
    ),
    # A note's arrow to the partners: "35% of PCT applications filed with inventors outside
    # the cluster → Haifa, New York City, San Jose–San Francisco" (place names only, to the end).
    re.compile(
        rf"(?:→|->|⇒)\s*(?P<list>{_NAMED}(?:\s*,\s*{_NAMED})*(?:,?\s+and\s+{_NAMED})?)\s*\.?$"
    ),
]
_PARTNER_NEEDLES = (" the ", "", "with", "", "which", german.PARTNER_NEEDLE, "", "with", "")
# Between two names: a comma, "and", a semicolon, a spaced slash, or a spaced middle dot,
# bullet or bar ("Tel Aviv–Jerusalem · New York City · Boston–Cambridge").
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|und)\s+|,|;|\s+(?:and|und)\s+|\s[/·•|]\s)\s*")
# A list typed in capitals ("SANTIAGO, CONCEPCIÓN AND BUENOS AIRES"): "AND" is its conjunction.
_CAPS_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:AND|UND)\s+|,|;|\s+(?:AND|UND)\s+|\s[/·•|]\s)\s*")
_STATE_CODE = re.compile(r"^[A-Z]{2,3}\.?$")
# A state code joined by a dash to the next city of a metro area's name: the "DC–Baltimore" of
# "Washington, DC–Baltimore, MD".
_STATE_THEN_CITY = re.compile(r"^[A-Z]{2}[–—-][^\W\d_]")
PERCENT = re.compile(rf"(?P<n>{NUMBER})\s?%")
# A share whose label carries the unit ("share pct: 41", "share Percent: 33", "share (%): 6"),
# as data exports write it: the bare number is a percentage because the label says so.
_SHARE_LABEL = re.compile(
    rf"^\s*(?:collaboration\s+)?share\s*(?:pct|percent(?:age)?|\(%\)|%)\s*[:=]\s*"
    rf"(?P<n>{NUMBER})\s*$",
    _I,
)
# With the German words ("in Zusammenarbeit mit", "Kooperationsstandorte"). Each pattern
# opens with a lookahead on the first letters of its words, which rejects most positions with
# one character test before the alternation is tried (same matches, 2x faster searches).
COLLAB_WORD = re.compile(
    r"(?=[cpzktf])(?:collaborat|collab\b|co-?operat|co-?invent|co-?author|co-?publish|partner"
    r"|zusammenarbeit"
    # "is published together with other organizations": co-authored, said plainly; so is
    # "co-published with other organizations".
    r"|kooperation"
    # "are published with other organizations", "filed (together) with inventors from other
    # locations", "filed together with inventors in other locations"
    r"|(?:published|filed|together)\s+(?:together\s+)?with\s+(?:inventors\s+(?:from|in)\s+)?"
    r"(?:other|outside|foreign)\b)",
    _I,
)
_PATENT_WORD = re.compile(r"(?=[pi])(?:\bPCT\b|patent|invent)", _I)
_PUB_WORD = re.compile(
    r"(?=[apsvw])(?:article|publication|publish|\bpubs?\b|scientific|paper|artikel|publikation"
    r"|veröffentlich|wissenschaftl)",
    _I,
)
# Lower-case stems one of which is in any match of each pattern above. An alternation tried
# with re.I at every position is slow; an ASCII text holding none of the stems cannot match
# (for ASCII, re.I is lower-casing), so it is ruled out by `in` tests alone.
_STEMS = {
    COLLAB_WORD: ("collab", "operat", "invent", "author", "co-pub", "copub", "partner",
                  "zusammenarbeit", "kooperation", "together", "published with", "filed with"),
    _PATENT_WORD: ("pct", "patent", "invent"),
    _PUB_WORD: ("article", "pub", "scientific", "paper", "artikel", "wissenschaftl"),
}  # fmt: skip


def mentions(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` (one of the word patterns above) occurs in `text`."""
    if text.isascii():
        low = text.lower()
        for stem in _STEMS[pattern]:
            if stem in low:
                break
        else:
            return False
    return pattern.search(text) is not None


@dataclass(slots=True)
class CollabFound:
    """A collaboration share and partner locations (in source order) for one kind of output."""

    share: Located | None = None
    partners: list[Located] = field(default_factory=list)


def collaboration_kind(sentence: str, context: str | None) -> str | None:
    """'patent' or 'publication' for a collaboration sentence, from its words or its section."""
    patent, pub = mentions(_PATENT_WORD, sentence), mentions(_PUB_WORD, sentence)
    if _SHARE_LABEL.match(sentence):  # "share pct: 67": the "pct" is a unit, not the treaty
        patent = pub = False
    if patent and not pub:
        return "patent"
    if pub and not patent:
        return "publication"
    if context in ("patent_collaboration", "publication_collaboration"):
        return context.split("_")[0]
    return None


def read_collaboration(sentence: MappedText, in_section: bool = False) -> CollabFound | None:
    """Share and partners from one sentence about collaboration, or None if it is not one.
    With `in_section` (a label line under a patent or publication collaboration heading,
    "share: 14%", "top locations: A, B") the sentence need not say "collaboration"."""
    s = sentence.text
    if not in_section and not mentions(COLLAB_WORD, s):
        return None
    found = CollabFound()
    pm = PERCENT.search(s) or (_SHARE_LABEL.match(s) if in_section else None)
    if pm:
        found.share = locate(sentence, pm.start("n"), pm.end("n"), parse_number(pm.group("n")))
    lower = s.lower()
    for pattern, needle in zip(_PARTNER_LISTS, _PARTNER_NEEDLES, strict=True):
        m = pattern.search(s) if needle in lower else None
        if m:
            found.partners = split_partners(sentence.slice(m.start("list"), m.end("list")))
            if found.partners:
                break
    return found if (found.share or found.partners) else None


_CITATION_END = re.compile(r"(?:\s*\[(?:\d{1,3}|[a-z]|citation needed)\])+\s*$")
# A chat's or editor's remark after the sentence's stop ("... and Shanghai-Suzhou. (edited)").
_REMARK_AFTER_STOP = re.compile(r"(?<=[^\W\d_])\.\s+\([^()]*\)\s*$")


def split_partners(lst: MappedText) -> list[Located]:
    """'A, B and C' -> three located names; a trailing state code ('…, CA') stays with its name,
    and so does one joined to the metro area's next city ('Washington, DC–Baltimore, MD')."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    split = _CAPS_LIST_SPLIT if lst.text.isupper() else _LIST_SPLIT
    for m in [*split.finditer(lst.text), None]:
        stop = m.start() if m else len(lst.text)
        piece = lst.text[pos:stop]
        if m is None and "[" in piece:  # citation marks after the last name: "Graz.[2]"
            piece = _CITATION_END.sub("", piece)
        if m is None and ")" in piece:  # a remark after the sentence: "Suzhou. (edited)"
            piece = _REMARK_AFTER_STOP.sub("", piece)
        a = pos + len(piece) - len(piece.lstrip(" ."))
        b = pos + len(piece.rstrip(" ."))
        while (
            b > a
            and lst.text[b - 1] == ")"
            and lst.text.count("(", a, b) < lst.text.count(")", a, b)
        ):  # "(top collaborative locations: A, B and C)": the aside's bracket is no name's
            b = a + len(lst.text[a : b - 1].rstrip(" ."))
        if b > a:
            if ranges and (
                _STATE_CODE.match(lst.text[a:b]) or _STATE_THEN_CITY.match(lst.text[a:b])
            ):
                ranges[-1] = (ranges[-1][0], b)
            else:
                ranges.append((a, b))
        pos = m.end() if m else stop
    return [
        locate(lst, a, b, lst.text[a:b])
        for a, b in ranges
        if re.search(r"[^\W\d_]", lst.text[a:b]) and b - a <= 80
    ]


_BARE_SHARE = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?%")


def collab_share_pairs(
    blocks: list[tuple[int, Block, str | None]],
) -> list[tuple[MappedText, str | None]]:
    """ "Label: share" texts for a collaboration label whose share stands alone on the next line
    ("Patents filed in collaboration" / "6%", as an app screen prints them), with the label
    block's section; the label, which may read as a heading or a clause, has no figure. A share
    alone over the rest of its sentence ("24%" / "of X's PCT applications are filed in
    collaboration ...", a slide's tile) is that sentence."""
    out: list[tuple[MappedText, str | None]] = []
    for (i, label, context), (j, value, _) in zip(blocks, blocks[1:], strict=False):
        t = label.text.text.rstrip(" :")
        if j == i + 1 and _BARE_SHARE.fullmatch(t) and _OF_PHRASE.match(value.text.text):
            if mentions(COLLAB_WORD, value.text.text):  # a tile: "24%" / "of X's PCT ..."
                out.append((join([label.text.strip(), value.text.strip()], " "), context))
            continue
        if j != i + 1 or not _BARE_SHARE.fullmatch(value.text.text.strip()):
            continue
        if _DIGIT_IN.search(t) or len(t.split()) > 8 or not mentions(COLLAB_WORD, t):
            continue
        out.append((join([label.text.strip(" :"), value.text.strip()], ": "), context))
    return out


_DIGIT_IN = re.compile(r"\d")
# The rest of a share's sentence under it: "of Barcelona's PCT applications are ...".
_OF_PHRASE = re.compile(r"of\s+\w", _I)


LOCATIONS_LABEL = re.compile(
    r"^(?:(?:(?:the\s+)?top\s+)?(?:\w+\s+)?(?:collaborat\w*|partner\w*|co-?operat\w*)\s+"
    r"(?:locations?|partners?|regions?|clusters?|places?)|(?:the\s+)?top\s+partners)"
    r"(?:\s+(?:are|were|include|included)\s*:|\s*:?)$",  # "The top ... locations are:"
    _I,
)


def partner_lines(
    blocks: list[tuple[int, Block, str | None]], tables: dict[int, Block] | None = None
) -> dict[int, list[Located]]:
    """Partner lists written one name per line under their label ("Top collaborative
    locations" / "Shenzhen-Hong Kong-Guangzhou" / "Shanghai-Suzhou" / "Beijing"), keyed by the
    label block's id. A name is a short line of words starting with a letter (no figure, no
    clause, no colon), so page chrome after the list ("↑ Top") is not one, nor is a heading or
    a question after it ("Publications", "Was this page helpful?"). The label may end
    a paragraph ("6% of ... other inventors. Top collaborative locations:", "The top
    collaborative locations are:"), also after a list section's table. The names may
    also be a table's numbered rows right under the label ("1   New York City, NY" / "2   San
    Jose–San Francisco, CA"; `tables`: the document's tables by their place)."""
    out: dict[int, list[Located]] = {}
    for n, (i, label, _) in enumerate(blocks):
        text = label.text.text
        if len(text) > 60 or not LOCATIONS_LABEL.match(text.strip()):
            if not text.endswith(":") or not ends_with_locations_label(text):
                continue
        numbered = _numbered_names(tables.get(i + 1)) if tables else None
        if numbered:
            out[id(label)] = numbered
            continue
        names: list[Located] = []
        kinds: list[BlockKind] = []
        for j, block, _ in blocks[n + 1 :]:
            t = block.text.strip()
            if j != i + 1 + len(names) or not partner_name(t.text):
                break
            if block.kind is BlockKind.HEADING or t.text.endswith("?"):
                break  # the next section's heading ("Publications"), a page's "Was this ...?"
            if names and block.kind is not kinds[0]:
                break  # a bold "Publications" paragraph after the names' list items
            kinds.append(block.kind)
            names.append(locate(t, 0, len(t.text), t.text))
        if names:
            out[id(label)] = names
    return out


def _numbered_names(table: Block | None) -> list[Located] | None:
    """The names of a table whose rows are each a number, 1, 2, 3 in turn, and a partner's
    name; None for any other table."""
    if table is None:
        return None
    names: list[Located] = []
    for k, row in enumerate(table.rows, start=1):
        cells = [c.strip() for c in row if c.text.strip()]
        if len(cells) != 2 or cells[0].text != str(k) or not partner_name(cells[1].text):
            return None
        names.append(locate(cells[1], 0, len(cells[1].text), cells[1].text))
    return names or None


_LAST_SENTENCE = re.compile(r"[.!?]\s+([^.!?]{1,60})$")


def ends_with_locations_label(text: str) -> bool:
    """Whether a paragraph's last sentence is a partner list's label ("... with other
    inventors. Top collaborative locations:"), the list following on lines of its own."""
    last = _LAST_SENTENCE.search(text)
    return last is not None and LOCATIONS_LABEL.match(last.group(1).strip()) is not None


def partner_name(text: str) -> bool:
    """Whether a line or cell is one partner location's name: a few words starting with a
    letter, no figure, clause or colon."""
    return (
        0 < len(text) <= 60
        and text[0].isalpha()
        and len(text.split()) <= 6
        and re.search(r"[\d:;%]", text) is None
        and not mentions(COLLAB_WORD, text)
        and not sentence_like(text)
    )
