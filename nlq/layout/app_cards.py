"""Text copied from a mobile app's screen: one value a line, list entries as cards.

An app shows a top list as cards, each on lines of its own: the rank ("#1"), the name, and
each figure under its label ("Patents" / "146" / "Share" / "12%"); around them are the app's
buttons, each copied as a line ("Back", "Share", "Follow", "See all (3)", "Home",
"Compare (2)") and the status bar's clock ("9:41"). Read as they are, the buttons become
names and partners and no card is a row.

On a page with two or more cards (a line "#1" followed, after a name, by a figure within a
few lines):

- each card becomes one row: "#" is deleted, the line breaks between its parts become tabs
  and its figures' labels are deleted ("1<TAB>NAME<TAB>146<TAB>12%");
- a line that is one of the app's buttons, a button with a count ("Saved (14)", "See all
  (3)") or the clock is blanked, so it is read as nothing and ends a list above it.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_CARD_RANK = re.compile(r"^#(\d{1,3})[ \t]*$", re.MULTILINE)
_FIGURE = re.compile(r"^\d[\d,.\u00a0\u202f ]*%?$")
_LABEL = re.compile(r"^[^\W\d_][^\W\d]*(?: [^\W\d_][^\W\d]*){0,2}$")
_NAME = re.compile(r"[^\W\d_]")
_BUTTON = re.compile(
    r"^(?:back|share|follow|following|home|search|settings|menu|more|done|close|edit|"
    r"compare|saved|favorites|favourites|profile|see all|show all|view all|see more)"
    r"(?: \(\d+\))?$|^\d{1,2}:\d\d$",
    re.I,
)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _card(text: str, spans: list[tuple[int, int]], k: int) -> tuple[list[Edit], int] | None:
    """The edits turning the card whose rank is line `k` into a row, and the line after it."""
    if k + 2 >= len(spans):
        return None
    name_start, name_end = spans[k + 1]
    if not _NAME.search(text[name_start:name_end]) or _CARD_RANK.match(text, name_start):
        return None
    start = spans[k][0]
    edits = [Edit(start, start + 1, ""), Edit(spans[k][1], name_start, "\t")]
    last, j = name_end, k + 2
    figures = 0
    while j < len(spans) and figures < 3:
        a, b = spans[j]
        line = text[a:b].strip()
        if _LABEL.match(line) and j + 1 < len(spans):
            c, d = spans[j + 1]
            if _FIGURE.match(text[c:d].strip()):
                edits.append(Edit(last, c, "\t"))
                last, j, figures = d, j + 2, figures + 1
                continue
        if _FIGURE.match(line):
            edits.append(Edit(last, a, "\t"))
            last, j, figures = b, j + 1, figures + 1
            continue
        break
    if not figures:
        return None
    return edits, j


def app_card_edits(text: str) -> list[Edit]:
    """Edits turning an app screen's cards into rows and blanking its buttons."""
    if "\n#" not in text or len(_CARD_RANK.findall(text)) < 2:
        return []
    spans = _lines(text)
    edits: list[Edit] = []
    in_card: set[int] = set()
    cards = 0
    k = 0
    while k < len(spans):
        a, b = spans[k]
        card = _card(text, spans, k) if _CARD_RANK.match(text, a, b) else None
        if card is None:
            k += 1
            continue
        found, nxt = card
        edits += found
        in_card.update(range(k, nxt))
        cards += 1
        k = nxt
    if cards < 2:
        return []
    for k, (a, b) in enumerate(spans):
        if k not in in_card and a < b and _BUTTON.match(text[a:b].strip()):
            edits.append(Edit(a, b, ""))
    return edits
