"""HTML white space folded: the text pieces of one block or cell joined, each run of white
space made one space, the ends stripped, every character still mapped to the page source.

Most blocks and cells are one verbatim stretch of the source, whose folded map is plain
arithmetic; a text around inline tags or entities is several runs, mapped in one pass over
them. Either way the result maps exactly as slicing out each word and joining the words with
single spaces would (`document.join`), which the tests check span by span.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText, Run, join

_WS_CHARS = " \t\r\n\f"
_WORD = re.compile(r"[^ \t\r\n\f]+")
_new_run = tuple.__new__


def collapse(pieces: list[MappedText]) -> MappedText:
    """The pieces of text of one block or cell, joined, with each run of HTML white space made
    one space and the ends stripped."""
    whole = join(pieces)
    text = whole.text
    words = _WORD.findall(text)
    if len(words) <= 1:
        return whole.strip(_WS_CHARS)
    runs = whole._runs
    if len(runs) != 1 or not runs[0][4]:
        return _words_joined(text, runs, words)
    # One verbatim run (most cells and paragraphs): the words' map is plain arithmetic, as
    # `join` would make it; a single white-space character between two words stays in the
    # verbatim run, a longer gap is a space mapped to the whole gap.
    base = runs[0][2] - runs[0][0]
    out: list[Run] = []
    pos = 0
    run_start = run_raw = prev = -1
    for m in _WORD.finditer(text):
        a, b = m.span()
        if prev < 0:
            run_start, run_raw = 0, base + a
        elif a - prev == 1:
            pos += 1
        else:
            out.append(_new_run(Run, (run_start, pos - run_start, run_raw, base + prev, True)))
            out.append(_new_run(Run, (pos, 1, base + prev, base + a, False)))
            pos += 1
            run_start, run_raw = pos, base + a
        pos += b - a
        prev = b
    out.append(_new_run(Run, (run_start, pos - run_start, run_raw, base + prev, True)))
    return MappedText(" ".join(words), out)


def _words_joined(text: str, runs: list[Run], words: list[str]) -> MappedText:
    """`join([slice of each word of text], " ")` for a text of several runs, computed in one
    pass over the runs: each word's pieces of runs, and between two words a space mapped to
    the raw gap between them (runs continuing each other one to one merged, as `join` does)."""
    out: list[Run] = []
    # The last run if it may absorb the next one: its text start, raw start and raw end.
    l_start = l_raw = l_end = -1

    def push(start: int, length: int, raw_start: int, raw_end: int, verbatim: bool) -> None:
        nonlocal l_start, l_raw, l_end
        if verbatim or (length == 1 and raw_end - raw_start == 1):
            if l_end == raw_start:
                l_end = raw_end
                out[-1] = _new_run(Run, (l_start, start + length - l_start, l_raw, l_end, True))
            else:
                l_start, l_raw, l_end = start, raw_start, raw_end
                out.append(_new_run(Run, (start, length, raw_start, raw_end, True)))
        else:
            out.append(_new_run(Run, (start, length, raw_start, raw_end, False)))
            l_end = -1

    pos = k = 0
    prev_end = -1
    for m in _WORD.finditer(text):
        a, b = m.span()
        while runs[k][0] + runs[k][1] <= a:
            k += 1
        s, n, rs, re_, v = runs[k]
        first_raw = rs + a - s if v else rs
        if pos:
            gap_start = prev_end if prev_end <= first_raw else first_raw
            push(pos, 1, gap_start, max(first_raw, gap_start), False)
            pos += 1
        while True:
            s, n, rs, re_, v = runs[k]
            x, y = max(a, s), min(b, s + n)
            prev_end = rs + y - s if v else re_
            push(pos + x - a, y - x, rs + x - s if v else rs, prev_end, v)
            if s + n >= b:
                break
            k += 1
        pos += b - a
    return MappedText(" ".join(words), out)
