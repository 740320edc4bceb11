"""LaTeX source read as the text it typesets: a profile written as a `.tex` file.

Left as it is, LaTeX gives garbage: an edition from a `%` comment, a cluster named
"\\usepackage{booktabs,siunitx", 953 scientific articles out of "14{,}953". These `rewrite`
edits turn the source into markdown-like text, one character decision at a time, so every kept
character still maps to the file:

- the preamble (before `\\begin{document}`) is dropped except `\\title{}`, `\\author{}` and
  `\\date{}`; `%` comments are dropped; so are lines left empty by that;
- `\\title{X}` becomes a title line, `\\section{X}` / `\\subsection{X}` headings, `\\item` a list
  bullet; `\\textbf{X}`, `\\emph{X}` and other braces keep their text;
- inside `tabular`, `&` separates cells and `\\\\` ends a row, so a table reads as a pipe table;
  rules (`\\toprule`, `\\hline`) are dropped;
- `\\%`, `\\&`, `~`, `{,}` and `\\,` (a thin space) are the characters they print, and a macro
  defined with `\\newcommand` is replaced by its text; any other command is dropped with its
  arguments when it takes some (`\\label{x}`, `\\vspace{1em}`);
- a `\\footnote{...}` (or `\\footnotetext{...}`) goes with its text, over as many lines as it
  runs: it is typeset at the foot of the page, not in the sentence it is glued to, and often
  holds an earlier edition's figures ("The 2023 edition reported 37 PCT applications").
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_IS_LATEX = re.compile(r"\\documentclass|\\begin\{document\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)\*?")
_NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\*?\{?\\([A-Za-z]+)\}?(?:\[\d\])?\{([^{}\n]*)\}")
_HEADINGS = {
    "title": "# ",
    "chapter": "# ",
    "section": "## ",
    "subsection": "### ",
    "subsubsection": "#### ",
    "paragraph": "",
}
# Commands whose name goes and whose braced text stays (or that have no text at all).
_DROP_NAME = {
    "textbf", "textit", "emph", "texttt", "textsc", "textrm", "textsf", "underline", "mbox",
    "text", "date", "author", "caption", "footnotesize", "small", "large", "Large", "bf", "it",
    "centering", "noindent", "maketitle", "toprule", "midrule", "bottomrule", "hline", "cline",
    "newline", "par", "item",
}  # fmt: skip
_ESCAPES = {"%": "%", "&": "&", "#": "#", "$": "$", "_": "_", ",": "\u2009", " ": " "}
_PREAMBLE_TEXT = ("\\title", "\\author", "\\date")
_FOOTNOTE = re.compile(r"\\footnote(?:text)?(?![A-Za-z])\s*(?:\[[^\]\n]*\])?(?=\{)")


def is_latex(text: str) -> bool:
    """Whether `text` is a LaTeX document (it has `\\documentclass` or `\\begin{document}`)."""
    return "\\" in text and _IS_LATEX.search(text) is not None


def latex_edits(text: str) -> list[Edit]:
    """Edits reading a LaTeX source as its text (see the module docstring)."""
    if not is_latex(text):
        return []
    macros = {m.group(1): m.group(2) for m in _NEWCOMMAND.finditer(text)}
    body = "\\begin{document}" not in text
    tabular = False
    edits: list[Edit] = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        stripped = line.strip()
        after = end + 1 if nl >= 0 else end
        if not body:
            body = stripped.startswith("\\begin{document}")
            if not stripped.startswith(_PREAMBLE_TEXT):
                if stripped:
                    edits.append(Edit(pos, after, ""))
                pos = after
                if nl < 0:
                    break
                continue
        line_edits, tabular = _line(text, pos, end, macros, tabular)
        if stripped and _empties(text, pos, end, line_edits):
            edits.append(Edit(pos, after, ""))  # a line of markup only: gone, break and all
        else:
            edits += line_edits
        pos = after
        if nl < 0:
            break
    return _without_footnotes(text, edits) if "\\footnote" in text else edits


def _without_footnotes(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits` with each footnote (command, marker and braced text, over lines) deleted."""
    spans = []
    for m in _FOOTNOTE.finditer(text):
        stop = _argument_end(text, m.end(), len(text))
        if stop > m.end():
            spans.append((m.start(), stop))
    if not spans:
        return edits
    kept = [e for e in edits if not any(a <= e.start < b or a < e.end <= b for a, b in spans)]
    return kept + [Edit(a, b, "") for a, b in spans]


def _empties(text: str, start: int, end: int, edits: list[Edit]) -> bool:
    """Whether `edits` leave nothing but white space of `text[start:end]`."""
    kept = []
    pos = start
    for a, b, t in edits:
        kept.append(text[pos:a])
        kept.append(t)
        pos = b
    kept.append(text[pos:end])
    return not "".join(kept).strip()


def _line(
    text: str, start: int, end: int, macros: dict[str, str], tabular: bool
) -> tuple[list[Edit], bool]:
    """Edits for one line of the document body, and whether a tabular is still open after it."""
    edits: list[Edit] = []
    i = start
    while i < end:
        c = text[i]
        if c == "%":
            edits.append(Edit(i, end, ""))
            break
        if c == "\\":
            i, tabular = _command(text, i, end, macros, tabular, edits)
            continue
        if c == "{" and text.startswith("{,}", i):
            edits.append(Edit(i, i + 3, ","))
            i += 3
            continue
        if c in "{}$":
            edits.append(Edit(i, i + 1, ""))
        elif c == "~":
            edits.append(Edit(i, i + 1, " "))
        elif c == "&" and tabular:
            edits.append(Edit(i, i + 1, "|"))
        i += 1
    return edits, tabular


def _command(
    text: str, i: int, end: int, macros: dict[str, str], tabular: bool, edits: list[Edit]
) -> tuple[int, bool]:
    """Edits for the command at `text[i]` (a backslash); returns where to go on."""
    if text.startswith("\\\\", i):  # a line break; in a table, the end of a row
        edits.append(Edit(i, i + 2, ""))
        return i + 2, tabular
    m = _COMMAND.match(text, i, end)
    if m is None:
        ch = text[i + 1 : i + 2]
        edits.append(Edit(i, i + 2, _ESCAPES.get(ch, ch)))
        return i + 2, tabular
    name = m.group(1)
    if name in ("begin", "end"):
        arg_end = _argument_end(text, m.end(), end)
        if "tabular" in text[m.end() : arg_end] or "longtable" in text[m.end() : arg_end]:
            tabular = name == "begin"
        stop = _arguments_end(text, arg_end, end) if name == "begin" else arg_end
        edits.append(Edit(i, stop, ""))
        return stop, tabular
    if name in _HEADINGS:
        edits.append(Edit(i, m.end(), _HEADINGS[name]))
        return m.end(), tabular
    if name == "item":
        edits.append(Edit(i, m.end(), "-"))
        return m.end(), tabular
    if name in macros:
        stop = m.end() + 2 if text.startswith("{}", m.end()) else m.end()
        edits.append(Edit(i, stop, macros[name]))
        return stop, tabular
    if name in _DROP_NAME:
        edits.append(Edit(i, m.end(), ""))
        return m.end(), tabular
    stop = _arguments_end(text, m.end(), end)  # \label{x}, \vspace{1em}: gone, arguments too
    edits.append(Edit(i, stop, ""))
    return stop, tabular


def _argument_end(text: str, i: int, end: int) -> int:
    """The offset after one `{...}` or `[...]` argument at `text[i]` (nested braces allowed);
    `i` itself when there is none."""
    if i >= end or text[i] not in "{[":
        return i
    close = "}" if text[i] == "{" else "]"
    depth = 0
    for k in range(i, end):
        if text[k] == text[i]:
            depth += 1
        elif text[k] == close:
            depth -= 1
            if depth == 0:
                return k + 1
    return i


def _arguments_end(text: str, i: int, end: int) -> int:
    while (j := _argument_end(text, i, end)) > i:
        i = j
    return i
