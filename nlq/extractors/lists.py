"""Top lists read from tables and list items of any shape: each row's rank, name, count, share.

Cells are read by what they hold (`cells`: a small whole number is a rank, "54%" a share,
"2,069" a count, words a name, "Patents" a column title). A table that holds one list has its
columns mapped once (`columns`: by header words, else by what each column holds), so column
order and transposed tables need no special cases; two tables side by side on one row are read
left to right. A cell or list item that holds a name and figures together ("CHANGXIN MEMORY
TECHNOLOGIES — 2,069 patents (54%)") is split by the shape of its tail. Field breakdowns are
read by `field_pairs`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlq.extractors.cells import (
    NOTHING,
    Parts,
    header_role,
    read_cell,
)
from nlq.extractors.columns import Row, column_roles, has_digit, orient
from nlq.extractors.located import Located, locate
from nlq.extractors.unit_rows import titles_over_units, units_row
from nlq.layout.document import Block, BlockKind, MappedText

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# The name of a totals row under a top list ("Top 3 total", "Total", "Subtotal"): no entry.
_TOTAL_ROW = re.compile(
    r"^(?:(?:top|first)\s+\d+\s+)?(?:sub)?total(?:\s+\(?top\s+\d+\)?)?\s*:?$|^(?:sum|gesamt|insgesamt)\s*:?$",
    re.I,
)
# A spreadsheet formula shown as text in a sheet exported to HTML ("=SUM(C11:C13)" beside a
# totals row): never the name of an entry.
_FORMULA = re.compile(r"^=\s*[A-Z][A-Z0-9.]*\s*\(.*\)\s*$")


@dataclass(slots=True)
class Entry:
    """One ranked row being assembled."""

    rank: Located | None = None
    name: Located | None = None
    count: Located | None = None
    share: Located | None = None


def ranked_from_row(row: Row) -> list[Entry]:
    """Entries in one table row, left to right (two when tables stand side by side)."""
    return _ranked_left_to_right(row, [read_cell(c) for c in row])


def _ranked_left_to_right(row: Row, cells: list[Parts]) -> list[Entry]:
    """Entries of one row read cell by cell. A figure read inside a name cell ("HOSPITAL
    GENERAL DE ZONA NO. 33") gives way to a cell of the same kind after it ("710"): the
    number is then part of the name, which is read whole, never cut."""
    entries: list[Entry] = []
    cur = Entry()
    name_cell: MappedText | None = None

    def flush() -> None:
        nonlocal cur, name_cell
        if cur.name is not None:
            entries.append(cur)
        cur, name_cell = Entry(), None

    def unsplit(kind: str) -> bool:
        """Re-read the name cell whole when its `kind` figure came from inside it."""
        if name_cell is None or getattr(cur, kind) is None:
            return False
        whole = name_cell.strip()
        cur.name = locate(whole, 0, len(whole.text), whole.text)
        cur.count = cur.share = None
        return True

    for cell, p in zip(row, cells, strict=True):
        if p is NOTHING or p.header:
            continue
        if p.rank is not None and p.name is None:
            if (
                p.bare
                and cur.name is not None
                and ((cur.count is None and cur.share is None) or unsplit("count"))
            ):
                cur.count = p.rank  # a small number after a name is its count
                name_cell = None
                continue
            if cur.name is not None or cur.rank is not None:
                flush()
            cur.rank = p.rank
            continue
        if p.name is None:
            if p.count is not None and unsplit("count"):
                cur.count = p.count
            elif p.share is not None and cur.share is not None and not unsplit("share"):
                flush()
            elif p.count is not None and cur.name is not None and cur.count is None:
                cur.count = p.count
            if p.share is not None:
                cur.share = p.share
            name_cell = None  # figures after the name: it no longer holds any of its own
            continue
        if cur.name is not None:
            flush()
        cur.name = p.name
        cur.rank = p.rank or cur.rank
        cur.count = p.count or cur.count
        cur.share = p.share or cur.share
        name_cell = cell if (p.count or p.share) else None
    flush()
    return entries


def ranked_from_item(block: Block) -> Entry | None:
    """The entry a list item describes ("1. NAME — 2,069 patents (54%)", "No. 1 NAME ...")."""
    if block.ordinal is not None and block.ordinal_text is not None:
        parts = read_cell(block.text)
        rank = locate(block.ordinal_text, 0, len(block.ordinal_text.text), block.ordinal)
    else:
        parts = read_cell(block.text, bare_rank=True)
        rank = parts.rank
    if parts.name is None:
        return None
    return Entry(rank, parts.name, parts.count, parts.share)


def _entry_by_roles(
    row: Row, cells: list[Parts], roles: list[str | None], notes: list[str]
) -> Entry | None:
    """The entry of one row (`cells` are its cells read) whose column roles are known; a cell
    that does not hold what its column holds is left out with a note (a figure is never moved
    to another field)."""
    e = Entry()
    inner: Parts | None = None
    for cell, p, role in zip(row, cells, roles, strict=True):
        if role is None or not cell.text:
            continue
        if role == "name":
            inner = p
            e.name = p.name
            if (p.count and "count" in roles) or (p.share and "share" in roles):
                # The table has columns for those figures: they are part of the name
                # ("HOSPITAL GENERAL DE ZONA NO. 33"), which is read whole.
                whole = cell.strip()
                e.name, inner = locate(whole, 0, len(whole.text), whole.text), None
            continue
        alone = p.name is None and p.header is None
        if role == "rank":
            value = p.rank if alone and p.count is None and p.share is None else None
        elif role == "count":
            value = (p.count or (p.rank if p.bare else None)) if alone and not p.share else None
        else:  # a share column may print its shares without "%", but a share is at most 100
            plain = (p.rank if p.bare else p.count or p.decimal) if alone else None
            value = (p.share if alone else None) or (
                plain if plain is not None and plain.value <= 100 else None  # type: ignore[operator]
            )
        if value is None:
            notes.append(f"the {role} column holds {cell.text!r}; left out")
        setattr(e, role, value)
    if e.name is None:
        return None
    if inner is not None:  # figures written inside the name cell fill columns the table lacks
        e.rank = e.rank or (inner.rank if "rank" not in roles else None)
        e.count = e.count or (inner.count if "count" not in roles else None)
        e.share = e.share or (inner.share if "share" not in roles else None)
    return e


def table_entries(rows: tuple[Row, ...], width: int, notes: list[str]) -> list[list[Entry]]:
    """Ranked entries of one table, split into `width` side-by-side lists."""
    rows_ = orient(list(rows))
    data = [r for r in rows_ if has_digit(r)]
    lists: list[list[Entry]] = [[] for _ in range(width)]
    if not data:
        return lists
    first = rows_.index(data[0])
    header = rows_[first - 1] if first else None
    if header is not None and units_row(header):
        header = titles_over_units(rows_, first)
    if header is not None and _index_column(header, data):
        data = [r[1:] for r in data]  # a data frame's 0, 1, 2 ... row labels are no column
        if len(header) > len(data[0]):
            header = header[1:]  # its empty title cell (a data frame as HTML) goes with it
    if width == 1 and header is not None:
        data = _without_note_cells(header, data, notes)
    ranked = _ranked_name_columns(data)
    cells = [[read_cell(c, bare_rank=j in ranked) for j, c in enumerate(r)] for r in data]
    if width == 1 and len({len(r) for r in data}) == 1 and not _in_order(header, cells):
        roles = column_roles(header, data, cells, notes)
        if roles is not None:
            found = (_entry_by_roles(r, c, roles, notes) for r, c in zip(data, cells, strict=True))
            lists[0] = [e for e in found if e is not None]
            return lists
    for row, parts in zip(data, cells, strict=True):
        groups = _list_groups(row, width)
        if groups is not None:  # a row of one list only, the other's columns empty
            for k, (a, b) in enumerate(groups):
                lists[k] += _ranked_left_to_right(row[a:b], parts[a:b])
            continue
        entries = _ranked_left_to_right(row, parts)
        for k, entry in enumerate(entries):
            lists[min(k * width // max(len(entries), 1), width - 1)].append(entry)
    return lists


def _ranked_name_columns(data: list[Row]) -> set[int]:
    """The columns whose cells each open with a bare number before a name, the numbers running
    1, 2, 3 ... down the rows that fill the column ("1 CHANGXIN MEMORY", "2 UNIVERSITY OF ...":
    a PDF copy sets each rank in its name's column): those numbers are ranks. One such cell
    alone may be a name that starts with a number, and stays whole."""
    out: set[int] = set()
    for j in range(max(len(r) for r in data)):
        filled = [r[j].text for r in data if j < len(r) and r[j].text]
        found = [m for m in (_BARE_RANK.match(t) for t in filled) if m]
        if len(filled) < 2 or len(found) < len(filled):
            continue
        numbers = [int(m.group(1)) for m in found]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            out.add(j)
    return out


_BARE_RANK = re.compile(r"^(\d{1,2})\s+(?=[^\W\d_])")


def _list_groups(row: Row, width: int) -> list[tuple[int, int]] | None:
    """The cells of each of `width` side-by-side lists in `row`, when the row is laid on the
    table's columns (as many for each list) and one list's columns are all empty: the row of
    the longer list only, or one set lower than the other's (a name wrapped beside it). Read
    left to right, its one entry would go to the first list whichever it stands in."""
    if width < 2 or len(row) % width:
        return None
    size = len(row) // width
    groups = [(k * size, (k + 1) * size) for k in range(width)]
    empty = [not any(c.text for c in row[a:b]) for a, b in groups]
    return groups if any(empty) and not all(empty) else None


# The title of a column of remarks ("Note", "Comments", "Remarks (AK)").
_REMARK_TITLE = re.compile(
    r"(?:notes?|comments?|remarks?|annotations?|observations?|remarques?|notas?)"
    r"(?:\s*\([^()]*\))?:?",
    re.I,
)


def _without_note_cells(header: Row, data: list[Row], notes: list[str]) -> list[Row]:
    """`data` cut to the header's width when only some rows run past it, each with words in
    that untitled column (a sheet's notes column, "only 2 applicants listed on the page"):
    such a cell is a remark beside the row, not an entry of its own; it is left out with a
    note. So is a last column titled as remarks ("Note", "Comments")."""
    width = len(header)
    if width > 2 and _REMARK_TITLE.fullmatch(header[-1].text.strip()):
        width -= 1
    longer = [r for r in data if len(r) > width]
    if not longer or len(longer) == len(data) or any(len(r) < width for r in data):
        return data
    extra = [c for r in longer for c in r[width:] if c.text]
    if not extra or not all(_LETTER.search(c.text) and " " in c.text.strip() for c in extra):
        return data
    for c in extra:
        notes.append(f"{c.text!r} is a remark beside the row, in a column of notes; left out")
    return [r[:width] for r in data]


def _index_column(header: Row, data: list[Row]) -> bool:
    """Whether the rows carry a printed data frame's index (0, 1, 2 ...) in a first column the
    header has no title for: one cell shorter (printed as text) or an empty first cell (as
    HTML, `<th></th>`)."""
    width = len(header) + 1
    if len(header) >= 2 and not header[0].text and header[1].text:
        width = len(header)
    if any(len(r) != width for r in data):
        return False
    return [r[0].text for r in data] == [str(i) for i in range(len(data))]


_IN_ORDER = re.compile(r"[RI]?NI?S?")
_TITLE_KINDS = {"rank": "RI", "name": "N", "count": "I", "share": "S"}


def _in_order(header: Row | None, cells: list[list[Parts]]) -> bool:
    """True when every row reads rank, name, count, share from left to right (each but the
    name may be missing) and no column title says otherwise: the left-to-right reading then
    gives what mapping the columns would, at less cost."""
    kinds = [[p.kind for p in row] for row in cells]
    if not all(_IN_ORDER.fullmatch("".join(k)) for k in kinds):
        return False
    if header is None or len(header) != len(kinds[0]):
        return True
    for j, cell in enumerate(header):
        role = header_role(cell.text) if cell.text else None
        if role and any(row[j] and row[j] not in _TITLE_KINDS[role] for row in kinds):
            return False
    return True


def section_entries(
    blocks: list[Block],
    width: int,
    notes: list[str],
    columns: list[tuple[int, int]] | None = None,
) -> list[list[Entry]]:
    """Ranked entries of a section's blocks, split into `width` side-by-side lists. With
    `columns` (from a header naming both lists, "Rank | Top PCT applicants | Patents | ... |
    Top publishing organizations | ..."), a table under that header is read list by list,
    each from its own columns and, unless it has its own rank column (titled as one, or
    untitled and holding ranks), the columns before the first (the rank they share).

    A row without a rank named as a total ("Top 3 total", "Total") sums the entries above it
    and is left out with a note. A line outside a table without a rank, in a list whose other
    rows all have one (a table row, or two lines or more), is not a row of it (a footer after
    the table, "Confidential · 3"): it is left out with a note, so its number never becomes a
    count."""
    lists: list[list[Entry]] = [[] for _ in range(width)]
    loose: list[Entry] = []  # entries read from lines, not table rows
    for block in blocks:
        if block.kind is BlockKind.TABLE and _under_header(block.rows, width, columns):
            lead = columns[0][0]  # type: ignore[index]
            # Rows not on the table's columns (column titles printed shorter, "Patents Share
            # Articles Share" over eight columns) cannot be cut by them: left out.
            rows = tuple(r for r in block.rows if len(r) == columns[-1][1])  # type: ignore[index]
            if not rows:
                continue  # no row on the header's columns: nothing of the lists here
            for k, (a, b) in enumerate(_own_ranks(rows, columns)):  # type: ignore[arg-type]
                own = any(header_role(c.text) == "rank" for c in rows[0][a:b])
                own = own or _rank_column(rows, a)
                piece = tuple((r[a:b] if own else r[:lead] + r[a:b]) for r in rows)
                lists[k].extend(table_entries(piece, 1, notes)[0])
            continue
        if block.kind is BlockKind.TABLE:
            for k, found in enumerate(table_entries(block.rows, width, notes)):
                lists[k].extend(found)
            continue
        entry = ranked_from_item(block)
        if entry and _numbered_title(entry, lists[0]):
            notes.append(f"{str(entry.name.value)!r} is a numbered title after the list; left out")
            continue
        if entry:
            lists[0].append(entry)
            loose.append(entry)
    for k, found in enumerate(lists):
        totals = [e for e in found if e.rank is None and _TOTAL_ROW.match(str(e.name.value))]
        for entry in totals:
            notes.append(f"{str(entry.name.value)!r} is a totals row; left out")
        formulas = [e for e in found if _FORMULA.match(str(e.name.value))]
        for entry in formulas:
            notes.append(f"{str(entry.name.value)!r} is a spreadsheet formula; left out")
        totals += formulas
        lists[k] = [e for e in found if e not in totals]
    for k, found in enumerate(lists):
        lists[k] = _without_stray_rows(found, notes)
    unranked = [e for e in lists[0] if e.rank is None]
    if len(unranked) == 1 and unranked[0] in loose:
        others = len(lists[0]) - 1
        if others >= 2 or (others == 1 and len(loose) == 1):  # a table row, or two lines
            entry = unranked[0]
            lists[0].remove(entry)
            notes.append(f"{str(entry.name.value)!r} has no rank among ranked rows; left out")
    return lists


def _without_stray_rows(found: list[Entry], notes: list[str]) -> list[Entry]:
    """A list's entries without the rows that have a share but neither a rank nor a count
    when two or more of its rows have both: a field with its share ("Civil engineering  6%")
    read on under the list, no organization of it. Left out with a note."""
    full = sum(1 for e in found if e.rank is not None and e.count is not None)
    if full < 2:
        return found
    stray = [
        e
        for e in found
        if e.rank is None and e.count is None and e.name is not None and e.share is not None
    ]
    for entry in stray:
        notes.append(f"{str(entry.name.value)!r} has no rank or count among ranked rows; left out")  # type: ignore[union-attr]
    return [e for e in found if e not in stray]


def _numbered_title(entry: Entry, found: list[Entry]) -> bool:
    """Whether a line read as a ranked entry is a document's numbered heading after the list
    ("5. Position of the cluster" under row 5): no figure of its own, and a rank no higher
    than the last row's, which has figures."""
    if entry.rank is None or entry.count is not None or entry.share is not None or not found:
        return False
    last = found[-1]
    return (
        last.rank is not None
        and (last.count is not None or last.share is not None)
        and int(entry.rank.value) <= int(last.rank.value)  # type: ignore[arg-type]
    )


def _own_ranks(rows: tuple[Row, ...], columns: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`columns` with each later list starting at the untitled rank column just before its
    name, where the heading above stood over the name ("Top publishing organizations" over
    NAME, its ranks 1, 2, 3 in the column before): that column is the list's, not the end of
    the list before it."""
    out = list(columns)
    for k in range(1, len(out)):
        (pa, _), (a, b) = out[k - 1], out[k]
        if a - 1 > pa and _rank_column(rows, a - 1) and not _rank_column(rows, a):
            out[k - 1], out[k] = (pa, a - 1), (a - 1, b)
    return out


def _rank_column(rows: tuple[Row, ...], j: int) -> bool:
    """Whether column `j` of a table's rows holds ranks: a whole number of one or two digits
    on most rows with figures (a list set beside another with its own rank column, untitled)."""
    data = [r for r in rows if has_digit(r)]
    ranks = [r for r in data if j < len(r) and _RANK_CELL.fullmatch(r[j].text)]
    return bool(data) and 2 * len(ranks) > len(data)


_RANK_CELL = re.compile(r"\d{1,2}\.?")


def _under_header(rows: tuple[Row, ...], width: int, columns: list[tuple[int, int]] | None) -> bool:
    """Whether a table's first row is the header its `columns` were read from: its rows of
    figures are as wide as the columns."""
    if not columns or len(columns) != width or not rows or has_digit(rows[0]):
        return False
    return all(len(r) == columns[-1][1] for r in rows if has_digit(r))
