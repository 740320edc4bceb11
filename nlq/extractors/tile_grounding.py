"""Grounding a rank printed as a tile: the figure is about what its tile's phrase says.

A designed page sets each global rank as a big figure in a tile of its own ("25th" over
"largest science and" / "technology cluster in" / "2024", or "63" with a raised "rd" and its
phrase in a column to the right). In the page's layout text the phrase lands on other lines,
beside the prose or the other tile, so the words next to the figure are often the other
tile's: "S&T cluster by intensity (relative to" sits right above the size rank's "63". The
rules extractor reads each tile back as one sentence (`rank_tiles.tile_texts`); the grounder
reads the same tiles, and a tile's figure is about its own phrase only:

- the phrase names the scalar's measure and not the other one (a size rank's tile says
  nothing of intensity, an intensity rank's nothing of size); a "tile" whose phrase names
  neither (an ordinal over a table's heading) is left to the ordinary checks;
- those words are inside the model's quote: the quote must show the phrase, not the figure
  alone.
"""

from __future__ import annotations

import re

from nlq.extractors.align import SourceView
from nlq.extractors.number_tokens import Token
from nlq.extractors.rank_tiles import tile_texts
from nlq.layout.document import MappedText

# Formats whose text the rules extractor reads tiles in (`rules.RulesExtractor`).
_TILE_FORMATS = ("pdf", "text")
# The scalars a tile ranks by.
TILE_MEASURES = ("global_size_rank", "global_intensity_rank")


def rank_tiles(view: SourceView) -> dict[int, MappedText]:
    """The tiles of `view`'s page as sentences ("63rd largest ... in 2024"), by the raw
    offset where the tile's figure starts; empty for a format without tiles."""
    if view.is_html or view.dialect or view.format not in _TILE_FORMATS:
        return {}
    return {tile.raw_span(0, 1)[0]: tile for tile in tile_texts(view.raw)}


def tile_of(tiles: dict[int, MappedText], view: SourceView, token: Token) -> MappedText | None:
    """The tile whose figure is `token`, or None."""
    tile = tiles.get(view.starts[token.start])
    if tile is None or not tile.text.startswith(view.clean[token.start : token.end]):
        return None
    return tile


def tile_about(
    view: SourceView, tile: MappedText, key: str, measures: dict[str, str], lo: int, hi: int
) -> bool | None:
    """Whether the figure of `tile` is about `key`: its phrase names that measure alone of
    `measures` (pattern by scalar) and the words naming it are quoted (inside view characters
    `[lo, hi)`). None when the phrase names no measure ("27th" over a table's "Top PCT
    applicants" is no tile the rank patterns read): the ordinary checks decide."""
    text = tile.text.lower()
    phrase = text.find(" ") + 1
    named = [k for k, pattern in measures.items() if re.search(pattern, text[phrase:])]
    if not named:
        return None
    if named != [key]:
        return False
    quoted = {view.starts[i] for i in range(lo, hi)}
    return any(
        tile.raw_span(phrase + m.start(), phrase + m.end())[0] in quoted
        for m in re.finditer(measures[key], text[phrase:])
    )
