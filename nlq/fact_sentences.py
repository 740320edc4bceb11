"""The sentence indexed for a fact: the words people search with, one sentence per statement.

The facts of one statement (a list entry, the partners of one collaboration, the national rank
with its count, the profile's cluster and edition) share one sentence, so the vector index
embeds it once (docs/STORE.md). Every sentence starts with the cluster name and names only
grounded values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlq.facts import Fact


def _num(value: int | float | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def ordinal(n: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`, `22nd`..."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


_WHAT = {
    "top_pct_applicants": ("PCT applicant (patent filer)", "PCT applications"),
    "top_publishers": ("publishing organization (publisher)", "scientific articles (papers)"),
}
_FIELD_KIND = {
    "patent_fields": ("technology field", "PCT patent applications"),
    "publication_fields": ("science field", "scientific articles (papers)"),
}
_COLLAB = {
    "patent_collaboration": (
        "PCT applications are filed in collaboration with other inventors",
        "patents",
    ),
    "publication_collaboration": (
        "scientific articles (papers) are published in collaboration with other organizations",
        "scientific publications (papers)",
    ),
}


_ENTRY_LISTS = ("top_pct_applicants", "top_publishers", "patent_fields", "publication_fields")
_SHARED = {
    "cluster": "profile",
    "edition": "profile",
    "national_rank": "national",
    "national_cluster_count": "national",
    "patent_collaboration.partner": "patent_collaboration.partners",
    "publication_collaboration.partner": "publication_collaboration.partners",
}


def statement_key(fact: Fact) -> str:
    """Which statement of the profile `fact` belongs to; the facts of one statement share one
    sentence, so the vector index embeds it once.

    A statement is what a profile says in one breath: a list entry (an organization's name,
    count and share; a field and its share), the partner locations of one collaboration, the
    national rank with the number of clusters it is out of, and the profile's heading (cluster
    and edition). Every other fact is a statement of its own.
    """
    if fact.metric.partition(".")[0] in _ENTRY_LISTS:
        return fact.path.rpartition(".")[0]
    return _SHARED.get(fact.metric, fact.path)


def fact_sentence(
    fact: Fact, *, national_count: int | None = None, entry: Sequence[Fact] | None = None
) -> str:
    """The sentence indexed for `fact`, always starting with the cluster name. Names the metric
    in the words people use (rank, output, share, partner).

    The facts of one statement (`entry`: the grounded facts with `fact`'s `statement_key`)
    share one sentence naming all of them, e.g. "Hefei: CHANGXIN MEMORY TECHNOLOGIES is the top
    PCT applicant (patent filer), with 2,069 PCT applications (54% share)." A value without
    evidence is not a fact and is not named. Without `entry`, the sentence names `fact` alone.
    """
    group = list(entry or [fact])
    head = fact.metric.partition(".")[0]
    if head in _ENTRY_LISTS:
        return _entry_sentence(fact, group)
    if fact.metric.endswith(".partner") and len(group) > 1:
        return _partners_sentence(fact, group)
    if fact.metric in _SHARED and len(group) > 1:
        return _shared_sentence(fact, group)
    c, e, v, eco = fact.cluster, fact.entity, _num(fact.value), fact.economy
    ed = f" (Global Innovation Index {fact.edition})" if fact.edition else ""
    tail = fact.metric.partition(".")[2]
    r = fact.rank or 0
    n = ordinal(int(fact.value)) if isinstance(fact.value, int | float) else "?"
    if fact.metric == "cluster":
        return f"{c}, {eco}: science and technology (S&T) cluster profile{ed}."
    if fact.metric == "economy":
        return f"{c} is a science and technology cluster in the economy of {e}{ed}."
    if fact.metric == "edition":
        return (
            f"{c}: cluster profile from the {v.replace(',', '')} edition of the Global "
            "Innovation Index (GII)."
        )
    if fact.metric == "national_rank":
        of = f", out of {national_count} clusters of {eco}," if national_count else ""
        return (
            f"{c}'s national rank is {v}: the {n}-ranked cluster of {eco}{of} in the top 100 "
            f"science and technology clusters{ed}."
        )
    if fact.metric == "national_cluster_count":
        return f"{c}: {eco} has {v} clusters in the top 100 science and technology clusters{ed}."
    if fact.metric == "global_size_rank":
        return (
            f"{c}'s global size rank is {v}: the {n} largest science and technology cluster "
            f"in the world{ed}."
        )
    if fact.metric == "global_intensity_rank":
        return (
            f"{c}'s intensity rank is {v}: the {n} S&T cluster by intensity (relative to "
            f"population density){ed}."
        )
    if fact.metric == "pct_applications":
        return (
            f"{c}'s patent output: {v} PCT patent applications filed per 1 million inhabitants "
            f"over the last five years{ed}."
        )
    if fact.metric == "scientific_articles":
        return (
            f"{c}'s scientific output: {v} scientific articles (publications, papers) "
            f"published per 1 million inhabitants over the last five years{ed}."
        )
    if head in _COLLAB:
        things, short = _COLLAB[head]
        if tail == "share":
            return f"{c}: {v}% of {things} (collaboration share)."
        pos = "top" if r == 1 else ordinal(r)
        return f"{c}: {e} is the {pos} collaborating location (partner) for {short}."
    return f"{c}: {fact.metric} {e or ''} {v}".strip()


def _partners_sentence(fact: Fact, group: Sequence[Fact]) -> str:
    """One sentence for the partner locations of one collaboration, in source order."""
    _things, short = _COLLAB[fact.metric.partition(".")[0]]
    names = [f.entity or "?" for f in group]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    return f"{fact.cluster}'s top collaborating locations (partners) for {short}: {listed}."


def _shared_sentence(fact: Fact, group: Sequence[Fact]) -> str:
    """One sentence for the profile's heading (cluster and edition) or for the national
    rank with the number of clusters it is out of, naming only the facts in `group`."""
    c = fact.cluster
    by = {f.metric: f for f in group}
    rank, count = by.get("national_rank"), by.get("national_cluster_count")
    if rank is not None:  # with its count: a group of one statement holds both
        total = int(count.value) if count is not None and count.value is not None else None
        return fact_sentence(rank, national_count=total)
    edition = by.get("edition")
    year = f" from the {int(edition.value)} edition" if edition and edition.value else ""
    return (
        f"{c}, {fact.economy}: science and technology (S&T) cluster profile{year} of the Global "
        "Innovation Index (GII)."
    )


def _entry_sentence(fact: Fact, entry: Sequence[Fact]) -> str:
    """One sentence for a list entry, naming its grounded name, count and share."""
    c, e, r = fact.cluster, fact.entity, fact.rank or 0
    head = fact.metric.partition(".")[0]
    by_attr = {f.metric.partition(".")[2]: f for f in entry}
    count, share = by_attr.get("count"), by_attr.get("share")
    if head in _WHAT:
        role, things = _WHAT[head]
        pos = "top" if r == 1 else ordinal(r)
        figures = []
        if count is not None:
            figures.append(f"{_num(count.value)} {things}")
        if share is not None:
            figures.append(f"{_num(share.value)}% share")
        said = f", with {' ('.join(figures)}{')' if len(figures) == 2 else ''}" if figures else ""
        return f"{c}: {e} is the {pos} {role}{said}."
    kind, things = _FIELD_KIND[head]
    said = f" ({_num(share.value)}% share)" if share is not None else ""
    return f"{c}: {e} is the No. {r} {kind} of {things}{said}."
