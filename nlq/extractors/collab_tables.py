"""Collaboration written as a table: one row per kind of output, its share and its partners.

    |              | share_pct | top_locations                      |
    | patents      | 47        | [Dublin, Galway, Boston-Cambridge] |
    | publications | 69        | [Dublin, Cork, London]             |

A row is read when its first cell names the kind ("Patents", "publications", also in a phrase
without figures: "PCT patent applications filed with other inventors"); its share is a
cell with "%" or a bare number under a share title ("Share", "share_pct"); its partners the cell
holding a list of names ("A, B, C", "[A, B, C]"). Column titles may leave the first column
untitled (a printed data frame): they are aligned from the right.
"""

from __future__ import annotations

import re

from nlq.extractors.cells import header_role
from nlq.extractors.located import Located, locate
from nlq.extractors.prose import CollabFound, split_partners
from nlq.extractors.sections import output_kind, subtype
from nlq.layout.document import MappedText
from nlq.numbers import NUMBER, parse_number

_DIGIT = re.compile(r"\d")
_PERCENT = re.compile(rf"^\(?\s*(?P<n>{NUMBER})\s?%\s*\)?$")
_BARE = re.compile(rf"^(?P<n>{NUMBER})$")

Row = tuple[MappedText, ...]


def table_collaboration(rows: tuple[Row, ...]) -> list[tuple[str, CollabFound]]:
    """('patent' | 'publication', share and partners) for each row of a collaboration table."""
    header: Row = ()
    if rows and not any(_DIGIT.search(c.text) for c in rows[0]):
        header, rows = rows[0], rows[1:]
    out = []
    for row in rows:
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
            if not found.partners and "," in cell.text and not _DIGIT.search(cell.text):
                found.partners = split_partners(cell.strip("[] "))
        if found.share is not None or found.partners:
            out.append(("patent" if kind == 0 else "publication", found))
    return out


def _share(cell: MappedText, title: MappedText | None) -> Located | None:
    m = _PERCENT.match(cell.text)
    if m is None and title is not None and header_role(title.text) == "share":
        m = _BARE.match(cell.text)
    if m is None:
        return None
    return locate(cell, m.start("n"), m.end("n"), parse_number(m.group("n")))
