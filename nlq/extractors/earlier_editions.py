"""Figures stated for an earlier edition than the profile's, which are not the profile's own.

A profile may compare itself with an earlier edition in a note or a footnote ("Note: in the
2024 edition the cluster was 74th by size.", "¹ The cluster was 61st by size in GII 2024."). A
rank or count read from such a clause would be a figure of the other edition. The profile's
edition is the one a line naming the index alone as a title names ("Global Innovation Index
2024", over the profile a report reproduces), else the first one the page names by the index's
name (as its title or subject line does), else the first it names at all, never one the words
before it call an earlier one ("Previous edition (GII 2023, not comparable)"); a clause naming an
earlier edition explicitly gives no figure. A later one ("review again for the 2026 edition")
is a plan, not a comparison, and is not filtered; a page naming one edition only (the common
case) is not filtered at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nlq.layout.document import MappedText

# Only explicit names of an edition: "Global Innovation Index 2024", "GII 2024" (group
# `index`), "the 2024 edition", "edition 2024". A bare year ("in 2024", "exported
# 03/02/2026") names none.
_NAMED_EDITION = re.compile(
    r"(?:Global\s+Innovation\s+Index|(?<![^\W_])GII)\s+(?P<index>(?:19|20)\d\d)(?![^\W_])"
    r"|\b(?P<before>(?:19|20)\d\d)\s+edition\b"
    # "edition 2024", "edition of 2024", "Previous edition (2024): ...", a sheet's "Edition: 2024"
    r"|\bedition(?:\s+of|\s*:)?\s+\(?(?P<after>(?:19|20)\d\d)\b"
    # "Changsha's 2023 numbers", "its 2023 figures", "last year's (2023) profile": a cluster's
    # figures of one edition (a bare "2019-2023 data" names the years counted, no edition).
    r"|(?:['’]s|\bits|\bthe)\s+(?:(?P<own>(?:19|20)\d\d)|\((?P<aside>(?:19|20)\d\d)\))"
    r"\s+(?:numbers|figures|profile)\b",
    re.I,
)
# Where a clause ends: a sentence stop, a line break, or the "; " between the rows of a
# flattened table.
_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|;|\n")

_ASIDE = re.compile(r"\([^()]*\)")
# An aside that is only an edition's name, "(GII 2024)", "(2024 edition)", or its year
# ("last year's (2023) profile").
_EDITION_ONLY = re.compile(
    r"\(\s*(?:(?:the\s+)?(?:Global\s+Innovation\s+Index|GII)\s+(?:19|20)\d\d|(?:19|20)\d\d"
    r"|(?:the\s+)?(?:19|20)\d\d\s+edition|edition\s+(?:19|20)\d\d)\s*\)",
    re.I,
)

_FIGURES_WORD = re.compile(r"[ )] ?(?:numbers|figures|profile)\b")

Keep = Callable[[MappedText, re.Match[str]], bool]


def _named(text: str) -> list[tuple[int, bool]]:
    """The editions `text` names, each with whether it is named by the index's name."""
    return [(year, by_index) for year, by_index, _ in _named_editions(text)]


# Words calling an edition an earlier one: "Previous edition (GII 2023, not comparable)".
_EARLIER_WORD = re.compile(r"\b(?:previous|prior|earlier|last)\s+(?:edition|year)", re.I)


def _named_editions(text: str) -> list[tuple[int, bool, bool]]:
    """The editions `text` names, each with whether it is named by the index's name and
    whether the words right before it call it an earlier edition."""
    return [
        (
            int(
                m.group("index")
                or m.group("before")
                or m.group("after")
                or m.group("own")
                or m.group("aside")
            ),
            bool(m.group("index")),
            bool(_EARLIER_WORD.search(text, max(0, m.start() - 30), m.end())),
        )
        for m in _NAMED_EDITION.finditer(text)
    ]


def _clause(text: str, start: int, end: int) -> str:
    """The clause of `text` around `text[start:end]`, less the asides in parentheses that do
    not hold it: "filed 1 204 PCT applications (down from 1 310 in the 2023 edition)" states
    the 1 204 for the profile's edition, only the aside is about the other one. An aside before
    the figure that a colon follows is the clause's label and stays ("For reference
    (previous edition, GII 2024): global rank by size 55")."""
    before = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        before = m.end()
    after = _CLAUSE_END.search(text, end)
    stop = after.start() if after else len(text)
    if "(" not in text[before:stop]:
        return text[before:stop]
    kept, pos = [], before
    for m in _ASIDE.finditer(text, before, stop):
        if m.start() < end and start < m.end():
            continue  # the aside holding the figure is its clause
        if m.end() <= start and _EDITION_ONLY.fullmatch(m.group()):
            continue  # "last year's page (GII 2024) had it 97th": it names the subject's edition
        if m.end() <= start and text[m.end() : m.end() + 3].lstrip().startswith(":"):
            continue  # "For reference (previous edition, GII 2024): rank 55": it labels the clause
        kept.append(text[pos : m.start()])
        pos = m.end()
    kept.append(text[pos:stop])
    return " ".join(kept)


def current_edition_filter(lowered: list[str], texts: list[MappedText]) -> Keep | None:
    """A test that a match is not in a clause naming an earlier edition than the profile's,
    or None when the page names one edition or none (nothing to filter). `lowered` are the
    texts in lower case, used to skip texts that name no edition cheaply."""
    found = [
        edition
        for t, low in zip(texts, lowered, strict=True)
        if "gii" in low or "index" in low or "edition" in low or _FIGURES_WORD.search(low)
        for edition in _named_editions(t.text)
    ]
    years = {year for year, _, _ in found}
    if len(years) == 1 and not any(by_index for _, by_index, _ in found):
        found.extend(
            (y, by_index, False) for y, by_index in _later_cluster_years(texts, min(years))
        )
    named = [(year, by_index) for year, by_index, _ in found]
    if len({year for year, _ in named}) < 2:
        return None
    # the profile's own: not one called an earlier edition ("Previous edition (GII 2023)")
    own = [(year, by_index) for year, by_index, earlier in found if not earlier] or named
    profile = _titled_edition(texts) or next(
        (year for year, by_index in own if by_index), own[0][0]
    )

    def keep(t: MappedText, m: re.Match[str]) -> bool:
        clause = _clause(t.text, m.start(), m.end())
        return all(year >= profile for year, _ in _named(clause))

    return keep


# A line that is the index's name and year as a title ("Global Innovation Index 2024", "GII
# 2024 — Córdoba"), not a sentence citing it.
_INDEX_TITLE = re.compile(
    r"\s*(?:Global\s+Innovation\s+Index|GII)\s+((?:19|20)\d\d)"
    r"(?:\s*[-–—:|,]\s*[^.!?]{1,60})?\s*",
    re.I,
)


def _titled_edition(texts: list[MappedText]) -> int | None:
    """The edition of the first text that is the index's title alone, if any: a report that
    reproduces a profile cites other editions in its prose ("the profile published in the
    Global Innovation Index 2021 ..."), the profile's own title names its edition."""
    for t in texts:
        if len(t.text) <= 100 and (m := _INDEX_TITLE.fullmatch(t.text)):
            return int(m.group(1))
    return None


# "the top 100 S&T clusters in 2024": the year a profile's ranks are of.
_CLUSTERS_IN = re.compile(r"\bclusters?\b[^.\n]{0,40}?\bin\s+((?:19|20)\d\d)\b", re.I)


def _later_cluster_years(texts: list[MappedText], year: int) -> list[tuple[int, bool]]:
    """For a page naming one edition only as a cluster's figures ("Changsha's 2023 numbers")
    while its own title is elsewhere: the later year its ranks are stated for, taken as the
    profile's edition (the first of them), or []."""
    for t in texts:
        for m in _CLUSTERS_IN.finditer(t.text):
            if int(m.group(1)) > year:
                return [(int(m.group(1)), True)]
    return []
