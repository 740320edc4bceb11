"""Footnote references a PDF's text layer sets on a line of their own, mid-sentence.

A word processor's superscript reference ("... summarises the profile of¹ Montréal, Canada
...") can come out of a PDF as a line holding only its number ("1." or "1") between two lines
of one sentence; left in, it cuts the sentence in two, so "the profile of" / "Montréal, Canada
in the 2024 edition" are read as two paragraphs. Such a line is deleted (a `rewrite` edit) when
it is one, the line above is a long line of prose that does not end a sentence or open a list
(no ".", ":", ";", "!" or "?" at its end), the line below is not blank, and further down the
same number opens a footnote ("1 World Intellectual Property Organization (2024). ..."). A list
number on its own line under a title ("Top PCT applicants" / "1." / "HYDRO-QUÉBEC") is kept:
its title is short or ends with a colon.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# After the line break above (a literal first character: the scan skips to each "\n" at once).
_LONE_NUMBER = re.compile(r"\n([ \t]*(\d{1,2})\.?[ \t]*\n)")
_PROSE_LINE = 40  # characters of the line above: a wrapped line of a paragraph
_SENTENCE_END = re.compile(r"[.:;!?]\s*$")


def _footnote(text: str, number: str, after: int) -> bool:
    """Whether a line after offset `after` opens with `number` and a footnote's text."""
    pattern = rf"^[ \t]*{number}\.?[ \t]+[^\W\d_][^\n]{{19,}}"
    return re.search(pattern, text[after:], re.M) is not None


def footnote_line_edits(text: str) -> list[Edit]:
    """Edits deleting footnote references left alone on their lines inside a sentence."""
    edits = []
    for m in _LONE_NUMBER.finditer(text):
        start = m.start(1)
        above = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
        end = text.find("\n", m.end())
        below = text[m.end() : end if end >= 0 else len(text)]
        if len(above.strip()) < _PROSE_LINE or _SENTENCE_END.search(above) or not below.strip():
            continue
        if _footnote(text, m.group(2), m.end()):
            edits.append(Edit(start, m.end(), ""))
    return edits
