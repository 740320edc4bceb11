"""RTF source read as the text it shows: a profile saved from WordPad or Word as `.rtf`.

A file starting `{\\rtf` is markup around its text. These `rewrite` edits keep only what a word
processor would show, each kept character still mapped to the file:

- groups that are not page text go whole: font and colour tables, `{\\info}` (a document title,
  creation date or comment is metadata, not the page), `{\\*\\...}` destinations, pictures,
  headers and footers;
- `\\par` ends a line, `\\tab` is a tab, `\\line` a line break; in a table `\\cell` separates
  cells (the last one before `\\row` is dropped) and `\\row` ends the row, so a table reads as
  tab-separated rows;
- a bullet's `{\\pntext ...}` marker becomes "- ";
- `\\'hh` is the character of byte hh in the file's code page (`\\ansicpg`, else cp1252),
  `\\uN` the Unicode character N (its fallback characters skipped), `\\rquote`, `\\lquote`,
  `\\rdblquote`, `\\ldblquote`, `\\emdash`, `\\endash`, `\\bullet` what they name; `\\{`,
  `\\}` and `\\\\` the brace or backslash; every other control word goes with the space that
  ends it; line breaks in the source are not text.

The LLM path reads the file, and a quote copied from it, the same way (`shown_text`).
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText
from nlq.layout.rewrite import Edit, apply

_WORD = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?")
_SKIP = {
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer", "headerl",
    "headerr", "footerl", "footerr", "listtable", "listoverridetable", "rsidtbl", "themedata",
    "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "object", "filetbl",
    "revtbl", "pn", "pntxtb", "pntxta", "generator", "mmathPr",
}  # fmt: skip
_CHARS = {
    "par": "\n", "line": "\n", "tab": "\t", "row": "\n", "rquote": "\u2019",
    "lquote": "\u2018", "rdblquote": "\u201d", "ldblquote": "\u201c", "emdash": "\u2014",
    "endash": "\u2013", "bullet": "\u2022", "emspace": " ", "enspace": " ", "sect": "\n",
    "page": "\n",
}  # fmt: skip
_SYMBOLS = {"{": "{", "}": "}", "\\": "\\", "~": "\u00a0", "-": "", "_": "\u2011"}
_CODE_PAGE = re.compile(r"\\ansicpg(\d+)")


def is_rtf(text: str) -> bool:
    return text.lstrip()[:5] == "{\\rtf"


def code_page(text: str) -> str:
    """The Python codec of an RTF file's code page (`\\ansicpg` near its start), else cp1252."""
    m = _CODE_PAGE.search(text, 0, 400)
    return f"cp{m.group(1)}" if m else "cp1252"


def rtf_edits(text: str) -> list[Edit]:
    """Edits reading an RTF source as its text (see the module docstring)."""
    if not is_rtf(text):
        return []
    return markup_edits(text, code_page(text))


def shown_text(text: str, codepage: str) -> MappedText:
    """RTF `text`, a whole file or a piece of one (a quote copied from it), as the page shows
    it, each character mapped to the markup it came from. A piece keeps its line breaks: a
    quote may hold the page's own, copied from the text shown."""
    return apply(text, markup_edits(text, codepage, keep_breaks=not is_rtf(text)))


def markup_edits(text: str, codepage: str, *, keep_breaks: bool = False) -> list[Edit]:
    """Edits reading RTF markup `text` in `codepage` as its text; line breaks of the markup
    are deleted unless `keep_breaks`."""
    edits: list[Edit] = []
    uc = 1
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "{":
            stop = _skipped_group_end(text, i)
            if stop is not None:
                edits.append(Edit(i, stop, ""))
                i = stop
                continue
            if text.startswith("{\\pntext", i):
                stop = _group_end(text, i)
                edits.append(Edit(i, stop, "- "))
                i = stop
                continue
            edits.append(Edit(i, i + 1, ""))
            i += 1
        elif c == "}" or (c in "\r\n" and not keep_breaks):
            edits.append(Edit(i, i + 1, ""))
            i += 1
        elif c == "\\":
            i, uc = _control(text, i, codepage, uc, edits)
        else:
            i += 1
    return edits


def _control(text: str, i: int, codepage: str, uc: int, edits: list[Edit]) -> tuple[int, int]:
    """Edits for the control word or symbol at `text[i]`; returns where to go on and the
    current `\\uc` count."""
    nxt = text[i + 1 : i + 2]
    if nxt == "'":
        try:
            ch = bytes([int(text[i + 2 : i + 4], 16)]).decode(codepage, errors="replace")
        except ValueError:
            ch = ""
        edits.append(Edit(i, i + 4, ch))
        return i + 4, uc
    m = _WORD.match(text, i)
    if m is None:
        edits.append(Edit(i, i + 2, _SYMBOLS.get(nxt, "")))
        return i + 2, uc
    word, arg = m.group(1), m.group(2)
    stop = m.end()
    if word == "uc" and arg:
        return _drop(edits, i, stop), int(arg)
    if word == "u" and arg:
        code = int(arg) + (65536 if int(arg) < 0 else 0)
        stop = _skip_fallback(text, stop, uc)
        edits.append(Edit(i, stop, chr(code)))
        return stop, uc
    if word == "cell":
        after = _WORD.match(text, stop)
        last = after is not None and after.group(1) == "row"
        edits.append(Edit(i, stop, "" if last else "\t"))
        return stop, uc
    edits.append(Edit(i, stop, _CHARS.get(word, "")))
    return stop, uc


def _drop(edits: list[Edit], i: int, stop: int) -> int:
    edits.append(Edit(i, stop, ""))
    return stop


def _skip_fallback(text: str, i: int, count: int) -> int:
    """The offset after the `count` fallback characters that follow a `\\uN`."""
    for _ in range(count):
        if text.startswith("\\'", i):
            i += 4
        elif i < len(text) and text[i] not in "\\{}":
            i += 1
    return i


def _skipped_group_end(text: str, i: int) -> int | None:
    """The end of the group opening at `text[i]` when it is not page text, else None."""
    m = _WORD.match(text, i + 1)
    if text.startswith("{\\*", i) or (m is not None and m.group(1) in _SKIP):
        return _group_end(text, i)
    return None


def _group_end(text: str, i: int) -> int:
    """The offset after the group opening at `text[i]` (escaped braces skipped)."""
    depth = 0
    k = i
    n = len(text)
    while k < n:
        c = text[k]
        if c == "\\":
            k += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return n
