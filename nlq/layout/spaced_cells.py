"""Tables printed one cell per paragraph: pdftotext without -layout, with blank lines between.

Without `-layout`, pdftotext writes each table cell on a line of its own ("1", "CENTRAL SOUTH
UNIVERSITY", "146", "12%", "2", ...); some PDFs also put a blank line after every cell, so each
cell becomes a paragraph and no reader sees a row. Within a run of such one-cell paragraphs
(at least eight, with a lone rank "1" followed by a name, and shares among them) the blank
lines are deleted: the text reader then sees the run of one-cell lines it rebuilds into rows
(`cell_lines.cell_tables`), as for pdftotext output without blank lines. A cell may be a name
wrapped over two lines ("NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY -" / "CHINA"): its line
break becomes one space. A sentence ends a run, so prose paragraphs keep their blank lines.
Only documents with a lone "1" paragraph are scanned.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from nlq.layout.rewrite import Edit
from nlq.layout.shapes import cell_shape

_LONE_ONE = re.compile(r"(?:^|\n)[ \t]*1[ \t]*\r?\n[ \t\f]*\r?\n")
_MIN_CELLS = 8
_MAX_CELL = 60


class _Paragraph(NamedTuple):
    lines: list[str]
    breaks: list[tuple[int, int]]  # the line breaks inside it
    blank: tuple[int, int]  # the blank lines after it


def _paragraphs(text: str) -> list[_Paragraph]:
    out: list[_Paragraph] = []
    lines: list[str] = []
    breaks: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        body = line.rstrip("\r\n")
        if body.strip():
            lines.append(body.strip())
            breaks.append((pos + len(body), end))
        elif lines:
            out.append(_Paragraph(lines, breaks[:-1], (breaks[-1][0], end)))
            lines, breaks = [], []
        elif out and out[-1].blank[1] == pos:
            out[-1] = out[-1]._replace(blank=(out[-1].blank[0], end))  # more blank lines
        pos = end
    if lines:
        out.append(_Paragraph(lines, breaks[:-1], (pos, pos)))
    return out


def _cell(p: _Paragraph) -> str | None:
    """The shape of a paragraph that is one table cell ('I', 'P' or 'T'), else None: one
    line, or a name wrapped over two."""
    if len(p.lines) > 2 or any(len(line) > _MAX_CELL for line in p.lines):
        return None
    shape = cell_shape(" ".join(p.lines))
    return None if len(p.lines) == 2 and shape != "T" else shape


def spaced_cell_edits(text: str) -> list[Edit]:
    """Edits deleting the blank lines inside runs of one-cell paragraphs."""
    if not _LONE_ONE.search(text):
        return []
    paragraphs = _paragraphs(text)
    shapes_ = [_cell(p) for p in paragraphs]
    edits: list[Edit] = []
    i = 0
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and shapes_[j] is not None:
            j += 1
        ranked = any(
            paragraphs[k].lines == ["1"] and shapes_[k + 1] == "T" for k in range(i, j - 1)
        )
        if j - i >= _MIN_CELLS and ranked and shapes_[i:j].count("P") >= 2:
            for p in paragraphs[i:j]:
                edits += [Edit(a, b, " ") for a, b in p.breaks]
            # the blank lines between the run's paragraphs go; the last one's stay
            edits += [Edit(*p.blank, "\n") for p in paragraphs[i : j - 1]]
        i = j + 1
    return edits
