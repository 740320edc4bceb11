"""Row titles of a data sheet's key-value table that name a rank or a count without the
words a profile's sentences use.

A workbook or CSV export writes each scalar as a row, "label | value", and the table reaches
the scalar patterns flattened as "label: value; label: value" (`rules._flatten`). Besides the
labels `prose` reads ("Global rank by intensity: 91", "Clusters in economy: 3"), sheets title
their rows in two more ways:

- the measure in parentheses after the rank: "Global rank (intensity): 33", "Rank (by
  size): 32", or after a dash: "Global rank – size: 58", "Global rank – intensity (relative to
  population density): 41" (an aside naming a year, "(2023)", is an earlier edition's);
- the rank's phrase from the profile's sentence as the row title, the rank its value:
  "Largest science and technology cluster in 2024: 79th", "S&T cluster by intensity (relative
  to population density) in 2024: 90th" (a page's key figures as a definition list);
- the national rank with an aside that names no count: "National rank (among the economy's
  top-100 clusters): 2" (one that does, "(out of 26 ...)", is read with its count by
  `scalar_patterns`);
- the national count as the clusters of the economy in the top 100: "Clusters of the economy
  in top 100: 2", "Chinese clusters in top 100: 26" (the economy named by its adjective, as the
  profile's "out of 26 Chinese clusters" does), also as a number: "Number of Dutch clusters in
  the top 100: 6", "Number of clusters in economy (top 100): 5". A count of clusters in the
  top 100 that names no economy ("Clusters in top 100: 100", "Global clusters in the top 100")
  is not read: it may count them all.

A label starts a text or follows a separator, and its value is a whole number alone (no share,
no decimal), as `prose` reads labelled values.
"""

from __future__ import annotations

import re

_I = re.I
# A label starts a text or follows a separator ("...; Global rank (intensity): 33").
_START = r"(?:^|(?<=[;|•▪·]))\s*"
# A rank as a labelled value: a whole number alone, an ordinal suffix allowed ("33rd"); a note
# cell may follow it in its row ("Global rank (intensity): 33: by intensity, relative to ...").
_RANK_VALUE = r"\d{1,3}(?:st|nd|rd|th)?(?=[¹²³⁴-⁹]*\s*(?:$|[;,|]|:\s))"
# The top 100 the count is of: "in top 100", "in the top 100 S&T clusters", "(top-100)".
_TOP = r"in\s+(?:the\s+)?top[\s-]?100\b(?:\s+(?:S&T\s+|science\s+and\s+technology\s+)?clusters\b)?"
# A count's value: a whole number, not a share or part of a larger figure.
_COUNT_VALUE = r"(?P<n>\d{1,3})\b(?![.,]\d|\s?%)"
# Words before "clusters" that do not name an economy.
_NOT_ECONOMY = r"(?!(?:global|all|total|world|other|S&T|science|top|the|of|number)\b)"


# An aside that names no year ("(relative to population density)", not "(2023)").
_YEARLESS = r"(?:\s*\((?![^()]*\b(?:19|20)\d\d\b)[^()]{0,80}\))?"


def _rank_in_parentheses(measure: str) -> re.Pattern[str]:
    """ "Global rank (intensity): 33", "Rank (by intensity): 33" and "Global rank – intensity
    (relative to population density): 33" for a measure's words."""
    by = rf"(?:by\s+)?(?:S&T\s+)?{measure}"
    return re.compile(
        rf"{_START}(?:global\s+)?rank(?:ing)?\s*"
        rf"(?:\(\s*{by}\s*\)|(?:[–—]|\s-)\s*{by}\b{_YEARLESS})\s*[:=]\s*(?P<ord>{_RANK_VALUE})",
        _I,
    )


# The profile's own phrase as the row title, its rank the value (a page's key figures as a
# definition list: "Largest science and technology cluster in 2024" / "79th"); a year the
# label names is read as the profile's own, as `scalar_patterns._LABEL_ASIDE` reads it.
_IN_YEAR = r"(?:\s+in\s+(?:19|20)\d\d)?\s*[:=]\s*"
_CLUSTER = r"(?:science\s+and\s+technology\s+|S&T\s+)?cluster"


def _rank_first(measure: str) -> re.Pattern[str]:
    """ "rank size global: 93", "rank_intensity: 36", "rank national: 2": an export's column
    named rank first, then its measure (`wide_records`)."""
    return re.compile(
        rf"{_START}rank(?:ing)?\s+(?:global\s+)?{measure}(?:\s+global)?\s*[:=]\s*(?P<ord>{_RANK_VALUE})",
        _I,
    )


SIZE_RANK = [
    _rank_in_parentheses(r"size"),
    _rank_first(r"size"),
    re.compile(rf"{_START}(?:the\s+)?largest\s+{_CLUSTER}{_IN_YEAR}(?P<ord>{_RANK_VALUE})", _I),
]
INTENSITY_RANK = [
    _rank_in_parentheses(r"intensity"),
    _rank_first(r"intensity"),
    re.compile(
        rf"{_START}(?:the\s+)?{_CLUSTER}\s+by\s+intensity{_YEARLESS}{_IN_YEAR}"
        rf"(?P<ord>{_RANK_VALUE})",
        _I,
    ),
]
NATIONAL_RANK = [
    # "Rank among Swedish clusters in the top 100: 2 out of 3" (a sheet's "2 | out of | 3"
    # cells read as their phrase, or a CSV row flattened as "1: out of 2"), "...: 1st of 1":
    # the rank, and the count after "(out) of"
    re.compile(
        rf"{_START}rank\s+among\s+(?:the\s+)?(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]+\s+)?clusters\b"
        rf"(?:\s+{_TOP})?\s*[:=]\s*(?P<ord>\d{{1,3}})(?:st|nd|rd|th)?\b"
        rf"(?:\s*:?\s+(?:out\s+)?of\s+(?P<n>\d{{1,3}})\b)?",
        _I,
    ),
    # "National rank – Indian clusters in the top 100 S&T clusters: 2 of 4": a slide tile's
    # label glossing the rank after a dash, its value the rank and the count.
    re.compile(
        rf"{_START}national\s+rank(?:ing)?\s+[–—]\s+(?:among\s+)?(?:the\s+)?"
        rf"(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]+\s+)?clusters\b(?:\s+{_TOP})?\s*[:=]\s*#?"
        rf"(?P<ord>\d{{1,3}})(?:st|nd|rd|th)?\s+(?:out\s+)?of\s+(?P<n>\d{{1,3}})\b",
        _I,
    ),
    # "Rank within economy: 2", "Rank in the economy: 2" (its count in a row of its own)
    re.compile(
        rf"{_START}rank(?:ing)?\s+(?:with)?in\s+(?:the\s+)?(?:economy|country)(?P<n>(?!)x)?"
        rf"\s*[:=]\s*(?P<ord>{_RANK_VALUE})",
        _I,
    ),
    # "rank national: 2" (its count, `n`, in a column of its own)
    re.compile(
        rf"{_START}rank(?:ing)?\s+national(?P<n>(?!)x)?\s*[:=]\s*(?P<ord>{_RANK_VALUE})", _I
    ),
    # "National rank (among the economy's top-100 clusters): 2": an aside that names no count
    # (nor a year); `n`, the count, never matches here (the count is read from its own row).
    re.compile(
        rf"{_START}national\s+rank(?:ing)?(?P<n>(?!)x)?\s*"
        r"\((?![^()]*\b(?:(?:out\s+)?of|among)\s+(?:the\s+)?\d)(?![^()]*\b(?:19|20)\d\d\b)"
        rf"[^()]{{0,80}}\)\s*[:=]\s*(?P<ord>{_RANK_VALUE})",
        _I,
    ),
]
# "Number of Dutch clusters in the top 100: 6": the count named as a number.
_NUMBER_OF = r"(?:(?:the\s+)?number\s+of\s+)?"
NATIONAL_COUNT = [
    # "Clusters of the economy in top 100: 2", "Clusters in the economy in the top 100: 3".
    re.compile(
        rf"{_START}{_NUMBER_OF}clusters\s+(?:of|in)\s+(?:the\s+)?economy\s+{_TOP}\s*[:=]\s*"
        rf"{_COUNT_VALUE}",
        _I,
    ),
    # "Chinese clusters in top 100: 26": an adjective naming the economy, capitalised.
    re.compile(
        rf"{_START}{_NUMBER_OF}{_NOT_ECONOMY}(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]+\s+clusters\s+{_TOP}"
        rf"\s*[:=]\s*{_COUNT_VALUE}",
        _I,
    ),
    # "clusters in economy: 2", an export's column: the economy named, the top 100 implied.
    re.compile(rf"{_START}clusters\s+in\s+(?:the\s+)?economy\s*[:=]\s*{_COUNT_VALUE}", _I),
    # "Number of clusters in economy (top 100): 5": the economy's clusters counted in words.
    re.compile(
        rf"{_START}(?:the\s+)?number\s+of\s+clusters\s+(?:of|in)\s+(?:the\s+)?economy"
        rf"{_YEARLESS}\s*[:=]\s*{_COUNT_VALUE}",
        _I,
    ),
]
# Words one of the patterns above needs in a text (to skip the others quickly).
NATIONAL_COUNT_NEEDLES = ("top", "economy")
