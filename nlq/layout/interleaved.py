"""Two columns pasted line by line: the left column's lines, then the right's.

Copying a two-column page (patents on the left, publications on the right) out of some PDF
viewers interleaves the columns: one line of the left column, then the line beside it on the
right, and so on ("Top PCT applicants" / "Top publishing organizations" / "Patents Share" /
"Articles Share" / "1 ACME 540 15%" / "1 TU ÖDTAL 7,557 33%" / ...). Read as it comes, the
applicants and the publishers alternate in one list under the last heading. The stretch is
recognised by its shape, not by any note: a pair of lines that are headings of opposite sides
(one speaks of patents, the other of publications), then pairs of lines shaped alike (the
same run of words, figures and "%", the same rank when both start with one), at least two such
pairs. Each stretch is then read as its left lines, a blank, its right lines, each line a span
of the source, so every offset still points into it. A page whose lines do not alternate this
way has no such pair of headings next to each other and is read as it comes.

A field breakdown copied one cell a line from a browser, under its "Patents" / "Publications"
titles with one chart left empty, has the same shape (two titles, then lines alike): but its
lines are then one column's, not two. When the shares of the lines after the titles add up to
a whole breakdown (100 ± 1) together, the two columns would each hold a part of one, so the
stretch is read as it comes, the lines under the last title.
"""

from __future__ import annotations

import re

from nlq.layout import shapes

Line = tuple[int, int]

_PATENT = re.compile(r"\bpct\b|patent|applicant|invent", re.I)
_PUBLICATION = re.compile(r"publica|publish|scien|article|\bpapers?\b", re.I)
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d(?:[\d,.\u00a0\u202f]*\d)?")
_TOKEN = re.compile(r"0|%|[^\W\d_]+")
_RANK = re.compile(r"\s*(\d{1,2})\b")
_SHARE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")
_MIN_PAIRS = 2
# Two headings of opposite sides on consecutive lines: the one shape every stretch opens with,
# looked for in the whole page at once before any line is judged.
_P = r"(?:pct|patent|applicant|invent)"
_Q = r"(?:publica|publish|scien|article|paper)"
_HEADING_PAIR = re.compile(
    rf"^[^\n\d]{{0,80}}?(?:{_P}[^\n\d]*\r?\n[^\n\d]*{_Q}|{_Q}[^\n\d]*\r?\n[^\n\d]*{_P})",
    re.IGNORECASE | re.MULTILINE,
)


def interleaved_order(raw: str, lines: list[Line]) -> list[Line] | None:
    """`lines` with each stretch of two interleaved columns read left column first, or None
    when no stretch of the page interleaves two columns."""
    if not _HEADING_PAIR.search(raw):
        return None
    out: list[Line] = []
    changed = False
    k = 0
    n = len(lines)
    while k < n:
        end = _stretch_end(raw, lines, k) if _side_pair(raw, lines, k) else k
        if end > k:
            left, right = lines[k:end:2], lines[k + 1 : end : 2]
            out += [*left, (left[-1][1], left[-1][1]), *right, (right[-1][1], right[-1][1])]
            changed = True
            k = end
            continue
        out.append(lines[k])
        k += 1
    return out if changed else None


def _stretch_end(raw: str, lines: list[Line], k: int) -> int:
    """The index after the stretch of pairs starting with the heading pair at `k`, or `k` when
    fewer than two pairs of rows follow its headings."""
    j = k
    while _side_pair(raw, lines, j):
        j += 2
    pairs = 0
    while j + 1 < len(lines) and _alike(_text(raw, lines[j]), _text(raw, lines[j + 1])):
        j += 2
        pairs += 1
    if pairs < _MIN_PAIRS or _one_breakdown(raw, lines[j - 2 * pairs : j]):
        return k
    return j


def _one_breakdown(raw: str, rows: list[Line]) -> bool:
    """Whether `rows` are each one share and together a whole breakdown (100 ± 1): one
    column's fields, not two columns' side by side."""
    total = 0.0
    for line in rows:
        shares = _SHARE.findall(_text(raw, line))
        if len(shares) != 1:
            return False
        total += float(shares[0])
    return abs(total - 100) <= 1


def _side_pair(raw: str, lines: list[Line], k: int) -> bool:
    """Whether lines `k` and `k + 1` are two headings of opposite sides."""
    if k + 1 >= len(lines):
        return False
    a = _side(_text(raw, lines[k]))
    return a is not None and _side(_text(raw, lines[k + 1])) == 1 - a


def _side(text: str) -> int | None:
    """0 for a heading of the patent side, 1 for one of the publication side, else None."""
    if not text or len(text) > 80 or _DIGIT.search(text) or shapes.sentence_like(text):
        return None
    patent, pub = bool(_PATENT.search(text)), bool(_PUBLICATION.search(text))
    if patent == pub:
        return None
    return 0 if patent else 1


def _alike(a: str, b: str) -> bool:
    """Whether two lines are rows of the same shape beside each other (not prose)."""
    if not a or not b or not _DIGIT.search(a) or shapes.sentence_like(a):
        return False
    if shapes.sentence_like(b) or _signature(a) != _signature(b):
        return False
    ra, rb = _RANK.match(a), _RANK.match(b)
    return (ra is None) == (rb is None) and (ra is None or ra.group(1) == rb.group(1))


def _signature(text: str) -> tuple[str, ...]:
    """The run of words ("w"), figures ("0") and percent signs a line is made of."""
    out: list[str] = []
    for tok in _TOKEN.findall(_NUMBER.sub("0", text)):
        tok = tok if tok in ("0", "%") else "w"
        if not out or out[-1] != tok:
            out.append(tok)
    return tuple(out)


def _text(raw: str, line: Line) -> str:
    return raw[line[0] : line[1]].strip()
