"""How profiles phrase each of their scalar facts: the patterns `prose.read_scalars` tries."""

from __future__ import annotations

import re

from nlq.extractors import sheet_labels
from nlq.numbers import CARDINAL, NUMBER, ORDINAL

_I = re.I
_CLUSTER = r"(?:S&T\s+|science\s+and\s+technology\s+|innovation\s+)?cluster"
# A rank as an ordinal ("36th", "twelfth") or a number after "No." / "#" ("No. 83").
_RANK = rf"(?:{ORDINAL}|(?<![\w.])(?:No\.?|Nr\.?|N°|№|#)\s*\d{{1,3}}\b)"
# Parenthesised asides may sit between a label and its value: "PCT applications (per 1
# million inhabitants, last five years): 309", "per 1 mln inhabitants (5 yrs)".
_ASIDE = (
    r"(?:[^:\d%()]|\([^()]{0,80}\)|\bper\s+(?:1\s?|one\s+)(?:million|mln|mio|m)\b"
    r"|\b\d{1,2}\s*(?:y|yrs?|years)\b)"
)
# A bare "Articles" or "Publications" label names the per-capita figure only with words that
# say so ("Publications per 1 million inhabitants: 2,614"); "publications: 69" in a table of
# collaboration shares does not.
_PER_CAPITA = r"(?=[^:\n]{0,60}\b(?:per|million|inhabitants?|capita)\b)"
# A label starts a text or follows a separator ("...; Scientific articles: 7,921"): inside a
# row ("{rank: 3, name: X, articles: 933, share: 7%}") "articles: 933" is no per-capita figure.
# A spaced slash separates labels too: "PCT apps: 692 / sci. articles: 7,921".
_LABEL_START = r"(?:^|(?<=[;|•▪·])|(?<=\s/))\s*"

# A rank as a labelled value ("global size: 30", as exports name the global ranks): a whole
# number alone, not a share, a decimal or a figure with a unit after it.
# A footnote marker may be glued to it ("58th¹", as a briefing's table prints it).
_LABEL_RANK = r"\d{1,3}(?:st|nd|rd|th)?(?=[¹²³⁴-⁹]*\s*(?:$|[;,|]))"
# What a long label may say between its words and its value, as a data export's row titles do:
# "Rank by size (largest S&T cluster in 2024): 32", "Rank by intensity (...) in 2024: 33".
# A slide tile's label glosses it after a dash and ends with its year: "Global rank by size –
# largest science and technology clusters, 2024: #58" ("#" numbering the rank).
_LABEL_ASIDE = (
    r"\s*(?:\([^()]{0,80}\))?(?:\s+[–—]\s+[^:;|()\d]{1,80}?)?(?:,?\s+(?:in\s+)?(?:19|20)\d\d)?"
    r"\s*[:=]\s*"
)
# An aside between a rank's label and its value that names no year: "S&T cluster by intensity
# (global rank relative to population density): 33" ("by intensity (2023): 52" is not read).
_YEARLESS_ASIDE = r"(?:\s*\((?![^()]*\b(?:19|20)\d\d\b)[^()]{0,80}\))?"
# "ranked" or "ranks" before a labelled ordinal ("Size: ranked 61st").
_RANKED = r"(?:rank(?:ed|s)?\s+)?"

# Every pattern below holds one of these ("12th of the 26 Chinese clusters" holds "clusters" only).
NATIONAL_NEEDLES = ("out of", "rank", "among", "number", "position", "place", "clusters")
NATIONAL_RANK = [
    re.compile(
        # The count may stand in parentheses, "twelfth-ranked cluster (out of 26 ...)", or after
        # a dash; the economy may name the cluster: "third-ranked Australian cluster – out of 5".
        rf"(?P<ord>{ORDINAL})[-\s]?(?:ranked\s+)?(?:largest\s+)?(?:(?-i:[A-Z])[\w-]+\s+)?{_CLUSTER}"
        r"(?:,|\s+[–—-])?\s+\(?(?:out\s+)?of"
        rf"\s+(?:the\s+)?(?P<n>{CARDINAL})\b",
        _I,
    ),
    re.compile(
        rf"\brank(?:s|ed)?\s+(?P<ord>{_RANK}),?\s+(?:nationally\s+)?(?:(?:out\s+)?of|among)\s+"
        rf"(?:the\s+)?(?P<n>{CARDINAL})\b",
        _I,
    ),
    re.compile(
        # A rank has at most three digits: "National rank (2023): 2" names a year, not a rank.
        rf"national\s+rank(?:ing)?\W{{1,4}}(?P<ord>{ORDINAL}|\d{{1,3}}(?!\d))(?:-ranked)?"
        # The count may follow in a note cell: "National rank | 10 | out of 26 Chinese ...".
        # "National rank: 5th of the 10 Japanese clusters": "the" before a count that names
        # its clusters' nationality.
        rf"(?:\s*(?:of|/|:?\s*out\s+of)\s*"
        r"(?:the\s+(?=\d+\s+(?-i:[A-Z])[\w-]+\s+clusters\b))?(?P<n>\d+))?",
        _I,
    ),
    # "12th of 26 Chinese clusters", "2nd out of 2 Czech clusters": the nationality names the
    # national count (so "36th of 100 clusters" worldwide is not read as a national rank).
    # The rank may name a place: "5th place among the 6 Dutch clusters", "its tenth-ranked
    # position, out of 26 Chinese clusters", "the tenth-ranked cluster among the 26 Chinese
    # clusters", "the tenth rank out of 26 Chinese clusters is held by X".
    re.compile(
        rf"(?P<ord>{_RANK})(?:[-\s]ranked)?(?:\s+(?:place|position|spot|rank|{_CLUSTER}))?,?\s+"
        r"(?:(?:out\s+)?of|among|between)\s+(?:the\s+)?"
        rf"(?P<n>{CARDINAL})\s+(?:(?-i:[A-Z])[\w-]+\s+){{1,2}}clusters\b",
        _I,
    ),
    # The economy after the count: "take the 3rd place between the 7 clusters of Türkiye".
    re.compile(
        rf"(?P<ord>{_RANK})(?:[-\s]ranked)?(?:\s+(?:place|position|spot))?,?\s+"
        r"(?:(?:out\s+)?of|among|between)\s+(?:the\s+)?"
        rf"(?P<n>{CARDINAL})\s+clusters\s+(?:of|in|from)\s+(?:the\s+)?(?-i:[A-ZÀ-ÖØ-Þ])",
        _I,
    ),
    # "is number 12 of the 26 Chinese clusters", "is on position 7 of the 9 German clusters":
    # a place written as a word and a number.
    re.compile(
        r"\b(?:number|position|place|rank)\s+(?P<ord>\d{1,3})\s+(?:(?:out\s+)?of|among)\s+"
        rf"(?:the\s+)?(?P<n>{CARDINAL})\s+(?:(?-i:[A-Z])[\w-]+\s+){{1,2}}clusters\b",
        _I,
    ),
    # "the second-ranked of Finland's 3 clusters": the economy named before the count.
    re.compile(
        rf"(?P<ord>{ORDINAL})[-\s]ranked,?\s+(?:(?:out\s+)?of|among)\s+(?-i:[A-Z])[\w-]+['’]s\s+"
        rf"(?P<n>{CARDINAL})\s+clusters\b",
        _I,
    ),
    # "National rank (out of 26 Chinese clusters in the top 100): 10", a label and its value.
    re.compile(
        rf"{_LABEL_START}national\s+rank(?:ing)?\s*\((?:out\s+)?of\s+(?P<n>\d{{1,3}})\b[^()]{{0,60}}\)"
        rf"\s*[:=]\s*(?P<ord>{_LABEL_RANK})",
        _I,
    ),
    # The count first: "Among the 26 Chinese clusters in the top 100 S&T clusters in 2024,
    # Changsha is the 10th-ranked", "Out of 26 Chinese clusters, X ranks 10th.", "Of the 26
    # Chinese clusters ..., Hefei is the twelfth-ranked." (the comma may be left out: "... in
    # the top 100 S&T clusters it is the tenth-ranked"). The rank ends its clause ("-ranked",
    # "place", a stop or an aside: "ranks tenth (the ...)"), so "... is the 32nd largest" is
    # not read.
    re.compile(
        rf"\b(?:among|(?:out\s+)?of)\s+(?:the\s+)?(?P<n>{CARDINAL})\s+"
        r"(?:(?-i:[A-Z])[\w-]+\s+){1,2}clusters\b[^.;:]{0,80}?,?\s+[^.;:,]{1,60}?\s+"
        rf"(?:is|ranks|ranked|comes|was)\s+(?:the\s+|in\s+)?(?P<ord>{ORDINAL})"
        r"(?:[-\s]ranked\b|\s+place\b|(?=\s*(?:[.;,(]|$)))",
        _I,
    ),
    # The economy's name before the count: "Within China's 26 clusters in the top 100 S&T
    # clusters in 2024, Changsha holds the 10th-ranked position".
    re.compile(
        rf"\b(?:among|within|(?:out\s+)?of)\s+(?-i:[A-Z])[\w-]+['’]s\s+(?P<n>{CARDINAL})\s+"
        r"clusters\b[^.;:]{0,80}?,?\s+[^.;:,]{1,60}?\s+"
        rf"(?:is|ranks|ranked|comes|was|holds|has|takes|occupies)\s+(?:the\s+|in\s+)?"
        rf"(?P<ord>{ORDINAL})(?:[-\s]ranked\b|\s+place\b|(?=\s*(?:[.;,(]|$)))",
        _I,
    ),
]
NATIONAL_COUNT = re.compile(
    rf"{_LABEL_START}(?:(?:national\s+)?(?:cluster|clusters\s+in\s+(?:the\s+)?economy)\s+count"
    # "Clusters in economy (Danish clusters): 3": the label names a count without the word.
    r"|clusters\s+in\s+(?:the\s+)?economy(?:\s*\([^()]{0,60}\))?"
    # A data export's `{"national": {"rank": 2, "outOf": 3}}`: "national out of: 3".
    r"|national\s+(?:out\s+of|of|count))"
    r"\s*[:=]\s*(?:out\s+of\s+)?(?P<n>\d{1,3})\b(?!\s?%)",  # "count: out of 26 ... clusters"
    _I,
)
SIZE_RANK = [
    re.compile(rf"(?P<ord>{ORDINAL})(?:[-\s]|:\s)+largest\b", _I),  # "ranked 32nd: largest"
    # "the 99th biggest science and technology cluster": "biggest" said of the cluster only.
    re.compile(rf"(?P<ord>{ORDINAL})[-\s]biggest\s+(?:science\b|S&T\b|cluster\b)", _I),
    # "#78 - largest science and technology cluster", "#78 largest": a newsletter's numbered rank
    # ("the #1 largest applicant" ranks an applicant, not the cluster).
    re.compile(
        r"(?P<ord>(?<![\w.])(?:No\.?|#)\s*\d{1,3})(?:\s*[-–—:]\s*|\s+)largest\b"
        r"(?!\s+(?:pct\s+|patent\s+)?(?:applicant|filer|publisher|publishing|organi[sz]ation"
        r"|institution))",
        _I,
    ),
    # "ranks 32nd among the world's largest science and technology clusters".
    re.compile(rf"(?P<ord>{ORDINAL})\s+(?:among|of)\s+the\s+(?:world['’]s\s+)?largest\b", _I),
    re.compile(rf"(?P<ord>{_RANK})\s+(?:[\w&-]+\s+){{0,5}}?by\s+(?:its\s+)?size\b", _I),
    re.compile(rf"(?:global\s+)?size\s+rank(?:ing)?\W{{1,4}}(?P<ord>\d+|{ORDINAL})", _I),
    re.compile(rf"\brank(?:ed|ing)?\s+by\s+size\W{{1,4}}(?P<ord>{ORDINAL}|\d+)", _I),
    # "by size: 78", "by size (global rank ...): 78".
    re.compile(rf"\bby\s+size{_YEARLESS_ASIDE}\s*[:=]\s*(?P<ord>{ORDINAL}|\d+)\b(?!\s?%)", _I),
    # A label written "rank, size" (print files: "GLOBAL RANK, SIZE: 86"; "Global rank, cluster
    # size: 71").
    re.compile(
        rf"\brank(?:ing)?,\s*(?:by\s+)?(?:cluster\s+)?size\s*[:=]\s*(?P<ord>{ORDINAL}|\d+)\b(?!\s?%)",
        _I,
    ),
    re.compile(rf"{_LABEL_START}global\s+size\s*[:=]\s*(?P<ord>{_LABEL_RANK})", _I),
    re.compile(
        rf"{_LABEL_START}(?:global\s+)?rank(?:ing)?\s+by\s+size{_LABEL_ASIDE}#?(?P<ord>{_LABEL_RANK})",
        _I,
    ),
    # "Size: ranked 61st among science and technology clusters": a label, then an ordinal.
    re.compile(rf"{_LABEL_START}size{_LABEL_ASIDE}{_RANKED}(?P<ord>{_RANK})", _I),
]
INTENSITY_RANK = [
    re.compile(rf"(?P<ord>{_RANK}):?\s+(?:[\w&-]+\s+){{0,5}}?by\s+(?:S&T\s+)?intensity\b", _I),
    re.compile(rf"intensity\s+rank(?:ing)?\W{{1,4}}(?P<ord>\d+|{ORDINAL})", _I),
    re.compile(
        rf"\brank(?:ed|ing)?\s+by\s+(?:S&T\s+)?intensity\W{{1,4}}(?P<ord>{ORDINAL}|\d+)", _I
    ),
    re.compile(
        rf"\bby\s+(?:S&T\s+)?intensity{_YEARLESS_ASIDE}\s*[:=]\s*(?P<ord>{ORDINAL}|\d+)\b(?!\s?%)",
        _I,
    ),
    # "GLOBAL RANK, INTENS.: 93", the abbreviation included.
    re.compile(
        rf"\brank(?:ing)?,\s*(?:by\s+)?(?:S&T\s+)?intens(?:ity\b|\.)\s*[:=]\s*"
        rf"(?P<ord>{ORDINAL}|\d+)\b(?!\s?%)",
        _I,
    ),
    re.compile(rf"{_LABEL_START}global\s+intensity\s*[:=]\s*(?P<ord>{_LABEL_RANK})", _I),
    re.compile(
        rf"{_LABEL_START}(?:global\s+)?rank(?:ing)?\s+by\s+(?:S&T\s+)?intensity{_LABEL_ASIDE}"
        rf"#?(?P<ord>{_LABEL_RANK})",
        _I,
    ),
    # The measure fronted: "by intensity (relative to population density) it is the 33rd S&T
    # cluster in 2024", "By intensity, Hefei ranks 48th.", "by intensity – output relative to
    # population density – it ranks 96th" (the aside between dashes).
    re.compile(
        rf"\bby\s+(?:the\s+)?(?:S&T\s+)?intensity\b"
        rf"(?:\s*\([^()]{{0,60}}\)|\s+[–—]\s[^–—()\d]{{0,60}}?\s[–—])?,?\s+"
        rf"(?:[\w&-]+\s+){{0,3}}?(?:is|ranks|ranked|comes|stays?|stands?)\s+"
        # "by the intensity (...) it stay on the 62nd place"
        rf"(?:the\s+|in\s+|on\s+(?:the\s+)?)?(?P<ord>{_RANK})(?![-\s]largest\b)",
        _I,
    ),
    # "Intensity (relative to population density): ranked 97th in 2025."
    re.compile(rf"{_LABEL_START}(?:S&T\s+)?intensity{_LABEL_ASIDE}{_RANKED}(?P<ord>{_RANK})", _I),
]
NATIONAL_RANK += sheet_labels.NATIONAL_RANK  # "National rank (among the economy's ...): 1"
SIZE_RANK += sheet_labels.SIZE_RANK  # "Global rank (size): 32", a sheet's row title
INTENSITY_RANK += sheet_labels.INTENSITY_RANK
PCT_APPLICATIONS = [
    re.compile(
        rf"(?P<n>{NUMBER})\s+(?:PCT\s+(?:patent\s+)?(?:applications|filings|patents)"
        rf"|patent\s+applications)\b",
        _I,
    ),
    re.compile(
        rf"{_LABEL_START}PCT\s+(?:(?:patent\s+)?(?:applications|apps|filings)\b|{_PER_CAPITA})"
        rf"{_ASIDE}{{0,60}}[:=]\s*(?P<n>{NUMBER})(?!\s?%)",
        _I,
    ),
]
ARTICLES = [
    re.compile(
        rf"(?P<n>{NUMBER})\s+(?:scientific\s+|scholarly\s+)?(?:articles|publications"
        rf"|papers)\b",
        _I,
    ),
    re.compile(
        rf"{_LABEL_START}(?:(?:scientific|sci\.?|scholarly)\s+(?:articles|publications|papers)\b"
        rf"|(?:articles|publications|papers)\b{_PER_CAPITA}"
        # glossed as articles: "publications (scientific articles) published: 4 870"
        rf"|(?:publications|pubs|papers)\s*\((?:scientific|sci\.)\s+articles\))"
        rf"{_ASIDE}{{0,60}}[:=]\s*(?P<n>{NUMBER})(?!\s?%)",
        _I,
    ),
]
EDITION = [
    # "GII 2025", also in an italic written with underscores ("_GII 2025_").
    re.compile(
        r"(?:Global\s+Innovation\s+Index|(?<![^\W_])GII)\s+(?P<y>(?:19|20)\d\d)(?![^\W_])", _I
    ),
    re.compile(r"\bedition\s*[:=]?\s*(?P<y>(?:19|20)\d\d)\b", _I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)\s+edition\b", _I),
    re.compile(r"\bin\s+(?P<y>(?:19|20)\d\d)\b", _I),
]
