"""Facts stated in sentences: title, edition, ranks, per-capita output.

Patterns (`scalar_patterns`) describe how a profile phrases a fact ("the twelfth-ranked
cluster, out of 26 Chinese clusters", "filed 692 PCT applications", "36th largest", "48th ... by
intensity"), with ordinal words or digits and any thousands separator, plus "label: value" lines
for key-value layouts.
Collaboration sentences are read by `collab_sentences`.
"""

from __future__ import annotations

import re

from nlq.extractors import german, sheet_labels
from nlq.extractors.approximate import exact_figures
from nlq.extractors.asides import outside_asides
from nlq.extractors.benchmarks import benchmark_filter
from nlq.extractors.earlier_editions import Keep, current_edition_filter
from nlq.extractors.located import Located, locate
from nlq.extractors.other_clusters import own_cluster_filter
from nlq.extractors.scalar_patterns import (
    ARTICLES,
    EDITION,
    INTENSITY_RANK,
    NATIONAL_COUNT,
    NATIONAL_NEEDLES,
    NATIONAL_RANK,
    PCT_APPLICATIONS,
    SIZE_RANK,
)
from nlq.layout.document import Block, MappedText, join
from nlq.layout.shapes import sentence_like
from nlq.numbers import parse_cardinal, parse_number, parse_ordinal

_I = re.I

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")


def find_first(
    texts: list[MappedText],
    patterns: list[re.Pattern[str]],
    needles: tuple[str, ...] = (),
    lowered: list[str] | None = None,
    keep: Keep | None = None,
) -> tuple[MappedText, re.Match[str]] | None:
    """The first block (in order) where a pattern matches, trying patterns in order; with
    `keep`, the first match `keep` accepts.

    Blocks whose lower-cased text (`lowered`, computed if not given) holds none of `needles`
    are skipped without running the patterns (they cannot match), which keeps extraction fast.
    """
    if needles:
        if lowered is None:
            lowered = [t.text.lower() for t in texts]
        # Plain loops: a generator per text (`any(...)`) cost more than the patterns saved.
        candidates = []
        for t, low in zip(texts, lowered, strict=True):
            for n in needles:
                if n in low:
                    candidates.append(t)
                    break
    else:
        candidates = texts
    for pattern in patterns:
        for t in candidates:
            m = pattern.search(t.text)
            while m and keep is not None and not keep(t, m):
                m = _next_match(pattern, t.text, m)
            if m:
                return t, m
    return None


def _next_match(
    pattern: re.Pattern[str], text: str, refused: re.Match[str]
) -> re.Match[str] | None:
    """The next match after `refused`, skipping any that starts inside a word or number of the
    refused match (a refused "36th largest" must not come back as "6th largest")."""
    m = pattern.search(text, refused.start() + 1)
    while m and m.start() < refused.end() and m.start() > 0:
        if not (text[m.start() - 1].isalnum() and text[m.start()].isalnum()):
            break
        m = pattern.search(text, m.start() + 1)
    return m


def _loc(t: MappedText, m: re.Match[str], group: str, value: object) -> Located:
    return locate(t, m.start(group), m.end(group), value)


def _first_stated(
    texts: list[MappedText],
    patterns: list[re.Pattern[str]],
    needles: tuple[str, ...],
    lowered: list[str],
    keep: Keep | None,
) -> tuple[MappedText, re.Match[str]] | None:
    """`find_first`, preferring a match outside parenthesised asides (`asides`)."""
    hit = find_first(texts, patterns, needles, lowered, outside_asides(keep))
    return hit or find_first(texts, patterns, needles, lowered, keep)


def read_scalars(
    texts: list[MappedText],
    cluster: str | None = None,
    title: MappedText | None = None,
    headings: list[MappedText] | None = None,
) -> dict[str, Located]:
    """Ranks, counts and edition from prose blocks; missing facts are simply absent. With the
    profile's `cluster`, a rank in a sentence about another cluster is not read. The page's
    `title` (its first heading) names its edition before the prose does, when it names one;
    its `headings` may name the index with the year its rank sentences state."""
    out: dict[str, Located] = {}
    low = [t.text.lower() for t in texts]
    stated: list[MappedText] = []  # the texts the ranks were read from
    titled = ([title.text.lower()], [title]) if title is not None else ([], [])
    # no figure of an earlier edition's
    keep = current_edition_filter(titled[0] + low, titled[1] + texts)
    current = keep  # nor its year as the edition ("NOTE: The 2023 edition placed it 75th")
    keep = own_cluster_filter(keep, cluster)  # nor another cluster's
    keep = benchmark_filter(keep)  # nor an average's it is compared with
    hit = _first_stated(texts, NATIONAL_RANK, NATIONAL_NEEDLES, low, keep) or find_first(
        texts, german.NATIONAL_RANK, german.NATIONAL_NEEDLES, low, keep
    )
    if hit:
        t, m = hit
        stated.append(t)
        out["national_rank"] = _loc(t, m, "ord", _ordinal(m.group("ord")))
        if m.group("n"):
            count = _whole_cardinal(m.group("n"))  # None for "out of 0.9 ... clusters"
            if count is not None:
                out["national_cluster_count"] = _loc(t, m, "n", count)
        else:  # "national cluster count: 2" on a line of its own
            counts = [NATIONAL_COUNT, *sheet_labels.NATIONAL_COUNT]  # "Chinese clusters in top 100"
            needles = ("count", "economy", "national", *sheet_labels.NATIONAL_COUNT_NEEDLES)
            hit = find_first(texts, counts, needles, low, keep)
            if hit:
                t, m = hit
                out["national_cluster_count"] = _loc(t, m, "n", int(m.group("n")))
    for key, patterns, needles, german_patterns, german_needles in (
        ("global_size_rank", SIZE_RANK, ("largest", "size"), german.SIZE_RANK, ("größ",)),
        (
            "global_intensity_rank",
            INTENSITY_RANK,
            ("intens",),
            german.INTENSITY_RANK,
            ("intensität",),
        ),
    ):
        hit = _first_stated(texts, patterns, needles, low, keep)
        hit = hit or find_first(texts, german_patterns, german_needles, low, keep)
        if hit:
            t, m = hit
            stated.append(t)
            out[key] = _loc(t, m, "ord", _ordinal(m.group("ord")))
    for key, patterns, needles, german_patterns, german_needles in (
        (
            "pct_applications",
            PCT_APPLICATIONS,
            ("pct", "patent"),
            german.PCT_APPLICATIONS,
            ("pct",),
        ),
        (
            "scientific_articles",
            ARTICLES,
            ("article", "publication", "paper"),
            german.ARTICLES,
            german.ARTICLE_NEEDLES,
        ),
    ):
        exact = exact_figures(keep)  # "~70 PCT applications" in a chat is not the figure
        hit = _first_stated(texts, patterns, needles, low, exact)
        hit = hit or find_first(texts, german_patterns, german_needles, low, exact)
        if hit:
            t, m = hit
            value = parse_number(m.group("n"))
            if isinstance(value, int):
                out[key] = _loc(t, m, "n", value)
    hit = find_first(texts, EDITION, ("index", "gii", "edition", "in "), low, current)
    hit = hit or find_first(texts, german.EDITION, ("innovationsindex",), low)
    if hit:
        t, m = _edition_of_ranks(texts, low, hit, stated, headings or [])
        out["edition"] = _loc(t, m, "y", int(m.group("y")))
    return out


_IN_YEAR = re.compile(r"\bin\s+((?:19|20)\d\d)\b")


def _edition_of_ranks(
    texts: list[MappedText],
    low: list[str],
    hit: tuple[MappedText, re.Match[str]],
    stated: list[MappedText],
    headings: list[MappedText],
) -> tuple[MappedText, re.Match[str]]:
    """The edition found first, unless the texts the ranks come from state one other year
    ("... S&T clusters in 2024") and the index is named with that year elsewhere, in `texts` or
    `headings` ("Global Innovation Index 2024"): a page may cite another edition first ("see
    also: Izmir profile (GII 2022)"), and the ranks are the profile's own."""
    years = {y for t in stated for y in _IN_YEAR.findall(t.text)}
    if len(years) != 1 or hit[1].group("y") in years:
        return hit
    (year,) = years
    extra = [h for h in headings if h not in texts]  # a heading naming the index with it
    for t, lower in zip([*texts, *extra], [*low, *(h.text.lower() for h in extra)], strict=True):
        if "index" in lower or "gii" in lower:
            for m in EDITION[0].finditer(t.text):
                if m.group("y") == year:
                    return t, m
    return hit


def heading_edition(headings: list[MappedText]) -> Located | None:
    """The edition a heading names by the index ("# Globaler Innovationsindex 2025"), for a
    page whose prose names no year the English way ("in 2025"); a bare year is no edition."""
    hit = find_first(headings, EDITION[:1], ("index", "gii")) or find_first(
        headings, german.EDITION, ("innovationsindex",)
    )
    if hit is None:
        return None
    t, m = hit
    return _loc(t, m, "y", int(m.group("y")))


def _cardinal(text: str) -> int:
    word = german.parse_cardinal(text)
    return word if word is not None else parse_cardinal(text)


def _whole_cardinal(text: str) -> int | None:
    """`_cardinal`, or None for a number that counts nothing whole ("0.9")."""
    try:
        return _cardinal(text)
    except ValueError:
        return None


def _ordinal(text: str) -> int:
    if text.isdigit():
        return int(text)
    word = german.parse_ordinal(text)
    if word is not None:
        return word
    digits = re.search(r"\d+$", text)  # "No. 83"
    if digits and not re.search(r"(?:st|nd|rd|th)$", text, _I):
        return int(digits.group())
    return parse_ordinal(text)


def split_sentences(t: MappedText) -> list[MappedText]:
    """Sentences of a prose block."""
    return [s for s in t.split(_SENTENCE) if s.text]


_LABEL_WORDS = re.compile(r"^[^\W\d_][^\d.!?;]{0,48}$")
_VALUE_START = re.compile(r"^\(?\d")
# A label's gloss in parentheses at its end: "PCT applications (per 1 million inhabitants)".
_GLOSS = re.compile(r"\s*\([^()]{1,80}\)$")


def label_value_texts(blocks: list[tuple[int, Block, str | None]]) -> list[MappedText]:
    """ "Label: value" texts for labels whose value stands on the next line ("Size rank" /
    "36", "PCT applications" / "692 per 1 million inhabitants", "edition:" / "2025"), as mobile
    pages and key-value exports print them. `blocks` are prose blocks with their place in the
    document; only neighbours are paired. A pair whose label is "Out of" or "Of" goes on the
    value before it ("National rank" / "10th-ranked" / "Out of" / "26 Chinese clusters ...")."""
    out: list[MappedText] = []
    last = -1  # the place of the value block of the last pair
    for (i, label, _), (j, value, _) in zip(blocks, blocks[1:], strict=False):
        t = label.text.text.rstrip(" :")
        v = value.text.text
        if j != i + 1 or not v or len(v) > 120 or not _VALUE_START.match(v):
            continue
        core = _GLOSS.sub("", t) if t.endswith(")") else t  # "(per 1 million ...)" glosses
        if not _LABEL_WORDS.match(core) or len(core.split()) > 6 or sentence_like(core):
            continue
        if out and last == i - 1 and _OF.fullmatch(t):
            out[-1] = join([out[-1], label.text.strip(" :"), value.text], " ")
        else:
            out.append(join([label.text.strip(" :"), value.text], ": "))
        last = j
    return out


_OF = re.compile(r"(?:out\s+)?of|among", re.I)
