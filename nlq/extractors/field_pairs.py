"""Field breakdowns read from tables and list items of any shape: each field and its share.

A two-column "Field (35%)" table is read column by column or row by row (`_column_pairs`, by the
order its cells take), a cell or list item holding a field and its share ("Semiconductors
(35%)", "Optics: 4%") is split by the shape of its tail, and a breakdown written on one line
("Semiconductors 35%, Computer tech. 18%, ...") is cut after each share (`inline_pairs`). A
chart's bare shares beside their field names, a sheet's totals row and a printed data frame's
footer are handled too (`section_pairs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from nlq.extractors.cells import header_role, read_pair_cell, share_title, split_item
from nlq.extractors.columns import Row, orient
from nlq.extractors.located import Located, locate
from nlq.extractors.sideways import sideways_pairs
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.shapes import sentence_like
from nlq.numbers import CELL_NUMBER, NUMBER, parse_number

_LETTER = re.compile(r"[^\W\d_]")
# A list item without a share that is a labelled note ("2. Media contact: +358 40 ...,
# press@example.fi", a press release's notes to editors) is no field name.
_NOTE_ITEM = re.compile(r"^[^:]{1,40}:\s+\S|@")
_TOTAL = re.compile(r"^(?:total|sum|all\s+fields|gesamt|totale?)\s*:?$", re.I)
_DIGIT = re.compile(r"\d")
# One item of a breakdown written inline: a name, its share, then a comma/semicolon or the end.
# The next item may also start right after the share's "%" or ")" ("Optics (35%) Other (4%)"),
# or after a middle dot, a bullet or a bar ("Optics 35% · Other 4%").
_INLINE_ITEM = re.compile(
    rf"\s*(?:(?:and|with)\s+)?(?P<name>[^%]+?)[\s:–—-]*(?:(?<=\s)(?:at|is)\s+)?"
    rf"\(?(?P<share>{NUMBER})\s?%\)?\s*"
    r"(?:[,;·•|/]|\.?\s*$|(?=[^\W\d_]))"
)


@dataclass(frozen=True, slots=True)
class Pair:
    """A field and its share."""

    field: Located
    share: Located | None


def _share_columns(rows: list[Row]) -> list[list[Pair]] | None:
    """The breakdowns of a table whose header titles two or more columns as shares ("Field |
    Share (%) | | Field | Share (%)"), each read down its name column and the share column
    right of it, numbers up to 100 as shares, bare or with "%" (the title says so; a row may
    stop short, or hold only the longer breakdown's last fields); None for any other table."""
    if len(rows) < 2 or not is_header_row(rows[0]):
        return None
    shares = [j for j, c in enumerate(rows[0]) if j and c.text and share_title(c.text)]
    if len(shares) < 2 or any(not rows[0][j - 1].text for j in shares):
        return None
    out: list[list[Pair]] = []
    for j in shares:
        column: list[Pair] = []
        for row in rows[1:]:
            name, share = (row[j - 1], row[j]) if j < len(row) else (None, None)
            if name is None or not name.text.strip():
                continue
            figure = share.strip() if share is not None else None
            m = _SHARE_CELL.match(figure.text) if figure is not None else None
            if _DIGIT.search(name.text) or m is None or parse_number(m.group(1)) > 100:
                return None
            field = name.strip()
            column.append(
                Pair(locate(field, 0, len(field.text), field.text),
                     locate(figure, 0, m.end(1), parse_number(m.group(1))))  # type: ignore[arg-type]
            )  # fmt: skip
        out.append(column)
    return out if all(len(c) >= 2 for c in out) else None


def _column_pairs(rows: list[Row], a: int, b: int) -> list[Pair]:
    """The pairs in columns `a` to `b` of `rows`: row by row, or column by column (the order a
    page reads them) when each cell holds a field with its share ("Transport (24%)")."""
    cells = [c for r in rows for c in r[a:b] if c.text]
    if b - a > 1 and cells and all(_field_cell(c) for c in cells):
        return [p for j in range(a, b) for r in rows for p in pairs_from_row(r[j : j + 1])]
    return [p for r in rows for p in pairs_from_row(r[a:b])]


def _field_cell(cell: MappedText) -> bool:
    """Whether one cell holds a field and its share."""
    p = read_pair_cell(cell)
    return p.name is not None and p.share is not None and p.count is None


def pairs_from_row(row: Row) -> list[Pair]:
    """Field/share pairs in one table row, left to right; a row written share first
    ("21% | Chemistry") pairs each share with the name after it; a cell holding a whole
    breakdown ("Pharmaceuticals 18%; Transport 15%; ...") gives its pairs. A total row gives
    none."""
    inline = _inline_cells(row)
    if inline:
        return [p for pairs in inline for p in pairs]
    first = next((c.text.strip() for c in row if c.text.strip()), "")
    if _TOTAL.match(first):
        return []  # "Total | 98% | doesn't add up to 100": the sum, and a remark on it
    parts = [p for c in row if c.text and not (p := read_pair_cell(c)).header]
    kinds = ["P" if p.name is None and p.share is not None and p.count is None else "T"
             for p in parts]  # fmt: skip
    if len(kinds) >= 2 and kinds[0] == "P" and kinds == ["P", "T"] * (len(kinds) // 2):
        return [
            Pair(parts[i + 1].name, parts[i].share)  # type: ignore[arg-type]
            for i in range(0, len(kinds), 2)
            if parts[i + 1].name is not None and parts[i + 1].count is None
        ]
    pairs: list[Pair] = []
    pending: Located | None = None
    for p, kind in zip(parts, kinds, strict=True):
        if kind == "P":
            if pending is not None:
                pairs.append(Pair(pending, p.share))
                pending = None
            continue
        if p.name is None:
            continue
        if pending is not None:
            pairs.append(Pair(pending, None))
            pending = None
        if p.share is not None and p.count is None:
            pairs.append(Pair(p.name, p.share))
        elif p.share is None and p.count is None and p.rank is None:
            pending = p.name
    if pending is not None:
        pairs.append(Pair(pending, None))
    return pairs


_BARE = re.compile(rf"^{CELL_NUMBER}$")
# A share column's cell: a bare number or a percentage ("38", "38%", "38 %").
_SHARE_CELL = re.compile(rf"^({CELL_NUMBER})(?:\s?%)?$")
_HUNDRED = ("100", "100.0", "100,0")  # a total row's share


def _bare_shares(rows: list[Row], titled: bool = False) -> list[Pair]:
    """A breakdown printed without "%" ("Medical technology    34", as a data frame prints it):
    names and bare numbers, read as shares when a column title says so ("field | pct",
    "Field | Share") or else only when the numbers add up to 100 ± 1. A header of column
    titles before them ("Field | %") and a total row after them ("Total | 100") are not
    fields; an empty row (a shorter column beside a longer one) is passed over. `titled`:
    a title row already read said the column is shares."""
    if bool(rows) and _share_titled(rows[0]):
        titled = True
        rows = rows[1:]
    footer = _SERIES_FOOTER.match(rows[-1][0].text) if rows and len(rows[-1]) == 1 else None
    if footer is not None:  # a printed pandas Series names its values below them
        rows = rows[:-1]
        name = footer.group("name") or ""
        if header_role(name) == "count":
            return []
        titled = titled or share_title(name)
    pairs: list[Pair] = []
    if rows and all(header_role(c.text) for c in rows[0] if c.text) and is_header_row(rows[0]):
        if any(header_role(c.text) == "count" for c in rows[0] if c.text):
            return []  # "field | filings": counts, whatever they add up to
        rows = rows[1:]
    last = [c.text for c in rows[-1] if c.text] if rows else []
    if len(rows) > 2 and len(last) == 2 and _TOTAL.match(last[0]) and last[1] in _HUNDRED:
        rows = rows[:-1]
    for row in rows:
        cells = [c for c in row if c.text]
        if not cells:
            continue
        if len(cells) != 2 or _DIGIT.search(cells[0].text) or not _BARE.match(cells[1].text):
            return []
        name, share = cells[0], cells[1]
        pairs.append(
            Pair(locate(name, 0, len(name.text), name.text),
                 locate(share, 0, len(share.text), parse_number(share.text)))
        )  # fmt: skip
    total = sum(float(p.share.value) for p in pairs if p.share is not None)  # type: ignore[arg-type]
    if any(float(p.share.value) > 100 for p in pairs if p.share is not None):  # type: ignore[arg-type]
        return []  # counts, not shares
    return pairs if len(pairs) >= 2 and (titled or abs(total - 100) <= 1) else []


# The last line of a printed pandas Series: "Name: share_pct, dtype: int64".
_SERIES_FOOTER = re.compile(r"^(?:Name: (?P<name>[^,]+), )?(?:Length: \d+, )?dtype: \w+$")


def _used_columns(rows: list[Row]) -> list[Row]:
    """A titled table without the columns its body leaves empty: a long-format export's
    fields under "Rank | Name / Field | Value | Share (%)" fill only the name and share
    columns, which are then a "Name / Field | Share (%)" breakdown. [] when no column is empty
    or the body is not one width."""
    if len(rows) < 3 or not is_header_row(rows[0]) or len({len(r) for r in rows}) != 1:
        return []
    used = [k for k in range(len(rows[0])) if any(r[k].text for r in rows[1:])]
    if len(used) == len(rows[0]) or len(used) < 2:
        return []
    return [tuple(r[k] for k in used) for r in rows]


def _series(rows: list[Row]) -> bool:
    """Whether a table is a printed pandas Series, its "dtype: int64" line last."""
    return bool(rows) and len(rows[-1]) == 1 and bool(_SERIES_FOOTER.match(rows[-1][0].text))


def _share_titled(row: Row) -> bool:
    """A header of two titles, the second a share column ("field | pct", "Field | Share (%)")."""
    cells = [c.text for c in row if c.text]
    return (
        len(cells) == 2
        and not any(_DIGIT.search(t) for t in cells)
        and header_role(cells[0]) in ("name", None)
        and share_title(cells[1])
    )


def inline_pairs(t: MappedText) -> list[Pair]:
    """A breakdown written on one line ("Semiconductors 35%, Computer tech. 18%, ... Other 25%."),
    or [] unless the whole text is such items (two or more, each a short name and a share)."""
    text = t.text
    if text.count("%") < 2:
        return []
    pairs: list[Pair] = []
    pos = 0
    while pos < len(text):
        m = _INLINE_ITEM.match(text, pos)
        if not m or m.end() == pos:
            return []
        name = m.group("name").strip(" ,;:")
        if not _LETTER.search(name) or len(name.split()) > 8 or sentence_like(name):
            return []
        a = m.start("name") + m.group("name").index(name)
        share = parse_number(m.group("share"))
        pairs.append(Pair(locate(t, a, a + len(name), name), locate(t, *m.span("share"), share)))
        pos = m.end()
    return pairs if len(pairs) >= 2 else []


def _inline_cells(row: Row) -> list[list[Pair]]:
    """The breakdowns of a row whose cells each hold a whole one written on one line, left to
    right, or [] unless every cell with a share is one (others are titles, "Patents:")."""
    out = []
    for cell in row:
        if "%" not in cell.text:
            continue
        pairs = inline_pairs(cell)
        if not pairs:
            return []
        out.append(pairs)
    return out


def _placed_pairs(row: Row) -> list[tuple[int, Pair]]:
    """The row's pairs, each with the column it stands in: its cell's index when every cell
    is empty or one whole field with its share (the longer of two breakdowns side by side goes
    on alone: "| Environmental sciences (6%)"); in a row of name and share cells two by two
    with some empty, the place of its two cells; else its place among the row's pairs."""
    if any(not c.text for c in row) and all(_field_cell(c) for c in row if c.text):
        return [(k, pairs_from_row((c,))[0]) for k, c in enumerate(row) if c.text]
    if any(not c.text for c in row) and len(row) % 2 == 0:
        # "| | Materials science | 15%": name and share cells two by two, the left pair empty
        # (a longer breakdown beside a shorter one, or a left name wrapped onto the row above)
        halves = [row[j : j + 2] for j in range(0, len(row), 2)]
        placed = [(j, pairs_from_row(h)) for j, h in enumerate(halves) if any(c.text for c in h)]
        if all(len(found) == 1 and found[0].share is not None for _, found in placed):
            return [(j, found[0]) for j, found in placed]
    return list(enumerate(pairs_from_row(row)))


def is_header_row(row: Row) -> bool:
    """A row with no figures: column titles such as "Patents | Share" or empty cells."""
    return not any(_DIGIT.search(c.text) for c in row)


def section_pairs(
    blocks: list[Block],
    width: int,
    columns: list[tuple[int, int]] | None = None,
    shares: bool = False,
    under: Callable[[int], int] | None = None,
) -> list[list[Pair]]:
    """Field/share pairs of a section's blocks, read column by column, split `width` ways.
    With `columns` (from a title row such as "# | Patents | Publications") each list is read
    from its own columns, so a row with an empty cell ("7 | | Other (25%)") puts its pair in
    the right list; `shares`: the title row titled their figures as shares ("Patents | %"), so
    bare numbers in those columns are shares whatever they add up to. With `under` (the list
    whose title a raw offset stands under, on a laid-out page: `under_title`), each column of a
    table goes to the list whose title its first field stands under, and a row as wide as the
    title row is placed that way too when all its cells stand under the first title."""
    lists: list[list[Pair]] = [[] for _ in range(width)]
    for block in blocks:
        if block.kind is not BlockKind.TABLE:
            inline = inline_pairs(block.text)
            if inline:
                lists[0].extend(inline)
                continue
            parts = split_item(block.text)
            if parts.name is not None and parts.count is None:
                # A paragraph is a field only with its share; a list item may lack one.
                # A list item without a share that holds a figure ("Sent to second reviewer
                # on 2025-02-03 (ticket 4471)") is a note; no field name holds a digit.
                if parts.share is not None or (
                    block.kind is BlockKind.LIST_ITEM
                    and not _NOTE_ITEM.search(str(parts.name.value))
                    and not _DIGIT.search(str(parts.name.value))
                ):
                    k = min(under(parts.name.start), width - 1) if under is not None else 0
                    lists[k].append(Pair(parts.name, parts.share))
            continue
        rows = orient(list(block.rows))
        bare = _bare_shares(rows) or _bare_shares(_used_columns(rows)) or sideways_pairs(rows, Pair)
        if bare:
            lists[0].extend(bare)
            continue
        if (
            columns
            and len(columns) == width
            and all(len(r) == columns[-1][1] for r in rows)
            and not (under is not None and _short_row(rows, under))
        ):
            for k, (a, b) in enumerate(columns):
                bare = _bare_shares([r[a:b] for r in rows], shares)  # "Food chemistry | 7"
                lists[k].extend(bare or _column_pairs(rows, a, b))
            continue
        titled = _share_columns(rows)
        if titled:  # "Technology field | Share (%) | | Scientific field | Share (%)"
            for k, column in enumerate(titled):
                lists[min(k * width // len(titled), width - 1)].extend(column)
            continue
        if _series(rows):
            continue  # a printed Series that is no breakdown: a computed sum, a count
        found: list[list[Pair]] = []
        for row in rows:
            inline = _inline_cells(row)
            if inline:  # "Pharmaceuticals 18%; Transport 15%; ..." in each cell: a list each
                for k, pairs in enumerate(inline):
                    while len(found) <= k:
                        found.append([])
                    found[k].extend(pairs)
                continue
            if is_header_row(row) and not any(
                _LETTER.search(c.text) and "%" in c.text for c in row
            ):
                continue
            for k, pair in _placed_pairs(row):
                while len(found) <= k:
                    found.append([])
                found[k].append(pair)
        if not any(p.share is not None for column in found for p in column) and (
            not any(_BARE.match(c.text.strip()) for r in rows for c in r)
            or all(len(str(p.field.value).split()) > 8 for column in found for p in column)
        ):
            # Names without a figure: a page's footer or link bar, no breakdown; nor a line
            # too long for a field's name beside a bare number ("Source: WIPO, GII 2024
            # database, March 2024 extract (PATENTSCOPE). | 48": its page number).
            continue
        if under is not None and all(found):
            # Each column to the list whose title its first field stands under: a short
            # row's two cells may both be the left list's ("... (6%)   Other (51%)")
            for column in found:
                lists[min(under(column[0].field.start), width - 1)].extend(column)
            continue
        for k, column in enumerate(found):
            lists[min(k * width // max(len(found), 1), width - 1)].extend(column)
    return [_with_shares(pairs) for pairs in lists]


def _short_row(rows: list[Row], under: Callable[[int], int]) -> bool:
    """Whether a laid-out row as wide as the title row has all its cells under the first title
    (the left list's short last row, "Audio-visual technology (6%)   Other (51%)", both under
    "Patents"): its cells are then placed by where they stand, not by their count."""
    for row in rows:
        filled = [c for c in row if c.text]
        if len(filled) >= 2 and all(under(c.raw_span(0, 1)[0]) == 0 for c in filled):
            return True
    return False


def _with_shares(pairs: list[Pair]) -> list[Pair]:
    """A breakdown's pairs without the names that are no field of it: one that closes a
    bracket it never opened (`_cut`), and, in a breakdown whose fields have their shares, a
    name without one (a sheet's "check sum" row left empty, a decoy table's cluster names
    under the breakdown)."""
    shared = sum(1 for p in pairs if p.share is not None)
    return [p for p in pairs if p.share is not None or (shared < _SHARED and not _cut(p.field))]


_SHARED = 2  # fields with shares that make a breakdown whose shareless names are none of it


def _cut(name: Located) -> bool:
    """Whether a name without a share closes a bracket it does not open: the end of a note
    wrapped beside the breakdown ("[Chart to be added – data request pending with" / "WIPO]"),
    no field's name."""
    text = str(name.value)
    return text.count("]") > text.count("[") or text.count(")") > text.count("(")


def _column_of(raw: str, pos: int) -> int:
    return pos - raw.rfind("\n", 0, pos) - 1


def under_title(cells: tuple[MappedText, ...], raw: str) -> Callable[[int], int]:
    """For a laid-out page (`raw`) whose title row's `cells` start the lists' columns
    ("Patents" ... "Publications"), the list whose title a raw offset stands under: the last
    title starting at or before its column, two columns' slack."""
    titles = [_column_of(raw, c.raw_span(0, 1)[0]) for c in cells if c.text]

    def under(pos: int) -> int:
        col = _column_of(raw, pos)
        return max((k for k, t in enumerate(titles) if t - 2 <= col), default=0)

    return under
