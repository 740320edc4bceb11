"""Figures stated for a benchmark the profile is compared with, which are not the profile's own.

A report that reproduces a profile may set it beside an average ("For comparison, the national
average cluster filed 388 PCT applications and published 9,870 scientific articles per million
inhabitants."). A count read from such a sentence would be the average's. A figure is the
benchmark's when the sentence before it opens a comparison ("For comparison", "By comparison")
or has an average, median or typical cluster as its subject; a sentence stating the profile's
figure first and the benchmark's after it ("It filed 1,156 PCT applications, against 388 for
the average cluster") keeps the profile's, which comes before the benchmark's words.
"""

from __future__ import annotations

import re

from nlq.extractors.earlier_editions import Keep
from nlq.layout.document import MappedText

_BENCHMARK = re.compile(
    r"\b(?:(?:for|by|in)\s+comparison\b"
    r"|the\s+(?:(?:national|regional|global|world|european|country)\s+)?"
    r"(?:average|median|typical|mean)\s+(?:S&T\s+)?clusters?\b)",
    re.I,
)
_SENTENCE_STOP = re.compile(r"[.!?](?=\s+[A-Z(\"“])")


def benchmark_filter(keep: Keep | None) -> Keep:
    """`keep` that also rejects a match stated, in its sentence, after a benchmark's words."""

    def kept(t: MappedText, m: re.Match[str]) -> bool:
        if _benchmark_before(t.text, m.start()):
            return False
        return keep is None or keep(t, m)

    return kept


def _benchmark_before(text: str, at: int) -> bool:
    begin = 0
    for stop in _SENTENCE_STOP.finditer(text, 0, at):
        begin = stop.end()
    return bool(_BENCHMARK.search(text, begin, at))
