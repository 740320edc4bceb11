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

A tile of another figure ("3rd of 5" over "Brazilian clusters in the top 100", "19" over "PCT
applications per 1 million inhabitants") is about what its phrase names right after the figure
the scalar is: "3rd" is the national rank ("of 5 Brazilian clusters"), its "5" the national
count, "19" the PCT figure and no other.
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
# How far into its tile's figure a figure may start ("5" in "3rd of 5"), and how many of the
# words after it say what it is.
_FIGURE_REACH = 12
_NEXT_WORDS = 40


def rank_tiles(view: SourceView) -> dict[int, MappedText]:
    """The tiles of `view`'s page as sentences ("63rd largest ... in 2024"), by the raw
    offset where the tile's figure starts; empty for a format without tiles."""
    if view.is_html or view.dialect or view.format not in _TILE_FORMATS:
        return {}
    return {tile.raw_span(0, 1)[0]: tile for tile in tile_texts(view.raw)}


def tile_of(
    tiles: dict[int, MappedText], view: SourceView, token: Token
) -> tuple[MappedText, int] | None:
    """The tile whose figure holds `token` ("3rd" or the "5" of "3rd of 5"), with the token's
    end in the tile's text; None when no tile's figure holds it."""
    start = view.starts[token.start]
    figure = view.clean[token.start : token.end]
    for back in range(_FIGURE_REACH):
        tile = tiles.get(start - back)
        if tile is not None and tile.text.startswith(figure, back):
            if back == 0 or tile.raw_span(back, back + 1)[0] == start:
                return tile, back + len(figure)
    return None


def tile_about(
    view: SourceView,
    tile: MappedText,
    end: int,
    key: str,
    patterns: dict[str, str],
    lo: int,
    hi: int,
) -> bool | None:
    """Whether the figure of `tile` ending at `end` of its text is about `key`. A size or
    intensity rank (`TILE_MEASURES`): the tile's phrase names that measure alone and the words
    naming it are quoted (inside view characters `[lo, hi)`). Any other scalar: the words
    right after the figure name it (and they are quoted), or name another scalar (False).
    None when the phrase names nothing ("27th" over a table's "Top PCT applicants"): the
    ordinary checks decide. `patterns`: the words naming each scalar."""
    text = tile.text.lower()
    quoted = {view.starts[i] for i in range(lo, hi)}
    if end == len(figure := text.split(" ", 1)[0]) or key in TILE_MEASURES:
        phrase = len(figure) + 1
        measures = {k: patterns[k] for k in TILE_MEASURES}
        named = [k for k, pattern in measures.items() if re.search(pattern, text[phrase:])]
        if named:
            if named != [key]:
                return False
            return _quoted(tile, text, phrase, measures[key], quoted)
        if key in TILE_MEASURES:
            return None
    after = text[end : end + _NEXT_WORDS]
    near = [k for k, pattern in patterns.items() if _next_words(pattern, after)]
    if not near:
        return None
    if key not in near:
        return False
    return _quoted(tile, text, end, patterns[key], quoted)


def _next_words(pattern: str, after: str) -> bool:
    """Whether `pattern` matches in `after` (the words following a figure) before any other
    number ("of 5 Brazilian clusters": the rank's words hold its count)."""
    m = re.search(pattern, after)
    return m is not None and not re.search(r"\d", after[: m.start()])


def _quoted(tile: MappedText, text: str, at: int, pattern: str, quoted: set[int]) -> bool:
    """Whether a match of `pattern` in `text` from `at` on is inside the quote."""
    return any(
        tile.raw_span(at + m.start(), at + m.end())[0] in quoted
        for m in re.finditer(pattern, text[at:])
    )
