"""An `<aside>` that is the article's fact box, not a sidebar.

A page's `<aside>` is usually beside the point: "Related" links, a share bar, a note about the
page. A news article, though, often sets its tables apart in a fact box (`<aside
class="factbox"><h2>Top PCT applicants</h2><ol>...</ol>`). The HTML reader reads an aside's
blocks and keeps them only when the aside is such a box: a heading in it names a list of the
profile (top applicants, publishing organizations, fields, collaboration) and a table or a list
follows; a short line without figures, as a table's `<caption>` is read, may name it too.
A fact box may also hold the profile's head instead: a heading over two or more of the
sentences that rank the cluster ("the first-ranked cluster, out of 2 Israeli clusters", "24th
largest science and technology cluster", "14th S&T cluster by intensity"), a news article's
summary of the profile beside its reporting, its heading the profile's title ("Nordhaven,
Norway"); one such sentence alone, as a teaser quotes it, is not enough.
Anything else in an aside ("Related", "Most read", a teaser "Hefei climbs to 36th") is still
left out.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind

_LIST_HEADING = re.compile(
    r"\b(?:applicants?|inventors?|publish\w*|publications?|organi[sz]ations?|"
    r"(?:technology|technological|science|scientific|research)\s+fields?|collaborat\w*)\b",
    re.I,
)
# The profile's ranking phrases, as its head states them.
_RANK_PHRASE = re.compile(
    r"\b(?:\w+-ranked\s+cluster|\d+(?:st|nd|rd|th)\s+largest\s+(?:science\s+and\s+technology|"
    r"s&t)\s+cluster|\d+(?:st|nd|rd|th)\s+s&t\s+cluster\s+by\s+intensity)\b",
    re.I,
)
_ASIDE_HEADING = re.compile(r"^\W*(?:related|see also|more|most read|read more|popular)\b", re.I)


def is_fact_box(blocks: list[Block]) -> bool:
    """Whether an aside's `blocks` are a fact box: a heading naming one of the profile's
    lists, then a table or list item, or a heading over two of the profile's ranking sentences."""
    named = headed = False
    ranks = 0
    for block in blocks:
        text = block.text.text
        if block.kind is BlockKind.HEADING or _title_line(block):
            if _ASIDE_HEADING.match(text):
                return False
            named = named or bool(_LIST_HEADING.search(text))
            headed = headed or block.kind is BlockKind.HEADING
        elif headed and _RANK_PHRASE.search(text):
            ranks += 1  # two, so that a teaser quoting one rank is no fact box
            if ranks == 2:
                return True
        elif named and block.kind in (BlockKind.TABLE, BlockKind.LIST_ITEM):
            return True
    return False


def _title_line(block: Block) -> bool:
    """A short line without figures that may title what follows (a table's `<caption>`,
    a bold line): a paragraph of at most six words."""
    text = block.text.text
    return (
        block.kind is BlockKind.PARAGRAPH
        and len(text.split()) <= 6
        and not any(ch.isdigit() for ch in text)
    )
