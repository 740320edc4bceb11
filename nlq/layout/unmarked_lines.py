"""Lines no markup marks out, as the aligned table, heading or paragraphs their layout makes."""

from __future__ import annotations

import re

from nlq.layout import shapes
from nlq.layout.cell_lines import cell_tables
from nlq.layout.cell_valign import bottom_aligned
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.frame_index import split_frame_index
from nlq.layout.frame_titles import index_title, split_titles
from nlq.layout.hanging import hanging_paragraphs, run_in
from nlq.layout.inline import clean_inline, join_lines
from nlq.layout.line_units import Unit, Width, continues, paragraph, plain_line
from nlq.layout.name_heads import centred_row, head_count, with_head
from nlq.layout.name_rest_rows import rest_with_figures
from nlq.layout.narrow_gaps import split_narrow_gaps
from nlq.layout.slots import right_field, slotted
from nlq.layout.spaced_names import join_spaced_names
from nlq.layout.wrapped_cells import join_wrapped_cells
from nlq.layout.wrapped_fields import join_wrapped_fields, share_below

_SETEXT = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
# A line of one punctuation character repeated: a rule, an overline or an underline.
_RULE_LINE = re.compile(r"[ \t]*([=\-~^*#+_`'\".:])\1{2,}[ \t]*$")
_COLUMN_GAP = re.compile(r"(?: {2,}|\u00a0{2,}|\t)")
WIDE_GAP = re.compile(r"(?: {3,}|\t)")


def _aligned_cells(raw: str, start: int, end: int) -> list[tuple[int, MappedText]]:
    """Cells of a column-aligned line with the column each starts at."""
    line = MappedText.verbatim(raw, start, end)
    out = []
    pos = 0
    for m in list(_COLUMN_GAP.finditer(line.text)) + [None]:
        stop = m.start() if m else len(line.text)
        piece = line.slice(pos, stop)
        stripped = piece.strip()
        if stripped.text:
            col = pos + (len(piece.text) - len(piece.text.lstrip()))
            out.append((col, clean_inline(stripped)))
        pos = m.end() if m else stop
    return out


_NUMERIC_CELL = re.compile(r"\d")
_CLOSING_SHARE = re.compile(r"\(\d{1,3}(?:[.,]\d{1,2})?[ \t]?%\)$")


# How a cell's text ends when its name goes on below: a comma, a joining word or a hyphen.
_OPEN_CELL_END = re.compile(r"(?:,|\band|\bof|&|[-–])$")


def _rest_under_open_cell(row: list[tuple[int, MappedText]], col: int, cell: MappedText) -> bool:
    """Whether a lone line at the first column, starting in lower case and without figures,
    goes on the name of the row above whose first cell stops open and whose other cells hold
    figures ("Electrical machinery,  10%" over "apparatus, energy", the left column's field
    wrapped beside the right one's row)."""
    if not cell.text[:1].islower() or re.search(r"\d", cell.text):
        return False
    if not any(_NUMERIC_CELL.search(c.text) for _, c in row[1:]):
        return False  # a justified paragraph's line, its words set apart: no table row
    first_col, first = row[0]
    return abs(col - first_col) <= 1 and bool(_OPEN_CELL_END.search(first.text.rstrip()))


def _lead_row(raw: str, lines: list[tuple[int, int]]) -> list[tuple[int, MappedText]] | None:
    """The first row of a table whose first line, one cell of words without a column gap, is
    a field whose share starts the next line beside the other columns' fields ("Audio-visual
    technology" over "(6%)      Other (51%)", a grid's last field wrapped after the rows above
    it ended): that field joined to its share, then the next line's other cells; else None."""
    if len(lines) < 2:
        return None
    s, e = lines[1]
    if "%" not in raw[s:e] or not _COLUMN_GAP.search(raw, s, e):
        return None  # the next line holds no share beside another cell
    above = _aligned_cells(raw, *lines[0])
    below = _aligned_cells(raw, s, e)
    if len(above) != 1 or len(below) < 2:
        return None
    (col, cell), (share_col, share) = above[0], below[0]
    if abs(share_col - col) > 1 or not share_below(cell, share):
        return None
    return [(col, join_lines([cell, share])), *below[1:]]


def _aligned_run(
    raw: str, lines: list[tuple[int, int]], centred: int | None = None
) -> tuple[Block | None, int]:
    """A table from the column-aligned lines at the start of `lines`, and how many lines it
    takes: it stops at the first line that is neither a row nor a wrapped name. `centred`: the
    table's names are centred on their rows, its first row's name starting that many lines
    above it; the name lines between two rows are then shared out (`_centred_split`)."""
    first = raw[lines[0][0] : lines[0][1]].strip()
    lead = None if _COLUMN_GAP.search(first) else _lead_row(raw, lines)
    if lead is None and not _COLUMN_GAP.search(first):
        return None, 0
    rows: list[list[tuple[int, MappedText]]] = []
    taken = 0
    bottom = bottom_aligned(raw)  # the figures on a wrapped name's last line
    head: list[tuple[int, MappedText]] = []  # such a name's lines above its figures
    above = centred or 0  # the lines of the last row's name above its figures
    for k, (start, end) in enumerate(lines):
        if lead is not None and k < 2:
            if k == 0:  # "Audio-visual technology" over "(6%)   Other (51%)": one row
                rows.append(lead)
            taken += 1
            continue
        cells = _aligned_cells(raw, start, end)
        indented = raw[start:end][:1] in (" ", "\t")
        if len(cells) >= 2:
            joined = rest_with_figures(rows[-1], cells) if rows and indented else None
            if joined is not None:
                rows[-1] = joined  # a name's rest and then the row's figures
            else:
                if centred is not None and rows and head:
                    head, above = _centred_split(rows[-1], head, above)
                rows.append(_headed(cells, head))
            head = []
            taken += 1
            continue
        if len(rows) == 1 and k + 1 < len(lines) and len(cells) == 1:
            if index_title(rows[0], cells, _aligned_cells(raw, *lines[k + 1])):
                rows[0].insert(0, cells[0])  # "rank" under "name  patents": its own line
                taken += 1
                continue
        if not rows or len(cells) != 1:
            break
        col, cell = cells[0]
        if not indented and not _lone_share_under(rows[-1], col, cell):
            if not _rest_under_open_cell(rows[-1], col, cell):
                break
        target = _continued_cell(rows[-1], col)
        if target is not None and _title_under_field(rows[-1], target, cell):
            break  # "Other  45%" over "Publications": the next breakdown's title
        if target is not None and centred is not None and not _NUMERIC_CELL.search(cell.text):
            head.append((col, cell))  # shared out between the rows once the next one comes
        elif target is not None and _next_name(rows[-1][target][1], cell, head, bottom):
            head.append((col, cell))  # the start of the next row's name
        elif target is not None and not _NUMERIC_CELL.search(cell.text):
            prev_col, prev = rows[-1][target]  # a name wrapped onto the next line
            rows[-1][target] = (prev_col, join_lines([prev, cell]))
        elif abs(col - rows[-1][0][0]) <= 1 and _NUMERIC_CELL.search(cell.text):
            rows.append(cells)  # a short row: the last line of a list set in two columns
        elif target is not None and share_below(rows[-1][target][1], cell):
            rows.append(cells)  # "(11%)" under its wrapped field, joined once laid out
        elif any(right_field(row, col, cell) for row in reversed(rows)):
            # the longer right-hand breakdown's last fields, laid out; or a field alone on its
            # line in a column the row above leaves empty (four columns of legends, staggered)
            rows.append(cells)
        else:
            break
        taken += 1
    if not rows:
        return None, 0
    if head:  # lines left under the last row: its name's rest after all
        target = _continued_cell(rows[-1], head[0][0])
        if target is not None:
            prev_col, prev = rows[-1][target]
            rows[-1][target] = (prev_col, join_lines([prev, *(c for _, c in head)]))
    rows = split_narrow_gaps(rows)  # two cells the text layer set one space apart
    rows = join_spaced_names(rows)  # one name the text layer set in pieces two spaces apart
    table = slotted(split_titles(split_frame_index(rows)))  # a printed data frame's titles
    table = join_wrapped_cells(table)  # names wrapped beside the other list's row
    table = join_wrapped_fields(table)  # a breakdown's field wrapped with its share
    return Block(BlockKind.TABLE, rows=tuple(tuple(c for _, c in r) for r in table)), taken


def _lone_share_under(row: list[tuple[int, MappedText]], col: int, cell: MappedText) -> bool:
    """Whether a line at the margin is a share alone in brackets ("(14%)"), or a field's end in
    lower case with its share ("energy (6%)"), under the row's first cell, a field wrapped
    before its share: the table goes on (no paragraph starts so)."""
    target = _continued_cell(row, col)
    alone = bool(_CLOSING_SHARE.fullmatch(cell.text)) or cell.text[:1].islower()
    return target == 0 and alone and share_below(row[0][1], cell)


_SENTENCE_CASE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:\s+[a-zß-öø-ÿ&]+)*")
_TITLE_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+")


def _title_under_field(row: list[tuple[int, MappedText]], target: int, cell: MappedText) -> bool:
    """Whether a lone line under a breakdown's row is a title, not the rest of its field: the
    row's field is written in sentence case beside its share ("Other  45%", "Medical
    technology  12%"), and the line is one capitalised word ("Publications"): a field's rest
    goes on in lower case."""
    name = row[target][1].text
    share = row[target + 1][1].text if target + 1 < len(row) else ""
    if not _SENTENCE_CASE.fullmatch(name) or "%" not in share:
        return False
    return bool(_TITLE_WORD.fullmatch(cell.text.strip()))


def _centred_split(
    row: list[tuple[int, MappedText]], pieces: list[tuple[int, MappedText]], above: int
) -> tuple[list[tuple[int, MappedText]], int]:
    """The name lines between two rows of a table whose names are centred on their rows: the
    row above takes as many as its name has above its figures, or one more (a name of an even
    number of lines sets its figures beside its upper middle line), the rest start the next
    row's name. Returns those rest lines and how many they are."""
    take = min(len(pieces), above + 1)
    target = _continued_cell(row, pieces[0][0])
    if target is None:
        return pieces, len(pieces)
    prev_col, prev = row[target]
    row[target] = (prev_col, join_lines([prev, *(c for _, c in pieces[:take])]))
    return pieces[take:], len(pieces) - take


def _next_name(name: MappedText, cell: MappedText, head: list, bottom: bool) -> bool:
    """Whether a lone text line under a row whose `name` it could continue starts the next
    row's name instead: the table sets its figures on a name's last line (`bottom`), the
    lines before it already do (`head`), or it opens a quote it does not close
    ("FARMACIE „IULIU") after a name that closes all of its own."""
    if _NUMERIC_CELL.search(cell.text):
        return False
    opens = shapes.open_quote(cell.text) and not shapes.open_quote(name.text)
    return bottom or bool(head) or opens


def _headed(cells: list[tuple[int, MappedText]], head: list[tuple[int, MappedText]]) -> list:
    """A row's `cells` with the `head` lines joined in front of its name cell (at their column)."""
    for i, (col, cell) in enumerate(cells if head else ()):
        if abs(col - head[0][0]) <= 1 and not _NUMERIC_CELL.search(cell.text):
            cells[i] = (col, join_lines([*(c for _, c in head), cell]))
            return cells
    return cells


def _continued_cell(row: list[tuple[int, MappedText]], col: int) -> int | None:
    """Index of the text cell in `row` that a lone cell starting at `col` continues."""
    for i, (c, cell) in enumerate(row):
        if abs(c - col) <= 1 and cell.text and not _NUMERIC_CELL.fullmatch(cell.text[:1]):
            # A field closed by its share ("Food chemistry (22%)", "(9%)") is whole: the
            # line under it ("Publications") starts something else.
            return None if _CLOSING_SHARE.search(cell.text) else i
    return None


def _segment(raw: str, lines: list[tuple[int, int]], width: Width) -> list[Block]:
    """Blocks of a group of non-blank lines that is not one aligned table, judged line by line:
    aligned tables inside it, wrapped sentences joined, every other line on its own."""
    blocks: list[Block] = []
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        plain = plain_line(raw, start, end)
        centred = (
            centred_row(raw, lines, i, _aligned_cells(raw, start, end))
            if units and units[-1].lines == [lines[i - 1]] and WIDE_GAP.search(plain)
            else None
        )
        if centred is not None:  # a name cell centred on its row, a line above and below it
            blocks += cell_tables(raw, units[:-1])
            units = []
            blocks.append(Block(BlockKind.TABLE, rows=(centred,)))
            i += 2
            continue
        if WIDE_GAP.search(plain) and not shapes.sentence_like(plain):
            # A heading or prose directly above a column table: the table starts here. Only a
            # wide gap (3+ spaces) starts one, so justified prose is not mistaken for a table.
            table, taken = _aligned_run(raw, lines[i:])
            if table is not None and (taken >= 2 or i + taken == len(lines)):
                row = _aligned_cells(raw, *lines[i])
                k = head_count(raw, lines, i, row, i - _lone_lines(units, lines, i))
                if k:  # the name's first lines above its rank and figures
                    table, taken = _aligned_run(raw, lines[i:], centred=k)  # names centred
                    assert table is not None
                    first = with_head(raw, lines[i - k : i], table.rows[0])
                    table = Block(BlockKind.TABLE, rows=(first, *table.rows[1:]))
                    units = units[:-k]
                blocks += cell_tables(raw, units)
                units = []
                blocks.append(table)
                i += taken
                continue
        if units and continues(units[-1], plain, width) and not _outdented_label(raw, lines, i):
            units[-1].add(lines[i], plain)
        else:
            units.append(Unit(lines[i], plain))
        i += 1
    return blocks + cell_tables(raw, units)


def _lone_lines(units: list[Unit], lines: list[tuple[int, int]], i: int) -> int:
    """How many of the lines right above line `i` are each a unit of their own."""
    n = 0
    while n < len(units) and units[-n - 1].lines == [lines[i - n - 1]]:
        n += 1
    return n


def _outdented_label(raw: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line `i` is a label ending in a colon set left of the line above (notes: "  ->
    last yr ..." / "per 1M inhabitants, last 5 yrs:"): it opens what follows, never carries on
    the indented line above it."""
    start, end = lines[i]
    if i == 0 or not raw[start:end].rstrip().endswith(":"):
        return False
    above = raw[lines[i - 1][0] : lines[i - 1][1]]
    return indent(raw[start:end]) < indent(above)


def indent(line: str) -> int:
    """How many spaces a line starts with."""
    return len(line) - len(line.lstrip(" "))


def wrapped_under(raw: str, group: list[tuple[int, int]], line: str) -> bool:
    """Whether `line`, which starts like a list item ("- CHINA"), is indented deeper than the
    aligned table row above it and starts under one of its cells (a wrapped name)."""
    start, end = group[-1]
    above = raw[start:end]
    col = indent(line)
    if not WIDE_GAP.search(above.strip()) or col <= indent(above) + 1:
        return False
    return any(abs(c - col) <= 1 for c, _ in _aligned_cells(raw, start, end)[1:])


def prose_line(text: str) -> bool:
    """Whether text over an underline is prose, not a heading: a sentence of over ten words
    (a rule drawn under a paragraph, "... being Paris, Lyon and Grenoble." then "-----")."""
    return len(text.split()) > 10 and shapes.ends_sentence(text)


def other_group(raw: str, lines: list[tuple[int, int]], width: Width) -> list[Block]:
    """Blocks of a group of consecutive lines that are neither blank, headings, list items nor
    table rows by their markup."""
    while lines and _RULE_LINE.match(raw, lines[0][0], lines[0][1]):
        lines = lines[1:]  # an overline ("=====" above a title) or a rule is not text
    if not lines:
        return []
    if len(lines) >= 2 and _SETEXT.match(raw[lines[-1][0] : lines[-1][1]]):
        above = " ".join(raw[a:b].strip() for a, b in lines[:-1])
        if not prose_line(above):
            return [paragraph(raw, lines[:-1], BlockKind.HEADING)]
        lines = lines[:-1]  # a rule drawn under a paragraph: the paragraph, not a heading
    numbered = hanging_paragraphs(raw, lines) if raw[lines[0][0] : lines[0][0] + 1] else []
    if numbered:  # "4.4  Top PCT applicants. ..." and its lines indented under the text
        return [b for para in numbered for b in run_in(paragraph(raw, para, BlockKind.PARAGRAPH))]
    table, taken = _aligned_run(raw, lines)
    if table is not None and taken == len(lines):
        return [table]
    if len(lines) == 1:
        # Most groups: one line between blank lines, nothing to join or rebuild. A lone name
        # with figures stays a paragraph; under a list heading the extractor reads it as a row.
        block = paragraph(raw, lines, BlockKind.PARAGRAPH)
        return [block] if block.text.text else []
    return _segment(raw, lines, width)
