"""Emacs org-mode documents, read as the text they show when exported.

An org file starts its headings with stars ("* Overview", "** Patents"), which read as list
bullets, ends them with tags (":profile:"), and carries settings and metadata that are not
content ("#+OPTIONS:", ":PROPERTIES:" drawers, "#+TBLFM:" formulas). These edits (`rewrite`),
made only in a source with an org keyword line ("#+TITLE:"), are what org's exporter does:

- "#+TITLE: Hefei, China" and "#+SUBTITLE:" / "#+CAPTION:" keep their text as a line of its
  own; every other keyword line ("#+NAME:", "#+TBLFM:", "#+BEGIN_QUOTE") goes;
- heading stars become markdown's "#" marks; a TODO/DONE keyword, a priority ("[#A]") and
  the tags after a heading go; a subtree tagged ":noexport:" or headed "COMMENT" goes whole;
- drawers (":PROPERTIES:" ... ":END:"), comment lines ("# note") and comment blocks
  ("#+BEGIN_COMMENT" ... "#+END_COMMENT") go.

Org tables are pipe tables and are read as they are.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_KEYWORD = re.compile(r"^[ \t]*#\+(?P<key>[A-Za-z_]+):?(?P<gap>[ \t]*)(?P<value>[^\n]*)$")
_SHOWN = frozenset({"title", "subtitle", "caption"})
_HEADING = re.compile(
    r"^(?P<stars>\*+)[ \t]+(?P<todo>(?:(?:TODO|DONE|NEXT|WAITING|CANCELLED)[ \t]+)?"
    r"(?:\[#[A-Z0-9]\][ \t]+)?)(?P<title>.*?)(?P<tags>[ \t]+:[\w@#%:]+:)?[ \t]*$"
)
_COMMENT_LINE = re.compile(r"^[ \t]*#(?:[ \t][^\n]*)?$")
_END_COMMENT = re.compile(r"^[ \t]*#\+END_COMMENT\b", re.I)
_DRAWER = re.compile(r"^[ \t]*:[A-Za-z_]+:[ \t]*$")
_DRAWER_END = re.compile(r"^[ \t]*:END:[ \t]*$", re.I)
_ORG = re.compile(r"^#\+(?:TITLE|STARTUP|OPTIONS|AUTHOR|NAME|TBLFM|BEGIN_\w+):", re.M | re.I)


def org_edits(text: str) -> list[Edit]:
    """Edits reading an org document as its export (none unless `text` is one)."""
    if "#+" not in text or not _ORG.search(text):
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def whole(a: int, b: int) -> Edit:  # lines a..b-1, line breaks included
        return Edit(starts[a], min(starts[b], len(text)), "")

    edits: list[Edit] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        heading = _HEADING.match(line) if line.startswith("*") else None
        if heading:
            level = len(heading.group("stars"))
            title, tags = heading.group("title"), heading.group("tags") or ""
            if ":noexport:" in tags or title.startswith("COMMENT"):
                end = _subtree_end(lines, k + 1, level)
                edits.append(whole(k, end))
                k = end
                continue
            s = starts[k]
            edits.append(Edit(s, s + heading.end("stars"), "#" * level))
            if heading.group("todo"):
                edits.append(Edit(s + heading.start("todo"), s + heading.end("todo"), ""))
            if tags:
                edits.append(Edit(s + heading.end("title"), s + len(line), ""))
            k += 1
            continue
        if _COMMENT_LINE.match(line):
            edits.append(whole(k, k + 1))
            k += 1
            continue
        keyword = _KEYWORD.match(line) if "#+" in line else None
        if keyword and keyword.group("key").upper() == "BEGIN_COMMENT":
            end = next((j for j in range(k + 1, len(lines)) if _END_COMMENT.match(lines[j])), None)
            if end is not None:
                edits.append(whole(k, end + 1))
                k = end + 1
                continue
        if keyword:
            if keyword.group("key").lower() in _SHOWN and keyword.group("value").strip():
                edits.append(Edit(starts[k], starts[k] + keyword.start("value"), ""))
            else:
                edits.append(whole(k, k + 1))
            k += 1
            continue
        if _DRAWER.match(line) and not _DRAWER_END.match(line):
            end = next((j for j in range(k + 1, len(lines)) if _DRAWER_END.match(lines[j])), None)
            if end is not None:
                edits.append(whole(k, end + 1))
                k = end + 1
                continue
        k += 1
    return edits


def _subtree_end(lines: list[str], k: int, level: int) -> int:
    """The line of the next heading at `level` or above, or the end."""
    for j in range(k, len(lines)):
        m = _HEADING.match(lines[j]) if lines[j].startswith("*") else None
        if m and len(m.group("stars")) <= level:
            return j
    return len(lines)
