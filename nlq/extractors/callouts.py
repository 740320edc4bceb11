"""Figure callouts: a big rank set on a line of its own above the words it belongs to.

Newsletters and dashboards print a rank as a large figure with its phrase underneath
(`<span>36th</span><br/>largest science and technology cluster in 2024`), so the layout gives
"36th" and "largest science ..." as two blocks. Read together they are the sentence the page
shows, "36th largest science and technology cluster in 2024", and the rank patterns read it as
they read any sentence. Only a block holding nothing but an ordinal in digits (or a national
rank's "2nd of 2", over "Israeli clusters in the top 100 S&T clusters") is joined, to
the block straight after it; or a block holding nothing but a whole number ("188", "9,417",
a slide's tile) to a block straight after it that names what it counts first ("PCT
applications per 1 million inhabitants", "scientific articles ..."), so a slide number before
a slide's title ("2" over "Top PCT applicants") is never joined, nor is a number under a
label of what it counts (an infobox's "PCT applications (per 1 million ...)" over "58" over
"Scientific articles ..." over "6 205": the labels are above their values). A slide tile's
rank ("#58", "2 of 4") over a rank's label ("Global rank by size – largest science and
technology clusters, 2024", "National rank – Indian clusters in the top 100 S&T clusters") is
read as the label's row, "label: #58", unless a label stands right above the rank too.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, MappedText, join
from nlq.numbers import INTEGER

# "36th", or a national rank's tile "2nd of 2" (over "Israeli clusters in the top 100 ...").
_LONE_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)(?:\s+(?:out\s+)?of\s+\d{1,3})?", re.I)
# A slide tile's rank, "#58", "58", "2 of 4", over its label: "Global rank by size – largest
# science and technology clusters, 2024", "National rank – Indian clusters in the top 100".
_TILE_RANK = re.compile(r"#?\d{1,3}(?:st|nd|rd|th)?(?:\s+(?:out\s+)?of\s+\d{1,3})?", re.I)
_RANK_LABEL = re.compile(r"(?:global|national)\s+rank(?:ing)?\b", re.I)
_PHRASE_START = re.compile(r"[^\W\d_]")  # the phrase starts with a word, not a figure
_LONE_COUNT = re.compile(INTEGER)
COUNTED = re.compile(
    r"(?:PCT\s+|patent\s+)(?:patent\s+)?(?:applications|filings)\b"
    r"|(?:scientific\s+|scholarly\s+)?(?:articles|publications|papers)\b",
    re.I,
)


def callout_texts(blocks: list[tuple[int, Block, str | None]]) -> list[MappedText]:
    """The phrase of each lone ordinal and the block after it, joined by one space. `blocks`
    are prose blocks with their place in the document; only neighbours are paired."""
    out: list[MappedText] = []
    for n, ((i, figure, _), (j, phrase, _)) in enumerate(zip(blocks, blocks[1:], strict=False)):
        v, f = phrase.text.text, figure.text.text
        if j != i + 1 or len(v) > 120:
            continue
        if _TILE_RANK.fullmatch(f) and _RANK_LABEL.match(v) and not _labelled_above(blocks, n):
            out.append(join([phrase.text, figure.text], ": "))  # "Global rank by size ...: #58"
        elif _LONE_ORDINAL.fullmatch(f) and _PHRASE_START.match(v):
            out.append(join([figure.text, phrase.text], " "))
        elif _LONE_COUNT.fullmatch(f) and COUNTED.match(v) and not _labelled_above(blocks, n):
            out.append(join([figure.text, phrase.text], " "))
    return out


def _labelled_above(blocks: list[tuple[int, Block, str | None]], n: int) -> bool:
    """Whether the block right before block `n` names what a figure is (a count's or a rank's
    label), and is not the phrase of a figure right above it (slides' tiles one after another:
    "169" / "PCT applications per 1M inhabitants" / "10,382" / "scientific articles ...")."""
    if n == 0 or blocks[n - 1][0] != blocks[n][0] - 1:
        return False
    label = blocks[n - 1][1].text.text
    if COUNTED.match(label) is None and _RANK_LABEL.match(label) is None:
        return False
    above = blocks[n - 2] if n >= 2 else None
    return not (
        above is not None
        and above[0] == blocks[n - 1][0] - 1
        and (_LONE_COUNT.fullmatch(above[1].text.text) or _TILE_RANK.fullmatch(above[1].text.text))
        and not _labelled_above(blocks, n - 2)
    )
