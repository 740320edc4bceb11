"""Figure callouts: a big rank set on a line of its own above the words it belongs to.

Newsletters and dashboards print a rank as a large figure with its phrase underneath
(`<span>36th</span><br/>largest science and technology cluster in 2024`), so the layout gives
"36th" and "largest science ..." as two blocks. Read together they are the sentence the page
shows, "36th largest science and technology cluster in 2024", and the rank patterns read it as
they read any sentence. Only a block holding nothing but an ordinal in digits is joined, to
the block straight after it.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, MappedText, join

_LONE_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)", re.I)
_PHRASE_START = re.compile(r"[^\W\d_]")  # the phrase starts with a word, not a figure


def callout_texts(blocks: list[tuple[int, Block, str | None]]) -> list[MappedText]:
    """The phrase of each lone ordinal and the block after it, joined by one space. `blocks`
    are prose blocks with their place in the document; only neighbours are paired."""
    out: list[MappedText] = []
    for (i, figure, _), (j, phrase, _) in zip(blocks, blocks[1:], strict=False):
        v = phrase.text.text
        if j != i + 1 or not _LONE_ORDINAL.fullmatch(figure.text.text):
            continue
        if len(v) <= 120 and _PHRASE_START.match(v):
            out.append(join([figure.text, phrase.text], " "))
    return out
