"""Numbered paragraphs set with a hanging indent, as a textbook or a report prints them:

    4.4  Top PCT applicants. The three leading applicants are (1) CENTRAL
         SOUTH UNIVERSITY, with 146 patents, a 12% share; (2) CHANGSHA ...

The paragraph number is a dotted section number ("4.4", "2.1.3") followed by two spaces or
more; every following line indented to exactly the column where the paragraph's text starts
carries it on, whatever it starts with (a capital, a "(3)"). The paragraph is read from that
column: its number is not text, so it is never read as a rank or a figure. A run-in title
before the first full stop ("Top PCT applicants. The three leading ...", at most six words,
no figures) is the paragraph's heading, so it names its section as a heading line would.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind

_RUN_IN = re.compile(r"(?P<label>[^\W\d_][^.\d:;,]{0,60}?)\.\s+(?=\S)")
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


def run_in(block: Block) -> list[Block]:
    """A numbered paragraph's run-in title as a heading, then the rest of the paragraph."""
    t = block.text
    m = _RUN_IN.match(t.text)
    if m is None or len(m.group("label").split()) > 6:
        return [block]
    label, rest = t.slice(0, m.end("label")), t.slice(m.end(), len(t.text))
    return [Block(BlockKind.HEADING, text=label, level=3), Block(BlockKind.PARAGRAPH, text=rest)]
