"""Page furniture: running headers, footers and page or slide numbers, which are not content.

Text copied from a PDF or exported from slides repeats a header or footer on every page with a
page number ("GII 2025 · Science and technology cluster profiles 57" ... "58", "Draft – not for
circulation | 3", "Slide 4"). Left in, such a line reads as a table row (a publisher with count
58) or a list item. A line is furniture when:

- it is "Page 3", "Page 3 of 12", "p. 3", "Slide 4" or an appendix's page label "A-7" alone; or
- the same words come back on other lines with only their number changed, the numbers rising
  by one to three from each to the next (pages), and the words are more than one short name
  (at least three words, or a separator such as "|", "·" or "–" before the number), so that a
  field named twice ("Other 40" ... "Other 41") is never taken for one; a line that starts
  with a number (a ranked row) never is, unless that number is a year ("2025 · WIPO   57"); or
- it is the last line of a page (a form feed follows, or, in text cut into pages by form
  feeds, the text ends) and holds such words set apart from
  the page number by a wide gap or a separator ("GII 2024 · Science and technology cluster
  profiles          57"), even when no other page repeats it; or it opens a page after a
  form feed, holds such words, and its number is the page's own or its words hold a
  separator ("MOROCCO | Science and technology cluster profile        2"); or
- it starts with three or more asterisks and a space, the banner or trailer lines of a print
  file ("***  END OF SECTION A  (2 RECORDS)", "***  END OF REPORT"); or
- in text cut into pages by form feeds, it opens a page after the first and repeats the line
  that opens the first page (a running header without a page number, "GLOBAL INNOVATION
  INDEX 2025      SCIENCE AND TECHNOLOGY CLUSTERS", or a browser's print header "12/1/26,
  10:41 AM   Changsha, China - Global Innovation Index 2024"): the first page keeps its copy;
  the lines under it that repeat the first page's next lines in order, numbers aside, go too
  (a listing's header of several lines: "RUN DATE 2026-02-09  RUN TIME 06:14:55", a rule); or
- it says the page goes on elsewhere: "CONTINUED ON PAGE 0002", "(continued on next page)"; or
- it is a running header of facing pages, its number at the end on one page ("GLOBAL
  INNOVATION INDEX 2024 — SCIENCE AND TECHNOLOGY CLUSTERS      57") and at the start on the
  next ("58      GLOBAL INNOVATION INDEX 2024 — ..."), the same words set apart from numbers
  one to three apart by a wide gap: both lines go (`_facing_heads`); or
- it repeats the line that opens the text with a page number added after a wide gap or a
  separator ("Global Innovation Index 2024      S&T Clusters        7" under an opening
  "Global Innovation Index 2024      S&T Clusters"): a running header where the page break
  was lost in the copy; or
- it opens the text and the same line, number and all, closes it: the header and the footer
  of one page ("Global Innovation Index 2025 – Science and Technology Cluster Profiles   17"
  above and below a profile), both set apart from the number (`_framing_lines`); or
- its page number stands between dashes ("– 1 –", a word processor's page field) after such
  words set apart by a wide gap ("wipo.int/gii          – 1 –"), on any page; or
- it is a slide deck's footer, words set apart by "|" or "·" and no figure but a year,
  repeated on three slides or more, slide numbers rising by one after its copies
  ("Brainport Strategy Team | GII 2025 briefing | internal" / "3"): its copies and those
  numbers go (`_slide_footers`).

Furniture lines are deleted, line break included, as `rewrite` edits (a form feed that starts
the line stays: the page still ends there).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import accumulate

from nlq.layout.rewrite import Edit

_PAGE_LINE = re.compile(
    r"[ \t]*(?:(?:page|p\.|slide|seite|p[áa]gina)[ \t]*\d{1,4}"
    r"(?:[ \t]*(?:of|/|von|de)[ \t]*\d{1,4})?"
    r"|[A-Z]-\d{1,3})[ \t]*",
    re.I,
)
_SEPARATOR_BEFORE = re.compile(r"[|·•–—/][ \t]*$")
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
_BANNER = re.compile(r"^[ \t]*\*{3,}[ \t]+\S[^\n]*(?:\n|$)", re.M)
_RANKED = re.compile(r"#(?![^\W\d_])")
_CONTINUED = re.compile(
    r"^[ \t]*\(?(?:continued|cont(?:'d|\.))[ \t]+(?:on|from|overleaf)"
    r"(?:[ \t]+(?:page[ \t]*\d{1,4}|(?:the[ \t]+)?(?:next|previous|following)[ \t]+page))?"
    r"[ \t]*\)?\.?[ \t]*(?:\n|$)",
    re.I | re.M,
)
# A ranked row opens with its rank ("1 NAME 146", "1. NAME"); a browser's print date
# ("12/1/26, 10:41 AM") opens with digits too but is no rank.
_ROW_START = re.compile(r"\d+[.)]?\s")
# A footer that opens with its year ("2025 · WIPO        57"): a year is no rank.
_YEAR_FIRST = re.compile(r"[ \t]*(?:19|20)\d\d(?![\d.,])")


# A page number set between dashes, "– 1 –", "- 12 -".
_DASHED_NUMBER = re.compile(r"(?<=[ \t])[–—-][ \t]*(\d{1,4})[ \t]*[–—-]$")


def _number_end(line: str) -> str:
    """`line` without trailing spaces, a page number between dashes read as the number."""
    end = line.rstrip()
    m = _DASHED_NUMBER.search(end) if end[-1:] in "–—-" else None
    return end[: m.start()] + m.group(1) if m else end


def furniture_edits(text: str) -> list[Edit]:
    """Edits deleting every furniture line of `text`."""
    lines = text.split("\n")
    # Only lines ending in a digit can be furniture (a comprehension is the cheapest filter).
    ends = [(k, end) for k, line in enumerate(lines) if (end := _number_end(line))[-1:].isdecimal()]
    found: set[int] = set()  # the numbers of the furniture lines
    groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
    heads: list[tuple[int, int, str]] = []  # words set apart from the number ending them
    first, opening = _opening_line(lines)
    for k, end in ends:
        if len(" ".join(end.split())) > 100:  # its words, not the gaps of a right-aligned number
            continue
        if _PAGE_LINE.fullmatch(end):
            found.add(k)
            continue
        cut = len(end)
        while cut and end[cut - 1].isdecimal():
            cut -= 1
        words = end[:cut]
        if len(end) - cut > 4 or words[-1:] in (".", ",") or "%" in words:
            continue
        if not _LETTER.search(words):
            continue
        number = int(end[cut:])
        of_total = _OF_TOTAL.search(words) if words[-1:] in " \t/fFnNeE" else None
        if of_total:  # "Page 3 of 5": the page is the number that rises, not the total
            number = int(of_total.group(1))
        key = _DIGITS.sub("#", " ".join(words.split()))  # spacing aside: right-aligned numbers
        # A ranked row ("1 NAME 146") is never furniture; a digit glued to a word is not a rank
        # (a print file's carriage-control "1" before its page header: "1RUN ... PAGE 2").
        if not _RANKED.match(key) or _YEAR_FIRST.match(words):
            groups[key].append((k, number))
            if "\f" in text and _PAGE_GAP.search(words) and _footer_words(key):
                if _ends_page(lines, k):
                    found.add(k)  # the footer of a page, set apart from its number
                elif k > first and _opens_page(lines, k, number, words):
                    found.add(k)  # the header of a later page, its number after it
            if _PAGE_GAP.search(words) and _footer_words(key):
                if _DASHED_NUMBER.search(lines[k].rstrip()):
                    found.add(k)  # "wipo.int/gii      – 1 –": a page number by its dashes
                heads.append((k, number, words))
                if k > first and " ".join(words.split()) == opening:
                    found.add(k)  # the opening header again, now with its page's number
    for key, numbered in groups.items():
        if len(numbered) >= 2 and _is_running(key, [n for _, n in numbered]):
            found.update(k for k, _ in numbered)
    banners = (
        [Edit(m.start(), m.end(), "") for m in _BANNER.finditer(text)] if "***" in text else []
    )
    if "ONTINUED" in text or "ontinued" in text:
        banners += [Edit(m.start(), m.end(), "") for m in _CONTINUED.finditer(text)]
    if "\f" in text:
        found.update(_repeated_page_heads(lines, opening))
    if heads:
        found.update(_facing_heads(text, heads))
        found.update(_framing_lines(lines, heads, first))
    found.update(_numbered_opening_cells(text, lines))
    if text.count("\n\n") >= 6 and ("|" in text or "·" in text):
        found.update(_slide_footers(lines))
    if not found:
        return banners
    offsets = list(accumulate((len(line) + 1 for line in lines), initial=0))
    return [
        Edit(offsets[k] + lines[k].startswith("\f"), min(offsets[k + 1], len(text)), "")
        for k in sorted(found)
    ] + banners


# A slide footer's words: at least three, set apart by "|" or "·" ("Brainport Strategy Team |
# GII 2025 briefing | internal"), no figure but a year.
_FOOTER_PARTS = re.compile(
    r"[^|·\d]+(?:(?:19|20)\d\d[^|·\d]*)?(?:\s[|·]\s[^|·\d]+(?:(?:19|20)\d\d[^|·\d]*)?)+"
)
_LONE_NUMBER = re.compile(r"\d{1,3}")


def _slide_footers(lines: list[str]) -> list[int]:
    """The copies of a slide deck's footer and the slide numbers after them: a line of words
    set apart by "|" or "·" repeated three times or more, two copies or more each followed
    (after blank lines) by a lone number, those numbers rising by one. Every copy goes, and
    the numbers that follow copies."""
    copies: dict[str, list[int]] = defaultdict(list)
    for k, line in enumerate(lines):
        body = line.strip()
        if ("|" in body or "·" in body) and not body.startswith("|") and len(body) <= 100:
            copies[body].append(k)
    out: list[int] = []
    for body, ks in copies.items():
        if len(ks) < 3 or len(body.split()) < 3 or not _FOOTER_PARTS.fullmatch(body):
            continue
        numbers = [(j, int(lines[j])) for k in ks if (j := _next_text(lines, k)) is not None]
        rising = [(a, b) for a, b in zip(numbers, numbers[1:], strict=False) if b[1] == a[1] + 1]
        if not rising:
            continue
        out += ks
        out += sorted({j for pair in rising for j, _ in pair})
    return out


def _next_text(lines: list[str], k: int) -> int | None:
    """The index of the next line with text after line `k` when it is a lone number."""
    for j in range(k + 1, min(len(lines), k + 3)):
        if lines[j].strip():
            return j if _LONE_NUMBER.fullmatch(lines[j].strip()) else None
    return None


def _numbered_opening_cells(text: str, lines: list[str]) -> list[int]:
    """Lines of a later page's running header: a page number, a wide gap, then the words of a
    cell of the first page's header ("88      GLOBAL INNOVATION INDEX 2024" under an opening
    "GLOBAL INNOVATION INDEX 2024      SCIENCE AND TECHNOLOGY CLUSTERS", its own number "87"
    on a line above it, one to three from the later one): three words or more, as a footer's
    are (`_footer_words`)."""
    top = [k for k, line in enumerate(lines) if line.strip()][:_OPENING_LINES]
    pieces = [" ".join(c.split()) for k in top for c in _WIDE_GAP.split(lines[k].strip())]
    cells = {c for c in pieces if _LETTER.search(c) and _footer_words(c)}
    numbers = [int(c) for c in pieces if c.isdecimal() and len(c) <= 4]
    if not cells or not numbers:
        return []
    last = top[-1]
    return [
        n
        for m in _LEADING_NUMBER.finditer(text)
        if " ".join(m.group(2).split()) in cells
        and any(1 <= abs(int(m.group(1)) - k) <= 3 for k in numbers)  # the next pages' numbers
        and (n := text.count("\n", 0, m.start())) > last
    ]


_OPENING_LINES = 2  # the lines of a page's header at the top of the text: a number, the words
_WIDE_GAP = re.compile(r" {3,}|\t")


def _opening_line(lines: list[str]) -> tuple[int, str]:
    """The first line with text and its words, when it can be a running header (three words
    or more, not a ranked row); else its number and ""."""
    first = next((k for k, line in enumerate(lines) if line.strip()), 0)
    words = " ".join(lines[first].split()) if lines else ""
    if len(words.split()) < 3 or _ROW_START.match(words):
        return first, ""
    return first, words


def _repeated_page_heads(lines: list[str], opening: str) -> list[int]:
    """The first lines of pages after the first that repeat the first page's first line,
    `opening` (`_opening_line`: three words or more, not a ranked row), white space aside."""
    if not opening:
        return []
    heads = page_openings(lines)
    if len(heads) < 2:
        return []
    found = [k for k, words in heads[1:] if words == opening]
    return found + _repeated_head_lines(lines, [k for k, _ in heads])


def page_openings(lines: list[str]) -> list[tuple[int, str]]:
    """The first line with text of each page (pages end at form feeds): its number and its
    words, white space folded."""
    heads: list[tuple[int, str]] = []
    page_start = True
    for k, line in enumerate(lines):
        if line.startswith("\f"):
            page_start = True
        words = " ".join(line.split())
        if page_start and words:
            heads.append((k, words))
            page_start = False
    return heads


_HEAD_DEPTH = 6  # the most lines a page header repeats


def _repeated_head_lines(lines: list[str], starts: list[int]) -> list[int]:
    """The lines under each later page's first line that repeat, in order and numbers aside,
    the lines under the first page's first line (which must itself come back, numbers aside)."""

    def page(start: int) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for k in range(start, len(lines)):
            if k > start and lines[k].startswith("\f"):
                break
            if lines[k].strip():
                out.append((k, _DIGITS.sub("#", " ".join(lines[k].split()))))
            if len(out) > _HEAD_DEPTH:
                break
        return out

    first = page(starts[0])
    found: list[int] = []
    for start in starts[1:]:
        for i, (k, words) in enumerate(page(start)):
            if i >= len(first) or words != first[i][1] or (i and _ROW_START.match(words)):
                break
            if i:
                found.append(k)
    return found


def _facing_heads(text: str, heads: list[tuple[int, int, str]]) -> list[int]:
    """The lines of a running header on facing pages: each of `heads` (line, number, words
    before it) whose words, numbers aside, come back on a line after a number one to three
    apart from its own and a wide gap ("58      GLOBAL ..."), and those lines. One scan."""
    keyed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k, number, words in heads:
        keyed[_DIGITS.sub("#", " ".join(words.split()))].append((k, number))
    found: list[int] = []
    for m in _LEADING_NUMBER.finditer(text):
        for k, number in keyed.get(_DIGITS.sub("#", " ".join(m.group(2).split())), ()):
            if 1 <= abs(int(m.group(1)) - number) <= 3:
                found += [k, text.count("\n", 0, m.start())]
    return found


# A page number opening a line, set apart from the words after it by a wide gap.
_LEADING_NUMBER = re.compile(r"^\f?[ \t]*(\d{1,4})(?: {3,}|\t)[ \t]*([^\W\d_][^\n]*)$", re.M)


# Words set apart from the page number after them: a wide gap or a separator.
# The page before its total at a line's end: "... Page 3 of " (then "5").
_OF_TOTAL = re.compile(r"(\d{1,4})[ \t]*(?:of|/|von|de)[ \t]*$", re.I)
_PAGE_GAP = re.compile(r"(?: {3,}|\t|[|·•–—/][ \t]*)$")
_SEPARATOR = re.compile(r"[|·•]")


def _ends_page(lines: list[str], k: int) -> bool:
    """Whether line `k` is the last line with text before a form feed (a PDF page's end) or
    before the end of the text (the last page's end: no form feed follows it)."""
    for line in lines[k + 1 :]:
        if line.startswith("\f"):
            return True
        if line.strip():
            return False
    return True


def _opens_page(lines: list[str], k: int, number: int, words: str) -> bool:
    """Whether line `k` opens a page after a form feed and is that page's header: its number
    is the page's own (the first page is 1) or its words hold a separator ("MOROCCO |
    Science and technology cluster profile      2")."""
    j = k
    while not lines[j].startswith("\f"):
        j -= 1
        if j < 0 or lines[j].strip():
            return False
    page = 1 + sum(1 for line in lines[: k + 1] if line.startswith("\f"))
    return number == page or bool(_SEPARATOR.search(words))


def _is_running(words: str, numbers: list[int]) -> bool:
    """Whether lines of `words` followed by `numbers` are a running header or footer."""
    if not all(1 <= b - a <= 3 for a, b in zip(numbers, numbers[1:], strict=False)):
        return False
    return _footer_words(words)


def _footer_words(words: str) -> bool:
    """More than one short name: three words or more, a separator before the number, or a web
    address ("izka.example.gov.tr/report-#": a report's URL in its footer, no entry's name)."""
    return (
        len(words.split()) >= 3
        or bool(_SEPARATOR_BEFORE.search(words))
        or bool(_WEB_ADDRESS.search(words))
    )


_WEB_ADDRESS = re.compile(r"https?://|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/", re.I)


def _framing_lines(lines: list[str], heads: list[tuple[int, int, str]], first: int) -> list[int]:
    """The first and last lines with text when both are among `heads` (line, number, words
    before it) with the same words and number and text lies between them: one page's header
    repeated as its footer; `first` is the first line with text (`_opening_line`)."""
    last = next((k for k in range(len(lines) - 1, -1, -1) if lines[k].strip()), 0)
    ends = {k: (number, " ".join(words.split())) for k, number, words in heads}
    if first not in ends or ends.get(last) != ends[first] or ends[first][1].endswith("/"):
        return []  # ("Ratio  1/2": a fraction, not a page number)
    if not any(line.strip() for line in lines[first + 1 : last]):
        return []  # a header and its footer frame a page's text
    return [first, last]
