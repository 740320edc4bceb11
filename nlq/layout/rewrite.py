"""Rewriting a source before it is read, without losing where any character came from.

Some sources wrap the profile in characters that are not part of it: e-mail quote marks ("> "
before every line), PDF ligatures ("ﬁ" for "fi"), box-drawing table borders ("│", "┏━┳"),
running headers and page numbers, LaTeX or wiki markup. A rewriter lists `Edit`s (replace
`raw[start:end]` by some text, often nothing); `apply` turns them into a `MappedText` of the whole
source whose characters still map to raw offsets, the readers read that text as if it were the
file, and `remap_blocks` carries every block back onto the raw source. Evidence spans therefore
stay exact: a replaced stretch maps as a whole to the raw characters it replaced.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple

from nlq.layout.document import Block, MappedText, Run

_new_run = tuple.__new__


class Edit(NamedTuple):
    """Replace `raw[start:end]` by `text` (empty text deletes it)."""

    start: int
    end: int
    text: str


Rewriter = Callable[[str], list[Edit]]
"""A function of the source text that returns the edits it wants (none: leave it alone)."""


def apply(raw: str, edits: list[Edit]) -> MappedText:
    """`raw` with `edits` applied. Edits are sorted; one that overlaps an earlier one is
    skipped (a rewriter never sees its edits half applied)."""
    runs: list[Run] = []
    parts: list[str] = []
    pos = out = 0
    for start, end, text in sorted(edits):
        if start < pos:
            continue
        if start > pos:
            runs.append(_new_run(Run, (out, start - pos, pos, start, True)))
            parts.append(raw[pos:start])
            out += start - pos
        if text:
            runs.append(_new_run(Run, (out, len(text), start, end, False)))
            parts.append(text)
            out += len(text)
        pos = end
    if pos < len(raw):
        runs.append(_new_run(Run, (out, len(raw) - pos, pos, len(raw), True)))
        parts.append(raw[pos:])
    return MappedText("".join(parts), runs)


def rewrite(raw: str, rewriters: list[Rewriter]) -> MappedText | None:
    """`raw` after each rewriter in turn (each sees the text the previous ones left), or None
    when none of them changes anything (the common case, which then costs one scan each)."""
    base: MappedText | None = None
    text = raw
    for rewriter in rewriters:
        edits = rewriter(text)
        if not edits:
            continue
        step = apply(text, edits)
        base = step if base is None else remap(step, base)
        text = base.text
    return base


def _point(base: MappedText, i: int) -> int:
    """The raw offset of the position before clean character `i` of `base`."""
    if i < len(base.text):
        return base.raw_span(i, i + 1)[0]
    return base.raw_span(len(base.text) - 1, len(base.text))[1] if base.text else 0


def remap(t: MappedText, base: MappedText) -> MappedText:
    """`t`, whose runs point into `base.text`, with its runs pointing into `base`'s source."""
    runs: list[Run] = []
    base_runs = base._runs
    starts = base.run_starts()
    for start, length, raw_start, raw_end, verbatim in t._runs:
        if verbatim:
            # Most runs lie inside one verbatim run of `base` (edits are few): one shifted run.
            k = bisect_right(starts, raw_start) - 1
            s, n, a, _, v = base_runs[k]
            if v and raw_start < raw_end <= s + n:
                off = a - s
                runs.append(_new_run(Run, (start, length, raw_start + off, raw_end + off, True)))
                continue
            for s, n, a, b, v in base.slice(raw_start, raw_end)._runs:
                runs.append(_new_run(Run, (start + s, n, a, b, v)))
        elif raw_end > raw_start:
            a, b = base.raw_span(raw_start, raw_end)
            runs.append(_new_run(Run, (start, length, a, b, False)))
        else:  # an inserted separator: a point in the source
            p = _point(base, raw_start)
            runs.append(_new_run(Run, (start, length, p, p, False)))
    return MappedText(t.text, runs)


def remap_blocks(blocks: list[Block], base: MappedText) -> list[Block]:
    """Blocks read from `base.text`, carried back onto `base`'s source."""
    out = []
    for b in blocks:
        out.append(
            Block(
                b.kind,
                text=remap(b.text, base),
                rows=tuple(tuple(remap(c, base) for c in row) for row in b.rows),
                level=b.level,
                ordinal=b.ordinal,
                ordinal_text=remap(b.ordinal_text, base) if b.ordinal_text is not None else None,
            )
        )
    return out
