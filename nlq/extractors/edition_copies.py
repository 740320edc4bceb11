"""Two editions' profiles on one page: only the current edition's copy is read.

A comparison page may set the archived profile beside the current one, each under a heading
naming its edition ("Global Innovation Index 2023 (archived)", "Global Innovation Index 2024
(current)", or a year alone, "2023 (archived)") with the same headings inside ("Top PCT
applicants", ...). Reading the first copy of each section would read the archived figures.
When two headings or more of one level name different editions and each holds a profile (three
blocks with figures or more), only the copy under the heading marked as current ("current",
"latest") is kept, else the latest edition's; the copies of other editions are dropped with
their headings. Blocks before the first copy (the title, a lede) stay. A page naming one
edition in its headings (the common case) is returned as it is, after one look at each heading.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind

_EDITION = re.compile(
    r"(?:Global\s+Innovation\s+Index|(?<![^\W_])GII)\s+(?P<a>(?:19|20)\d\d)(?!\d)"
    r"|\b(?P<b>(?:19|20)\d\d)\s+edition\b|\bedition\s+(?:of\s+)?(?P<c>(?:19|20)\d\d)\b"
    # A heading that is a year alone, maybe marked: "2024", "2023 (archived)", "2024 profile".
    r"|^\s*(?P<d>(?:19|20)\d\d)\s*(?:\([^()]*\)|profile)?\s*$",
    re.I,
)
_CURRENT = re.compile(r"\b(?:current|latest|newest)\b", re.I)
_DIGIT = re.compile(r"\d")
_MIN_FIGURE_BLOCKS = 3


def _edition(block: Block) -> int | None:
    m = _EDITION.search(block.text.text)
    return int(m.group("a") or m.group("b") or m.group("c") or m.group("d")) if m else None


def _figures(block: Block) -> bool:
    if block.kind is BlockKind.TABLE:
        return any(_DIGIT.search(c.text) for r in block.rows for c in r)
    return block.kind is not BlockKind.HEADING and bool(_DIGIT.search(block.text.text))


def current_copy(blocks: list[Block]) -> list[Block]:
    """`blocks` without the copies of the profile under headings of other editions."""
    heads = [
        (i, b.level, year)
        for i, b in enumerate(blocks)
        if b.kind is BlockKind.HEADING and (year := _edition(b)) is not None
    ]
    if len(heads) < 2:
        return blocks
    levels = sorted({lv for _, lv, _ in heads})
    # The copies' level: the highest one naming two editions (a title above them may name one).
    level = next((lv for lv in levels if len({y for _, v, y in heads if v == lv}) >= 2), None)
    if level is None:
        return blocks
    heads = [h for h in heads if h[1] == level]
    copies: list[tuple[int, int, int]] = []  # (start, end, year) of each copy
    for i, _, year in heads:
        end = next(
            (j for j in range(i + 1, len(blocks))
             if blocks[j].kind is BlockKind.HEADING and blocks[j].level <= level),
            len(blocks),
        )  # fmt: skip
        if sum(_figures(b) for b in blocks[i + 1 : end]) < _MIN_FIGURE_BLOCKS:
            return blocks  # a heading over a note, not over a copy of the profile
        copies.append((i, end, year))
    marked = [y for s, _, y in copies if _CURRENT.search(blocks[s].text.text)]
    own = marked[0] if len(set(marked)) == 1 else max(y for _, _, y in copies)
    dropped = {j for s, e, y in copies if y != own for j in range(s, e)}
    return [b for j, b in enumerate(blocks) if j not in dropped]
