"""A row of bare kinds set apart over a field breakdown's side-by-side charts.

A dashboard draws the patent and the publication fields as two bar charts side by side, each
titled by its kind, under one heading ("Top technology fields in Hefei"). The layout text
prints the two chart titles as one row, and the charts' labels and shares below it as rows
of four cells, but the titles start where each chart's box starts while the labels are set
right-aligned to the bars, so the title row lines up with no column of the rows below and a
blank line (the bar's height) parts it from them:

    Patents                                   Publications
          Semiconductors        35%                 Chemistry      21%

    Computer tech.    18%                         Engineering   16%

A title row atop its own table is read by `sections._title_row`; this row is a table of its
own, and its cells ("Patents", "Publications") are no headings alone, only under the heading
of a breakdown. Such a row, of two or more cells that each refine the field section it is in
to a different breakdown, opens a section of those breakdowns side by side, as a row of full
headings ("Top PCT applicants | Top publishing organizations") does; the rows below are then
split between them cell by cell (`field_pairs.section_pairs`).
"""

from __future__ import annotations

from collections.abc import Callable

from nlq.layout.document import Block, BlockKind, MappedText


def kind_title_row(
    block: Block, refine: Callable[[str], str | None]
) -> tuple[list[MappedText], list[str]] | None:
    """The cells of a one-row table that each name a breakdown of the section it is in, and
    the breakdowns they name (`refine`, None for a cell that names none), or None for any
    other block."""
    if block.kind is not BlockKind.TABLE or len(block.rows) != 1:
        return None
    cells = [c for c in block.rows[0] if c.text]
    if len(cells) < 2:
        return None
    keys = [refine(c.text) for c in cells]
    if None in keys or len(set(keys)) != len(keys):
        return None
    return cells, keys  # type: ignore[return-value]
