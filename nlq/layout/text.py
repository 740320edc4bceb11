"""Plain text, markdown, PDF text layers and delimiter-separated exports -> blocks.

One pass over the lines classifies each one (blank, markdown heading, pipe-table row, tab-table
row, delimited row, list item, other) and groups neighbours of the same kind into blocks. Groups
of "other" lines become a table when every line splits into two or more cells on runs of spaces
(the column layout `pdftotext -layout` produces, including two tables side by side and names
wrapped onto an indented second line). Otherwise each line is judged on its own before anything
is joined (`unmarked_lines` with the units of `line_units`): a line joins the one above only when it
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
from nlq.layout.cell_valign import bridge_blanks, bridge_side_blanks
from nlq.layout.continued_rows import continues_row, filled_end
from nlq.layout.deflist import definition_items, has_definitions
from nlq.layout.delimited import count_outside_brackets, sniff_delimiter, split_cells
from nlq.layout.document import Block, BlockKind, MappedText
from nlq.layout.hanging import hanging_column, hangs_under
from nlq.layout.inline import CHAR_REFERENCE, clean_inline, join_lines
from nlq.layout.interleaved import interleaved_order
from nlq.layout.labels_above import labels_above
from nlq.layout.line_units import (
    MARKUP_CHARS,
    RANKED_START,
    Width,
    paragraph,
    plain_line,
)
from nlq.layout.page_columns import beside_order, column_order
from nlq.layout.parted_titles import join_parted_titles
from nlq.layout.pipes import GRID_RULE, pipe_table
from nlq.layout.prose_columns import split_prose_columns
from nlq.layout.quoted_records import line_items, record_spans
from nlq.layout.record_exports import record_export_items
from nlq.layout.right_box import right_box_order
from nlq.layout.section_column import hoist_section_cells, hoist_table_sections
from nlq.layout.share_tiles import share_tile_blocks
from nlq.layout.side_legend import side_legend_order
from nlq.layout.title_rows import join_title_rows
from nlq.layout.unmarked_lines import WIDE_GAP, indent, other_group, prose_line, wrapped_under
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
_DIGIT = re.compile(r"\d")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6}|={1,6})[ \t]+(?=\S)")
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


def join_cell_rests(rows: list[tuple[MappedText, ...]]) -> list[tuple[MappedText, ...]]:
    """`rows` with each row that is only a name's rest joined to the name above it: its one
    filled cell, words without a digit, stands under the text cell of a row of figures
    (`3<TAB>SWISS TROPICAL & PUBLIC HEALTH<TAB>2 310<TAB>6%` over `<TAB>INSTITUTE`, a cell
    that wrapped in the table a converter wrote), in capitals if that name is."""
    out: list[tuple[MappedText, ...]] = []
    for row in rows:
        filled = [k for k, c in enumerate(row) if c.text]
        if out and len(filled) == 1 and filled[0] >= 1 and not _DIGIT.search(row[filled[0]].text):
            k, above = filled[0], out[-1]
            figures = any(_DIGIT.search(c.text) for c in above)
            name = above[k].text if k < len(above) else ""
            # a name in capitals goes on in capitals ("Top publishing organizations" is none)
            case = not name.isupper() or row[k].text.isupper()
            if name and not _DIGIT.search(name) and figures and case:
                out[-1] = (*above[:k], join_lines([above[k], row[k]]), *above[k + 1 :])
                continue
        out.append(row)
    return out


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


# A rule of ten dashes or equals signs or more drawn on a line of its own.
_DRAWN_RULE = re.compile(r"[ \t]*(?:-{10,}|={10,})[ \t]*")


def _dash_rest(raw: str, group: list[tuple[int, int]], line: str) -> bool:
    """Whether `line` ("- CHINA 7,290 12%") ends the ranked row wrapped on the group's last
    two lines, rather than being a bullet of its own."""
    if len(group) < 2 or line.lstrip()[:1] not in "-–—":
        return False
    first, second = (plain_line(raw, *span) for span in group[-2:])
    return name_end_with_figures(first, second, line.strip())


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
        elif continues_row(cells, out):  # ",,Tromvik" under "Patents,7%,Bergvik"
            out.append((start, end, tuple(clean_inline(c) for c in cells[: filled_end(cells)])))
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
        # prose beside charts or callouts in a margin
        line_spans = beside_order(raw, line_spans) or line_spans
        line_spans = side_legend_order(raw, line_spans) or line_spans  # a legend beside a table
        line_spans = interleaved_order(raw, line_spans) or line_spans  # columns interleaved
        line_spans = right_box_order(raw, line_spans) or line_spans  # a box at the right
        line_spans = bridge_blanks(raw, line_spans)  # a name's rest under a blank line
        line_spans = bridge_side_blanks(raw, line_spans)  # and beside the other list
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
            tab_rows = [_tab_row(raw, s, e) for s, e in group]
            blocks.append(Block(BlockKind.TABLE, rows=tuple(join_cell_rests(tab_rows))))
        elif group_kind == "list":
            blocks.append(_list_item(raw, group))
        elif group_kind == "other":
            blocks.extend(other_group(raw, group, width))
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
            if len(group) == 1 and WIDE_GAP.search(above):
                continue  # the rule under a table's column titles: the table goes on
            if len(group) == 1 and not prose_line(above):
                group.append((start, end))  # a setext underline: the line above is a heading
            flush()  # a rule drawn across a table ends the lines above it
            group_kind = "blank"
            continue
        kind = _kind(line)
        if kind == "other" and group_kind == "tab" and "\t" in line and not line[:1].strip():
            kind = "tab"  # "        <TAB>INSTITUTE": a cell's rest under a tab table's row
        elif kind == "other" and group_kind == "pipe" and "|" in line:
            kind = "pipe"  # "2| INESC TEC – ..., TECNOLOGIA": a row a converter's wrap cut
        if kind == "list" and group_kind == "other" and wrapped_under(raw, group, line):
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
            and not _outdented(raw, group, line)
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
    blocks = share_tile_blocks(blocks)  # "of PCT ... filed in" over "40% | collaboration ..."
    return split_prose_columns(blocks)  # paragraphs side by side


def _outdented(raw: str, group: list[tuple[int, int]], line: str) -> bool:
    """Whether `line`, indented less than the list item above it, starts something new: a
    label ("  Share:") or a heading ("   •  96th S&T cluster ..." / "  Top PCT applicants", a
    bullet set at a column's start over the column's next heading)."""
    item = raw[slice(*group[0])]
    if indent(line) >= indent(item):
        return False
    return line.rstrip().endswith(":") or shapes.heading_shaped(line)


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
