"""Plain text, markdown and PDF text layers -> blocks.

One pass over the lines classifies each one (blank, markdown heading, pipe-table row, tab-table
row, list item, other) and groups neighbours of the same kind into blocks. Groups of "other"
lines become a table when every line splits into two or more cells on runs of spaces (the
column layout `pdftotext -layout` produces, including two tables side by side and names wrapped
onto an indented second line), and a paragraph otherwise. markdown-it-py was measured at ~2.8 ms
for one 2 KB profile and reports no character offsets, so this reader is line based: it keeps
every character's source offset and stays well under a millisecond.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText, join

_LIST_ITEM = re.compile(r"^[ \t]*(?:([-*•+▪◦‣–])|\(?(\d{1,3})[.)])[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_SETEXT = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
_PIPE_SEPARATOR = re.compile(r"^[\s|:\-]*$")
_COLUMN_GAP = re.compile(r"(?: {2,}|\u00a0{2,}|\t)")
_FIGURE_LINE = re.compile(r"[^\W\d_].*\d\s?%?\)?\s*$")
_WIDE_GAP = re.compile(r"(?: {3,}|\t)")
_INLINE_MARKUP = re.compile(r"\*\*|__|`|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_PIPE = re.compile(r"(?<!\\)\|")
_TRAILING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")


def clean_inline(t: MappedText) -> MappedText:
    """Remove markdown emphasis and link targets, keeping link text; strip the ends."""
    if "[" in t.text and "](" in t.text:
        spans: list[tuple[int, int]] = []
        for m in _MD_LINK.finditer(t.text):
            spans.append((m.start(), m.start(1)))
            spans.append((m.end(1), m.end()))
        t = t.drop(spans)
    if "*" in t.text or "_" in t.text or "`" in t.text:
        t = t.drop_pattern(_INLINE_MARKUP)
    return t.strip()


def _kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if _MD_HEADING.match(line):
        return "heading"
    stripped = line.strip()
    if stripped.startswith("|") or stripped.count("|") >= 2:
        return "pipe"
    if "\t" in line.strip(" \r\n") and len([c for c in line.split("\t") if c.strip()]) >= 1:
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


def _pipe_row(raw: str, start: int, end: int) -> tuple[MappedText, ...] | None:
    line = MappedText.verbatim(raw, start, end).strip()
    if _PIPE_SEPARATOR.match(line.text):
        return None
    cells = line.split(_PIPE)
    if cells and not cells[0].text.strip():
        cells = cells[1:]
    if cells and not cells[-1].text.strip():
        cells = cells[:-1]
    return tuple(clean_inline(c) for c in cells)


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


def _aligned_table(raw: str, lines: list[tuple[int, int]]) -> Block | None:
    """A table from column-aligned lines, or None when the lines read as prose."""
    first = raw[lines[0][0] : lines[0][1]].strip()
    if not _COLUMN_GAP.search(first):
        return None
    rows: list[list[tuple[int, MappedText]]] = []
    for start, end in lines:
        cells = _aligned_cells(raw, start, end)
        indented = raw[start:end][:1] in (" ", "\t")
        if len(cells) >= 2:
            rows.append(cells)
            continue
        if not rows or not indented or len(cells) != 1:
            return None
        col, cell = cells[0]
        target = _continued_cell(rows[-1], col)
        if target is not None and not _NUMERIC_CELL.search(cell.text):
            prev_col, prev = rows[-1][target]  # a name wrapped onto the next line
            rows[-1][target] = (prev_col, join([prev, cell], " "))
        elif abs(col - rows[-1][0][0]) <= 1 and _NUMERIC_CELL.search(cell.text):
            rows.append(cells)  # a short row: the last line of a list set in two columns
        else:
            return None
    if not rows:
        return None
    return Block(BlockKind.TABLE, rows=tuple(tuple(c for _, c in r) for r in rows))


def _continued_cell(row: list[tuple[int, MappedText]], col: int) -> int | None:
    """Index of the text cell in `row` that a lone cell starting at `col` continues."""
    for i, (c, cell) in enumerate(row):
        if abs(c - col) <= 1 and cell.text and not _NUMERIC_CELL.fullmatch(cell.text[:1]):
            return i
    return None


def _paragraph(raw: str, lines: list[tuple[int, int]], kind: BlockKind) -> Block:
    text = join([MappedText.verbatim(raw, s, e).strip() for s, e in lines], " ")
    return Block(kind, text=clean_inline(text))


def _list_item(raw: str, lines: list[tuple[int, int]]) -> Block:
    start, end = lines[0]
    m = _LIST_ITEM.match(raw[start:end])
    assert m is not None, "called only for lines classified as list items"
    ordinal = int(m.group(2)) if m.group(2) else None
    ordinal_text = (
        MappedText.verbatim(raw, start + m.start(2), start + m.end(2)) if ordinal else None
    )
    first = (start + m.end(), end)
    body = _paragraph(raw, [first, *lines[1:]], BlockKind.LIST_ITEM).text
    return Block(BlockKind.LIST_ITEM, text=body, ordinal=ordinal, ordinal_text=ordinal_text)


def _other_group(raw: str, lines: list[tuple[int, int]]) -> list[Block]:
    if len(lines) >= 2 and _SETEXT.match(raw[lines[-1][0] : lines[-1][1]]):
        return [_paragraph(raw, lines[:-1], BlockKind.HEADING)]
    table = _aligned_table(raw, lines)
    if table is not None:
        return [table]
    # A heading line directly above a column table ("Patents" then the rows): split them.
    # Only a wide gap (3+ spaces) starts the table, so justified prose is not mistaken for one.
    for k in range(1, len(lines)):
        if _WIDE_GAP.search(raw[lines[k][0] : lines[k][1]].strip()):
            table = _aligned_table(raw, lines[k:])
            if table is not None:
                return [*_other_group(raw, lines[:k]), table]
            break
    if len(lines) >= 2 and all(_FIGURE_LINE.search(raw[a:b]) for a, b in lines):
        # Lines that each end in a figure ("Chemistry: 21%", "NAME ... 2,069 patents, 54%")
        # are an unmarked list, one item per line, not a wrapped paragraph.
        return [_paragraph(raw, [line], BlockKind.LIST_ITEM) for line in lines]
    block = _paragraph(raw, lines, BlockKind.PARAGRAPH)
    return [block] if block.text.text else []


def text_blocks(raw: str) -> list[Block]:
    """Blocks of a plain-text, markdown or PDF-text document, in reading order."""
    blocks: list[Block] = []
    group: list[tuple[int, int]] = []
    group_kind = "blank"

    def flush() -> None:
        nonlocal group
        if not group:
            return
        if group_kind == "pipe":
            rows = [r for s, e in group if (r := _pipe_row(raw, s, e)) is not None]
            if rows:
                blocks.append(Block(BlockKind.TABLE, rows=tuple(rows)))
        elif group_kind == "tab":
            blocks.append(Block(BlockKind.TABLE, rows=tuple(_tab_row(raw, s, e) for s, e in group)))
        elif group_kind == "list":
            blocks.append(_list_item(raw, group))
        elif group_kind == "other":
            blocks.extend(_other_group(raw, group))
        group = []

    for start, end in _lines(raw):
        line = raw[start:end]
        kind = _kind(line)
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
        if kind == "other" and group_kind == "list" and line[:1] in (" ", "\t"):
            group.append((start, end))
            continue
        if kind != group_kind:
            flush()
            group_kind = kind
        if kind != "blank":
            group.append((start, end))
    flush()
    return blocks
