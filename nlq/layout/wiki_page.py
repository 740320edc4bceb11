"""A wiki article copied from the browser: its rendered text, not its source (`wiki.py`).

Copying a Wikipedia-style page keeps what the reader sees around the article: the tagline under
the title ("From Wikipedia, the free encyclopedia"), an "[edit]" link glued to every section
heading ("Top PCT applicants[edit]"), citation marks glued to figures and sentences ("2,310 PCT
applications[4]", "years,[4]", "clusters.[3]", "[citation needed]") and the numbered list of
sources at the end ("References[edit]" / "3. ^ a b WIPO (2025). ... p. 214."). Left in, the
tagline reads as the page's title, a mark changes a figure or a label, and the sources' years,
pages and volume numbers read as a ranked list.

A text is such a page when it has the tagline or at least two headings ending in "[edit]". Then
these `rewrite` edits remove the tagline, the "[edit]" links, the citation marks and the
reference sections ("References", "Notes", "Sources", "Citations", "External links", "Further
reading", "See also") up to the next heading that is not one of them (in a page copied without
its "[edit]" links, from the first such title on a line of its own to the end).
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_TAGLINE = re.compile(r"^[ \t]*From Wikipedia, the free encyclopedia[ \t]*(?:\r?\n|$)", re.M | re.I)
_EDIT_LINK = re.compile(r"[ \t]*\[edit(?: source)?\][ \t]*$", re.M | re.I)
_HEADING = re.compile(r"^[^\n]*?\[edit(?: source)?\][ \t]*$", re.M | re.I)
# "[3]", "[12]", "[a]", "[note 2]", "[citation needed]", "[clarification needed]".
_CITATION = re.compile(
    r"\[(?:\d{1,3}|[a-z]|(?:note|nb|n)\s?\d{1,3}|[a-z]+(?: [a-z]+)? needed)\]", re.I
)
_BACK_MATTER = re.compile(
    r"^[ \t]*(?:references|notes|sources|citations|footnotes|bibliography|external links|"
    r"further reading|see also)[ \t]*(?:\[edit(?: source)?\])?[ \t]*$",
    re.I,
)
_BACK_MATTER_LINE = re.compile(_BACK_MATTER.pattern, re.I | re.M)
_MIN_EDIT_HEADINGS = 2


def wiki_page_edits(text: str) -> list[Edit]:
    """Edits reading a copied wiki article as its text (see the module docstring)."""
    if "[edit" not in text and "free encyclopedia" not in text:
        return []
    tagline = _TAGLINE.search(text)
    headings = list(_HEADING.finditer(text))
    if tagline is None and len(headings) < _MIN_EDIT_HEADINGS:
        return []
    edits = [Edit(tagline.start(), tagline.end(), "")] if tagline else []
    back = _back_matter(text, headings) if headings else _last_back_matter(text)
    for m in _EDIT_LINK.finditer(text):
        if not any(a <= m.start() < b for a, b in back):
            edits.append(Edit(m.start(), m.end(), ""))
    for m in _CITATION.finditer(text):
        if not any(a <= m.start() < b for a, b in back):
            edits.append(Edit(m.start(), m.end(), ""))
    edits += [Edit(a, b, "") for a, b in back]
    return sorted(edits)


def _back_matter(text: str, headings: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The spans of the reference sections: from their heading to the next other heading (or
    the end of the text)."""
    spans: list[tuple[int, int]] = []
    for k, h in enumerate(headings):
        if not _BACK_MATTER.match(h.group()):
            continue
        end = len(text)
        for later in headings[k + 1 :]:
            if not _BACK_MATTER.match(later.group()):
                end = later.start()
                break
        if spans and spans[-1][1] >= h.start():
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((h.start(), end))
    return spans


def _last_back_matter(text: str) -> list[tuple[int, int]]:
    """In a page copied without its "[edit]" links: from the first reference-section title on
    a line of its own to the end of the text (an article ends with them)."""
    m = _BACK_MATTER_LINE.search(text)
    return [(m.start(), len(text))] if m else []
