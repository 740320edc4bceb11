"""Record exports: a delimited file of one record a row, typed by a section column, with a
column of free text, as list systems and dashboards export them.

    ID,Title,Section,Rank,Count,Share,Notes,Modified,Modified By,Item Type,Path
    1,"Hefei, China",Header,,,,Global Innovation Index 2024,3/11/2025 2:14 PM,Ana,Item,sites/...
    3,NAME,Top PCT applicants,1,18,11%,,3/11/2025 2:20 PM,Ana,Item,sites/...

    record_type,rank,name,count,share,text
    summary,,,,,"Hefei is the twelfth-ranked cluster, ..."
    pct_applicant,1,NAME,212,22%,

Three kinds of columns are not the rows' values:

- a list system's bookkeeping (`ID`, `Modified`, `Modified By`, `Created`, `Item Type`,
  `Path`, `Checked by`, ...), recognised by its title and, for the ID and date columns, by
  what they hold; two or more such columns, or one in a file typed by a section column, mark
  an export, and they are dropped (an ID of 1, 2, 3 ... is no rank, a date no figure,
  a reviewer's initials no name);
- a section column titled as one (`Section`, `record_type`, `Category`, ...) whose values run
  in stretches of rows: each stretch is read as that value as a heading over its rows;
- a free-text column (`Notes`, `text`, `Description`, ...): a row that fills it is read as its
  other cells (a label, a title) as a line, then the text as a paragraph of its own; a figure
  cell the text restates ("35%" beside "35% of ... applications") is not read twice.

Rows without text are a table under the header of the columns left that their section fills
(a breakdown's rows leave the Rank and Count columns empty); a row that fills one cell is
that cell as a line. Every line and table is
set apart by an empty line, so no text is joined to the next record's. Other files are left
as they are.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Item = tuple[int, int, tuple[MappedText, ...] | None]

_BOOKKEEPING = {
    "id",
    "modified",
    "modified by",
    "created",
    "created by",
    "item type",
    "path",
    "version",
    "content type",
    "attachments",
    "compliance asset id",
    # who checked a row: initials beside its figures, no value of it
    "checked by",
    "reviewed by",
    "verified by",
    "approved by",
    "reviewer",
    "initials",
}
_DATED = {"modified", "created"}
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
# Not a bare "Type": an applicant's type ("University", "Company") also runs in stretches.
_SECTION_TITLE = re.compile(r"(?:section|(?:record|row|entry) ?type|category|list|group)s?", re.I)
_TEXT_TITLE = re.compile(
    r"(?:text|notes?|description|comments?|remarks?|details|narrative|statement)", re.I
)
_FIGURE = re.compile(r"^\d[\d,.\s\u00a0\u202f]*%?$")
_DIGIT = re.compile(r"\d")
_NAMED = re.compile(r"[^\W\d_]{2}")  # two letters: a section's name, never a rank or a figure


def _title(cell: MappedText) -> str:
    return " ".join(cell.text.replace("\ufeff", "").replace("_", " ").split()).lower()


def record_export_items(items: list[Item]) -> list[Item]:
    """`items` (line spans with their rows of cells) rewritten as described above when they are
    a record export under one header row; else `items` unchanged."""
    first = next((k for k, item in enumerate(items) if item[2] is not None), None)
    if first is None:
        return items
    header = items[first][2]
    assert header is not None
    body = [item for item in items[first + 1 :] if item[2] is not None]
    if len(header) < 3 or _DIGIT.search(" ".join(c.text for c in header)) or len(body) < 3:
        return items
    found = _bookkeeping(header, body)
    keep = [j for j in range(len(header)) if j not in found]
    section = next((j for j in keep if _SECTION_TITLE.fullmatch(_title(header[j]))), None)
    dropped = found if len(found) >= 2 else set()
    if (
        section is None
        or not _stretched(_values(body, section))
        or any(_grouping(_values(body, j)) for j in keep if j < section)
    ):  # a column before it grouping the rows too ("Cluster"): `section_column` nests them
        return _without_columns(items, dropped) if dropped else items
    dropped = found  # typed by a section column, an export whatever else it holds
    text = next((j for j in keep if _TEXT_TITLE.fullmatch(_title(header[j]))), None)
    columns = [j for j in keep if j not in (section, text)]
    used: dict[str, list[int]] = {}  # a section's columns: those its rows fill
    for _, _, row in body:
        assert row is not None
        filled = used.setdefault(_cell(row, section).text, [])
        filled += [j for j in columns if _cell(row, j).text and j not in filled]
    out: list[Item] = list(items[:first])
    pos = items[first][0]
    group: str | None = None
    titled = False
    for start, end, row in items[first + 1 :]:
        if row is None:
            out.append((start, end, None))
            continue
        key = _cell(row, section)
        opens = key.text != group
        if opens:
            group, titled = key.text, False
            out += [_line(key), (start, start, None)]
        own = sorted(used[key.text])
        note = _cell(row, text) if text is not None else _prose(row, own)
        cells = [c for c in (_cell(row, j) for j in own) if c is not note]
        if note.text:
            cells = [
                c if not _FIGURE.match(c.text) or c.text not in note.text else _EMPTY for c in cells
            ]
        filled = [c for c in cells if c.text]
        if opens and not note.text and len(filled) == 1 and _FIGURE.match(filled[0].text):
            # A section of one figure ("PCT applications (per 1 million ...),,,692"): the
            # section's name labels it, as a label row does.
            out[-2:] = [(start, end, (key, filled[0])), (start, start, None)]
            group = None
            continue
        if len(filled) <= 1:  # a label, a title or one figure: a line, as a lone cell is
            out += [_line(c) for c in filled] + ([_line(note)] if note.text else [])
            out.append((start, start, None))
            continue
        if not titled:
            out.append((pos, pos, tuple(header[j] for j in own)))
            titled = True
        while cells and not cells[-1].text:
            cells.pop()
        out.append((start, end, tuple(cells)))
        if note.text:
            out += [(start, start, None), _line(note), (start, start, None)]
            titled = False
    return out


_EMPTY = MappedText("", [])


def _prose(row: tuple[MappedText, ...], columns: list[int]) -> MappedText:
    """The cell of `row` holding a sentence that restates the row's figures, in a file without
    a free-text column ("Name / text" holding names on some rows, "3% of ... applications" on
    another beside a Share cell of 3), else an empty cell."""
    cells = [c for c in (_cell(row, j) for j in columns) if c.text]
    for cell in cells:
        if len(cell.text.split()) < _SENTENCE_WORDS:
            continue
        figures = [
            c.text.rstrip("%").strip() for c in cells if c is not cell and _FIGURE.match(c.text)
        ]
        stated = {n.rstrip(".,") for n in _NUMBER.findall(cell.text)}
        if figures and all(f in stated for f in figures):
            return cell
    return _EMPTY


_SENTENCE_WORDS = 6
_NUMBER = re.compile(r"\d[\d,.]*")


def _cell(row: tuple[MappedText, ...], j: int) -> MappedText:
    return row[j] if j < len(row) else _EMPTY


def _values(body: list[Item], j: int) -> list[str]:
    return [_cell(row, j).text for _, _, row in body if row is not None]


def _line(cell: MappedText) -> Item:
    a, b = cell.raw_span(0, len(cell.text))
    return (a, b, None)


def _bookkeeping(header: tuple[MappedText, ...], body: list[Item]) -> set[int]:
    """The columns a list system adds to every row: named as such, an ID column holding
    distinct whole numbers, a date column dates."""
    found: set[int] = set()
    for j, cell in enumerate(header):
        name = _title(cell)
        if name not in _BOOKKEEPING:
            continue
        values = [_cell(r, j).text for _, _, r in body if _cell(r, j).text]  # type: ignore[arg-type]
        if name == "id" and (
            not all(v.isdigit() for v in values) or len(set(values)) != len(values)
        ):
            continue
        if name in _DATED and not all(_DATE.search(v) for v in values):
            continue
        found.add(j)
    return found


def _groups(keys: list[str]) -> int | None:
    """How many stretches of rows `keys` fall into, or None unless each is a name (two letters,
    not a figure; "PCT applications (per 1 million inhabitants)" is one) in one stretch."""
    seen: list[str] = []
    for key in keys:
        if not _NAMED.search(key) or _FIGURE.match(key):
            return None
        if seen and seen[-1] == key:
            continue
        if key in seen:
            return None
        seen.append(key)
    return len(seen)


def _stretched(keys: list[str]) -> bool:
    """Whether `keys` name two or more sections, each in one stretch of rows."""
    return (_groups(keys) or 0) >= 2


def _grouping(keys: list[str]) -> bool:
    """Whether `keys` group the rows as `section_column` reads a first column: two or more rows
    a stretch on average ("Cluster" holding one name on every row)."""
    n = _groups(keys)
    return n is not None and len(keys) >= 2 * n


def _without_columns(items: list[Item], dropped: set[int]) -> list[Item]:
    """`items` with the cells of the `dropped` columns taken out of every row."""
    out: list[Item] = []
    for start, end, row in items:
        if row is None:
            out.append((start, end, None))
            continue
        cells = [c for j, c in enumerate(row) if j not in dropped]
        filled = [c for c in cells if c.text]
        if len(filled) >= 2:
            while cells and not cells[-1].text:
                cells.pop()
            out.append((start, end, tuple(cells)))
        elif filled:
            out.append(_line(filled[0]))
        else:
            out.append((start, start, None))
    return out
