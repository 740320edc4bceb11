"""The columns of a one-fact-per-row sheet (`fact_rows.py`) beside its metric, rank, name and
value: the same on every row, or naming each row's unit.

A tidy export repeats what holds for the whole sheet on every row and names each figure's
unit in a column of its own:

    row_id,source,edition,cluster,economy,indicator,position,label,value,unit,retrieved
    6,GII 2024,2024,Changsha,China,top_pct_applicant,1,NAME,146,patents,2025-02-03
    7,GII 2024,2024,Changsha,China,top_pct_applicant_share,1,NAME,12%,share,2025-02-03

- a column that holds one value on every row ("cluster", "economy", "edition", "source") is
  read once, as a "title | value" row of a key-value table before the facts; a column whose
  values differ (a row number) is not read at all;
- a unit column names a ranked row's figure: "top pct applicant" with unit "patents" is the
  list's "patents" column, "top pct applicant share" with unit "share" its "share" column
  (the metric ends in its unit's word, or in a share's word with a share's unit, "%"), as
  "top PCT applicants - patents" and "top PCT applicants - share" say it.
"""

from __future__ import annotations

from nlq.layout.document import Block, BlockKind, MappedText, join

_UNIT = frozenset({"unit", "units"})
# A metric ending in a share's word with a share's unit ("top applicant share", "%") names
# the list's share column.
_SHARE_WORDS = frozenset({"share", "pct", "percent", "percentage"})
_SHARE_UNITS = frozenset({"share", "%", "pct", "percent", "percentage"})


def _cell(row: tuple[MappedText, ...], i: int) -> MappedText:
    return row[i].strip() if i < len(row) else MappedText("", [])


def _unit_column(block: Block) -> int | None:
    names = [c.text.strip().lower() for c in block.rows[0]]
    return next((i for i, n in enumerate(names) if n in _UNIT), None)


def constant_columns(block: Block, columns: tuple[int, ...]) -> list[Block]:
    """A key-value table of the columns (other than `columns` and a unit column) that hold one
    value on every row of `block`, or nothing when none does."""
    head, body = block.rows[0], block.rows[1:]
    taken = {i for i in columns if i is not None} | {_unit_column(block)}
    rows = []
    for i, title in enumerate(head):
        if i in taken or not title.text.strip():
            continue
        values = {_cell(r, i).text for r in body}
        if len(values) == 1 and values != {""}:
            rows.append((title.strip(), _cell(body[0], i)))
    return [Block(BlockKind.TABLE, rows=tuple(rows))] if rows else []


def unit_named(block: Block, columns: tuple[int, ...]) -> Block:
    """`block` with the metric of each ranked row that has a unit read as "list - unit"."""
    unit = _unit_column(block)
    if unit is None:
        return block
    metric, rank = columns[0], columns[1]
    rows = [block.rows[0]]
    for row in block.rows[1:]:
        m, u = _cell(row, metric), _cell(row, unit)
        if u.text and _cell(row, rank).text.isdigit() and metric < len(row):
            words = m.text.lower().split()
            stem, sub = m, u
            last = words[-1] if len(words) > 1 else ""
            if last == u.text.lower() or (last in _SHARE_WORDS and u.text.lower() in _SHARE_UNITS):
                cut = m.text.lower().rindex(last)
                stem, sub = m.slice(0, cut).strip(), m.slice(cut, len(m.text))
            row = (*row[:metric], join([stem, sub], " - "), *row[metric + 1 :])
        rows.append(row)
    return Block(BlockKind.TABLE, rows=tuple(rows))
