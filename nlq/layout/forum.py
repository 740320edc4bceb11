"""A forum thread that quotes a profile: only the quoted profile is read.

A forum post copies a profile behind "> " quote marks, and the thread around it holds forum
chrome (post headers "#2  k_oyelaran   Posted 09 Feb 2025, 13:47", buttons "[Reply]  [Quote]",
"Page 1 of 2   Next ›") and replies that re-quote a line or two and dispute figures with other
ones ("My copy of the 2025 edition says Hefei filed 731 PCT applications"). None of that is
the profile. When a text has two post headers or more and its longest run of quoted lines
(blank lines and "> " lines included) is a page long, everything outside that run is removed
by `rewrite` edits; the quote marks then go as in any quoted mail (`quoting`). A text without
"Post" costs one substring scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# A post header: "#2  k_oyelaran   Posted 09 Feb 2025, 13:47", "Posted by k_oyelaran on ...".
# "Post by k_oyelaran » Sun Feb 09, 2025" (phpBB) too.
_POST = re.compile(r"(?m)^[ \t]*(?:#\d{1,6}[ \t]+\S[^\n]*?\bPosted\b|Post(?:ed)?[ \t]+by[ \t]+\S)")
_QUOTED = re.compile(r"[ \t]*>")
_MIN_POSTS = 2
_MIN_LINES = 8  # a quoted profile is a page; a reply re-quotes a line or two


def thread_edits(text: str) -> list[Edit]:
    """Edits deleting everything outside the longest quoted run of a forum thread."""
    if "Post" not in text or len(_POST.findall(text)) < _MIN_POSTS:
        return []
    best = run = (0, 0, 0)  # (lines, start, end) of the longest run and of the current one
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if _QUOTED.match(text, pos, end):
            run = (run[0] + 1, run[1], end) if run[0] else (1, pos, end)
            best = max(best, run)
        elif text[pos:end].strip():  # a blank line inside a quote (some forums print one) is kept
            run = (0, 0, 0)
        pos = end + 1
    lines, start, end = best
    if lines < _MIN_LINES or not any(c.isdigit() for c in text[start:end]):
        return []
    return [e for e in (Edit(0, start, ""), Edit(end, len(text), "")) if e.end > e.start]
