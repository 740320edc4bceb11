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
from nlq.layout.document import Block, BlockKind, MappedText, join

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*")
_SLOT = re.compile(
    r"(?P<list>[A-Za-z][A-Za-z0-9_]*?)_(?P<n>\d{1,2})_(?P<field>[A-Za-z][A-Za-z0-9_]*)"
)
_MIN_COLUMNS = 8
_EMPTY = MappedText("", [])


def wide_record_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` with each one-record wide table replaced by the blocks it stands for."""
    out: list[Block] = []
    for block in blocks:
        if _wide_record(block):
            out.extend(_record_blocks(block.rows[0], block.rows[1]))
        else:
            out.append(block)
    return out


def _wide_record(block: Block) -> bool:
    if block.kind is not BlockKind.TABLE or len(block.rows) != 2:
        return False
    header = [c.text.strip() for c in block.rows[0]]
    if len(header) < _MIN_COLUMNS or len(set(header)) != len(header):
        return False
    return all(_NAME.fullmatch(t) for t in header)


def _record_blocks(header: tuple[MappedText, ...], values: tuple[MappedText, ...]) -> list[Block]:
    slots: dict[str, dict[int, dict[str, tuple[MappedText, MappedText]]]] = {}
    fields: dict[str, list[str]] = {}
    plain: list[tuple[MappedText, MappedText]] = []
    for k, name in enumerate(header):
        value = values[k].strip() if k < len(values) else _EMPTY
        m = _SLOT.fullmatch(name.text.strip())
        if m is None:
            if value.text:
                plain.append((name.strip(), value))
            continue
        n = int(m.group("n"))
        rank = name.slice(m.start("n"), m.end("n"))
        slots.setdefault(m.group("list"), {}).setdefault(n, {})[m.group("field")] = (rank, value)
        if m.group("field") not in fields.setdefault(m.group("list"), []):
            fields[m.group("list")].append(m.group("field"))
    lists = {key: numbered for key, numbered in slots.items() if len(numbered) >= 2}
    for k, name in enumerate(header):  # one "x_1_y" slot is a column like any other
        m = _SLOT.fullmatch(name.text.strip())
        value = values[k].strip() if k < len(values) else _EMPTY
        if m is not None and m.group("list") not in lists and value.text:
            plain.append((name.strip(), value))
    out = [
        Block(BlockKind.PARAGRAPH, text=join([key_words(k), _listed(v)], ": ")) for k, v in plain
    ]
    for key, numbered in lists.items():
        title = _words(header, key)
        names = fields[key]
        rows: list[tuple[MappedText, ...]] = [
            (_EMPTY, *(_field_title(header, key, f) for f in names))
        ]
        for n in sorted(numbered):
            cells = numbered[n]
            if not any(v.text for _, v in cells.values()):
                continue  # an unused slot
            rank = next(iter(cells.values()))[0]
            rows.append((rank, *(cells[f][1] if f in cells else _EMPTY for f in names)))
        out.append(Block(BlockKind.HEADING, text=title, level=2))
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


def _words(header: tuple[MappedText, ...], key: str) -> MappedText:
    """The list's name as words, from the first column that names it ("pct_applicant")."""
    cell = next(c.strip() for c in header if c.text.strip().startswith(key + "_"))
    return key_words(cell.slice(0, len(key)))


def _field_title(header: tuple[MappedText, ...], key: str, field: str) -> MappedText:
    """A slot field's column title ("patents"), from its first column."""
    for c in header:
        t = c.text.strip()
        m = _SLOT.fullmatch(t)
        if m and m.group("list") == key and m.group("field") == field:
            c = c.strip()
            return key_words(c.slice(m.start("field"), m.end("field")))
    return _EMPTY
