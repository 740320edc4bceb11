"""MediaWiki source read as its text: a profile pasted from a wiki page's source.

These `rewrite` edits turn wiki markup into what the other readers understand, keeping every
kept character's place in the file:

- links keep their text (`[[University of X|UNIVERSITY OF X]]` is "UNIVERSITY OF X",
  `[[Kenya]]` "Kenya"); category links, `<ref>` notes and one-line templates (`{{Reflist}}`)
  go; `'''bold'''` and `''italic''` quotes go;
- a wikitable (`{| ... |}`) becomes a pipe table: `||` and `!!` separate cells, `!` starts a
  header row, `|-` is a rule, `|+ caption` a line of text;
- an infobox (`{{Infobox ...` / `| key = value` / `}}`) becomes "key: value" lines, with the
  underscores of its keys read as spaces ("size_rank = 97" is "size rank: 97").

`== Section ==` headings are read by the text reader itself.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_IS_WIKI = re.compile(r"^\{\|.*$|\[\[[^\]\n]+\]\]", re.M)
_TABLE_OPEN = re.compile(r"^[ \t]*\{\|.*$", re.M)
_LINK = re.compile(r"\[\[([^\]|\n]+\|)?([^\]\n]*)\]\]")
_CATEGORY = re.compile(r"\[\[(?:Category|File|Image):[^\]\n]*\]\]")
_REF = re.compile(r"<ref[^>/]*/>|<ref[^>]*>.*?</ref>", re.S)
_TEMPLATE_LINE = re.compile(r"\{\{[^{}\n]*\}\}")
_QUOTES = re.compile(r"'{2,5}")
_INFOBOX_OPEN = re.compile(r"^\{\{[^|}\n]*$", re.M)
_INFOBOX_ROW = re.compile(r"^[ \t]*\|[ \t]*([\w ]+?)[ \t]*=[ \t]*", re.M)


def wiki_edits(text: str) -> list[Edit]:
    """Edits reading MediaWiki source as its text (see the module docstring)."""
    # Two wiki links or tables at least (counted without a pattern: most texts have none).
    if text.count("[[") + text.count("\n{|") + text.startswith("{|") < 2:
        return []
    if len(_IS_WIKI.findall(text)) < 2:
        return []
    edits: list[Edit] = []
    for pattern in (_CATEGORY, _REF, _TEMPLATE_LINE):
        edits += [Edit(m.start(), m.end(), "") for m in pattern.finditer(text)]
    for m in _LINK.finditer(text):
        edits.append(Edit(m.start(), m.start(2), ""))
        edits.append(Edit(m.end(2), m.end(), ""))
    edits += [Edit(m.start(), m.end(), "") for m in _QUOTES.finditer(text)]
    edits += _infobox_edits(text)
    edits += _table_edits(text)
    # Overlapping edits (a link inside a removed note) keep the earlier, wider one.
    return sorted(edits, key=lambda e: (e.start, -e.end))


def _infobox_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _INFOBOX_OPEN.finditer(text):
        close = text.find("\n}}", m.end())
        if close < 0:
            continue
        edits.append(Edit(m.start(), m.end(), ""))
        edits.append(Edit(close + 1, close + 3, ""))
        for row in _INFOBOX_ROW.finditer(text, m.end(), close):
            key = row.group(1)
            edits.append(Edit(row.start(), row.start(1), ""))
            for k, ch in enumerate(key):
                if ch == "_":
                    edits.append(Edit(row.start(1) + k, row.start(1) + k + 1, " "))
            edits.append(Edit(row.end(1), row.end(), ": "))
    return edits


def _table_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _TABLE_OPEN.finditer(text):
        close = text.find("\n|}", m.end())
        if close < 0:
            continue
        edits.append(Edit(m.start(), m.end(), "|-|"))
        edits.append(Edit(close + 1, close + 3, "|-|"))
        pos = m.end() + 1
        while pos < close:
            nl = text.find("\n", pos, close)
            end = close if nl < 0 else nl
            edits += _row_edits(text, pos, end)
            pos = end + 1
    return edits


def _row_edits(text: str, start: int, end: int) -> list[Edit]:
    """One line of a wikitable as a pipe-table line."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    body = line.lstrip()
    if body.startswith("|+"):
        return [Edit(start + lead, start + lead + 2, "")]  # a caption: a line of text
    if body.startswith("|-"):
        return []  # a rule already
    if not body.startswith(("!", "|")):
        return []
    sep = "!!" if body.startswith("!") else "||"
    edits = [Edit(start + lead, start + lead + 1, "|")] if body.startswith("!") else []
    pos = line.find(sep)
    while pos >= 0:
        edits.append(Edit(start + pos, start + pos + 2, "|"))
        pos = line.find(sep, pos + 2)
    return edits
