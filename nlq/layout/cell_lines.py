"""Runs of one-cell lines rebuilt into table rows: a PDF's text read without its layout.

pdftotext without -layout, or a PDF viewer's "Copy All", sets every table cell on a line of its
own ("1", "CHANGXIN MEMORY TECHNOLOGIES", "2,069", "54%", "2", ...). `cell_tables` finds such
runs among a group's units and rebuilds them into rows of the widths their ranks repeat at; a
name wrapped after its comma stays one cell of its row. Other units stay blocks of their own.
"""

from __future__ import annotations

import re

from nlq.layout import shapes
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.line_units import Unit, paragraph


def _unit_block(raw: str, unit: Unit) -> Block | None:
    kind = BlockKind.LIST_ITEM if unit.figure else BlockKind.PARAGRAPH
    block = paragraph(raw, unit.lines, kind)
    return block if block.text.text else None


def cell_tables(raw: str, units: list[Unit]) -> list[Block]:
    """Blocks for `units`, with runs of one-cell lines rebuilt into tables (the reading order
    of pdftotext without -layout: "1", "NAME", "2,069", "54%", "2", ...)."""
    out: list[Block] = []
    _open_names(units)
    i = 0
    while i < len(units):
        j = i
        while len(units) > 1 and j < len(units) and units[j].shape is not None:
            j += 1
        if j - i >= 2:
            out += _cell_run(raw, units[i:j])
            i = j
            continue
        block = _unit_block(raw, units[i])
        if block is not None:
            out.append(block)
        i += 1
    return out


def _open_names(units: list[Unit]) -> None:
    """Read as a text cell the first line of a name wrapped in a run of one-cell lines, which
    stops where a name goes on ("2" / "„IULIU VRANCEA” UNIVERSITY OF" / "MEDICINE AND
    PHARMACY"): only after a rank and before the rest of the name. A name already joined over
    lines after its comma ("CO.," / "LTD.") is one cell when a figure follows it."""
    for k in range(1, len(units) - 1):
        unit = units[k]
        if unit.shape is not None or units[k - 1].shape != "I":
            continue
        if len(unit.lines) == 1:
            if units[k + 1].shape == "T" and shapes.open_name_start(unit.plain):
                unit._shape = "T"
        elif len(unit.lines) <= 3 and units[k + 1].shape in ("I", "P"):
            if shapes.cell_shape(unit.plain) == "T":  # "1" / "NAME CO.," + "LTD." / "1,204"
                unit._shape = "T"  # a name wrapped after its comma, joined as one unit


def _cell_run(raw: str, run: list[Unit]) -> list[Block]:
    shapes_ = [u.shape or "" for u in run]
    out: list[Block] = []

    def singles(a: int, b: int) -> None:
        out.extend(blk for u in run[a:b] if (blk := _unit_block(raw, u)) is not None)

    pos = 0
    while pos < len(run):
        f = next((k for k in range(pos, len(run)) if shapes_[k] in ("I", "P")), None)
        if f is None:
            break
        found = _cell_rows(raw, run, shapes_, f)
        if found is None:
            singles(pos, f + 1)
            pos = f + 1
            continue
        start, stop, rows = found
        singles(pos, start)
        out.append(Block(BlockKind.TABLE, rows=tuple(rows)))
        pos = stop
    singles(pos, len(run))
    return out


_FIRST_RANK = re.compile(r"^(?:(?:No\.?|Nr\.?|N°|№|#|Rank)\s*)?0*1[.)]?$", re.I)
_RANK = re.compile(r"[1-9]\d?[.)]?")


def _cell_rows(
    raw: str, run: list[Unit], kinds: list[str], f: int
) -> tuple[int, int, list[tuple[MappedText, ...]]] | None:
    """Rows rebuilt from one-cell lines around the first figure `run[f]`: the first row's
    shapes (rank? name figures...) are the template every following row must repeat."""
    n = len(run)
    ranked = kinds[f] == "I" and f + 1 < n and kinds[f + 1] == "T"
    first = ranked and _FIRST_RANK.match(run[f].plain) is not None
    # A later row alone between blank lines ("2" / "EIDGENÖSSISCHE TECHNISCHE" / "HOCHSCHULE
    # ZÜRICH" / "480" / "8%", as PyMuPDF's blocks give a table): the whole run is one row.
    alone = ranked and not first and f == 0 and _RANK.fullmatch(run[f].plain) is not None
    rank_first = first or alone
    if rank_first:
        start = f
    elif f >= 1 and kinds[f - 1] == "T":
        start = f - 1
    else:
        return None
    template = [kinds[start]]
    seen_name, figure_after_name = kinds[start] == "T", False
    for k in range(start + 1, n):
        kind = kinds[k]
        if kind == "T":
            if figure_after_name or (seen_name and not rank_first):
                break
            if template[-1] != "T":
                template.append("T")
            seen_name = True
        else:
            if (figure_after_name and kind == kinds[start]) or not seen_name:
                break
            template.append(kind)
            figure_after_name = True
    figures = len(template) - 1 - (0 if kinds[start] == "T" else 1)
    if template.count("T") != 1 or figures < 1:
        return None
    rows: list[tuple[MappedText, ...]] = []
    k = start
    while (row := _match_row(raw, run, kinds, k, template, rank_first)) is not None:
        cells, k = row
        rows.append(cells)
    if alone:
        whole = len(rows) == 1 and k == n and figures >= 2 and template[-1] == "P"
        return (start, k, rows) if whole else None
    if len(rows) >= 2 or (rows and len(template) >= 3 and figures >= 2):
        return start, k, rows
    return None


def _match_row(
    raw: str, run: list[Unit], kinds: list[str], k: int, template: list[str], rank_first: bool
) -> tuple[tuple[MappedText, ...], int] | None:
    """The row starting at `run[k]` if its shapes repeat `template`, and where the next starts.
    After a rank, a name may run over several lines (joined with one space)."""
    cells: list[MappedText] = []
    for kind in template:
        if k >= len(run) or kinds[k] != kind:
            return None
        taken = list(run[k].lines)  # a name wrapped after a comma is one unit of lines
        k += 1
        while kind == "T" and rank_first and k < len(run) and kinds[k] == "T":
            taken.append(run[k].lines[0])
            k += 1
        cells.append(paragraph(raw, taken, BlockKind.PARAGRAPH).text)
    return tuple(cells), k
