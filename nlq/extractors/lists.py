"""Top lists and field breakdowns read from tables and list items of any shape.

Cells are read by what they hold (a small whole number is a rank, "54%" a share, "2,069" a
count, words a name), so column order, empty header cells, header words and two tables side
by side on one row need no special cases. A cell or list item that holds a name and figures
together ("CHANGXIN MEMORY TECHNOLOGIES — 2,069 patents (54%)", "Semiconductors (35%)") is
split by the shape of its tail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlq.extractors.located import Located, locate
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.numbers import NUMBER, NUMBER_RE, parse_number

_UNIT = (
    r"(?:PCT\s+)?(?:patent\s+)?"
    r"(?:patents?|applications?|filings?|articles?|publications?|papers?|documents?)"
)
_TAIL = re.compile(
    rf"(?P<count>{NUMBER})(?:\s*{_UNIT})?"
    rf"(?:[\s,;:–—\-]*\(?\s*(?:share\s*(?:of\s*)?[:=]?\s*)?(?P<share>{NUMBER})\s?%\s*\)?)?"
    r"[\s.;]*$",
    re.I,
)
_SHARE_TAIL = re.compile(rf"\(?\s*(?P<share>{NUMBER})\s?%\s*\)?[\s.;]*$")
_NAME_END = " \t:–—-|,(·…"
_RANK_CELL = re.compile(r"^#?(?P<n>\d{1,3})[.)]?$")
_PERCENT_CELL = re.compile(rf"^(?P<n>{NUMBER})\s?%$")
_NUMBER_CELL = re.compile(rf"^(?P<n>{NUMBER})$")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# A rank written at the start of an item: "1.", "2)", "#3", or a bare "1 " before a name.
_ITEM_RANK = re.compile(r"^#?(\d{1,3})(?:[.):]\s*|\s+)(?=[^\W\d_])")


@dataclass(slots=True)
class Entry:
    """One ranked row being assembled."""

    rank: Located | None = None
    name: Located | None = None
    count: Located | None = None
    share: Located | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    """A field and its share."""

    field: Located
    share: Located | None


@dataclass(frozen=True, slots=True)
class ItemParts:
    name: Located | None
    count: Located | None
    share: Located | None


def _name_end(head: str) -> int:
    """Where a name ends before its figures: separators and dot leaders ("NAME ..... 146") go."""
    end = len(head.rstrip(_NAME_END))
    while head[:end].endswith(".."):
        end = len(head[:end].rstrip(". " + _NAME_END))
    return end


def _tail(text: str) -> tuple[re.Match[str], bool] | None:
    """The figures at the end of `text`: tried at each number, leftmost first, so the name
    keeps everything before the first number that starts a valid tail."""
    for n in NUMBER_RE.finditer(text):
        m = _TAIL.match(text, n.start())
        if m:
            return m, True
        m = _SHARE_TAIL.match(
            text, n.start() - (1 if n.start() and text[n.start() - 1] == "(" else 0)
        )
        if m:
            return m, False
    return None


def split_item(t: MappedText) -> ItemParts:
    """Name, count and share of text such as "NAME — 2,069 patents (54%)" or "Optics (4%)"."""
    text = t.text
    found = _tail(text) if _DIGIT.search(text) else None
    if found:
        m, with_count = found
        name_end = _name_end(text[: m.start()])
        if name_end and _LETTER.search(text[:name_end]):
            lead = len(text) - len(text.lstrip())
            name = locate(t, lead, name_end, text[lead:name_end])
            count = share = None
            if with_count:
                value = parse_number(m.group("count"))
                if isinstance(value, int):
                    count = locate(t, m.start("count"), m.end("count"), value)
            if m.group("share"):
                share = locate(t, m.start("share"), m.end("share"), parse_number(m.group("share")))
            if count is not None or share is not None:
                return ItemParts(name, count, share)
    if _LETTER.search(text):
        return ItemParts(locate(t, 0, len(text), text), None, None)
    return ItemParts(None, None, None)


def _cell_number(cell: MappedText, pattern: re.Pattern[str]) -> Located | None:
    m = pattern.match(cell.text)
    if not m:
        return None
    return locate(cell, m.start("n"), m.end("n"), parse_number(m.group("n")))


def ranked_from_row(row: tuple[MappedText, ...]) -> list[Entry]:
    """Entries in one table row, left to right (two when tables stand side by side)."""
    entries: list[Entry] = []
    cur = Entry()

    def flush() -> None:
        nonlocal cur
        if cur.name is not None:
            entries.append(cur)
        cur = Entry()

    for cell in row:
        if not cell.text:
            continue
        rank = _cell_number(cell, _RANK_CELL)
        if rank is not None and (
            cur.name is None or cur.count is not None or cur.share is not None
        ):
            if cur.name is not None or cur.rank is not None:
                flush()
            cur.rank = rank
            continue
        share = _cell_number(cell, _PERCENT_CELL)
        if share is not None:
            if cur.share is not None:
                flush()
            cur.share = share
            continue
        count = rank or _cell_number(cell, _NUMBER_CELL)
        if count is not None:
            if isinstance(count.value, int) and cur.name is not None and cur.count is None:
                cur.count = count
            continue
        parts = split_item(cell)
        if parts.name is None:
            continue
        if cur.name is not None:
            flush()
        cur.name = parts.name
        cur.count = parts.count or cur.count
        cur.share = parts.share or cur.share
    flush()
    return entries


def ranked_from_item(block: Block) -> Entry | None:
    """The entry a list item describes ("1. NAME — 2,069 patents (54%)")."""
    parts = split_item(block.text)
    if parts.name is None:
        return None
    rank = None
    if block.ordinal is not None and block.ordinal_text is not None:
        rank = locate(block.ordinal_text, 0, len(block.ordinal_text.text), block.ordinal)
    else:
        m = _ITEM_RANK.match(block.text.text)
        if m:
            rank = locate(block.text, m.start(1), m.end(1), int(m.group(1)))
            rest = block.text.slice(m.end(), len(block.text.text))
            parts = split_item(rest)
            if parts.name is None:
                return None
    return Entry(rank, parts.name, parts.count, parts.share)


def pairs_from_row(row: tuple[MappedText, ...]) -> list[Pair]:
    """Field/share pairs in one table row, left to right."""
    pairs: list[Pair] = []
    pending: Located | None = None
    for cell in row:
        if not cell.text:
            continue
        share = _cell_number(cell, _PERCENT_CELL)
        if share is not None:
            if pending is not None:
                pairs.append(Pair(pending, share))
                pending = None
            continue
        parts = split_item(cell)
        if parts.name is None:
            continue
        if pending is not None:
            pairs.append(Pair(pending, None))
            pending = None
        if parts.share is not None and parts.count is None:
            pairs.append(Pair(parts.name, parts.share))
        elif parts.share is None and parts.count is None:
            pending = parts.name
    if pending is not None:
        pairs.append(Pair(pending, None))
    return pairs


def is_header_row(row: tuple[MappedText, ...]) -> bool:
    """A row with no figures: column titles such as "Patents | Share" or empty cells."""
    return not any(_DIGIT.search(c.text) for c in row)


def section_entries(blocks: list[Block], width: int) -> list[list[Entry]]:
    """Ranked entries of a section's blocks, split into `width` side-by-side lists."""
    lists: list[list[Entry]] = [[] for _ in range(width)]
    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            entry = ranked_from_item(block)
            if entry:
                lists[0].append(entry)
            continue
        for row in block.rows:
            if is_header_row(row):
                continue
            found = ranked_from_row(row)
            for k, entry in enumerate(found):
                lists[min(k * width // max(len(found), 1), width - 1)].append(entry)
    return lists


def section_pairs(blocks: list[Block], width: int) -> list[list[Pair]]:
    """Field/share pairs of a section's blocks, read column by column, split `width` ways."""
    lists: list[list[Pair]] = [[] for _ in range(width)]
    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            parts = split_item(block.text)
            if parts.name is not None and parts.count is None:
                lists[0].append(Pair(parts.name, parts.share))
            continue
        columns: list[list[Pair]] = []
        for row in block.rows:
            if is_header_row(row) and not any(
                _LETTER.search(c.text) and "%" in c.text for c in row
            ):
                continue
            for k, pair in enumerate(pairs_from_row(row)):
                while len(columns) <= k:
                    columns.append([])
                columns[k].append(pair)
        for k, column in enumerate(columns):
            lists[min(k * width // max(len(columns), 1), width - 1)].extend(column)
    return lists
