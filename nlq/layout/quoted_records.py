"""Quoted cells that run over several lines in a delimited export (a scraper's or a sheet's CSV):

    summary,,,,,"Bengaluru is the second-ranked cluster, out of 4 Indian clusters, ...
    59th largest science and technology cluster in 2024
    86th S&T cluster by intensity (relative to population density) in 2024"
    top_pct_applicants,1,"NAME, CITY",312,8%,

CSV allows a line break inside a double-quoted cell; such a record is one row, not three. Read
line by line, its first line's cells stop at the first comma of the text and the next record's
section name is glued to the cell's last line. `record_spans` joins the lines of each record
whose quote opens on one line and closes on a later one; `line_items` then splits every line
of text the rows give (the free-text cell read as a paragraph of its own) back into its
physical lines, so the cell's lines read as the lines of any text.
"""

from __future__ import annotations

from nlq.layout.document import MappedText

Item = tuple[int, int, tuple[MappedText, ...] | None]


def record_spans(raw: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`lines` (content spans) with every run of lines that an open double quote holds
    together (an odd number of quotes on the first, the quote closed on a later line) joined
    into one span; `lines` unchanged when no quote stays open or one never closes."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        start, end = lines[k]
        if raw.count('"', start, end) % 2 == 0:
            out.append((start, end))
            k += 1
            continue
        j, quotes = k, raw.count('"', start, end)
        while quotes % 2 and j + 1 < len(lines):
            j += 1
            quotes += raw.count('"', *lines[j])
        if quotes % 2:  # never closed: a stray quote, not a cell
            return lines
        out.append((start, lines[j][1]))
        k = j + 1
    return out


def line_items(raw: str, items: list[Item]) -> list[Item]:
    """`items` with every line of text (an item without cells) that spans a line break split
    into one item a physical line (a trailing carriage return left out)."""
    out: list[Item] = []
    for start, end, row in items:
        if row is not None or "\n" not in raw[start:end]:
            out.append((start, end, row))
            continue
        pos = start
        while pos <= end:
            nl = raw.find("\n", pos, end)
            stop = end if nl < 0 else nl
            content = stop - 1 if stop > pos and raw[stop - 1] == "\r" else stop
            out.append((pos, content, None))
            if nl < 0:
                break
            pos = nl + 1
    return out
