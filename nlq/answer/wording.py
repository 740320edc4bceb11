"""How facts are written into answers: metric labels and the lines for a cluster-level
number, an organization, a field and a collaboration, each figure through the `Writer` so it
carries its citation."""

from __future__ import annotations

from nlq.answer.cite import Writer
from nlq.answer.corpus import COLLAB_METRICS, ORG_METRICS, Corpus
from nlq.answer.select import RANK_METRICS, named, scalar
from nlq.numbers import cardinal_word, ordinal_word
from nlq.schema import ClusterProfile, Metric

LABEL = {
    Metric.PCT_APPLICATIONS: "PCT applications per million inhabitants",
    Metric.SCIENTIFIC_ARTICLES: "scientific articles per million inhabitants",
    Metric.NATIONAL_RANK: "national rank",
    Metric.NATIONAL_CLUSTER_COUNT: "number of the economy's clusters in the top 100",
    Metric.GLOBAL_SIZE_RANK: "global size rank",
    Metric.GLOBAL_INTENSITY_RANK: "global intensity rank (relative to population density)",
    Metric.TOP_PCT_APPLICANTS: "top PCT applicants",
    Metric.TOP_PUBLISHERS: "top publishing organizations",
    Metric.PATENT_FIELDS: "technology-field breakdown of PCT applications",
    Metric.PUBLICATION_FIELDS: "field breakdown of scientific articles",
    Metric.PATENT_COLLABORATION: "patent collaboration",
    Metric.PUBLICATION_COLLABORATION: "publication collaboration",
    Metric.EDITION: "Global Innovation Index edition",
}
OUTPUT = {
    Metric.TOP_PCT_APPLICANTS: "PCT applications",
    Metric.TOP_PUBLISHERS: "articles",
    Metric.PATENT_COLLABORATION: "PCT applications",
    Metric.PUBLICATION_COLLABORATION: "scientific articles",
    Metric.PATENT_FIELDS: "PCT applications",
    Metric.PUBLICATION_FIELDS: "scientific articles",
}
_PARTNERS = {
    Metric.PATENT_COLLABORATION: "top partner locations in patent collaboration",
    Metric.PUBLICATION_COLLABORATION: "top partner locations in publication collaboration",
}


def members(metric: Metric) -> str:
    """What a list's entries are called: 'top PCT applicants', 'top partner locations in
    patent collaboration' (for "X is not among Hefei's ...")."""
    return _PARTNERS.get(metric, LABEL[metric])


_MADE = {Metric.PATENT_COLLABORATION: "filed", Metric.PUBLICATION_COLLABORATION: "published"}
SINGULAR = {
    Metric.TOP_PCT_APPLICANTS: "PCT applicant",
    Metric.TOP_PUBLISHERS: "publishing organization",
    Metric.PATENT_FIELDS: "technology field",
    Metric.PUBLICATION_FIELDS: "scientific field",
}


def quantity(metric: Metric, unit: str) -> str:
    """What a number of `metric` counts, for "the difference is N ...": ranks are places,
    shares percentage points, list counts the list's output."""
    if unit == "percent":
        return "percentage points"
    if metric in RANK_METRICS:
        return "places"
    if metric in OUTPUT:
        return OUTPUT[metric]
    return LABEL[metric]


def rate_label(metric: Metric) -> str:
    """A collaboration metric as the rate it compares on."""
    return f"{LABEL[metric]} rate" if metric in COLLAB_METRICS else LABEL[metric]


def upper_first(text: str) -> str:
    """`text` with its first letter in upper case (names after it keep their case)."""
    return text[:1].upper() + text[1:]


def join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TENTHS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
_SCALES = ((1_000_000, "million"), (1_000, "thousand"), (100, "hundred"))


def count_words(n: int) -> str:
    """A count in words ('no', 'three', 'twenty-five', 'one hundred and four'), so that a
    list's length is never a bare number the verifier would take for an uncited figure."""
    if n < 20:
        return cardinal_word(n)
    for size, word in _SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            tail = "" if not rest else (" and " if rest < 100 else " ") + count_words(rest)
            return f"{count_words(head)} {word}{tail}"
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{cardinal_word(unit)}" if unit else "")


def position_words(n: int) -> str:
    """'first', 'twenty-fifth', 'one hundred and third': an ordinal in words."""
    if n < 20:
        return ordinal_word(n) or ""
    if n < 100:
        tens, unit = divmod(n, 10)
        return f"{_TENS[tens - 2]}-{ordinal_word(unit)}" if unit else _TENTHS[tens - 2]
    head, rest = divmod(n, 100) if n < 1000 else divmod(n, 1000)
    scale = "hundred" if n < 1000 else "thousand"
    if not rest:
        return f"{count_words(head)} {scale}th"
    joint = " " if rest >= 100 else " and "
    return f"{count_words(head)} {scale}{joint}{position_words(rest)}"


def nth(i: int) -> str:
    """'first' for index 0, 'twenty-fifth' for 24: an entry's place in words."""
    return position_words(i + 1)


def display(corpus: Corpus, key: str) -> str:
    """How an entity is named in answers: as a profile writes it, or as the question did."""
    return corpus.entities[key].names[0] if key in corpus.entities else key


def describe_scalar(w: Writer, r: ClusterProfile, metric: Metric) -> str:
    """One sentence with a cluster-level figure, or saying the profile gives none."""
    value, path, unit = scalar(r, metric)
    if value is None or not (text := w.fig(r, path, value, unit)):
        return f"{r.cluster}'s profile gives no {LABEL[metric]}."
    if metric is Metric.NATIONAL_RANK:
        count = r.national_cluster_count
        of = ""
        if count is not None and (c := w.fig(r, "national_cluster_count", count, "count")):
            of = f" out of {c} clusters of {r.economy} in the global top hundred"
        return f"{r.cluster} is ranked {text} nationally{of}."
    if metric is Metric.NATIONAL_CLUSTER_COUNT:
        return (
            f"{r.economy} has {text} clusters in the global top hundred "
            f"(per {r.cluster}'s profile)."
        )
    if metric is Metric.EDITION:
        return f"{r.cluster}'s profile is from the Global Innovation Index {text}."
    if metric in RANK_METRICS:
        return f"{r.cluster}'s {LABEL[metric]} is {text}."
    if metric in COLLAB_METRICS:
        return collab(w, r, metric)
    return f"{r.cluster}: {text} {LABEL[metric]}."


def collab(w: Writer, r: ClusterProfile, metric: Metric, limit: int | None = None) -> str:
    """A collaboration rate and its partner locations (the first `limit` of them)."""
    c = getattr(r, metric.value)
    if c is None:
        return f"{r.cluster}'s profile gives no {LABEL[metric]} data."
    parts = []
    if c.share is not None and (s := w.fig(r, f"{metric.value}.share", c.share, "percent")):
        parts.append(f"{s} of {r.cluster}'s {OUTPUT[metric]} are {_MADE[metric]} in collaboration")
    if c.partners:
        shown = c.partners[:limit] if limit else c.partners
        names = join(
            [p + w.cite_name(r, f"{metric.value}.partners[{i}]") for i, p in enumerate(shown)]
        )
        which = f"first {count_words(len(shown))} " if len(shown) < len(c.partners) else ""
        parts.append(
            f"top partner locations, the {which}named: {names}"
            if which
            else f"top partner locations: {names}"
        )
    return ("; ".join(parts) + ".") if parts else f"{r.cluster}'s profile names no partners."


def without_collab(w: Writer, r: ClusterProfile, metric: Metric) -> str:
    """'39% of Hefei's scientific articles are not published in collaboration (61% [1] are).'"""
    c = getattr(r, metric.value)
    path = f"{metric.value}.share"
    if c is None or c.share is None or (cid := w.cite(r, path)) is None:
        return f"{r.cluster}'s profile gives no {LABEL[metric]} rate."
    rest = w.computed(100 - c.share, "percent", [cid], "remainder")
    shown = w.fig(r, path, c.share, "percent")
    return (
        f"{rest} of {r.cluster}'s {OUTPUT[metric]} are not {_MADE[metric]} in collaboration "
        f"({shown} are)."
    )


def org_line(w: Writer, r: ClusterProfile, metric: Metric, i: int) -> str:
    """'NAME: 2,069 [1] PCT applications, 54% [2] of the cluster's total'."""
    e = getattr(r, metric.value)[i]
    base = f"{metric.value}[{i}]"
    bits = []
    if e.count is not None and (c := w.fig(r, f"{base}.count", e.count, "count")):
        bits.append(f"{c} {OUTPUT[metric]}")
    if e.share is not None and (s := w.fig(r, f"{base}.share", e.share, "percent")):
        bits.append(f"{s} of the cluster's total")
    return f"{e.name}" + (f": {', '.join(bits)}" if bits else "")


def field_line(w: Writer, r: ClusterProfile, metric: Metric, i: int) -> str:
    """'Semiconductors: 35% [1]'."""
    f = getattr(r, metric.value)[i]
    s = w.fig(r, f"{metric.value}[{i}].share", f.share, "percent") if f.share is not None else ""
    return f"{f.field}: {s}" if s else f.field


def entry_line(w: Writer, r: ClusterProfile, metric: Metric, i: int) -> str:
    """An organization's or a field's line."""
    return (org_line if metric in ORG_METRICS else field_line)(w, r, metric, i)


def partner_line(w: Writer, r: ClusterProfile, metric: Metric, i: int) -> str:
    """'Beijing [1] is the first of three top partner locations for ...; 54% [2] ...'."""
    c = getattr(r, metric.value)
    n = len(c.partners)
    name = c.partners[i] + w.cite_name(r, f"{metric.value}.partners[{i}]")
    text = (
        f"{name} is the {nth(i)} of {count_words(n)} top partner locations "
        f"for {r.cluster}'s {OUTPUT[metric]}"
    )
    if c.share is not None and (s := w.fig(r, f"{metric.value}.share", c.share, "percent")):
        text += f"; {s} of them are {_MADE[metric]} in collaboration"
    return text + "."


def cited_names(w: Writer, r: ClusterProfile, metric: Metric) -> str:
    """The names of a list, each with its citation marker: 'A [1]; B [2]; C [3]'."""
    return "; ".join(name + w.cite_name(r, path) for name, path in named(r, metric))


def filter_words(plan, *, one: bool = False) -> str:
    """How a plan's filters read after a list's name ("that are companies", or for `one`
    entry "that is a company"), or ''."""
    bits = []
    if plan.org_type == "academic":
        bits.append(
            "that is a university or institute" if one else "that are universities or institutes"
        )
    elif plan.org_type == "company":
        bits.append("that is a company" if one else "that are companies")
    what = "share" if plan.threshold_percent else "count"
    has = "that has" if one else "with"
    if plan.above is not None and plan.below is not None:
        bits.append(f"{has} a {what} between the two asked")
    elif plan.above is not None:
        side = "of at least" if plan.inclusive else "above"
        bits.append(f"{has} a {what} {side} the one asked")
    elif plan.below is not None:
        side = "of at most" if plan.inclusive else "below"
        bits.append(f"{has} a {what} {side} the one asked")
    return " and ".join(bits)
