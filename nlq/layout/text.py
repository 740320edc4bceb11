"""Plain text, markdown, PDF text layers and delimiter-separated exports -> blocks.

One pass over the lines classifies each one (blank, markdown heading, pipe-table row, tab-table
row, delimited row, list item, other) and groups neighbours of the same kind into blocks. Groups
of "other" lines become a table when every line splits into two or more cells on runs of spaces
(the column layout `pdftotext -layout` produces, including two tables side by side and names
wrapped onto an indented second line). Otherwise each line is judged on its own before anything
is joined (`_segment`, with the units of `line_units`): a line joins the one above only when it
continues a sentence, so a title, a heading, a column-header line or a table row directly under
other text stays a block of its own; runs of one-cell lines (pdftotext without -layout) are
rebuilt into table rows (`cell_lines`).
markdown-it-py was measured at ~2.8 ms for one 2 KB profile and reports no character offsets, so
this reader is line based: it keeps every character's source offset and stays well under a
millisecond.
"""

from __future__ import annotations

import re
from collections import Counter

from nlq.layout import shapes
from nlq.layout.cell_lines import cell_tables
from nlq.layout.deflist import definition_items, has_definitions
from nlq.layout.delimited import count_outside_brackets, sniff_delimiter, split_cells
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.frame_index import split_frame_index
from nlq.layout.frame_titles import index_title, split_titles
from nlq.layout.hanging import hanging_column, hanging_paragraphs, hangs_under, run_in
from nlq.layout.inline import CHAR_REFERENCE, clean_inline, join_lines
from nlq.layout.interleaved import interleaved_order
from nlq.layout.labels_above import labels_above
from nlq.layout.line_units import (
    MARKUP_CHARS,
    RANKED_START,
    Unit,
    Width,
    continues,
    paragraph,
    plain_line,
)
from nlq.layout.name_heads import head_count, with_head
from nlq.layout.name_rest_rows import rest_with_figures
from nlq.layout.narrow_gaps import split_narrow_gaps
from nlq.layout.page_columns import column_order
from nlq.layout.parted_titles import join_parted_titles
from nlq.layout.pipes import GRID_RULE, pipe_table
from nlq.layout.prose_columns import split_prose_columns
from nlq.layout.quoted_records import line_items, record_spans
from nlq.layout.record_exports import record_export_items
from nlq.layout.section_column import hoist_section_cells, hoist_table_sections
from nlq.layout.slots import slotted
from nlq.layout.title_rows import join_title_rows
from nlq.layout.wrapped_cells import join_wrapped_cells
from nlq.layout.wrapped_fields import join_wrapped_fields, share_below
from nlq.layout.wrapped_rows import (
    figures_after_name,
    name_end_follows,
    name_end_with_figures,
)

# A wiki's numbered item ("# Chemistry (21%)", Jira and Confluence markup) is one only when
# the line ends with a share in brackets: else "# Title" is a markdown heading.
_HASH_ITEM = r"#(?=[ \t][^\n]*\(\s*\d[\d.,]*\s?%\s*\)[ \t]*$)"
_LIST_ITEM = re.compile(
    rf"^[ \t]*(?:([-*•+▪◦‣–●○■□◆]|{_HASH_ITEM})|\(?(\d{{1,3}})[.)])[ \t]+(?=\S)"
)
# "# Title" (markdown), "= Title" / "== Section" (AsciiDoc, MediaWiki "== Section ==").
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6}|={1,6})[ \t]+(?=\S)")
_SETEXT = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
# A line of one punctuation character repeated: a rule, an overline or an underline.
_RULE_LINE = re.compile(r"[ \t]*([=\-~^*#+_`'\".:])\1{2,}[ \t]*$")
_COLUMN_GAP = re.compile(r"(?: {2,}|\u00a0{2,}|\t)")
_WIDE_GAP = re.compile(r"(?: {3,}|\t)")
# "#<TAB>Applicant<TAB>Patents<TAB>Share" (or "#<TAB><TAB>PCT filings<TAB>Share", the name's
# title cell empty), "  #   Name      Patents   Share" (set apart by runs of spaces): a rank
# column titled "#" in a table's header, not a markdown heading (which has one space after it).
_HASH_CELL = re.compile(r"^[ \t]{0,3}#(?:\t[^\n]*\t[^\n]*\S| {2,}\S[^\n]*?(?: {3,}|\t)\S)")
_TRAILING_HASHES = re.compile(r"[ \t]+(?:#+|=+)[ \t]*$")


def _kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if _MD_HEADING.match(line) and not _HASH_CELL.match(line):
        return "list" if line.lstrip().startswith("# ") and _LIST_ITEM.match(line) else "heading"
    stripped = line.strip()
    if stripped.startswith("|") or stripped.count("|") >= 2:
        return "pipe"
    if stripped.startswith("+") and GRID_RULE.match(line):
        return "pipe"  # the rule between two rows of a grid table
    # A tab between two cells makes a row ("\tPatents\tShare" has an empty first cell); tabs
    # that only indent a line (an outline's bullets) do not.
    if "\t" in stripped and len([c for c in line.split("\t") if c.strip()]) >= 1:
        if line.count("\t") >= 1 and not _LIST_ITEM.match(line):
            return "tab"
    if _LIST_ITEM.match(line):
        return "list"
    return "other"


def _lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without its line break."""
    out = []
    pos = 0
    n = len(raw)
    while pos <= n:
        nl = raw.find("\n", pos)
        end = n if nl < 0 else nl
        content_end = end - 1 if end > pos and raw[end - 1] == "\r" else end
        out.append((pos, content_end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _tab_row(raw: str, start: int, end: int) -> tuple[MappedText, ...]:
    line = MappedText.verbatim(raw, start, end)
    cells = line.split(re.compile("\t"))
    while cells and not cells[-1].text.strip():
        cells.pop()
    return tuple(clean_inline(c) for c in cells)


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


def _aligned_run(raw: str, lines: list[tuple[int, int]]) -> tuple[Block | None, int]:
    """A table from the column-aligned lines at the start of `lines`, and how many lines it
    takes: it stops at the first line that is neither a row nor a wrapped name."""
    first = raw[lines[0][0] : lines[0][1]].strip()
    if not _COLUMN_GAP.search(first):
        return None, 0
    rows: list[list[tuple[int, MappedText]]] = []
    taken = 0
    for k, (start, end) in enumerate(lines):
        cells = _aligned_cells(raw, start, end)
        indented = raw[start:end][:1] in (" ", "\t")
        if len(cells) >= 2:
            joined = rest_with_figures(rows[-1], cells) if rows and indented else None
            if joined is not None:
                rows[-1] = joined  # a name's rest and then the row's figures
            else:
                rows.append(cells)
            taken += 1
            continue
        if len(rows) == 1 and k + 1 < len(lines) and len(cells) == 1:
            if index_title(rows[0], cells, _aligned_cells(raw, *lines[k + 1])):
                rows[0].insert(0, cells[0])  # "rank" under "name  patents": its own line
                taken += 1
                continue
        if not rows or not indented or len(cells) != 1:
            break
        col, cell = cells[0]
        target = _continued_cell(rows[-1], col)
        if target is not None and not _NUMERIC_CELL.search(cell.text):
            prev_col, prev = rows[-1][target]  # a name wrapped onto the next line
            rows[-1][target] = (prev_col, join_lines([prev, cell]))
        elif abs(col - rows[-1][0][0]) <= 1 and _NUMERIC_CELL.search(cell.text):
            rows.append(cells)  # a short row: the last line of a list set in two columns
        elif target is not None and share_below(rows[-1][target][1], cell):
            rows.append(cells)  # "(11%)" under its wrapped field, joined once laid out
        else:
            break
        taken += 1
    if not rows:
        return None, 0
    rows = split_narrow_gaps(rows)  # two cells the text layer set one space apart
    table = slotted(split_titles(split_frame_index(rows)))  # a printed data frame's titles
    table = join_wrapped_cells(table)  # names wrapped beside the other list's row
    table = join_wrapped_fields(table)  # a breakdown's field wrapped with its share
    return Block(BlockKind.TABLE, rows=tuple(tuple(c for _, c in r) for r in table)), taken


def _continued_cell(row: list[tuple[int, MappedText]], col: int) -> int | None:
    """Index of the text cell in `row` that a lone cell starting at `col` continues."""
    for i, (c, cell) in enumerate(row):
        if abs(c - col) <= 1 and cell.text and not _NUMERIC_CELL.fullmatch(cell.text[:1]):
            # A field closed by its share ("Food chemistry (22%)", "(9%)") is whole: the
            # line under it ("Publications") starts something else.
            return None if _CLOSING_SHARE.search(cell.text) else i
    return None


def _list_item(raw: str, lines: list[tuple[int, int]]) -> Block:
    start, end = lines[0]
    m = _LIST_ITEM.match(raw[start:end])
    assert m is not None, "called only for lines classified as list items"
    ordinal = int(m.group(2)) if m.group(2) else None
    ordinal_text = (
        MappedText.verbatim(raw, start + m.start(2), start + m.end(2)) if ordinal else None
    )
    first = (start + m.end(), end)
    body = paragraph(raw, [first, *lines[1:]], BlockKind.LIST_ITEM).text
    return Block(BlockKind.LIST_ITEM, text=body, ordinal=ordinal, ordinal_text=ordinal_text)


def _lazy_continuation(raw: str, item: list[tuple[int, int]], line: str) -> bool:
    """Whether an unindented line carries on the list item above it (markdown's lazy
    continuation): it starts in lower case, or it holds the figures the item still lacks
    ("+ No. 2 COMMONWEALTH SCIENTIFIC AND INDUSTRIAL RESEARCH" / "ORGANISATION — 121 patents,
    9%"; "... — 7,290 articles" / "(12%)"), or it is the rest of a numbered item's open name
    and then its figures ("2. NAME -" / "BERGEN" / "6,215 20%", `wrapped_rows`). A heading, a
    label or a new row never does."""
    nxt = MARKUP_CHARS.sub("", line).strip()
    if not nxt:
        return False
    if nxt[0].islower():
        return True
    text = " ".join(plain_line(raw, s, e) for s, e in item)
    if shapes.cell_shape(nxt) == "P":
        return "%" not in text
    if shapes.figure_unit(nxt) and not RANKED_START.match(nxt):
        return not shapes.figure_unit(_LIST_ITEM.sub("", text, count=1))
    if len(item) <= 2 and text[:1].isdigit():  # "2. NAME -" / "BERGEN" / "6,215 20%"
        first = _LIST_ITEM.sub("", plain_line(raw, *item[0]), count=1)
        if len(item) == 1:
            return name_end_follows(first, nxt)
        return figures_after_name(first, plain_line(raw, *item[1]), nxt)
    return False


def _aside_after_item(raw: str, item: list[tuple[int, int]], line: str) -> bool:
    """Whether a line wholly in parentheses under a list item that already holds its share is
    a remark of its own ("  3. NAME: 5,986 articles (14%)" / "  (NAME appears twice, ranks 1
    and 3)"), not the rest of the item: the item's figures are complete."""
    nxt = line.strip()
    if not (nxt.startswith("(") and nxt.endswith(")")):
        return False
    return "%" in " ".join(plain_line(raw, s, e) for s, e in item)


# "   5.1 Patents: ..." under "5. Top technology fields.": a memo's sub-point; "   Note: ...".
_SUB_POINT = re.compile(r"[ \t]+(\d{1,2})(?:\.\d{1,2})+[ \t]+(?=[^\W\d_])")
_REMARK = re.compile(r"[ \t]+(?:Note|NB|N\.B\.|Remark|Comment)[ \t]*:")


def _point_after_item(raw: str, item: list[tuple[int, int]], line: str) -> bool:
    """Whether an indented line under a list item starts a point of its own: a sub-point
    numbered under the item's number ("5.1 Patents: ..."), or a note after an item that
    already holds its share ("(3) NAME -- 5,986 -- 14%" / "Note: the profile lists ...").
    A sub-point carries the item's own number ("5.1" under "5.") and a capital: a wrapped
    "3.1 million inhabitants" does not."""
    sub = _SUB_POINT.match(line)
    if sub and line[sub.end()].isupper():  # a point's title, not "3.1 million"
        item_number = _LIST_ITEM.match(raw[item[0][0] : item[0][1]])
        return item_number is not None and item_number.group(2) == sub.group(1)
    return bool(_REMARK.match(line)) and "%" in " ".join(plain_line(raw, s, e) for s, e in item)


def _segment(raw: str, lines: list[tuple[int, int]], width: Width) -> list[Block]:
    """Blocks of a group of non-blank lines that is not one aligned table, judged line by line:
    aligned tables inside it, wrapped sentences joined, every other line on its own."""
    blocks: list[Block] = []
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        plain = plain_line(raw, start, end)
        if _WIDE_GAP.search(plain) and not shapes.sentence_like(plain):
            # A heading or prose directly above a column table: the table starts here. Only a
            # wide gap (3+ spaces) starts one, so justified prose is not mistaken for a table.
            table, taken = _aligned_run(raw, lines[i:])
            if table is not None and (taken >= 2 or i + taken == len(lines)):
                row = _aligned_cells(raw, *lines[i])
                k = head_count(raw, lines, i, row, i - _lone_lines(units, lines, i))
                if k:  # the name's first lines above its rank and figures
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
    return _indent(raw[start:end]) < _indent(above)


# A rule of ten dashes or equals signs or more drawn on a line of its own.
_DRAWN_RULE = re.compile(r"[ \t]*(?:-{10,}|={10,})[ \t]*")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dash_rest(raw: str, group: list[tuple[int, int]], line: str) -> bool:
    """Whether `line` ("- CHINA 7,290 12%") ends the ranked row wrapped on the group's last
    two lines, rather than being a bullet of its own."""
    if len(group) < 2 or line.lstrip()[:1] not in "-–—":
        return False
    first, second = (plain_line(raw, *span) for span in group[-2:])
    return name_end_with_figures(first, second, line.strip())


def _wrapped_under(raw: str, group: list[tuple[int, int]], line: str) -> bool:
    """Whether `line`, which starts like a list item ("- CHINA"), is indented deeper than the
    aligned table row above it and starts under one of its cells (a wrapped name)."""
    start, end = group[-1]
    above = raw[start:end]
    col = _indent(line)
    if not _WIDE_GAP.search(above.strip()) or col <= _indent(above) + 1:
        return False
    return any(abs(c - col) <= 1 for c, _ in _aligned_cells(raw, start, end)[1:])


def _prose_line(text: str) -> bool:
    """Whether text over an underline is prose, not a heading: a sentence of over ten words
    (a rule drawn under a paragraph, "... being Paris, Lyon and Grenoble." then "-----")."""
    return len(text.split()) > 10 and shapes.ends_sentence(text)


def _other_group(raw: str, lines: list[tuple[int, int]], width: Width) -> list[Block]:
    while lines and _RULE_LINE.match(raw, lines[0][0], lines[0][1]):
        lines = lines[1:]  # an overline ("=====" above a title) or a rule is not text
    if not lines:
        return []
    if len(lines) >= 2 and _SETEXT.match(raw[lines[-1][0] : lines[-1][1]]):
        above = " ".join(raw[a:b].strip() for a, b in lines[:-1])
        if not _prose_line(above):
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


def _delimited(
    raw: str, lines: list[tuple[int, int]], delimiter: str
) -> list[tuple[int, int, tuple[MappedText, ...] | None]]:
    """Each line as a row of cells when it holds two or more, else as the one cell it holds
    (a prose or heading line padded with empty cells, "Top PCT applicants;;;")."""
    out: list[tuple[int, int, tuple[MappedText, ...] | None]] = []
    split = [
        [c.strip() for c in split_cells(raw, s, e, delimiter)] if delimiter in raw[s:e] else []
        for s, e in lines
    ]
    width = Counter(len(cells) for cells in split if cells).most_common(1)
    for (start, end), cells in zip(lines, split, strict=True):
        if not cells:
            out.append((start, end, None))
            continue
        filled = [c for c in cells if c.text]
        if width and _overflowing_text(cells, width[0][0]):
            a = filled[0].raw_span(0, len(filled[0].text))[0]
            b = filled[-1].raw_span(0, len(filled[-1].text))[1]
            out.append((a, b, None))
        elif len(filled) >= 2:
            while cells and not cells[-1].text:
                cells.pop()
            out.append((start, end, tuple(clean_inline(c) for c in cells)))
        elif filled:
            a, b = filled[0].raw_span(0, len(filled[0].text))
            out.append((a, b, None))
        else:
            out.append((start, start, None))
    return out


def _overflowing_text(cells: list[MappedText], width: int) -> bool:
    """True when a line has more cells than the sheet's usual `width` only because its text
    holds the delimiter unquoted ("Hefei, China — GII 2024,,,,," above six-column rows): its
    filled cells are the first few, and there are no more of them than the surplus explains."""
    surplus = len(cells) - width
    if surplus < 1:
        return False
    filled = [i for i, c in enumerate(cells) if c.text]
    return bool(filled) and filled == list(range(len(filled))) and len(filled) <= surplus + 1


def text_blocks(raw: str, delimited: bool = False) -> list[Block]:
    """Blocks of a plain-text, markdown or PDF-text document, in reading order.

    With `delimited` (a .csv/.tsv file) lines are split on the delimiter that gives them the
    most consistent number of cells; a plain-text file is read that way only when nearly every
    line has the same number of semicolons (a spreadsheet export saved as text).
    """
    line_spans = _lines(raw)
    if not delimited:
        line_spans = column_order(raw, line_spans) or line_spans  # a page set in two columns
        line_spans = interleaved_order(raw, line_spans) or line_spans  # columns interleaved
    texts = [raw[s:e] for s, e in line_spans]
    delimiter = sniff_delimiter(texts) if delimited else _semicolon_sheet(texts)
    if delimiter:
        records = record_spans(raw, line_spans) if delimited else line_spans
        items = hoist_section_cells(record_export_items(_delimited(raw, records, delimiter)))
        items = line_items(raw, items)
        items = labels_above(items)
    else:
        items = [(s, e, None) for s, e in line_spans]
        if ";" in raw:
            _semicolon_rows(raw, line_spans, texts, items)
        if has_definitions(raw):
            items = definition_items(raw, items)
    width = Width(raw, line_spans)
    blocks: list[Block] = []
    group: list[tuple[int, int]] = []
    rows: list[tuple[MappedText, ...]] = []
    group_kind = "blank"
    hang: int | None = None  # the text column of the numbered paragraph being read

    def flush() -> None:
        nonlocal group, rows
        if group_kind == "delim" and rows:
            blocks.append(Block(BlockKind.TABLE, rows=tuple(rows)))
        rows = []
        if not group:
            return
        if group_kind == "pipe":
            table = pipe_table(raw, group)
            if table is not None:
                blocks.extend(hoist_table_sections(table))
        elif group_kind == "tab":
            blocks.append(Block(BlockKind.TABLE, rows=tuple(_tab_row(raw, s, e) for s, e in group)))
        elif group_kind == "list":
            blocks.append(_list_item(raw, group))
        elif group_kind == "other":
            blocks.extend(_other_group(raw, group, width))
        group = []

    for start, end, row in items:
        if row is not None:
            if group_kind != "delim":
                flush()
                group_kind = "delim"
            rows.append(row)
            continue
        line = raw[start:end]
        if hang is not None and group_kind == "other" and hangs_under(line, hang):
            group.append((start, end))  # "     (3) CHINA TOBACCO, ...": the paragraph goes on
            continue
        if group_kind == "other" and group and _DRAWN_RULE.fullmatch(line):
            above = raw[group[0][0] : group[0][1]].strip()
            if len(group) == 1 and _WIDE_GAP.search(above):
                continue  # the rule under a table's column titles: the table goes on
            if len(group) == 1 and not _prose_line(above):
                group.append((start, end))  # a setext underline: the line above is a heading
            flush()  # a rule drawn across a table ends the lines above it
            group_kind = "blank"
            continue
        kind = _kind(line)
        if kind == "list" and group_kind == "other" and _wrapped_under(raw, group, line):
            kind = "other"  # "          - CHINA": a name wrapped under its table column
        elif kind == "list" and group_kind == "other" and _dash_rest(raw, group, line):
            kind = "other"  # "3 NAME" / "OF NAME" / "- CHINA 7,290 12%": the row's last line
        hang = hanging_column(line) if kind == "other" and line[:1].isdigit() else None
        if kind == "heading":
            flush()
            m = _MD_HEADING.match(line)
            assert m is not None
            closing = _TRAILING_HASHES.search(line)
            body_end = start + closing.start() if closing else end
            text = clean_inline(MappedText.verbatim(raw, start + m.end(), body_end))
            blocks.append(Block(BlockKind.HEADING, text=text, level=len(m.group(1))))
            group_kind = "blank"
            continue
        if kind == "list":
            flush()
            group_kind = "list"
            group = [(start, end)]
            continue
        if (
            kind == "other"
            and group_kind == "list"
            and (line[:1] in (" ", "\t") or _lazy_continuation(raw, group, line))
            and not _aside_after_item(raw, group, line)
            and not _point_after_item(raw, group, line)
            and not (line.rstrip().endswith(":") and _indent(line) < _indent(raw[slice(*group[0])]))
        ):
            group.append((start, end))
            continue
        if kind != group_kind:
            flush()
            group_kind = kind
        if kind != "blank":
            group.append((start, end))
    flush()
    if delimiter:
        return blocks
    blocks = join_title_rows(join_parted_titles(raw, blocks))  # titles over tables side by side
    return split_prose_columns(blocks)  # paragraphs side by side


def _semicolon_rows(
    raw: str,
    lines: list[tuple[int, int]],
    texts: list[str],
    items: list[tuple[int, int, tuple[MappedText, ...] | None]],
) -> None:
    """Rows separated by semicolons inside an otherwise plain text ("1;NAME;146;12%"): two or
    more consecutive lines with the same number of semicolons, one of them holding a bare
    figure between them, become table rows in `items`."""
    # A line whose semicolons end character references ("Optics &mdash; 35%") is no row, nor
    # one whose semicolons are all inside parentheses ("NAME (312; 14%)").
    counts = [
        count_outside_brackets(t, ";")
        if ";" in t and not ("&" in t and CHAR_REFERENCE.search(t))
        else 0
        for t in texts
    ]
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and counts[j] and counts[j] == counts[k]:
            j += 1
        if j - k >= 2:
            run = _delimited(raw, lines[k:j], ";")
            figures = any(
                shapes.cell_shape(c.text) in ("I", "P") for _, _, row in run if row for c in row
            )
            whole = all(row is not None and not row[-1].text.endswith(":") for _, _, row in run)
            if figures and whole:  # a row ending in "Patents:" is a label wrapped to the next line
                items[k:j] = run
        k = max(j, k + 1)


def _semicolon_sheet(texts: list[str]) -> str | None:
    """';' when at least four lines in five split into the same number of semicolon cells
    (semicolons that end character references, "&amp;", do not count)."""
    if sum(1 for t in texts if ";" in t) < 3:
        return None
    if any("&" in t and CHAR_REFERENCE.search(t) for t in texts):
        texts = [CHAR_REFERENCE.sub("&", t) if "&" in t else t for t in texts]
    found = sniff_delimiter(texts, share=0.8)
    return found if found == ";" else None
