"""A narrow box of short lines set at the right of a page, beside its tables.

A PDF page may print a box in its right margin beside the top lists, "FOR COMPARISON:" /
"WARSAW, POLAND" / "1st of 2 Polish clusters" / "47th largest cluster" / "14 027 articles". The
layout text (`pdftotext -layout`) prints each of its lines after the table's line beside it,
so a list's rows carry the box's pieces at their ends and a heading's line ends with one ("Top
publishing organizations      14 027 articles"): read across, the heading becomes a row and
the box's figures cells of the tables.

A stretch of lines is such a page when one column, the box's edge (at least 40 columns in),
starts a box piece on four lines or more, two of them beside text at the left, the first its
title (a label ending in a colon, or words in capitals), none ending in a share: a piece is the
rest of its line from that column, words one space apart (no wide gap: a table's row beside
another has its figures apart), at most 60 characters, after a gap of three spaces or more
(or at a line's start past the edge). The stretch starts at the first such piece and runs on
through every line that is blank, holds text only left of the edge (stopping two columns or
more before it), or a box piece; it ends at any other line or a form feed. It is read as the
left parts first, then a blank line, then the box's pieces, each a slice of its line, so every
offset still points into the source. A designed page's sidebar of breakdowns beside the top
lists is read the same way, its pieces fields with their shares ("Top technology fields in
Tokyo–Yokohama" / "Patents" / "Electrical machinery (11%)" beside ranked rows: `_sidebar`).
A box titled as a comparison ("FOR COMPARISON:", "Peer
benchmark") holds another cluster's figures, and one titled as an earlier edition ("Previous
edition (GII 2023):") that edition's: its pieces are left out, so none of them is read as the
profile's (a size rank the profile itself does not state, say); such a labelled box may be
three lines.
"""

from __future__ import annotations

import re

from nlq.layout.page_columns import split_at

Line = tuple[int, int]

_MIN_EDGE = 40
_MAX_PIECE = 60
_MIN_PIECES = 4
_MIN_BESIDE = 2
_WIDE = re.compile(r" {3,}")


def _piece_at(raw: str, line: Line, edge: int) -> bool:
    """Whether the line's text from column `edge` on is a box piece after a wide gap."""
    s, e = line
    if e - s <= edge or raw[s + edge] == " " or raw[s + edge - 1] != " ":
        return False
    left = raw[s : s + edge]
    if left.strip() and not left.endswith("   "):
        return False
    piece = raw[s + edge : e].rstrip()
    return len(piece) <= _MAX_PIECE and not _WIDE.search(piece)


def _left_only(raw: str, line: Line, edge: int) -> bool:
    s, e = line
    return not raw[s + edge - 2 : e].strip()


def right_box_order(raw: str, lines: list[Line]) -> list[Line] | None:
    """`lines` reordered so that a box at the right of the page reads after the text beside
    it, or None when the page has no such box. Only whole lines are looked at."""
    if "   " not in raw:
        return None
    starts = {}
    for k, (s, e) in enumerate(lines):
        if (s == 0 or raw[s - 1] == "\n") and e - s > _MIN_EDGE:
            for m in _WIDE.finditer(raw, s, e):
                col = m.end() - s
                if col >= _MIN_EDGE and m.end() < e:
                    starts.setdefault(col, []).append(k)
    for edge, ks in sorted(starts.items(), key=lambda kv: -len(kv[1])):
        if len(ks) < _MIN_PIECES - 1:  # a labelled box may be three lines (`_stretch`)
            break
        found = _stretch(raw, lines, ks[0], edge)
        if found is not None:
            return found
    return None


# The box's title: a label ending in a colon, or words in capitals ("FOR COMPARISON:",
# "LAST EDITION (GII 2023)").
_TITLE = re.compile(r"[^\W\d_][^:]{1,38}:|[^a-z\d]*[A-Z]{3}[^a-z]*")
_SHARE = re.compile(r"\d\s?%\)?$")


def _stretch(raw: str, lines: list[Line], first: int, edge: int) -> list[Line] | None:
    if not _piece_at(raw, lines[first], edge):
        return None
    s, e = lines[first]
    title = raw[s + edge : e].rstrip()
    titled = _TITLE.fullmatch(title) is not None
    sidebar = not titled and _sidebar(raw, lines, first, edge, title)
    if not titled and not sidebar:
        return None  # a box opens with its title; a column of cells does not
    k, pieces, beside = first, 0, 0
    while k < len(lines):
        s, e = lines[k]
        if k > first and raw.startswith("\f", s) or s > 0 and raw[s - 1] != "\n":
            break  # a page's end, or a line an earlier reading cut (no columns to count)
        if not raw[s:e].strip() or _left_only(raw, (s, e), edge):
            k += 1
            continue
        if not _piece_at(raw, (s, e), edge) or (_SHARE.search(raw[s:e]) and not sidebar):
            break  # a field with its share ("Other (25%)") is a breakdown's cell, no box's
        pieces += 1
        beside += bool(raw[s : s + edge].strip())
        k += 1
    other = _COMPARISON.search(title) or _EARLIER.search(title)
    if pieces < (_MIN_PIECES - 1 if other else _MIN_PIECES) or beside < _MIN_BESIDE:
        return None
    left, right = split_at(raw, lines[first:k], edge)
    box = [(a, b) for a, b in right if raw[a:b].strip()]
    if other:
        # "FOR COMPARISON: WARSAW, POLAND", "Previous edition (GII 2023):": another cluster's
        # or another edition's figures, none of this profile's
        box = []
    return lines[:first] + left + [(lines[first][0], lines[first][0])] + box + lines[k:]


_LETTER = re.compile(r"[^\W\d_]")
_RANKED_ROW = re.compile(r"[ \t]*\d{1,2}[.)]?[ \t]+[^\W\d_]")
_TITLE_WORDS = re.compile(r"[^\W\d_][^\d:]{4,58}")


def _sidebar(raw: str, lines: list[Line], first: int, edge: int, title: str) -> bool:
    """Whether the pieces from line `first` on are a designed page's sidebar section beside
    the lists: titled in three words or more ("Top technology fields in Tokyo–Yokohama"),
    two or more of the next lines ranked rows at the left ("1   MUSASHINO ELECTRIC ...
    48,210   9%") and two or more pieces of words beside them ("Patents", "Electrical machinery
    (11%)"): a breakdown beside a breakdown is a table of two columns, and a table's own share
    column ("Share" over "12%") no sidebar."""
    if not _TITLE_WORDS.fullmatch(title) or len(title.split()) < 3:
        return False
    ranked = worded = 0
    for s, e in lines[first + 1 : first + 8]:
        if _RANKED_ROW.match(raw, s, min(e, s + edge)):
            ranked += 1
        if _piece_at(raw, (s, e), edge) and _LETTER.search(raw, s + edge, e):
            worded += 1  # "Electrical machinery (11%)", not a column's "12%"
    return ranked >= 2 and worded >= 2


# A box titled as an earlier edition holds that edition's figures.
_EARLIER = re.compile(r"\b(?:previous|prior|last|earlier)\s+(?:edition|year)\b", re.I)
# A box titled as a comparison or a benchmark holds another cluster's figures.
_COMPARISON = re.compile(r"\bcompar(?:ison|ed|e)\b|\bbenchmark|\bpeers?\b|\bvs\.?\s", re.I)
