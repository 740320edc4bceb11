"""The domain's vocabulary: which words point to which metric, and which to which intent.

These are the words people use for the facts a profile holds ("patents" for PCT applications,
"papers" for scientific articles, "partners" for collaboration locations), looked up after the
names of clusters and entities are taken out of the question.
"""

from __future__ import annotations

import re

from nlq.numbers import ORDINAL, parse_ordinal

# Word stems (matched at the start of a question word) -> cue.
CUES: dict[str, tuple[str, ...]] = {
    "patent": (
        "pct",
        "patent",
        "applica",
        "filing",
        "filer",
        "file",
        "filed",
        "invent",
    ),
    # A weak patent cue: "technology fields for Hefei publications" is about publications.
    "technology": ("technolog",),
    "publication": (
        "article",
        "paper",
        "publica",
        "publish",
        "scien",
        "bibliometric",
        "journal",
        "scholar",
        "output",
        "coauthor",
        "co-author",
        "pubs",
        "pub ",
    ),
    "applicant": ("applicant", "filer", "assignee", "compan", "firm", "corporat", "business"),
    "publisher": ("publisher", "publishing", "author"),
    "organization": (
        "organi",
        "org ",
        "orgs",
        "uni ",
        "unis",
        "player",
        "entit",
        "who",
        "universit",
        "institution",
    ),
    "field": (
        "field",
        "area",
        "domain",
        "speciali",
        "sector",
        "discipline",
        "subject",
        "focus",
        "breakdown",
        "dominat",
        "strength",
        "strong",
    ),
    "collaboration": (
        "collaborat",
        "partner",
        "co-",
        "coinvent",
        "coauthor",
        "cooperat",
        "together with other",
        r"re:(?:patents|papers|articles|publications|filings|inventions)\s+together",
        "collab",
        "locations",
        "filed jointly",
        "published jointly",
        "jointly filed",
        "jointly published",
        "jointly authored",
        "jointly with",
        "work with",
    ),
    "national": ("national", "nationally", "domestic", "country", "china", "chinese"),
    "size": ("size", "largest", "biggest", "large", "big"),
    "intensity": ("intensity", "intensive", "density", "dense", "relative to population"),
    "rank": (
        "rank",
        "position",
        "place",
        "placing",
        "placed",
        "standing",
        "stand",
        "sit ",
        "spot",
        "league table",
    ),
    "edition": ("edition", "which year", "what year", "release", "vintage"),
    "partners": (
        "partner",
        "location",
        "where",
        "with whom",
        "which cities",
        "which places",
        "which regions",
        "who do",
        "who does",
    ),
    # Output per inhabitant: the cluster-level counts, whoever "who" may be.
    "per_capita": (
        "per capita",
        "per million",
        "per 1 million",
        "per one million",
        "per inhabitant",
        "per person",
        "per head",
        "per resident",
        "/mn",
        "each million",
        "every million",
        "million people",
        "million of people",
        "million inhabitants",
        "per mn",
        "/million",
    ),
    "count_clusters": (
        "how many clusters",
        "how many chinese clusters",
        "number of clusters",
        "clusters in the top",
        "clusters are in the top",
        "clusters fall",
    ),
}

INTENT_CUES: dict[str, tuple[str, ...]] = {
    "summary": (
        "tell me about",
        "overview",
        "summary",
        "summarize",
        "summarise",
        "profile of",
        "rundown",
        "nutshell",
        "briefing",
        "brief me",
        "highlights",
        "key figures",
        "fact sheet",
        "factsheet",
        "background on",
        "introduce",
        "describe",
        "what do you know",
        "key facts",
        "at a glance",
        "snapshot",
        "say about",
        "anything interesting",
        "interesting about",
        "notable about",
        "noteworthy",
        "says about",
        "information on",
        "information about",
        "info on",
        "info about",
        "details on",
        "details about",
        "everything about",
        "all about",
        "know about",
        "known about",
        "learn about",
        "headline",
        "key numbers",
        "main numbers",
        "main figures",
        "the numbers for",
        "the numbers on",
        "stats for",
        "stats on",
        "statistics for",
        "statistics on",
        "everything on",
    ),
    "difference": (
        "difference",
        "gap",
        "how much more",
        "how much bigger",
        "how much larger",
        "how much higher",
        "how much lower",
        "how much smaller",
        "how far ahead",
        "how far behind",
        "how many more",
        "how much less",
        "how many fewer",
        "differ",
        "minus",
        "exceed",
        "apart",
        "percentage point",
        "by how many",
        "by how much",
        "distance between",
        "separat",
        "margin",
    ),
    "ratio": (
        "per pct",
        "per patent",
        "per application",
        "per article",
        "per paper",
        "per publication",
        r"re:for (?:each|every)(?!\s+(?:million|one million|1 million|inhabitant|person|head))",
        "times more",
        "times as many",
        "times as much",
        "times higher",
        "times larger",
        "times bigger",
        "times greater",
        "how many times",
        "ratio",
        "multiple of",
        "fold ",
        "what factor",
        "as a multiple",
        "a multiple",
        "divided by",
        "per listed",
        "per filed",
        "which factor",
        "a factor of",
    ),
    "sum": (
        "sum",
        "covered by",
        "total",
        "combined",
        r"re:together(?!\s+with\b)",
        "altogether",
        "add up",
        "in all",
        "plus",
    ),
    "average": ("average", "avg", "mean "),
    "cross": (
        "both a top",
        "both top",
        "also a top",
        "also among",
        "both an applicant",
        "both applicant",
        "both a leading",
    ),
    # Entries two or more clusters' lists have in common.
    "shared": (
        "in common",
        "common for",
        "common to both",
        "shared",
        "share those",
        "share these",
        "share any",
        "share its",
        "share their",
        "share the same",
        "common to",
        "overlap",
        "appear in both",
        "appears in both",
        "present in both",
        "found in both",
        "listed in both",
        "on both lists",
        "in both lists",
        "same partner",
        "same location",
        "same organi",
        "same field",
        "same compan",
        "same universit",
        "same publisher",
        "same applicant",
    ),
    # Over every entry of every cluster's list, not each cluster's own.
    "overall": (
        "across",
        "overall",
        "of all",
        "all clusters",
        "all the clusters",
        "all indexed",
        "any cluster",
        "anywhere",
        "among all",
        "in the index",
    ),
    # What is left when the listed entries are taken out: 100% minus their shares.
    "remainder": (
        "not filed by",
        "not published by",
        "not from",
        "not accounted",
        "outside the top",
        "outside its top",
        "outside top",
        "outside its",
        "outside their",
        "outside the listed",
        "apart from the top",
        "aside from the top",
        "besides the top",
        "outside the named",
        "beyond its",
        "beyond the top",
        "rest of",
        "the rest",
        "remaining",
        "remainder",
        "everyone else",
        "all other",
        "without collab",
        "without co-",
        "without partner",
        "without any partner",
        "not in collaboration",
        "not collaborative",
        "non-collaborative",
    ),
    # How much of a cluster's output one entry holds: its share.
    "concentration": (
        "dependent",
        "depend",
        "reliant",
        "relies",
        "rely",
        "concentrat",
        "dominated by",
        "single applicant",
        "single organi",
        "single publisher",
        "single compan",
        "one applicant",
        "one organi",
        "one publisher",
        "one compan",
    ),
    "membership": (
        "one of",
        "among",
        "is there",
        "included",
        "include",
        "feature",
        "appear",
        "listed",
        "a top",
        "a leading",
        "a main",
        "a major",
    ),
    "list": (
        "top ",
        "list",
        "who are",
        "which are",
        "what are",
        "name the",
        "leading",
        "main ",
        "biggest",
        "largest",
        "major",
        "show me",
        "give me",
        "breakdown",
        "dominate",
    ),
    "compare": (
        "compare",
        "comparison",
        " vs",
        "versus",
        " or ",
        "more",
        "higher",
        "greater",
        "larger",
        "bigger",
        "better",
        "fewer",
        "less",
        "lower",
        "smaller",
        "worse",
        "ahead",
        "outperform",
        "out-",
        "outfile",
        "outpublish",
        "outrank",
        "outnumber",
        "outstrip",
        "outscore",
        "outpace",
        "beat",
        "surpass",
        "overtake",
        "trail",
        "which is",
    ),
    "superlative": (
        "most",
        "highest",
        "best",
        "largest",
        "biggest",
        "greatest",
        "top-ranked",
        "lowest",
        "least",
        "fewest",
        "worst",
        "smallest",
        "leads",
        "leading",
    ),
    "which_cluster": (
        "which cluster",
        "what cluster",
        "which of the",
        "which one",
        "which city",
        "which region",
        "rank the",
        "order the",
        "sort the",
    ),
}

ASCENDING = (
    "fewer",
    "less",
    "lower",
    "lowest",
    "least",
    "fewest",
    "smaller",
    "smallest",
    "worse",
    "worst",
    "weaker",
    "weakest",
    "poorer",
    "poorest",
)
BETTER_RANK = (
    "best",
    "better",
    "higher",
    "highest",
    "top",
    "ahead",
    "leading",
    "largest",
    "bigger",
    "biggest",
    "larger",
    "more",
    "stronger",
    "strongest",
)

# Facts a profile never holds: a question about them is declined, not answered with a
# neighbouring figure ("citation impact of papers" is not the article count).
NOT_HELD = (
    "patent quality",
    "quality of",
    "grant rate",
    "granted",
    "triadic",
    "citation",
    "cited",
    "impact factor",
    "h-index",
    "h index",
    "funding",
    "funded",
    "budget",
    "spend",
    "invest",
    "revenue",
    "turnover",
    "profit",
    "gdp",
    "population",
    "employ",
    "jobs",
    "workforce",
    "how many researchers",
    "number of researchers",
    "researchers per",
    "startup",
    "start-up",
    "venture",
    "salary",
    "salaries",
    "foreign",
    "overseas",
    "abroad",
    "nationality",
    "women",
    "gender",
    "growth",
    "grew",
    "grow ",
    "trend",
    "forecast",
    "predict",
    "projection",
    "projected",
    "project ",
    "extrapolat",
    "future",
    "will be",
    "will hefei",
    "will changsha",
)
# "intensity (relative to population density)" names the GII ranking, not a population figure.
_NOT_HELD_RE = re.compile(
    "|".join(
        rf"(?<!relative to )(?<!adjusted for )(?<!by )(?<!\w){re.escape(p)}"
        if p == "population"
        else rf"(?<!\w){re.escape(p.strip())}"
        for p in NOT_HELD
    )
    # "over the coming five years", "next year": a forecast.
    + r"|\b(?:coming|next|following|upcoming)\s+(?:\w+\s+)?(?:years?|decades?)\b"
)


_FORECAST = re.compile(r"forecast|predict|project|extrapolat|future|will |coming|next|follow|upcom")


# "with a citation", "cite the lines", "give the source": a request for nlq's own citations.
_ASKS_SOURCES = re.compile(
    r"\b(?:with|and|plus|including|incl\.?)\s+(?:a|the|its|their)?\s*(?:citations?|sources?|"
    r"references?|line numbers?|source lines?)\b|\bcite\b[^?.]*|\b(?:give|show|provide)\s+"
    r"(?:me\s+)?(?:the\s+)?(?:source|line)s?(?:\s+lines?|\s+references?)?\b"
)
# "how many companies are there in Hefei": a count the profiles do not give.
_HOW_MANY_ORGS = re.compile(
    r"\bhow many\s+(?:companies|firms|businesses|startups|start-ups|universities|"
    r"organi[sz]ations|institutions|enterprises)\s+(?:are there|exist|operate|are based|are "
    r"located|does|do)\b"
)


def not_held(text: str) -> str | None:
    """The word of `text` naming a fact no profile holds (GDP, citations), 'forecasts', or
    None."""
    listed = re.search(r"\b(?:top|list|lists|among|applicants|publishers|listed)\b", text)
    if not listed and (m := _HOW_MANY_ORGS.search(text)):
        return " ".join(m.group().split()[:3]).removeprefix("how many ")
    m = _NOT_HELD_RE.search(_ASKS_SOURCES.sub(" ", text))
    if not m:
        return None
    if _FORECAST.match(m.group()):
        return "forecasts"
    return re.sub(r"^(?:how many|number of)\s+|\s+per$", "", m.group().strip())


# Organizations whose names say they are universities, institutes or academies; the rest
# are companies. Words in several languages, matched as name tokens.
ACADEMIC_WORDS = frozenset(
    "university universities universidad universidade universite université universität "
    "universitat universiteit università universita univ institute institut instituto "
    "istituto institution academy academia akademie college school ecole école polytechnic "
    "politecnico polytechnique laboratory laboratories lab labs hospital "
    "fundacao fundação foundation csic cnrs".split()
)
ACADEMIC_CUES = re.compile(
    r"\b(?:universit\w*|unis|univs?|institutes?|institutions?|academi\w*|colleges?|schools?|"
    r"research (?:bodies|organi[sz]ations|centres|centers)|public research)\b"
)
COMPANY_CUES = re.compile(
    r"\b(?:compan\w*|firms?|corporat\w*|business\w*|enterprises?|private sector|industry|"
    r"industrial|manufacturers?|makers?)\b"
)
NEGATION = re.compile(r"\b(?:not|non|isn't|aren't|other than|excluding|except)\b")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "single": 1,
}  # fmt: skip
# "top 3 applicants", but not "the top 100 clusters" (the GII ranking itself).
_TOP_N = re.compile(
    r"\b(?:top|first|leading|biggest|largest|main)(?:\s+|-|(?=\d))(\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten)\b"
    r"(?!\s+(?:s&t\s+|science\s+and\s+technology\s+)?clusters?\b)"
    # "its three largest fields", "the two biggest applicants".
    r"|\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:largest|biggest|leading|"
    r"highest|main|top|most important)\b(?!\s+(?:s&t\s+)?clusters?\b)"
)

STOPWORDS = frozenset(
    "a an the is are was were be been of in on at to for from by with and or but not no yes do "
    "does did how what which who whom whose where when why much many more most less least than "
    "as it its this that these those there their they them me my i you your we our us per "
    "million inhabitants inhabitant people capita s t tell about give show please can could "
    "would should will has have had any all each every both two clusters cluster top list name "
    "global globally worldwide world together calculation calculations calculate measure "
    "measures metric metrics figure figures number numbers data concentration research annual "
    "recent latest current overall average total domestic international local regional "
    "absolute relative terms multiple explain find get check "
    "rank ranked ranking one among also just only between vs versus compare number share "
    "percentage percent proportion value figure figures count counts other others else "
    "elsewhere gii wipo index innovation profile profiles page report data".split()
)


def _compile(table: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    # Each phrase must start at a word boundary ("sit" is not in "intensity"); a phrase
    # written with a trailing space must also end at one (" or " is not in "organization").
    def one(p: str) -> str:
        if p.startswith("re:"):  # a pattern of its own ("together", not "together with")
            return rf"(?<!\w)(?:{p[3:]})"
        end = r"\b" if p.endswith(" ") else ""
        start = r"(?<!\w)" if p.strip()[:1].isalnum() else ""  # "/mn" follows a word: "pct/mn"
        return rf"{start}{re.escape(p.strip())}{end}"

    return {cue: re.compile("|".join(one(p) for p in phrases)) for cue, phrases in table.items()}


_CUE_RE = _compile(CUES)
_INTENT_RE = _compile(INTENT_CUES)


def has(text: str, cue: str) -> bool:
    """True when a word of `text` (lower case, names removed) starts with one of the cue's stems."""
    return bool(_CUE_RE[cue].search(text))


def first_at(text: str, cue: str) -> int | None:
    """Where the first word of `text` with the cue's stems is, or None."""
    m = _CUE_RE[cue].search(text)
    return m.start() if m else None


def intent_has(text: str, cue: str) -> bool:
    """True when one of the intent cue's phrases starts at a word of `text`."""
    return bool(_INTENT_RE[cue].search(text))


_TOP_CUT = re.compile(r"\btop\s+(\d+|ten|twenty|fifty|hundred)\b")
_CUT_WORDS = {"ten": 10, "twenty": 20, "fifty": 50, "hundred": 100}


def top_cut(text: str) -> int | None:
    """N for "in the top 30 by size", "among the top 100 clusters": a rank cut-off."""
    m = _TOP_CUT.search(text)
    if not m:
        return None
    n = m.group(1)
    return int(n) if n.isdigit() else _CUT_WORDS[n]


def top_n(text: str) -> int | None:
    """N for 'top 3', 'first two', ... or None."""
    return _count(_TOP_N, text)


def _count(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    if not m:
        return None
    n = next(g for g in m.groups() if g)
    return int(n) if n.isdigit() else NUMBER_WORDS[n]


_BOTTOM_N = re.compile(
    r"\b(?:bottom|last|lowest|smallest|weakest)\s+(\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b"
)


def bottom_n(text: str) -> int | None:
    """N for 'bottom 3', 'last two', 'smallest three', ... or None."""
    return _count(_BOTTOM_N, text)


_THRESHOLD = re.compile(
    r"\b(?P<op>above|over|more than|greater than|higher than|bigger than|larger than|at least|"
    r"exceeding|in excess of|below|under|less than|fewer than|lower than|smaller than|at most)"
    r"\s+(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%|percent|per cent)?"
)
THRESHOLD_PHRASE = _THRESHOLD
"""The phrase a threshold is written in ("at least 5%"): its words are not an order."""
_ABOVE = ("above", "over", "more than", "greater than", "higher than", "bigger than",
          "larger than", "at least", "exceeding", "in excess of")  # fmt: skip


_BETWEEN = re.compile(
    r"\bbetween\s+(?P<lo>\d[\d,]*(?:\.\d+)?)\s*(?P<pct1>%|percent|per cent)?\s+and\s+"
    r"(?P<hi>\d[\d,]*(?:\.\d+)?)\s*(?P<pct2>%|percent|per cent)?"
)


def thresholds(text: str) -> list[tuple[str, float, bool, bool]]:
    """[('above' | 'below', N, is a percentage, N itself passes)] for 'a share above 10%',
    'at least 5%', 'more than 100 articles', both bounds of 'between 10% and 20%' (which
    pass themselves), or []."""
    if m := _BETWEEN.search(text):
        pct = bool(m.group("pct1") or m.group("pct2"))
        lo, hi = sorted(float(m.group(g).replace(",", "")) for g in ("lo", "hi"))
        return [("above", lo, pct, True), ("below", hi, pct, True)]
    m = _THRESHOLD.search(text)
    if not m:
        return []
    side = "above" if m.group("op") in _ABOVE else "below"
    inclusive = m.group("op") in ("at least", "at most")
    return [(side, float(m.group("n").replace(",", "")), bool(m.group("pct")), inclusive)]


# Full words of the vocabulary, for reading a misspelled one ("publihsers").
VOCABULARY = (
    "applicant applicants application applications patent patents publisher publishers "
    "publishing publication publications article articles paper papers scientific science "
    "collaboration collaborations collaborate partner partners location locations field fields "
    "technology technologies intensity national ranking ranked organization organizations "
    "organisation organisations university universities institution institutions company "
    "companies share percentage proportion average difference combined together total largest "
    "biggest smallest highest lowest compare comparison between cluster clusters summary "
    "overview breakdown edition inventors"
).split()


_STEMS = tuple(
    sorted({p for phrases in CUES.values() for p in phrases if " " not in p and "re:" not in p})
)
_INTENT_WORDS = frozenset(
    w
    for table in (
        INTENT_CUES,
        {"order": ASCENDING + BETTER_RANK, "threshold": _ABOVE + ("below", "under", "than")},
    )
    for phrases in table.values()
    for p in phrases
    if not p.startswith("re:")
    for w in p.split()
    if w.isalpha()
)


def is_metric_word(word: str) -> bool:
    """True for a word of what profiles hold ("pct", "articles", "partners"), not of how a
    question asks ("together", "compare")."""
    return word.startswith(_STEMS)


def is_known(word: str) -> bool:
    """True for words the planner understands: never read as an unknown cluster's name, nor
    matched by meaning to a field ("smallest" is an order, not a field's name)."""
    return word in STOPWORDS or word in _INTENT_WORDS or word.startswith(_STEMS)


# "..., correct?", "can you confirm?", "doesn't it?": the question asserts something.
CONFIRM = re.compile(
    r"\b(?:correct|right|true|confirm|isn't it|doesn't it|is that so|am i right)\b\s*\??\s*$"
)
_STATED = re.compile(
    rf"(?<![\w.,])(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%|percent|per cent)?(?![\w,]*\d)"
    rf"|\b(?P<ord>{ORDINAL})(?=[\s-]+(?:ranked|largest|biggest|place|by)\b)"
)


_PER_UNIT = re.compile(r"\bper\s+(?:1|one|a|100|1,000|1000)?\s*(?:million|thousand|100k|mn)\b")


def stated(text: str) -> list[tuple[float, bool]]:
    """The figures `text` asserts, each with whether it is a percentage: numbers and
    ordinals ("45%", "tenth-ranked"), but not a year, a top N, a threshold, a rank cut-off or
    the unit of a per-capita figure ("per 1 million")."""
    text = THRESHOLD_PHRASE.sub(" ", _TOP_N.sub(" ", _TOP_CUT.sub(" ", _PER_UNIT.sub(" ", text))))
    out = []
    for m in _STATED.finditer(text):
        if m.group("ord"):
            try:
                out.append((float(parse_ordinal(m.group("ord"))), False))
            except ValueError:
                continue
            continue
        value = float(m.group("n").replace(",", ""))
        if not m.group("pct") and 1900 <= value <= 2100 and value.is_integer():
            continue  # a year
        out.append((value, bool(m.group("pct"))))
    return out
