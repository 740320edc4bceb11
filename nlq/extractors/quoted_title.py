"""A page's title quoted in a sentence that says it is the title.

Someone reading a profile out to a colleague (in a chat, a mail, minutes) quotes its title
instead of copying it as a line: 'Title is "Global Innovation Index 2024" and then "Changsha,
China"', 'the heading reads “Hefei, China”', 'the cluster profile "Leuven, Belgium"'. The
quoted strings after such a clause are the page's title lines; `read_title` reads a cluster
and economy from them as from a title line.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

# "title is", "the heading reads", "title:" (with "page"/"main" before it); or a profile
# named by its quoted title right after the word ('the GII 2025 cluster profile "Leuven,
# Belgium"').
_SAYS_TITLE = re.compile(
    r"\b(?:title|heading|headline)s?\b(?:\s+(?:is|are|was|reads|says|shows)\b|\s*:)"
    r"|\bprofile\s*:?(?=\s*[\"“])",
    re.I,
)
_QUOTED = re.compile(r"[\"“](?P<q>[^\"“”\n]{1,80})[\"”]")
_STOP = re.compile(r"[.!?](?=\s|$)")


def quoted_titles(texts: list[MappedText]) -> list[MappedText]:
    """The strings quoted after a clause saying they are the title, in reading order (each
    within its sentence); none when no text says so."""
    out: list[MappedText] = []
    for t in texts:
        text = t.text
        if '"' not in text and "“" not in text:
            continue
        for says in _SAYS_TITLE.finditer(text):
            pos = says.end()
            for m in _QUOTED.finditer(text, pos):
                if _STOP.search(text[pos : m.start()]):
                    break  # the next sentence: its quotes are not the title
                out.append(t.slice(m.start("q"), m.end("q")))
                pos = m.end()
    return out
