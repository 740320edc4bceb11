"""Word "Save as Web Page" lists: paragraphs styled as list items, and the marker Word draws.

Word writes a bulleted or numbered list as `<p class=MsoListParagraphCxSpFirst ...>`
paragraphs (or `<p class=MsoNormal style='mso-list:l0 level1 lfo1'>`), not `<li>`, each opening
with its own bullet or number inside a downlevel conditional,
`<![if !supportLists]><span>·<span>&nbsp;&nbsp; </span></span><![endif]>`. The HTML reader keeps
that marker out of the item's text (a Symbol-font "·" is not part of "Electrical machinery
(17%)"); a printed number ("1.", "2)") is the item's rank.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\(?(\d{1,3})[.)]?")


_LIST_STYLE = re.compile(r"mso-list\s*:\s*l\d", re.I)


def word_list_paragraph(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a `<p>` is one of Word's list paragraphs: class MsoListParagraph..., or another
    class with a list style (`style='mso-list:l0 level1 lfo1'`)."""
    for name, value in attrs:
        if not value:
            continue
        if name == "class" and value.lower().startswith("msolistparagraph"):
            return True
        if name == "style" and "mso-list" in value and _LIST_STYLE.search(value):
            return True
    return False


def is_marker_start(decl: str) -> bool:
    """Whether a declaration `<![...]>` opens Word's list-marker fallback."""
    return decl.replace(" ", "").lower() == "if!supportlists"


def marker_number(marker: str) -> int | None:
    """The number a list marker prints ("3." -> 3), None for a bullet."""
    m = _NUMBER.fullmatch(marker.replace("\xa0", "").strip())
    return int(m.group(1)) if m else None
