"""A sheet of one fact per row ("metric,rank,name,value", a long-form export) -> the blocks a
profile's own layout gives.

Such a sheet states each figure on a row of its own, named by its metric:

    edition,,Global Innovation Index,2024
    national rank (out of 26 Chinese clusters ...),,,10
    top PCT applicants - patents,1,CENTRAL SOUTH UNIVERSITY,146
    top PCT applicants - share,1,CENTRAL SOUTH UNIVERSITY,12%
    top collaborative location (patents),1,Beijing,

Read as it stands, the sheet is one table whose rows no list reader can use. Its rows become:

- a row without a rank: one "metric: name value" line ("edition: Global Innovation Index
  2024", "national rank (...): 10");
- rows of a ranked list split over several metrics sharing a title ("top PCT applicants -
  patents", "top PCT applicants - share"), each with a rank and name: the title as a heading,
  then one table of rank, name and one column per metric ("patents", "share"), one row per
  rank, the figures in their own cells. The rows of one rank must name the same entry, or the
  list is left as it is;
- ranked rows without a figure (partners, one per row): one "metric: a, b, c" line, in rank
  order;
- two or more unranked rows of one metric, each a name and a value ("patent fields,,
  Semiconductors,35%"): the metric as a heading over a two-column table of them;
- unranked rows holding a name and, in a share column, a share of their own ("patents,,
  "Beijing, Hefei",,6%"): one table of metric, name and share, as a collaboration table
  writes them.

A metric written as an identifier ("national_rank", "pct-applications") reads as its words.
Only a table whose header names a metric, a rank, a name and a value column is read this way;
a share column beside them ("share", "%") is optional: a ranked list keeps it as a column, and
a row's share is its figure when its value cell is empty.
"""

from __future__ import annotations

import re

from nlq.layout.data_keys import key_words
from nlq.layout.document import Block, BlockKind, MappedText, join
from nlq.layout.fact_columns import constant_columns, unit_named

_METRIC = re.compile(r"^(?:metric|fact|indicator|item|measure|label|key|field)s?$", re.I)
_SUB = re.compile(r"\s+[-–—:/]\s+")  # "top PCT applicants - patents"
_SHARE = re.compile(r"^(?:share|%|share \(%\)|percent(?:age)?)$", re.I)
_IDENT = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+")  # "national_rank", "global-size-rank"
_LISTED = re.compile(r"[,;]")  # "A, B, C": a list of names in one cell
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)", re.I)  # "32nd": a rank as a page prints it
_SHARED = "\0share"  # a ranked entry's cell of the share column


def fact_row_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` with each one-fact-per-row table replaced by the blocks it stands for."""
    out: list[Block] = []
    for block in blocks:
        columns = _columns(block)
        if columns is None:
            out.append(block)
            continue
        keys = [_cell(r, columns[0]) for r in block.rows[1:]]
        keyed = frozenset(key_words(k).text for k in keys if _IDENT.fullmatch(k.text))
        block = _worded(block, columns[0])
        out.extend(constant_columns(block, columns))
        out.extend(_facts(unit_named(block, columns), *columns, keyed=keyed))
    return out


def _columns(block: Block) -> tuple[int, int, int, int, int | None] | None:
    if block.kind != BlockKind.TABLE or len(block.rows) < 3:
        return None
    names = [c.text.strip().lower() for c in block.rows[0]]
    found = [next((i for i, n in enumerate(names) if _METRIC.match(n)), None)]
    for wanted in _WANTED:
        found.append(next((i for i, n in enumerate(names) if n in wanted and i not in found), None))
    if None in found or len(set(found)) != 4:
        return None
    share = next((i for i, n in enumerate(names) if _SHARE.match(n) and i not in found), None)
    return found[0], found[1], found[2], found[3], share  # type: ignore[return-value]


# The titles of the rank, name and value columns: the first column titled so, other than the
# metric's ("indicator" as the metric, "label" as the name).
_WANTED = (("rank", "position", "pos"), ("name", "label", "entity"), ("value",))


def _worded(block: Block, metric: int) -> Block:
    """`block` with each metric written as an identifier read as its words."""
    rows = []
    for row in block.rows:
        cell = _cell(row, metric)
        if _IDENT.fullmatch(cell.text):
            row = (*row[:metric], key_words(cell), *row[metric + 1 :])
        rows.append(row)
    return Block(BlockKind.TABLE, rows=tuple(rows))


def _cell(row: tuple[MappedText, ...], i: int) -> MappedText:
    return row[i].strip() if i < len(row) else MappedText("", [])


def _facts(
    block: Block,
    metric: int,
    rank: int,
    name: int,
    value: int,
    share: int | None,
    *,
    keyed: frozenset[str] = frozenset(),
) -> list[Block]:
    out: list[Block] = []
    rows = [r for r in block.rows[1:] if _cell(r, metric).text]
    k = 0
    while k < len(rows):
        m, r = _cell(rows[k], metric), _cell(rows[k], rank)
        if not r.text.isdigit():
            j = k
            while j < len(rows) and _unranked_pair(rows[j], m, metric, rank, name, value, share):
                j += 1
            if j - k >= 2:  # "patent fields,,Semiconductors,35%" rows: a breakdown's table
                pairs = tuple((_cell(x, name), _figure(x, value, share)) for x in rows[k:j])
                out += [
                    Block(BlockKind.HEADING, text=m, level=2),
                    Block(BlockKind.TABLE, rows=pairs),
                ]
                k = j
                continue
            j = k
            while j < len(rows) and _named_share(rows[j], rank, name, value, share):
                j += 1
            if j > k:  # "patents,,"Beijing, Hefei",,6%": a collaboration table's rows
                assert share is not None
                head = block.rows[0]
                titles = (_cell(head, metric), _cell(head, name), _cell(head, share))
                for x in rows[k:j]:  # each under its metric, which names its kind
                    out += [
                        Block(BlockKind.HEADING, text=_cell(x, metric), level=3),
                        Block(
                            BlockKind.TABLE,
                            rows=(titles, (_cell(x, metric), _cell(x, name), _cell(x, share))),
                        ),
                    ]
                k = j
                continue
            out.append(
                Block(BlockKind.PARAGRAPH, text=_fact_line(rows[k], m, name, value, share, keyed))
            )
            k += 1
            continue
        title = _title(m)
        j = k
        while (
            j < len(rows)
            and _cell(rows[j], rank).text.isdigit()
            and _title(_cell(rows[j], metric)).text == title.text
        ):
            j += 1
        group = rows[k:j]
        k = j
        out.extend(_ranked(block.rows[0], group, metric, rank, name, value, share))
    return out


def _fact_line(
    row: tuple[MappedText, ...],
    m: MappedText,
    name: int,
    value: int,
    share: int | None,
    keyed: frozenset[str],
) -> MappedText:
    """An unranked row as one line: "metric: name value"; an ordinal first, as a page prints
    it ("rank size: 32nd largest science and technology cluster in 2024"); under a metric
    written as a key (one of `keyed`), the name is the figure's label ("pct applications per
    1m - PCT applications per 1 million inhabitants (last five years): 309")."""
    n, f = _cell(row, name), _figure(row, value, share)
    if _ORDINAL.fullmatch(f.text):
        return join([m, join([f, n], " ")], ": ")
    if m.text in keyed and n.text and f.text:
        return join([join([m, n], " - "), f], ": ")
    return join([m, join([n, f], " ")], ": ")


def _figure(row: tuple[MappedText, ...], value: int, share: int | None) -> MappedText:
    """A row's figure: its value, or its share when the value cell is empty."""
    found = _cell(row, value)
    return found if found.text or share is None else _cell(row, share)


def _named_share(
    row: tuple[MappedText, ...], rank: int, name: int, value: int, share: int | None
) -> bool:
    """Whether `row` is an unranked list of names ("A, B, C") with a share of its own and no
    value."""
    return (
        share is not None
        and not _cell(row, rank).text
        and _LISTED.search(_cell(row, name).text) is not None
        and not _cell(row, value).text
        and bool(_cell(row, share).text)
    )


def _unranked_pair(
    row: tuple[MappedText, ...],
    m: MappedText,
    metric: int,
    rank: int,
    name: int,
    value: int,
    share: int | None,
) -> bool:
    """Whether `row` is an unranked name and value under the metric `m`."""
    return (
        _cell(row, metric).text == m.text
        and not _cell(row, rank).text
        and bool(_cell(row, name).text)
        and bool(_figure(row, value, share).text)
    )


def _title(metric: MappedText) -> MappedText:
    """The list a metric belongs to: "top PCT applicants - share" -> "top PCT applicants"."""
    parts = list(_SUB.finditer(metric.text))
    return metric.slice(0, parts[-1].start()) if parts else metric


def _ranked(
    head: tuple[MappedText, ...],
    group: list,
    metric: int,
    rank: int,
    name: int,
    value: int,
    share: int | None,
) -> list[Block]:
    """One list's rows: a heading and a table (its share column last), or a "metric: a, b, c"
    line of names."""
    title = _title(_cell(group[0], metric))
    if not any(_figure(r, value, share).text for r in group):
        ordered = sorted(group, key=lambda r: int(_cell(r, rank).text))
        names = [_cell(r, name) for r in ordered]
        return [Block(BlockKind.PARAGRAPH, text=join([title, join(names, ", ")], ": "))]
    columns: list[str] = []
    heads: list[MappedText] = []
    entries: dict[int, dict] = {}
    for r in group:
        m = _cell(r, metric)
        sub = m.slice(len(title.text), len(m.text)).strip(" -–—:/") if m.text != title.text else m
        n, v = _cell(r, name), _cell(r, value)
        if sub.text not in columns:
            columns.append(sub.text)
            heads.append(sub)
        entry = entries.setdefault(int(_cell(r, rank).text), {"rank": _cell(r, rank), "name": n})
        if entry["name"].text != n.text or sub.text in entry:
            return [Block(BlockKind.TABLE, rows=tuple(group))]  # not one list: left as it is
        entry[sub.text] = v
        if share is not None and _cell(r, share).text:
            entry.setdefault(_SHARED, _cell(r, share))
    if share is not None and any(_SHARED in e for e in entries.values()):
        columns.append(_SHARED)
        heads.append(_cell(head, share))
    header = (_cell(head, rank), _cell(head, name), *heads)
    body = [
        (e["rank"], e["name"], *(e.get(c) or MappedText("", []) for c in columns))
        for _, e in sorted(entries.items())
    ]
    return [
        Block(BlockKind.HEADING, text=title, level=2),
        Block(BlockKind.TABLE, rows=(header, *body)),
    ]
