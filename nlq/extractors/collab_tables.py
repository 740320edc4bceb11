"""Collaboration written as a table: one row per kind of output, its share and its partners.

    |              | share_pct | top_locations                      |
    | patents      | 47        | [Dublin, Galway, Boston-Cambridge] |
    | publications | 69        | [Dublin, Cork, London]             |

A row is read when its first cell names the kind ("Patents", "publications", also in a phrase
without figures: "PCT patent applications filed with other inventors"); its share is a
cell with "%" or a bare number under a share title ("Share", "share_pct"); its partners the cell
holding a list of names ("A, B, C", "[A, B, C]", "A; B; C"). Column titles may leave the first
column untitled (a printed data frame): they are aligned from the right.
A pasted sheet may indent the table by an empty first column (dropped) and give each partner a
column of its own under titles numbering them ("Top location 1 | Top location 2 | ...").

Under a collaboration heading, a long export may instead give one fact a row, a label and its
value, the partners one a row with their order in a rank column:

    |   | Share of PCT applications filed in collaboration with other inventors |         | 6% |
    | 1 | Top collaborative location                                             | Beijing |    |
    | 2 | Top collaborative location                                             | Hefei   |    |

or, under column titles, with the share bare in a share column and each partner a row of
its rank and name only:

    | rank | name                         | share_pct |
    |      | Share filed in collaboration | 19        |
    | 1    | Rio de Janeiro               |           |
"""

from __future__ import annotations

import re

from nlq.extractors.cells import header_role
from nlq.extractors.collab_sentences import (
    COLLAB_WORD,
    LOCATIONS_LABEL,
    CollabFound,
    partner_name,
    split_partners,
)
from nlq.extractors.headings import output_kind, subtype
from nlq.extractors.located import Located, locate
from nlq.layout.document import MappedText
from nlq.numbers import CELL_NUMBER, NUMBER, parse_number

_DIGIT = re.compile(r"\d")
# "A, B, C" or, as a spreadsheet cell holds it, "A; B; C", or "A · B · C" (a slide's cell of
# one paragraph a partner)
_LISTED = re.compile(r"[,;]|\s[·•]\s")
_PERCENT = re.compile(rf"^\(?\s*(?P<n>{NUMBER})\s?%\s*\)?$")
_BARE = re.compile(rf"^(?P<n>{CELL_NUMBER})$")

Row = tuple[MappedText, ...]
# A locations label, which under a collaboration heading need not say "collaborative".
_TOP_LOCATIONS = re.compile(
    rf"{LOCATIONS_LABEL.pattern}|^(?:the\s+)?top\s+(?:three\s+|\d\s+)?(?:locations|places)\s*:?$",
    re.I,
)


def table_collaboration(
    rows: tuple[Row, ...], heading: MappedText | None = None
) -> list[tuple[str, CollabFound]]:
    """('patent' | 'publication', share and partners) for each row of a collaboration table.
    A printout may write the column titles on its heading's line ("COLLABORATION      Share
    Top locations"): `heading` then titles the columns when it has one title per cell."""
    header: Row = ()
    rows = _unindented(rows)
    if rows and not any(_DIGIT.search(c.text) for c in rows[0]) or _numbered_titles(rows):
        header, rows = rows[0], rows[1:]
    elif rows and heading is not None and _GAP.search(heading.text):
        header = _gap_titles(heading, len(rows[0]))
    out = []
    for i, row in enumerate(rows):
        if len(row) < 2 or not row[0].text:
            continue
        kind = subtype(row[0].text)
        if kind is None and not _DIGIT.search(row[0].text):
            kind = output_kind(row[0].text)
        if kind is None:
            continue
        found = CollabFound()
        for j, cell in enumerate(row[1:], start=1):
            title = header[j - (len(row) - len(header))] if len(header) >= len(row) - j else None
            found.share = found.share or _share(cell, title)
            if not found.partners and _LISTED.search(cell.text) and not _DIGIT.search(cell.text):
                listed = split_partners(cell.strip("[] "))
                if len(listed) >= 2 or not header:  # "San Jose–San Francisco, CA" is one
                    found.partners = listed  # name, in a column of its own under a title
        if not found.partners and header:
            found.partners = (
                _partner_columns(row, header)
                or _partners_across(row, header)
                or _partners_down(rows, i, header)
            )
        if found.share is not None or found.partners:
            out.append(("patent" if kind == 0 else "publication", found))
    return out


_GAP = re.compile(r" {2,}|\t")


def kinds_row(rows: tuple[Row, ...]) -> list[str] | None:
    """The kind each column names, for a one-row table of the kinds' titles ("Patents" |
    "Publications", a slide's two columns), or None."""
    if len(rows) != 1 or len(rows[0]) < 2 or any(_DIGIT.search(c.text) for c in rows[0]):
        return None
    kinds = [output_kind(c.text) for c in rows[0]]
    if None in kinds or len(set(kinds)) != len(kinds):
        return None
    return [("patent", "publication")[k] for k in kinds]  # type: ignore[index]


def located_columns(rows: tuple[Row, ...], kinds: list[str]) -> list[tuple[str, CollabFound]]:
    """Partners under a locations label in each column of the kinds' columns above
    (`kinds_row`): "Top locations | Top locations" over "São Paulo · Rio de Janeiro ·
    Campinas | ...": the columns' lists, in the kinds' order."""
    if len(rows) != 2 or len(rows[0]) != len(kinds) or len(rows[1]) != len(kinds):
        return []
    if not all(_TOP_LOCATIONS.match(c.text.strip()) for c in rows[0]):
        return []
    out = []
    for kind, cell in zip(kinds, rows[1], strict=True):
        partners = split_partners(cell) if cell.text else []
        if partners:
            out.append((kind, CollabFound(partners=partners)))
    return out


def _gap_titles(heading: MappedText, width: int) -> Row:
    """The titles a heading's line spaces out as columns, or () unless there are `width`."""
    cells: list[MappedText] = []
    pos = 0
    for m in [*_GAP.finditer(heading.text), None]:
        stop = m.start() if m else len(heading.text)
        if stop > pos:
            cells.append(heading.slice(pos, stop))
        pos = m.end() if m else stop
    return tuple(cells) if len(cells) == width else ()


# A title numbering one partner column: "Top location 1", "Partner 2", "Location #3", a
# database column "partner_1".
_PARTNER_TITLE = re.compile(
    r"^(?:top[\s_]+)?(?:collaborat[a-z]*[\s_]+)?(?:locations?|partners?|places?|regions?|clusters?)"
    r"[\s_]*(?:#\s*)?\d{1,2}$",
    re.I,
)


def _unindented(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """`rows` without the empty first column a pasted sheet indents its tables by."""
    while rows and all(r and not r[0].text for r in rows):
        rows = tuple(r[1:] for r in rows)
    return rows


def _numbered_titles(rows: tuple[Row, ...]) -> bool:
    """Whether the first row is column titles numbering the partner columns ("Kind | Share |
    Top location 1 | Top location 2"): their digits are no figures."""
    return bool(rows) and any(_PARTNER_TITLE.match(c.text.strip()) for c in rows[0])


def _partner_columns(row: Row, header: Row) -> list[Located]:
    """The partners of a row that gives one a cell, under titles numbering them ("Top location
    1", "Top location 2", ...), in the titles' order; none unless every such cell is a name."""
    shift = max(0, len(row) - len(header))  # titles over the last cells; empty ends cut
    named: list[tuple[int, Located]] = []
    for j, title in enumerate(header):
        m = _PARTNER_TITLE.match(title.text.strip())
        if m is None or not 0 <= j + shift < len(row):
            continue
        cell = row[j + shift].strip()
        if not cell.text:
            continue
        if not partner_name(cell.text):
            return []
        number = int(_DIGITS.findall(title.text)[-1])
        named.append((number, locate(cell, 0, len(cell.text), cell.text)))
    return [p for _, p in sorted(named, key=lambda x: x[0])]


_DIGITS = re.compile(r"\d+")


def _partners_across(row: Row, header: Row) -> list[Located]:
    """The partners of a row that spreads them over the cells from its locations column on, the
    title over the first of them only (a sheet's `PCT applications | 19 % | Stockholm | Tampere
    | Oulu` under `| Share | Top partner locations | |`), the columns counted from the left; none
    unless there are two or more and every one is a name."""
    j = next((k for k, t in enumerate(header) if LOCATIONS_LABEL.match(t.text.strip())), None)
    if j is None or any(t.text.strip() for t in header[j + 1 :]):
        return []
    cells = [c.strip() for c in row[j:]]
    while cells and not cells[-1].text:
        cells.pop()
    if len(cells) < 2 or not all(c.text and partner_name(c.text) for c in cells):
        return []
    return [locate(c, 0, len(c.text), c.text) for c in cells]


def _partners_down(rows: tuple[Row, ...], i: int, header: Row) -> list[Located]:
    """The partners of row `i` given one a row down a column titled as locations ("Top
    collaborating locations"): its own cell, then the cell of each row below that fills that
    column only (`| | | Lundholm |`); none unless every such cell is a name."""
    j = next((k for k, t in enumerate(header) if LOCATIONS_LABEL.match(t.text.strip())), None)
    if j is None:
        return []
    j += max(0, len(rows[i]) - len(header))
    out: list[Located] = []
    for k, row in enumerate(rows[i:]):
        filled = [n for n, c in enumerate(row) if c.text]
        if k and filled != [j] or j >= len(row) or not row[j].text:
            break
        cell = row[j].strip()
        if not partner_name(cell.text):
            return []
        out.append(locate(cell, 0, len(cell.text), cell.text))
    return out


def _share(cell: MappedText, title: MappedText | None) -> Located | None:
    m = _PERCENT.match(cell.text)
    if m is None and title is not None and header_role(title.text) == "share":
        m = _BARE.match(cell.text)
    if m is None:
        return None
    return locate(cell, m.start("n"), m.end("n"), parse_number(m.group("n")))


_RANK = re.compile(r"^\d{1,2}$")


def labelled_collaboration(rows: tuple[Row, ...]) -> CollabFound | None:
    """The share and partners of a table of label-value rows under a collaboration heading
    ("Share of PCT applications filed in collaboration ... | 6%", "1 | Top collaborative
    location | Beijing", a long export's "top collaborating location | 1 | Bergen"), partners in
    the order of their ranks or of the numbers their labels give them ("Top partner 2 |
    Tromvik"); a bare number is the share when its column's title or its own label calls it
    one ("share in collaboration | 18,9"). None if it holds neither."""
    found = CollabFound()
    ranked: list[tuple[int, Located]] = []
    titles = rows[0] if rows and not any(_DIGIT.search(c.text) for c in rows[0]) else ()
    for row in rows:
        filled = [c for c in row if c.text]
        if len(filled) == 2 and _RANK.match(filled[0].text) and partner_name(filled[1].text):
            t = filled[1].strip()  # "1 | Rio de Janeiro": a partner a row, unlabelled
            ranked.append((int(filled[0].text), locate(t, 0, len(t.text), t.text)))
            continue
        if (
            len(filled) == 3
            and _RANK.match(filled[1].text)
            and LOCATIONS_LABEL.match(filled[0].text.strip())
            and partner_name(filled[2].text)
        ):
            t = filled[2].strip()  # "top collaborating location | 1 | Bergen": a long export's
            ranked.append((int(filled[1].text), locate(t, 0, len(t.text), t.text)))
            continue
        rank = int(filled[0].text) if len(filled) == 3 and _RANK.match(filled[0].text) else None
        if len(filled) != (2 if rank is None else 3):
            continue
        label, value = filled[-2].text, filled[-1]
        if rank is None and _PARTNER_TITLE.match(label.strip()) and partner_name(value.text):
            t = value.strip()  # "Top partner 2 | Tromvik": the label numbers its partner
            ranked.append((int(_DIGITS.findall(label)[-1]), locate(t, 0, len(t.text), t.text)))
            continue
        if _DIGIT.search(label):
            continue
        share = (
            _PERCENT.match(value.text)
            or _titled_share(row, value, titles)
            or _labelled_share(label, value, row, titles)
        )
        if share and rank is None and found.share is None and COLLAB_WORD.search(label):
            found.share = locate(value, share.start("n"), share.end("n"), parse_number(share["n"]))
        elif LOCATIONS_LABEL.match(label.strip()) and ";" in value.text and rank is None:
            ranked.extend((len(ranked) + i, p) for i, p in enumerate(_semicolon_list(value)))
        elif LOCATIONS_LABEL.match(label.strip()) and partner_name(value.text):
            t = value.strip()
            ranked.append(
                (len(ranked) if rank is None else rank, locate(t, 0, len(t.text), t.text))
            )
    found.partners = [p for _, p in sorted(ranked, key=lambda x: x[0])]
    return found if (found.share is not None or found.partners) else None


def _titled_share(row: Row, value: MappedText, titles: Row) -> re.Match[str] | None:
    """A bare number's match when its column is titled a share ("share_pct", "Share"), as a
    long export writes a share without its "%": "| | Share filed in collaboration | 19 |"."""
    j = _column_of(row, value)
    if j is None or j >= len(titles) or header_role(titles[j].text) != "share":
        return None
    return _BARE.match(value.text)


def _column_of(row: Row, value: MappedText) -> int | None:
    """The index of the cell `value` in `row`."""
    return next((i for i, c in enumerate(row) if c is value), None)


# A label that calls its value a share ("share in collaboration", "Co-inventions (%)").
_SHARE_LABEL = re.compile(r"\bshare\b|%|\bpercent|\bper\s+cent", re.I)


def _labelled_share(label: str, value: MappedText, row: Row, titles: Row) -> re.Match[str] | None:
    """A bare number's match when its own label calls it a share and it is one (at most 100),
    in a column no title names otherwise: "share in collaboration | 18,9" in an export that
    writes no "%" (under a "value" column it is that column's figure, no share)."""
    j = _column_of(row, value)
    if j is not None and j < len(titles) and titles[j].text:
        return None  # a titled column: `_titled_share` reads it if its title is a share's
    m = _BARE.match(value.text) if _SHARE_LABEL.search(label) else None
    return m if m is not None and parse_number(m["n"]) <= 100 else None


def _semicolon_list(cell: MappedText) -> list[Located]:
    """The names of one cell that lists them between semicolons ("Tallinn; Helsinki")."""
    out: list[Located] = []
    pos = 0
    for piece in cell.text.split(";"):
        a = pos + len(piece) - len(piece.lstrip())
        b = pos + len(piece.rstrip())
        if b > a and partner_name(cell.text[a:b]):
            out.append(locate(cell, a, b, cell.text[a:b]))
        pos += len(piece) + 1
    return out
