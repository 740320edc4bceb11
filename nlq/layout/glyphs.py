"""Characters that stand for others: PDF ligatures, box-drawing table borders, Unicode hyphens.

Text copied from a PDF keeps typographic ligatures ("scientiﬁc", "Top technology ﬁelds"), which
hide words from every pattern; each is read as its letters. Terminal tables drawn with
box-drawing characters ("┃ Rank ┃ Applicant ┃", "│    1 │ NAME │") are read as pipe tables: a
vertical bar becomes "|" and a border line ("┏━━┳━━┓", "└──┴──┘") a pipe-table rule. Both are
`rewrite` edits, so evidence still points at the characters in the file.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_HYPHEN = re.compile("[\u2010\u2011]")
_GLYPH = re.compile("[\ufb00-\ufb06\u2500-\u257f]")
_BOX = re.compile("[\u2500-\u257f]")
_VERTICAL = re.compile("[\u2502\u2503\u2506\u2507\u250a\u250b\u2551\u254e\u254f]")
_BORDER_LINE = re.compile(r"^[ \t]*[\u2500-\u257f][\u2500-\u257f \t]*$", re.M)


def glyph_edits(text: str) -> list[Edit]:
    """Ligatures and box-drawing tables, found with one scan (most texts have neither)."""
    if text.isascii():
        return []
    # Their UTF-8 lead bytes, searched as bytes: several times faster than a pattern.
    data = text.encode("utf-8", "surrogatepass")
    hyphens = hyphen_edits(text) if b"\xe2\x80\x90" in data or b"\xe2\x80\x91" in data else []
    if b"\xe2\x94" not in data and b"\xe2\x95" not in data and b"\xef\xac" not in data:
        return hyphens
    if not _GLYPH.search(text):
        return hyphens
    return sorted(ligature_edits(text) + box_edits(text) + hyphens, key=lambda e: e[0])


# A bullet a word processor sets in its Symbol or Wingdings font, as a PDF's text layer gives
# it: a private-use character (U+F0B7 "", U+F0A7, U+F0D8, U+F076, U+F0FC) or DEL (U+007F),
# at the start of a line before the item's text, or at the start of a column (three spaces or
# more after a margin's text, `Earlier editions      \x7f 77th largest ...`).
_FONT_BULLET = re.compile(
    r"(?:^|(?<=\S   ))[ \t]*[\x7f\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8](?=[ \t]+\S)", re.M
)


_BULLET_GLYPH = re.compile("[\x7f\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8]")


def bullet_glyph_edits(text: str) -> list[Edit]:
    """A symbol font's bullets at the start of lines or columns as "•", the bullet lists are
    read with."""
    if not _BULLET_GLYPH.search(text):
        return []
    return [Edit(m.end() - 1, m.end(), "•") for m in _FONT_BULLET.finditer(text)]


# A legend's colour swatch or a bullet starting an entry: at a line's start, or after a gap of
# three spaces or more (the next column's entry on the same line).
_SWATCH_START = re.compile(r"^[ \t]*([■•▪●◆])[ \t]+(?=\S)", re.M)
_SWATCH_BESIDE = re.compile(r"(?<=\S)[ \t]{3,}([■•▪●◆])[ \t]+(?=\S)")


def swatch_column_edits(text: str) -> list[Edit]:
    """Two lists side by side, each entry after its swatch or bullet (a web page's chart
    legends printed to PDF: "■  Pharmaceuticals (10%)      ■  Clinical medicine (30%)"):
    the swatches of such a run of lines as spaces, so its lines read as the two columns they
    are rather than as list items holding the other column's entry. A run is consecutive lines
    that each start with a swatch, two or more of them with another one beside it."""
    if not any(c in text for c in "■•▪●◆"):
        return []
    edits: list[Edit] = []
    run: list[tuple[int, list[int]]] = []  # (line start, its swatches' offsets)

    def close() -> None:
        if sum(1 for _, marks in run if len(marks) > 1) >= 2:
            edits.extend(Edit(at, at + 1, " ") for _, marks in run for at in marks)
        run.clear()

    pos = 0
    for line in text.split("\n"):
        m = _SWATCH_START.match(line)
        if m is None:
            close()
        else:
            marks = [pos + m.start(1)] + [pos + b.start(1) for b in _SWATCH_BESIDE.finditer(line)]
            run.append((pos, marks))
        pos += len(line) + 1
    close()
    return edits


def hyphen_edits(text: str) -> list[Edit]:
    """Unicode hyphens (U+2010, and Word's non-breaking hyphen U+2011 in "tenth‑ranked") as
    the hyphen every pattern knows."""
    return [Edit(m.start(), m.end(), "-") for m in _HYPHEN.finditer(text)]


def ligature_edits(text: str) -> list[Edit]:
    """Each ligature character as the letters it joins."""
    if text.isascii() or not _LIGATURE.search(text):
        return []
    return [Edit(m.start(), m.end(), _LIGATURES[m.group()]) for m in _LIGATURE.finditer(text)]


def box_edits(text: str) -> list[Edit]:
    """Box-drawing tables as pipe tables: borders become rules, vertical bars become "|"."""
    if text.isascii() or not _BOX.search(text):
        return []
    edits = []
    borders = set()
    for m in _BORDER_LINE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "|-|"))
        borders.add(m.start())
    for m in _VERTICAL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start not in borders:
            edits.append(Edit(m.start(), m.end(), "|"))
    return edits
