"""Delimiter-separated rows (CSV/TSV exports, semicolon sheets) -> cells with exact offsets.

The standard library's `csv` module reads cells but reports no character offsets, and its
`Sniffer` gives up on exports that mix prose lines with table rows (a profile page saved from a
spreadsheet: one prose cell per line, then `1;NAME;517;22%` rows). This splitter is small,
understands double-quoted cells (with `""` inside), and keeps each cell's source span.
"""

from __future__ import annotations

from collections import Counter

from nlq.layout.document import MappedText, join

CANDIDATES = (";", "\t", "|", ",")


def count_outside_quotes(line: str, delim: str) -> int:
    """How many times `delim` separates cells of `line` (not counting it inside quotes)."""
    if '"' not in line:
        return line.count(delim)
    n, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delim and not quoted:
            n += 1
    return n


def count_outside_brackets(line: str, delim: str) -> int:
    """How many times `delim` separates cells of `line` outside quotes and parentheses: in
    prose, "NAME (312; 14%)" or "(patents; share)" holds one figure pair, not two cells."""
    if "(" not in line:
        return count_outside_quotes(line, delim)
    n, depth, quoted = 0, 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == delim and not depth:
            n += 1
    return n


def sniff_delimiter(lines: list[str], share: float = 0.0) -> str | None:
    """The delimiter that gives the most lines the same number of cells, or None.

    With `share` > 0 that delimiter must also appear, that many times, on at least that share
    of the non-blank lines (used for files not named .csv/.tsv, so prose with a few semicolons
    is never cut into cells).
    """
    body = [line for line in lines if line.strip()]
    tabbed = sum(1 for line in body if "\t" in line)
    if "\t" in CANDIDATES and body and tabbed >= max(2, len(body) / 2):
        # No one types a tab inside a cell's text, but prose in cells holds commas ("Göteborg,
        # Sweden", "1,452"): a file whose lines are mostly cut by tabs is cut by tabs.
        return "\t"
    best, best_score = None, 0
    for delim in CANDIDATES:
        counts = Counter(count_outside_quotes(line, delim) for line in body)
        counts.pop(0, None)
        if not counts:
            continue
        _, score = counts.most_common(1)[0]
        if score > best_score:
            best, best_score = delim, score
    if best is None or best_score < 2:
        return None
    if share and best_score < share * len(body):
        return None
    return best


def split_cells(raw: str, start: int, end: int, delim: str) -> list[MappedText]:
    """The cells of `raw[start:end]` split on `delim`; a double-quoted cell loses its quotes
    (`""` inside stands for one quote) but keeps the exact span of what it holds."""
    cells: list[MappedText] = []
    pos = start
    while True:
        lead = pos
        while lead < end and raw[lead] in " \t" and raw[lead] != delim:
            lead += 1
        if lead < end and raw[lead] == '"':
            cell, after = _quoted(raw, lead, end)
            if cell is not None:
                cells.append(cell)
                nxt = raw.find(delim, after, end)
                if nxt < 0:
                    return cells
                pos = nxt + 1
                continue
        nxt = raw.find(delim, pos, end)
        stop = end if nxt < 0 else nxt
        cells.append(MappedText.verbatim(raw, pos, stop))
        if nxt < 0:
            return cells
        pos = nxt + 1


def _quoted(raw: str, q: int, end: int) -> tuple[MappedText | None, int]:
    """The cell quoted from `raw[q]` (a '"') and the offset after its closing quote; None if the
    quote is never closed on this line (then the cell is read as plain text)."""
    pieces: list[MappedText] = []
    seg = j = q + 1
    while j < end:
        if raw[j] == '"':
            if j + 1 < end and raw[j + 1] == '"':
                pieces.append(MappedText.verbatim(raw, seg, j + 1))
                j += 2
                seg = j
                continue
            pieces.append(MappedText.verbatim(raw, seg, j))
            return join(pieces), j + 1
        j += 1
    return None, end
