"""Grounding the LLM's rows: top-list rows, field breakdown rows and collaboration facts.

Each row's name must be written in its quote word for word (`_named_rows`), its figures beside
it; a rank may also be the number an `<ol>` prints, a spoken or lettered rank, or the place a
verb gives ("X leads, followed by Y"). A field's share must stand with its field, not under
another label; a collaboration quote must be about that kind of collaboration, and each partner
location written in it in the order given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from nlq.extractors.grounder import ACCEPT, Grounder, short
from nlq.extractors.number_tokens import Token
from nlq.numbers import parse_cardinal

if TYPE_CHECKING:
    from nlq.extractors.grounding import CollaborationFacts, FieldRow, RankedRow

_COLLAB_WORD = re.compile(
    r"collab|cooper|coop[ée]r|kooper|zusammenarbeit|colabora|partner|co-?invent|co-?author"
)
_COLLAB_KIND = {
    "patent_collaboration": re.compile(r"pct|patent|invent|brevet|applica"),
    "publication_collaboration": re.compile(r"articl|art[íi]cul|publi|paper|scien|organi"),
}
_SHARE_TITLE = re.compile(r"\bshare|\bpct\b|percent")


def _named_rows(g: Grounder, key: str, rows: Sequence[Any], attr: str) -> Iterator[tuple]:
    """The rows whose quote and name are grounded, as (row, path, i, span, found); `i` is the
    row's index in the output (ungrounded rows are skipped) and its name span is recorded."""
    used: set[int] = set()
    after = 0
    i = 0
    for j, row in enumerate(rows):
        path = f"{key}[{j}]"
        span = g.quote_span(path, row.quote, used, after)
        found = span and g.name(f"{path}.{attr}", getattr(row, attr), span[0], span[1], row.quote)
        if not found:
            continue
        after = span[0]
        start, _, end, _ = found
        g.out.spans[f"{key}[{i}].{attr}"] = (g.view.starts[start], g.view.ends[end - 1])
        yield row, path, i, span, found
        i += 1


def ranked_rows(g: Grounder, key: str, rows: list[RankedRow]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row, path, i, span, (start, head_end, end, name) in _named_rows(g, key, rows, "name"):
        entry: dict[str, Any] = {"rank": None, "name": name, "count": None, "share": None}
        name_span = (start, end) if head_end == end else (start, head_end)
        taken: list[Token] = [Token(0, *name_span, "name")]
        listed = g.list_rank(row.rank, start) if row.rank is not None else None
        if listed is not None:  # a rank the <ol> prints
            entry["rank"] = row.rank
            g.out.spans[f"{key}[{i}].rank"] = listed
        elif row.rank is not None:
            before = (span[0], start)
            prev = out[-1]["rank"] if out else None
            t = (
                _next_rank(g, row.rank, prev, span, start)
                or _verb_rank(g, row.rank, prev, span, end)
                or _spoken_rank(g, row.rank, span, start)
                or _letter_rank(g, row.rank, span, start)
            )
            t = t or g.number(
                f"{path}.rank", row.rank, "rank", span, row.quote, taken, prefer=before
            )
            if t:
                entry["rank"] = t.value
                taken.append(t)
                g.put(f"{key}[{i}].rank", (t.start, t.end))
        tail = (head_end, span[1])
        if row.count is not None:
            t = g.number(f"{path}.count", row.count, "count", span, row.quote, taken, prefer=tail)
            if t:
                entry["count"] = t.value
                taken.append(t)
                g.put(f"{key}[{i}].count", (t.start, t.end))
                tail = (t.end, span[1])
        if row.share is not None:
            t = g.number(
                f"{path}.share", row.share, "row_share", span, row.quote, taken, prefer=tail
            )
            if t:
                entry["share"] = t.value
                g.put(f"{key}[{i}].share", (t.start, t.end))
        out.append(entry)
    return out


# "It is followed by Y with 6,233 articles (20%)": a rank written as the place after the row
# before (sentences.py reads such prose the same way).
_FOLLOWED = re.compile(r"\bfollowed by\b")


def _next_rank(
    g: Grounder, rank: int, prev: object, span: tuple[int, int], name_start: int
) -> Token | None:
    """The "followed by" before a row's name, as its rank, when the rank is the one after the
    row before's (grounded) rank and the quote writes no such rank itself; else None."""
    if not isinstance(prev, int) or rank != prev + 1:
        return None
    if any(t.kind in ACCEPT["rank"] and t.value == rank for t in g.view.tokens(*span)):
        return None
    found = list(_FOLLOWED.finditer(g.view.fold, span[0], name_start))
    return Token(rank, found[-1].start(), found[-1].end(), "ordinal") if found else None


# "One: NAME, 2,069 patents, 54%. Two: ...": a rank said as a word before the name (a
# transcript, read by `layout/transcript.py`); "Number two, NAME, seventy-four patents, six
# percent." in a transcribed briefing (`layout/spoken.py`).
_SPOKEN_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SPOKEN = re.compile(
    rf"(?:\b({'|'.join(_SPOKEN_WORDS)}):|\bnumber[ \t]+([a-z]+(?:-[a-z]+)?),)[ \t]*$"
)


def _spoken_rank(g: Grounder, rank: int, span: tuple[int, int], name_start: int) -> Token | None:
    """The number word right before a row's name ("Two: NAME", "Number two, NAME"), as its
    rank, when it says `rank`; else None."""
    m = _SPOKEN.search(g.view.fold, max(span[0], name_start - 30), name_start)
    group = m and (1 if m.group(1) else 2)
    if m is None or _word_value(m.group(group)) != rank:
        return None
    return Token(rank, m.start(group), m.end(group), "ordinal")


# "   b) NAME ..... 74 patents, 6%": an outline's item letter starting the row's quote, the
# item's place in the list (`layout/letter_items.py` reads such lists the same way).
_LETTERED = re.compile(r"([a-z])\)[ \t]+$")


def _letter_rank(g: Grounder, rank: int, span: tuple[int, int], name_start: int) -> Token | None:
    """The item letter that starts a row's quote right before its name ("b) NAME"), as its
    rank, when its place in the alphabet is `rank`; else None."""
    m = _LETTERED.search(g.view.fold, span[0], name_start)
    if m is None or m.start(1) != span[0] or ord(m.group(1)) - ord("a") + 1 != rank:
        return None
    return Token(rank, m.start(1), m.end(1), "ordinal")


def _word_value(word: str) -> int | None:
    try:
        return parse_cardinal(word)
    except ValueError:
        return None


# "X leads with 2,069 patents ...; Y follows with 114 (3%)": the first rank, and the one after
# the row before's, written as a verb after the name (sentences.py reads them the same way).
_LEADS = re.compile(r"[ \t]+(leads)\b")
_FOLLOWS = re.compile(r"[ \t]+(follows)\b")


def _verb_rank(
    g: Grounder, rank: int, prev: object, span: tuple[int, int], name_end: int
) -> Token | None:
    """The "leads" (rank 1, the first row) or "follows" (the rank after the row before's)
    right after a row's name in its quote, when the quote writes no such rank itself."""
    if prev is None and rank == 1:
        verb = _LEADS
    elif isinstance(prev, int) and rank == prev + 1:
        verb = _FOLLOWS
    else:
        return None
    if any(t.kind in ACCEPT["rank"] and t.value == rank for t in g.view.tokens(*span)):
        return None
    found = verb.match(g.view.fold, name_end, span[1])
    return Token(rank, found.start(1), found.end(1), "ordinal") if found else None


def field_rows(g: Grounder, key: str, rows: list[FieldRow]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row, path, i, span, (start, head_end, end, name) in _named_rows(g, key, rows, "field"):
        entry: dict[str, Any] = {"field": name, "share": None}
        if row.share is not None:
            # A field wrapped in two parts ("Electrical machinery, apparatus,  11%" / "energy"):
            # its share follows the first part, as a ranked name's figures do.
            head = (start, end) if head_end == end else (start, head_end)
            name_token = [Token(0, *head, "name")]
            name_token += _under_other_labels(g, span, (start, end))
            t = g.number(
                f"{path}.share",
                row.share,
                "row_share",
                span,
                row.quote,
                name_token,
                prefer=(head[1], span[1]),
            )
            if t:
                entry["share"] = t.value
                g.put(f"{key}[{i}].share", (t.start, t.end))
        out.append(entry)
    return out


def _under_other_labels(g: Grounder, span: tuple[int, int], name: tuple[int, int]) -> list[Token]:
    """The figures of the quote `span` whose label in the cell above is not the name at view
    `name`: a field's share in a row of shares under a row of field names is the one in the
    name's column."""
    lo, hi = g.view.starts[name[0]], g.view.ends[name[1] - 1]
    out = []
    for t in g.view.tokens(*span):
        label = g.cell_label(t, span[0])
        if label is not None and not (label[0] < hi and lo < label[1]):
            out.append(t)
    return out


def _under_other_collaboration(g: Grounder, key: str, span: tuple[int, int]) -> list[Token]:
    """The figures of the quote `span` under a label, in the cell above, about the other
    collaboration ("Publication collaboration share" over 71% is no patent share)."""
    own = _COLLAB_KIND[key]
    rival = next(p for k, p in _COLLAB_KIND.items() if k != key)
    out = []
    for t in g.view.tokens(*span):
        label = g.cell_label(t, span[0])
        text = label and g.view.raw[label[0] : label[1]].lower()
        if text and rival.search(text) and not own.search(text):
            out.append(t)
    return out


def collaboration_facts(g: Grounder, key: str, item: CollaborationFacts) -> dict[str, Any] | None:
    span = g.quote_span(key, item.quote, set())
    if span is None:
        return None
    text = g.view.words(*span)
    if not _COLLAB_WORD.search(text) or not _COLLAB_KIND[key].search(text):
        kind = "patents" if key.startswith("patent") else "publications"
        g.problem(
            key,
            f"the quote {short(item.quote)} is not about collaboration on {kind}; quote the "
            "sentence that gives that share and its partner locations",
            "dropped LLM collaboration facts whose quote is not about this collaboration",
        )
        return None
    out: dict[str, Any] = {"share": None, "partners": []}
    taken: list[Token] = []
    if item.share is not None:
        # A share is written with "%", or bare under a share title ("share_pct  47").
        kind = "row_share" if _SHARE_TITLE.search(text) else "share"
        other = _under_other_collaboration(g, key, span)
        t = g.number(f"{key}.share", item.share, kind, span, item.quote, other)
        if t:
            out["share"] = t.value
            taken.append(t)
            g.put(f"{key}.share", (t.start, t.end))
    pos = span[0]
    for j, partner in enumerate(item.partners):
        found = g.view.find_name(partner, pos, span[1]) or g.view.find_name(partner, *span)
        if found is None or any(found[0] < u.end and u.start < found[1] for u in taken):
            g.problem(
                f"{key}.partners[{j}]",
                f"{partner!r} is not written in the quote {short(item.quote)} (or is listed "
                "twice); copy partner names exactly, in the order written",
                "dropped an LLM partner location its quote does not contain",
            )
            continue
        i = len(out["partners"])
        out["partners"].append(g.view.text(*found))
        taken.append(Token(0, *found, "name"))
        g.put(f"{key}.partners[{i}]", found)
        pos = found[1]
    if out["share"] is None and not out["partners"]:
        return None
    return out
