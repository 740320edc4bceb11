"""The normalized document: blocks of text that remember where each character came from.

Every reader (plain text, markdown, HTML, PDF) turns its input into a `Document`: headings,
paragraphs, list items and tables whose cells are `MappedText`. A `MappedText` is a clean string
(markup removed, entities decoded) plus runs that map each of its characters back to a span of
the decoded source, so any match found in the clean text becomes an exact source span.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Run(NamedTuple):
    """A piece of clean text: `length` characters starting at `text_start`, taken from
    `raw[raw_start:raw_end]`. A verbatim run is the same characters; a replaced run (an HTML
    entity, say) maps all of its characters to the whole raw span."""

    text_start: int
    length: int
    raw_start: int
    raw_end: int
    verbatim: bool


# `Run(...)` goes through the named tuple's Python-level `__new__`; readers and the extractor
# make a run for nearly every cell and slice, so hot paths build them with `tuple.__new__`.
_new_run = tuple.__new__


class MappedText:
    """Clean text with a map back to raw source offsets."""

    __slots__ = ("text", "_runs", "_starts")

    def __init__(self, text: str, runs: list[Run]) -> None:
        self.text = text
        self._runs = runs
        self._starts: list[int] | None = None

    @classmethod
    def verbatim(cls, raw: str, start: int, end: int) -> MappedText:
        """The raw slice `raw[start:end]`, mapped one to one."""
        if end <= start:
            return cls("", [])
        return cls(raw[start:end], [_new_run(Run, (0, end - start, start, end, True))])

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"MappedText({self.text!r})"

    def run_starts(self) -> list[int]:
        """The clean offset where each run starts (computed once)."""
        if self._starts is None:
            self._starts = [r[0] for r in self._runs]
        return self._starts

    def _index(self, i: int) -> int:
        if len(self._runs) == 1:
            return 0
        if self._starts is None:
            self._starts = [r[0] for r in self._runs]
        return bisect.bisect_right(self._starts, i) - 1

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        """Raw offsets `(start, end)` of the clean characters `text[i:j]` (j > i)."""
        if not 0 <= i < j <= len(self.text):
            raise ValueError(f"span {i}:{j} outside text of length {len(self.text)}")
        runs = self._runs
        if len(runs) == 1 and runs[0][4]:  # one verbatim run (most cells): plain arithmetic
            base = runs[0][2] - runs[0][0]
            return base + i, base + j
        first = self._runs[self._index(i)]
        last = self._runs[self._index(j - 1)]
        start = first.raw_start + (i - first.text_start) if first.verbatim else first.raw_start
        end = last.raw_start + (j - last.text_start) if last.verbatim else last.raw_end
        return start, end

    def slice(self, i: int, j: int) -> MappedText:
        """The clean characters `text[i:j]` with their map."""
        n = len(self.text)
        if i < 0:
            i = 0
        if j > n:
            j = n
        if j <= i:
            return MappedText("", [])
        runs = self._runs
        if len(runs) == 1 and runs[0][4]:
            r0 = runs[0][2]
            return MappedText(self.text[i:j], [_new_run(Run, (0, j - i, r0 + i, r0 + j, True))])
        out: list[Run] = []
        k = self._index(i)
        count = len(runs)
        # Plain tuple unpacking and `_new_run`: slicing runs for every sentence and cell is hot.
        while k < count:
            start, length, raw_start, raw_end, verbatim = runs[k]
            if start >= j:
                break
            a = i if i > start else start
            b = j if j < start + length else start + length
            if verbatim:
                off = raw_start + a - start
                out.append(_new_run(Run, (a - i, b - a, off, off + b - a, True)))
            else:
                out.append(_new_run(Run, (a - i, b - a, raw_start, raw_end, False)))
            k += 1
        return MappedText(self.text[i:j], out)

    def strip(self, chars: str | None = None) -> MappedText:
        """Leading and trailing whitespace (or `chars`) removed."""
        t = self.text
        stripped = t.strip(chars)
        if len(stripped) == len(t):
            return self
        left = len(t) - len(t.lstrip(chars))
        return self.slice(left, left + len(stripped))

    def drop(self, spans: list[tuple[int, int]]) -> MappedText:
        """This text with the clean ranges in `spans` (sorted, disjoint) removed."""
        if not spans:
            return self
        pieces: list[MappedText] = []
        pos = 0
        for a, b in spans:
            if a > pos:
                pieces.append(self.slice(pos, a))
            pos = max(pos, b)
        if pos < len(self.text):
            pieces.append(self.slice(pos, len(self.text)))
        return join(pieces)

    def drop_pattern(self, pattern: re.Pattern[str], group: int = 0) -> MappedText:
        """This text with every match of `pattern` (or of its `group`) removed."""
        spans = [m.span(group) for m in pattern.finditer(self.text) if m.group(group)]
        return self.drop(spans)

    def split(self, pattern: re.Pattern[str]) -> list[MappedText]:
        """Pieces between matches of `pattern`, like `re.split` without groups."""
        out: list[MappedText] = []
        pos = 0
        for m in pattern.finditer(self.text):
            out.append(self.slice(pos, m.start()))
            pos = m.end()
        out.append(self.slice(pos, len(self.text)))
        return out


def join(pieces: list[MappedText], sep: str = "") -> MappedText:
    """Concatenate mapped texts; `sep` is inserted as a replaced run mapped to the raw gap.

    Runs that continue each other one to one (a verbatim run, or one character standing for
    one raw character, such as a single space between words) are merged into one verbatim
    run: the map means the same, and most cells then hold a single run, which every later
    slice and span resolves with plain arithmetic."""
    pieces = [p for p in pieces if p.text]
    if len(pieces) == 1:
        return pieces[0]
    runs: list[Run] = []
    parts: list[str] = []
    pos = 0
    prev_end: int | None = None
    # The last run, if it is one to one and so may absorb a following run: its text start,
    # raw start and raw end (-1: it may not).
    l_start = l_raw = l_end = -1
    for piece in pieces:
        if sep and parts:
            first_raw = piece._runs[0][2]
            gap_start = prev_end if prev_end is not None and prev_end <= first_raw else first_raw
            gap_end = max(first_raw, gap_start)
            if len(sep) == 1 and gap_end - gap_start == 1:
                if l_end == gap_start:
                    l_end = gap_end
                    runs[-1] = _new_run(Run, (l_start, pos + 1 - l_start, l_raw, l_end, True))
                else:
                    runs.append(_new_run(Run, (pos, 1, gap_start, gap_end, True)))
                    l_start, l_raw, l_end = pos, gap_start, gap_end
            else:
                runs.append(_new_run(Run, (pos, len(sep), gap_start, gap_end, False)))
                l_end = -1
            parts.append(sep)
            pos += len(sep)
        for start, length, raw_start, raw_end, verbatim in piece._runs:
            if verbatim or (length == 1 and raw_end - raw_start == 1):
                if l_end == raw_start:
                    l_end = raw_end
                    end = start + pos + length
                    runs[-1] = _new_run(Run, (l_start, end - l_start, l_raw, l_end, True))
                    continue
                l_start, l_raw, l_end = start + pos, raw_start, raw_end
                runs.append(_new_run(Run, (l_start, length, raw_start, raw_end, True)))
            else:
                runs.append(_new_run(Run, (start + pos, length, raw_start, raw_end, verbatim)))
                l_end = -1
        parts.append(piece.text)
        pos += len(piece.text)
        prev_end = piece._runs[-1][3]
    return MappedText("".join(parts), runs)


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or list item (`text`), or a table (`rows` of cells)."""

    kind: BlockKind
    text: MappedText = field(default_factory=lambda: MappedText("", []))
    rows: tuple[tuple[MappedText, ...], ...] = ()
    level: int = 0
    ordinal: int | None = None
    ordinal_text: MappedText | None = None


@dataclass(slots=True)
class Document:
    """A decoded source file and its blocks, in reading order."""

    source: str
    raw: str
    format: str
    blocks: list[Block]
    _line_starts: list[int] | None = None

    def line_of(self, offset: int) -> int:
        """The 1-based line number of a raw offset."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.raw)]
        return bisect.bisect_right(self._line_starts, offset)
