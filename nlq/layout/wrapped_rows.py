"""Rows and breakdowns wrapped across lines in plain text, where a line stops inside an item.

A ranked row whose name stops where a name cannot end (a dash, "&", "of", "and"), then the
rest of the name alone, then the row's figures alone, as a PDF viewer copies a table whose name
cell wraps:

    3 NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY -
    CHINA
    7,290 12%

A field breakdown written as a comma-separated run whose last name lost its share to the next
line, as an e-mail wrapped at a fixed width leaves it:

    Patents: Semiconductors 35%, Computer tech. 18%, ..., Optics
    4%, Basic communication 2%, Other 25%.

Both are read as one line. The tests are cheap and run only on the line pairs `text` asks
about: a ranked row without figures, or a line that opens with a share.
"""

from __future__ import annotations

import re

from nlq.numbers import NUMBER

# A name's open end: " -", " &", " of", " and" ... (a comma is joined by the plain-text rules).
_OPEN_NAME = re.compile(r"(?:\s[-–—&+/]|\s(?i:of|and|for|the|de|du|des|la|le|y|et|und))$")
# The rest of a name: words without figures or sentence punctuation, at most five of them.
_NAME_REST = re.compile(r"^[^\W\d_][^\d%:;!?()]{0,48}[^\W\d_.]$|^[^\W\d_]$")
# A line that opens with a connector, so it goes on with a name: "OF SCIENCE AND TECH.".
_OPEN_REST = re.compile(r"^(?i:of|and|for|de|du|des|la|le|y|et|und|&)\s+[^\W\d_]")
# The last piece of a wrapped name after a dash, then the row's figures: "- CHINA 7,290 12%".
_DASH_REST_FIGURES = re.compile(
    rf"^[-–—]\s+(?P<rest>[^\W\d_][^\d%:;!?()]{{0,40}}?)\s+(?:\(?{NUMBER}\s?%?\)?[\s,;]*){{1,3}}$"
)
_RANK = re.compile(r"^(?:(?:No\.?|Nr\.?|#)\s*)?\d{1,3}[.)]?\s+", re.I)
# A line of figures only: "7,290 12%", "53 (13%)".
_FIGURES = re.compile(rf"^(?:\(?{NUMBER}\s?%?\)?[\s,;]*){{1,3}}$")
# A line opening with the share the line above lost: "4%, Basic ...", "14%.", "(22%), ...".
_SHARE_FIRST = re.compile(rf"^(?:{NUMBER}\s?%|\(\s*{NUMBER}\s?%\s*\))(?:\s*[,;.]|\s*$)")
# A run of "Name NN%" items ending in a name with no share yet: "..., 4%, Optics".
_OPEN_ITEM = re.compile(r"\d\s?%\s*\)?\s*[,;]\s+(?P<name>[^\W\d_][^\d%,;:()]{0,40})$")


def name_end_follows(first: str, nxt: str) -> bool:
    """Whether `nxt` is the rest of the name that the ranked row `first` (a rank and a name,
    no figures) leaves open: a short line without figures, in capitals when the name is."""
    body = _RANK.sub("", first, count=1)
    if not body or any(c.isdigit() for c in body) or len(nxt.split()) > 5:
        return False
    if _OPEN_NAME.search(body):
        rest = nxt
    elif _OPEN_REST.match(nxt) and body.isupper() and nxt.isupper():
        rest = nxt.rstrip(".")  # "2 CHANGSHA UNIVERSITY" / "OF SCIENCE AND TECH.": "TECH." ends it
    else:
        return False
    return bool(_NAME_REST.match(rest)) and body.isupper() == nxt.isupper()


def figures_after_name(first: str, second: str, nxt: str) -> bool:
    """Whether `nxt` holds the figures of the ranked row `first` whose name ends on `second`
    (no figures on either line): "3 NAME -" / "CHINA" / "7,290 12%"."""
    return bool(_FIGURES.match(nxt)) and name_end_follows(first, second)


def name_end_with_figures(first: str, second: str, nxt: str) -> bool:
    """Whether `nxt` ends the name of the ranked row `first` / `second` after a dash and holds
    its figures: "3 NATIONAL UNIVERSITY" / "OF DEFENSE TECHNOLOGY" / "- CHINA 7,290 12%"."""
    m = _DASH_REST_FIGURES.match(nxt)
    return (
        bool(m)
        and m.group("rest").isupper() == second.isupper()
        and (name_end_follows(first, second))
    )


def share_completes(last: str, nxt: str) -> bool:
    """Whether `nxt` opens with the share of the item `last` ends with, in a comma-separated
    run of names and shares ("..., 4%, Optics" / "4%, Basic communication 2%, ...")."""
    if not _SHARE_FIRST.match(nxt):
        return False
    m = _OPEN_ITEM.search(last)
    if m is None:
        return False
    name = m.group("name")
    return name[0].isupper() and len(name.split()) <= 4  # "..., 4%, the report says" is prose
