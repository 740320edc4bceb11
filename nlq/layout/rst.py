"""reStructuredText directives, read as the text they show.

A reST page wraps its tables and metadata in directives (".. name:: argument", options as
indented ":key: value" lines, then an indented body). Read as plain text, a directive line
is a heading that names nothing, its options are labels, a `list-table` is a list of dashes,
and the metadata (".. meta::" with a description of another edition, ".. footer::") reads as
content. These edits (`rewrite`), made only in a source that has a directive line or a
simple-table border:

- `table`, `list-table` and `csv-table` keep their argument, the caption, as a line of its
  own ("Top PCT applicants"); their options go;
- a `list-table` body becomes pipe rows: "* - Field" / "  - Share" is "| Field | Share";
  so do a `csv-table`'s ":header:" option and body lines ('1, "NAME, KFT.", 345, 23%');
- a simple table's column borders ("====  =======  =====") go, so its lines read as columns
  aligned by spaces;
- metadata and page chrome (`meta`, `header`, `footer`, `contents`, `image`, `raw`, ...),
  comments ("..  text" without "::") and document fields alone on a line (":orphan:") are
  deleted with their bodies;
- any other directive ("note", "admonition") loses its marker and keeps its text.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_DIRECTIVE = re.compile(r"^\.\.[ \t]+(?P<name>[\w-]+)[ \t]*::[ \t]*(?P<arg>[^\n]*)$", re.M)
_COMMENT = re.compile(r"^\.\.(?:[ \t]+(?![\w-]+[ \t]*::)[^\n]*)?$")
_DROPPED = frozenset(
    "meta header footer contents sectnum image figure raw include highlight default-role role "
    "title toctree index only".split()
)
_CSV_HEADER = re.compile(r"^[ \t]+:header:[ \t]*")
_OPTION = re.compile(r"^[ \t]+:[\w -]+:(?:[ \t][^\n]*)?$")
_FIELD_ALONE = re.compile(r"^:[\w-]+:[ \t]*$")
_BORDER = re.compile(r"^[ \t]*=+(?:[ \t]+=+)+[ \t]*$")
_BORDERS = re.compile(r"^[ \t]*={2,}(?:[ \t]+={2,})+[ \t]*$", re.M)
_LIST_ROW = re.compile(r"^(?P<lead>[ \t]*\*[ \t]+-[ \t]+)")
_LIST_CELL = re.compile(r"^(?P<lead>[ \t]+-[ \t]+)")


def rst_edits(text: str) -> list[Edit]:
    """Edits reading every reST directive of `text` as the text it shows (none if `text`
    has neither a directive line nor a simple-table border)."""
    if not (".. " in text and _DIRECTIVE.search(text)) and not (
        "=  " in text and _BORDERS.search(text)
    ):
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    edits: list[Edit] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        m = _DIRECTIVE.match(line)
        if m is None:
            if _FIELD_ALONE.match(line) or _COMMENT.match(line) or _BORDER.match(line):
                end = _body_end(lines, k + 1) if _COMMENT.match(line) else k + 1
                edits.append(Edit(starts[k], min(starts[end], len(text)), ""))
                k = end
            else:
                k += 1
            continue
        name = m.group("name").lower()
        body = _body_end(lines, k + 1)
        if name in _DROPPED:
            edits.append(Edit(starts[k], min(starts[body], len(text)), ""))
            k = body
            continue
        edits.append(Edit(starts[k], starts[k] + m.start("arg"), ""))  # ".. table:: "
        j = k + 1
        while j < body and _OPTION.match(lines[j]):
            if not (name == "csv-table" and _CSV_HEADER.match(lines[j])):
                edits.append(Edit(starts[j], starts[j + 1], ""))
            j += 1
        if name == "list-table":
            edits += _list_rows(lines, starts, j, body)
        elif name == "csv-table":
            edits += _csv_rows(lines, starts, k + 1, body)
        k = max(j, k + 1) if name not in ("list-table", "csv-table") else body
    return edits


def _csv_rows(lines: list[str], starts: list[int], k: int, end: int) -> list[Edit]:
    """Edits turning a csv-table's ":header:" option and body lines into pipe rows: the
    commas outside quotes become cell separators and the quotes go."""
    edits: list[Edit] = []
    for j in range(k, end):
        line = lines[j]
        header = _CSV_HEADER.match(line)
        if not line.strip() or (_OPTION.match(line) and not header):
            continue
        lead = header.end() if header else len(line) - len(line.lstrip())
        edits.append(Edit(starts[j], starts[j] + lead, "| "))
        quoted = False
        for i in range(lead, len(line)):
            ch = line[i]
            if ch == '"':
                quoted = not quoted
                edits.append(Edit(starts[j] + i, starts[j] + i + 1, ""))
            elif ch == "," and not quoted:
                gap = len(line[i + 1 :]) - len(line[i + 1 :].lstrip(" \t"))
                edits.append(Edit(starts[j] + i, starts[j] + i + 1 + gap, " | "))
    return edits


def _body_end(lines: list[str], k: int) -> int:
    """The line after a directive's body: its indented lines and the blank lines among them."""
    end = k
    j = k
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        if lines[j][:1] not in (" ", "\t"):
            break
        j += 1
        end = j
    return end


def _list_rows(lines: list[str], starts: list[int], k: int, end: int) -> list[Edit]:
    """Edits turning a list-table body into pipe rows, one line per row."""
    edits: list[Edit] = []
    in_row = False
    for j in range(k, end):
        line = lines[j]
        row = _LIST_ROW.match(line)
        cell = None if row else _LIST_CELL.match(line)
        if row:
            edits.append(Edit(starts[j], starts[j] + row.end("lead"), "| "))
            in_row = True
        elif cell and in_row:
            # The line break and the dash before this cell become the cell separator.
            edits.append(Edit(starts[j] - 1, starts[j] + cell.end("lead"), " | "))
        elif line.strip() and in_row:
            lead = len(line) - len(line.lstrip())
            edits.append(Edit(starts[j] - 1, starts[j] + lead, " "))  # a cell wrapped
        else:
            in_row = False
    return edits
