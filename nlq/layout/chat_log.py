"""An exported chat channel or thread read as the messages it holds.

Chat programs mark every message with who wrote it and when. An export puts that before the
message on its line ("[09:02] Anna K.: morning!", "[03/02/2025, 09:02:11] Anna K.: ...",
WhatsApp's "03/02/2025, 09:02 - Anna K.: ...", IRC's "[09:02] <anna> ..."); a copied Slack or
Teams thread puts it on a line of its own above the message ("Priya Raman  10:42 AM"). Left
in, the marks become part of the first sentence of every message ("Anna K.: it's the tenth-
ranked cluster") and messages run into each other. With at least three such marks, each is
removed as a `rewrite` edit (so are lines of emoji reactions and their counts, ":eyes: 2")
and every message is set apart by a blank line, so a message reads as a paragraph and its
indented lines ("  1. NAME — 146 patents, 12%") stay under it.

A message may paste the page itself inside a code block ("```" lines, untagged or tagged as
text). When that block holds more lines of text than all the messages outside it, the page is
the block: everything outside it (the question with last year's figures, the thanks comparing
them) is removed, the fence lines too, so no figure of the talk is read as the page's.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?"
# A name as chat programs show it: a few words, no digits, no colon ("Anna K.", "Rui").
_NAME = r"[^\W\d_][\w.'’-]*(?:[ \t][^\W\d_][\w.'’-]*){0,3}"
# Marks before a message on its line, the message after them.
_PREFIX = re.compile(
    rf"^(?:\[(?:{_DATE}[ \t]+)?{_TIME}\][ \t]+(?:<[^<>\n]{{1,30}}>|{_NAME}:)"  # [09:02] Anna K.:
    rf"|{_DATE}[ \t]+{_TIME}[ \t]+[-–][ \t]+{_NAME}:)[ \t]+",  # 03/02/2025, 09:02 - Anna K.:
    re.M,
)
# A line of its own naming the writer and the time ("Priya Raman  10:42 AM", "Priya Raman,
# 10:42", "Priya Raman — Today at 10:42 AM", Teams' "[10:42 AM] Priya Raman").
_HEADER = re.compile(
    rf"^[ \t]*(?:{_NAME},?[ \t]+(?:[—–-][ \t]+(?:Today|Yesterday)[ \t]+at[ \t]+)?{_TIME}"
    rf"|\[{_TIME}\][ \t]+{_NAME})[ \t]*$",
    re.M,
)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)[ \t]*(?:text|txt|plain|plaintext)?[ \t]*$", re.M)
# A line of emoji reactions under a message and their counts (":eyes: 2  :+1: 3"): no figure.
_REACTIONS = re.compile(r"^[ \t]*(?::[\w+-]{1,40}:[ \t]+\d{1,4}[ \t]*)+$", re.M)
_MIN_MARKS = 3
# The minutes of a clock, which every mark holds: a search for its literal ":" is fast, so a
# text with fewer than three is ruled out before the line patterns run.
_CLOCK = re.compile(r":[0-5]\d")


def chat_edits(text: str) -> list[Edit]:
    """Edits removing the writer-and-time marks of a chat export (see the module docstring)."""
    if len(_CLOCK.findall(text)) < _MIN_MARKS:
        return []
    prefixes = list(_PREFIX.finditer(text))
    headers = list(_HEADER.finditer(text)) if len(prefixes) < _MIN_MARKS else []
    if len(prefixes) < _MIN_MARKS and len(headers) < _MIN_MARKS:
        return []
    pasted = _pasted_page(text)
    if pasted is not None:
        start, end = pasted
        return [Edit(0, start, ""), Edit(end, len(text), "")]
    reactions = [Edit(m.start(), m.end(), "") for m in _REACTIONS.finditer(text)]
    if len(prefixes) >= _MIN_MARKS:
        return sorted([*(Edit(m.start(), m.end(), "\n") for m in prefixes), *reactions])
    return sorted([*(Edit(m.start(), m.end(), "") for m in headers), *reactions])


def _pasted_page(text: str) -> tuple[int, int] | None:
    """The span of the lines inside the code block that holds more lines of text than all
    lines outside code blocks, or None."""
    fences = list(_FENCE.finditer(text))
    blocks = [(a.end() + 1, b.start()) for a, b in zip(fences[::2], fences[1::2], strict=False)]
    if not blocks:
        return None
    start, end = max(blocks, key=lambda b: _filled(text[b[0] : b[1]]))
    inside = _filled(text[start:end])
    outside = _filled(text) - sum(_filled(text[a:b]) for a, b in blocks) - len(fences)
    return (start, end) if inside > outside else None


def _filled(text: str) -> int:
    """Lines of `text` that hold something other than white space."""
    return sum(1 for line in text.split("\n") if line.strip())
