"""An R console session pasted into a text file: what the session prints is the profile, the
session around it is not.

    R version 4.3.2 (2023-10-31) -- "Eye Holes"   <- before the first prompt: R's banner
    > library(tidyverse)                          <- a prompt line (and its "+ " continuations)
    ── Attaching core tidyverse packages ──        <- what loading a package prints
    > prof$applicants[[1]]                        <- printing an object: its name heads the
    # A tibble: 2 × 4                                result ("applicants")
       rank name              patents share_pct
      <int> <chr>               <int>     <dbl>   <- a tibble's column types
    1     1 MIRAE DISPLAY ...    3410        41   <- the row index before each row
    [1] 100                                       <- a printed vector

Prompt lines, continuations, the banner, package start-up messages, a tibble's size line,
type row and footer, printed vectors ("[1] ...") and each tibble or data frame row's index
are deleted, and the one space between two columns is widened (a tibble's gaps found from its
type row, a base R data frame's at the end of each title, as it sets every column flush
right); the name an object print shows ("prof$patent_fields[[1]]": "patent fields") is kept
as a heading over what it prints, since a tibble's columns ("field", "share_pct") do not say
which list it is. Only a text with R prompts and R's own marks (its banner, a tibble, code such as
`<-` or `$`) is touched.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_PROMPT = re.compile(r"^> (.*)$", re.M)
_CONTINUED = re.compile(r"^\+ ")
_CODE = re.compile(r"<-|\|>|%>%|\$|\w\(")
_MARKS = re.compile(r"^(?:R version \d+\.\d+|# A (?:tibble|data frame): )", re.M)
_LOADING = re.compile(r"^\s*(?:library|require|suppress\w*)\(")
_TIBBLE = re.compile(r"^# (?:A (?:tibble|data frame): |ℹ |… )")
_TYPES = re.compile(r"^(?:\s*<[a-z]{2,5}>)+\s*$")
_VECTOR = re.compile(r"^\s*\[\d+\] ")
_INDEX = re.compile(r"^(\d+)(?= )")
# An object printed as it is, or through functions of it: "prof$patent_fields[[1]]",
# "print(top_applicants)", "head(df, 3)", "as.data.frame(prof$applicants[[1]])".
# What cat(), message() or writeLines() write is text, and library() loads a package: no
# object with a name to head what they print.
_OBJECT = re.compile(
    r"^(?!(?:cat|message|writeLines|library|require|suppress\w*)\()"
    r"(?:[\w.:]+\()*([\w.]+(?:\$[\w.]+|\[\[[^\]]*\]\])*)(?:,[^()]*)?\)*\s*$"
)
_NAME = re.compile(r"[A-Za-z][\w.]*")


def is_r_console(text: str) -> bool:
    """Whether `text` is an R session: R's banner or a printed tibble, and code after prompts."""
    if "\n> " not in text and not text.startswith("> "):
        return False
    if _MARKS.search(text) is None:
        return False
    return sum(1 for m in _PROMPT.finditer(text) if _CODE.search(m.group(1))) >= 2


def r_console_edits(text: str) -> list[Edit]:
    """Edits deleting an R session's prompts, banner, messages and a tibble's furniture."""
    if not is_r_console(text):
        return []
    first = _PROMPT.search(text)
    assert first is not None
    edits = [Edit(0, first.start(), "")] if first.start() else []
    lines: list[tuple[int, str]] = []
    pos = first.start()
    for line in text[first.start() :].splitlines(keepends=True):
        lines.append((pos, line.rstrip("\n")))
        pos += len(line)
    loading, prompt, index, frame = False, False, 0, False
    for i, (start, body) in enumerate(lines):
        stop = start + len(body) + 1
        m = _PROMPT.match(body)
        if m or (prompt and _CONTINUED.match(body)):
            if m:
                loading = bool(_LOADING.match(m.group(1)))
                edits += _prompt_edits(m, start, stop)
            else:
                edits.append(Edit(start, stop, ""))
            prompt, index = True, 0
            frame = bool(m and _OBJECT.match(m.group(1)))  # a printed object may be a frame
            continue
        after_prompt, prompt = prompt, False
        if _TYPES.match(body):
            edits += _column_edits(lines, i)
            frame = True
        if loading or _TIBBLE.match(body) or _TYPES.match(body) or _VECTOR.match(body):
            edits.append(Edit(start, stop, ""))
            continue
        if after_prompt and not body.startswith(" "):
            frame = False  # a frame's title line stands over its index column: indented
        elif after_prompt and frame and i + 1 < len(lines) and _INDEX.match(lines[i + 1][1]):
            edits += _frame_edits(lines, i)  # a data frame printed by base R
        row = _INDEX.match(body) if frame else None
        if row and int(row.group(1)) == index + 1:
            index += 1
            edits.append(Edit(start, start + row.end(), " " * row.end()))  # columns kept
        elif body.strip():
            frame = frame and not index  # the rows are over
            index = 0
    return edits


def _column_edits(lines: list[tuple[int, str]], i: int) -> list[Edit]:
    """Edits widening the one space between a tibble's columns to three, so each title and
    cell stands alone (a name with spaces in it too): `lines[i]` is its type row, whose
    `<int>`, `<chr>` sit over the columns; the gap between two is cut at its last position
    that is blank on the title line and every row (a name's own spaces come before it: text
    is set flush left, numbers flush right, so the next column's text starts after it)."""
    tokens = [m.span() for m in re.finditer(r"<[a-z]{2,5}>", lines[i][1])]
    gaps = [(end, nxt) for (_, end), (nxt, _) in zip(tokens, tokens[1:], strict=False)]
    return _widen(lines, i - 1 if i and lines[i - 1][1].strip() else None, i + 1, gaps)


def _frame_edits(lines: list[tuple[int, str]], i: int) -> list[Edit]:
    """The same for a data frame as base R prints it, every column flush right: `lines[i]` is
    its title line, each title ending where its column ends."""
    ends = [m.end() for m in re.finditer(r"\S+", lines[i][1])][:-1]
    return _widen(lines, i, i + 1, [(end, end + 1) for end in ends])


def _widen(
    lines: list[tuple[int, str]], title: int | None, first: int, gaps: list[tuple[int, int]]
) -> list[Edit]:
    """Edits cutting the title line and the indexed rows from `lines[first]` at the last
    position of each gap (start, end) that is blank on all of them."""
    table = [lines[title]] if title is not None else []
    for start, body in lines[first:]:
        if not _INDEX.match(body):
            break
        table.append((start, body))
    edits = []
    for end, nxt in gaps:
        cut = next(
            (
                p
                for p in range(nxt - 1, end - 1, -1)
                if all(p >= len(b) or b[p] == " " for _, b in table)
            ),
            None,
        )
        if cut is not None:
            edits += [Edit(s + cut, s + cut + 1, "   ") for s, b in table if cut < len(b)]
    return edits


def _prompt_edits(m: re.Match[str], start: int, stop: int) -> list[Edit]:
    """Edits deleting one prompt line but the name of the object it prints, kept as a heading."""
    code = _OBJECT.match(m.group(1))
    names = list(_NAME.finditer(m.group(1), *code.span(1))) if code else []
    if not names:
        return [Edit(start, stop, "\n")]
    name = names[-1]
    a, b = start + m.start(1) + name.start(), start + m.start(1) + name.end()
    edits = [Edit(start, a, "\n")]
    edits += [
        Edit(start + m.start(1) + i, start + m.start(1) + i + 1, " ")
        for i in range(name.start(), name.end())
        if m.group(1)[i] in "_."
    ]
    return [*edits, Edit(b, stop, "\n\n")]
