"""A database shell session copied from a terminal (`mysql`, MariaDB, `sqlite3`, `psql`): the
query results are the profile, the session around them is not.

    $ mysql -u analyst -p gii_clusters          <- before the first prompt: the shell and the
    Server version: 8.0.36                         client's banner
    mysql> SELECT ... FROM profile;             <- a prompt line (and its "    -> " continuations)
    +------+---------+
    | id   | title   |                          <- a result box: kept, read as a table
    ...
    1 row in set (0.00 sec)                     <- the result's footer
    *************************** 1. row ***     <- a vertical (\\G) result's row marker

Prompt lines (an SQL comment after a prompt too: "mysql> -- previous edition row ...") but the
name of the table a query reads ("FROM top_pct_applicants" heads its result "top pct
applicants"), their continuations, result footers, row markers and everything before the
first prompt or after the "exit" are deleted. A result of one row (`record_blocks`) is a
record, not a list: its "column: value" pairs are read as the lines a vertical result prints
("title: Hefei, China").
Only a text with a database prompt at the start of a line is touched.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, join
from nlq.layout.rewrite import Edit

# A prompt always ends in its ">" ("mysql> ", "MariaDB [gii]> ", "sqlite> ") or, in psql, "=#"
# or "=>" ("gii=> "): a line saying "MySQL is ..." is prose.
_PROMPT = re.compile(r"^(?:(?:mysql|mariadb(?: \[[^\]\n]*\])?|sqlite)>|\w+=[#>]) ", re.M | re.I)
_CONTINUED = re.compile(r"^\s*(?:->|\.\.\.>|\w*-[#>])\s")
_FOOTER = re.compile(
    r"^\s*(?:\d+ rows? in set\b|empty set\b|query ok\b|\(\d+ rows?\)$|\*{5,} \d+\. row \*{5,}$)",
    re.I,
)
_EXIT = re.compile(r"(?:exit|quit|\\q)\b", re.I)
_FROM = re.compile(r"\bfrom\s+`?([a-z][a-z0-9_]*)`?", re.I)
_COLUMN = re.compile(r"^[a-z][a-z0-9_]*$")


def is_sql_session(text: str) -> bool:
    """Whether `text` holds a database shell prompt at the start of a line."""
    return _PROMPT.search(text) is not None


def sql_session_edits(text: str) -> list[Edit]:
    """Edits deleting a database session's prompts, footers, banner and farewell."""
    first = _PROMPT.search(text)
    if first is None:
        return []
    edits = [Edit(0, first.start(), "")] if first.start() else []
    pos, prompt, done = first.start(), False, False
    for line in text[first.start() :].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\n")
        if done or _PROMPT.match(body) or (prompt and _CONTINUED.match(body)):
            edits += _query_edits(text, start, start + len(body), pos)
            prompt = True
            prompt_end = _PROMPT.match(body)
            done = done or bool(prompt_end and _EXIT.match(body, prompt_end.end()))
            continue
        prompt = False
        if _FOOTER.match(body):
            edits.append(Edit(start, pos, ""))
    return edits


def _query_edits(text: str, start: int, end: int, stop: int) -> list[Edit]:
    """Edits deleting one prompt line but the table its query reads ("FROM top_pct_applicants":
    the words "top pct applicants", a heading over the result)."""
    m = _FROM.search(text, start, end)
    if m is None or "--" in text[start : m.start()]:
        return [Edit(start, stop, "")]
    a, b = m.span(1)
    edits = [Edit(start, a, "")]
    edits += [Edit(i, i + 1, " ") for i in range(a, b) if text[i] in "_."]
    return [*edits, Edit(b, stop, "\n\n")]


def record_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` with each result table of one row, under column names ("id | title | cluster"),
    read as "column: value" lines."""
    out: list[Block] = []
    for block in blocks:
        rows = block.rows or ()
        if (
            block.kind is BlockKind.TABLE
            and len(rows) == 2
            and len(rows[0]) == len(rows[1]) >= 2
            and all(_COLUMN.match(c.text) for c in rows[0])
        ):
            for name, value in zip(rows[0], rows[1], strict=True):
                if value.text.strip():
                    line = join([name, value], ": ")
                    out.append(Block(BlockKind.PARAGRAPH, text=line))
            continue
        out.append(block)
    return out
