"""The domain's vocabulary: which words point to which metric, and which to which intent.

These are the words people use for the facts a profile holds ("patents" for PCT applications,
"papers" for scientific articles, "partners" for collaboration locations), looked up after the
names of clusters and entities are taken out of the question.
"""

from __future__ import annotations

import re

from nlq.answer.intent_cues import ASCENDING, BETTER_RANK, INTENT_CUES
from nlq.answer.question_numbers import ABOVE

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
        {"order": ASCENDING + BETTER_RANK, "threshold": ABOVE + ("below", "under", "than")},
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
