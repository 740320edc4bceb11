"""A delimited export of one record across many columns -> the blocks a profile's layout gives.

A dashboard's or a BI tool's export writes the whole profile as one row under a header of
column names, a list's entries in numbered slots:

    record_id,edition,cluster_name,economy,...,pct_applicant_1_name,pct_applicant_1_patents,
    pct_applicant_1_share,pct_applicant_2_name,...,patent_collab_share,...
    AT-LNZ-01,2025,Linz,Austria,...,VOESTALPINE STAHL GMBH,212,18%,ENGEL AUSTRIA GMBH,...

Read as it stands, it is a table of two rows that no reader can use. A table of exactly two
rows, eight columns or more, whose first row are all column names (a letter first, then
letters, digits, "_", "." or "-"; none repeated) becomes:

- for each list of numbered slots (`<list>_<n>_<field>`, two slots or more; a list of one
  slot is columns like the others): the list's name
  as a heading ("pct applicant"), then a table of the slot number, as the rank, and one column
  per field ("name", "patents", "share"), one row per slot that holds a value (unused slots
  are empty in such exports);
- the other columns: a "name: value" line each, as the JSON and YAML reader gives a key and
  its value (the name's underscores read as spaces; a value listing names between bars,
  "Munich | Vienna", as a list with commas); an empty value gives nothing.

The names keep their characters (the rank is the slot's digits inside its column name), so
every value keeps its exact span.
"""

from __future__ import annotations

import re

from nlq.layout.data_keys import key_words
from nlq.layout.delimited import count_outside_quotes
from nlq.layout.document import Block, BlockKind, MappedText, join

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*")
_SLOT = re.compile(
    r"(?P<list>[A-Za-z][A-Za-z0-9_]*?)_(?P<n>\d{1,2})_(?P<field>[A-Za-z][A-Za-z0-9_]*)"
)
_MIN_COLUMNS = 8
# "Rows: 1", "Columns = 51": one part of an export's size line.
_SIZE_PART = re.compile(r"\b(?:rows|records|columns|fields|cols)\s*[:=]\s*(\d+)", re.IGNORECASE)
_EMPTY = MappedText("", [])


def wide_record_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` with each one-record wide table replaced by the blocks it stands for. The
    export's own size line under it ("Rows: 1, Columns: 51": counts that are the record's
    rows and columns) is dropped: it describes the export, not the profile."""
    out: list[Block] = []
    columns = 0
    for block in blocks:
        if _wide_record(block):
            out.extend(_record_blocks(block.rows[0], block.rows[1]))
            columns = len(block.rows[0])
        elif columns and _size_line(block, columns):
            columns = 0
        else:
            out.append(block)
            columns = 0
    return out


def _size_line(block: Block, columns: int) -> bool:
    """Whether `block` says only how many rows and columns the export above it has."""
    text = " ".join(c.text for row in block.rows for c in row) if block.rows else block.text.text
    counts = [int(n) for n in _SIZE_PART.findall(text)]
    if not counts or _SIZE_PART.sub("", text).strip(" ,;|\t"):
        return False
    return columns in counts and set(counts) <= {1, 2, columns}


def _wide_record(block: Block) -> bool:
    if block.kind is not BlockKind.TABLE or len(block.rows) != 2:
        return False
    return _names_row([c.text.strip() for c in block.rows[0]])


def _names_row(header: list[str]) -> bool:
    if len(header) < _MIN_COLUMNS or len(set(header)) != len(header):
        return False
    return all(_NAME.fullmatch(t) for t in header)


def column_names(header: str, record: str, delim: str) -> bool:
    """Whether the delimited line `header` is a one-record export's column names over the
    line `record` (the LLM path's check of a figure's label in the cell above)."""
    names = [t.strip() for t in header.strip().split(delim)]
    cells = count_outside_quotes(record.strip(), delim) + 1
    return len(names) == cells and _names_row(names)


def _record_blocks(header: tuple[MappedText, ...], values: tuple[MappedText, ...]) -> list[Block]:
    columns = [
        (name.strip(), values[k].strip() if k < len(values) else _EMPTY)
        for k, name in enumerate(header)
    ]
    matches = [_SLOT.fullmatch(name.text) for name, _ in columns]
    # Each list's slots (number -> field -> (rank, value)), its name and its fields' titles,
    # as its first columns write them.
    slots: dict[str, dict[int, dict[str, tuple[MappedText, MappedText]]]] = {}
    heads: dict[str, MappedText] = {}
    titles: dict[str, dict[str, MappedText]] = {}
    for (name, value), m in zip(columns, matches, strict=True):
        if m is None:
            continue
        key, field = m.group("list"), m.group("field")
        rank = name.slice(m.start("n"), m.end("n"))
        slots.setdefault(key, {}).setdefault(int(m.group("n")), {})[field] = (rank, value)
        heads.setdefault(key, name.slice(0, m.end("list")))
        titles.setdefault(key, {}).setdefault(field, name.slice(m.start("field"), m.end("field")))
    lists = [key for key, numbered in slots.items() if len(numbered) >= 2]
    out = [
        Block(BlockKind.PARAGRAPH, text=join([key_words(name), _listed(value)], ": "))
        for (name, value), m in zip(columns, matches, strict=True)
        if value.text and (m is None or m.group("list") not in lists)
    ]
    for key in lists:
        fields = list(titles[key])
        rows: list[tuple[MappedText, ...]] = [
            (_EMPTY, *(key_words(titles[key][f]) for f in fields))
        ]
        for _, cells in sorted(slots[key].items()):
            if not any(v.text for _, v in cells.values()):
                continue  # an unused slot
            rank = next(iter(cells.values()))[0]
            rows.append((rank, *(cells[f][1] if f in cells else _EMPTY for f in fields)))
        out.append(Block(BlockKind.HEADING, text=key_words(heads[key]), level=2))
        out.append(Block(BlockKind.TABLE, rows=tuple(rows)))
    return out


def _listed(value: MappedText) -> MappedText:
    """A cell listing its names between bars ("Munich | Vienna | Stuttgart") as a list with
    commas, as the other readers give a list ("Munich, Vienna, Stuttgart")."""
    if " | " not in value.text:
        return value
    pieces, pos = [], 0
    for part in value.text.split(" | "):
        pieces.append(value.slice(pos, pos + len(part)).strip())
        pos += len(part) + 3
    return join(pieces, ", ")
