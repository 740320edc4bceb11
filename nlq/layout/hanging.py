"""Numbered paragraphs set with a hanging indent, as a textbook or a report prints them:

    4.4  Top PCT applicants. The three leading applicants are (1) CENTRAL
         SOUTH UNIVERSITY, with 146 patents, a 12% share; (2) CHANGSHA ...

The paragraph number is a dotted section number ("4.4", "2.1.3") followed by two spaces or
more; every following line indented to exactly the column where the paragraph's text starts
carries it on, whatever it starts with (a capital, a "(3)"). The paragraph is read from that
column: its number is not text, so it is never read as a rank or a figure.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"[ \t]*\d{1,2}(?:\.\d{1,2})+\.?[ ]{2,}(?=\S)")


def hanging_column(line: str) -> int | None:
    """The column where the text of a numbered paragraph's first line starts, or None."""
    m = _HEAD.match(line)
    return m.end() if m else None


def hangs_under(line: str, column: int) -> bool:
    """Whether `line` is indented to exactly `column` (with spaces) and holds text."""
    return len(line) > column and line[:column] == " " * column and not line[column].isspace()


def hanging_paragraphs(raw: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """`lines` cut into numbered paragraphs, each from its text column on, or [] unless every
    line is a paragraph's first line or hangs under one."""
    out: list[list[tuple[int, int]]] = []
    column: int | None = None
    for start, end in lines:
        line = raw[start:end]
        head = hanging_column(line)
        if head is not None:
            column = head
            out.append([(start + head, end)])
        elif column is not None and hangs_under(line, column):
            out[-1].append((start, end))
        else:
            return []
    return out
