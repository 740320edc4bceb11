"""The normalized text a quote is matched against, each character mapped to its raw span.

`scan` reads the decoded source once into two texts of equal length: `fold` for matching
(markup dropped, white space and table borders collapsed to one space, lower case, dashes and
quotes folded) and `clean` (the same characters as written, line and cell breaks marked `HARD`,
blank lines and HTML blocks `PARA`), with the raw span of every character. HTML tags are
dropped and entities decoded (so are a data export's `\\u00f3` escapes), what a reader does
not see (head, script, style, nav, footer, comments) is left out; a LaTeX, CSV or RTF source
(its `dialect_of`) is read the way its reader shows it. `normalize` reads a quote or a name
the same way, so it can be found in `fold`.
"""

from __future__ import annotations

import html
import re

from nlq.layout.delimited import sniff_delimiter
from nlq.layout.document import Document
from nlq.layout.latex import is_latex
from nlq.layout.line_units import justified
from nlq.layout.rtf import code_page, is_rtf, shown_text

HARD = "\x1f"  # a line break or a table cell border, in the clean text
PARA = "\x1e"  # a blank line or an HTML block boundary: sentences do not run across it
BREAKS = HARD + PARA
HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-" + HARD)
_FOLD = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_FOLD.update({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"})
_FOLD.update({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"})
_DROP = frozenset("*\u200b\u200c\u200d\u2060\ufeff\u00ad")
_ESCAPED = frozenset("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~")  # what a markdown backslash escapes
_HARD_SPACE = frozenset("\n\r\t\f\v|\x1c\x1d\x1e\x1f\u2028\u2029")
_HTML_SKIP = re.compile(
    r"<!--.*?-->|<(head|script|style|nav|footer|noscript|template)\b[^>]*>.*?</\1\s*>"
    r"|<![^>]*>|<\?[^>]*>",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A JSON or YAML string's escape of a character ("Concepci\\u00f3n"), or a surrogate pair.
_UNICODE_ESCAPE = re.compile(
    r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})", re.I
)
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
    "time u var wbr".split()
)


_ROW_TAGS = frozenset("td th tr thead tbody tfoot br dt dd".split())
_MARKDOWN_HTML = re.compile(
    r"</?(?:b|br|em|i|strong|sub|sup|span|font|div|p|table|tr|td|ul|ol|li|details|summary"
    r"|blockquote)\b[^<>]*>",
    re.I,
)


def holds_html(raw: str) -> bool:
    """Whether a markdown source holds HTML tags (read as HTML: `<br>` is a space there)."""
    return "<" in raw and _MARKDOWN_HTML.search(raw) is not None


class _Builder:
    """Accumulates the normalized text; a run of white space, table borders or tags becomes
    one character: " " (a single space: it may sit inside a number, "12 345"), `HARD` (a line
    break, cell border or several spaces) or `PARA` (a blank line or a block boundary)."""

    def __init__(self) -> None:
        self.fold: list[str] = []
        self.clean: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.gap: tuple[int, int] | None = None
        self.gap_level = 0
        self.gap_len = 0
        self.gap_newlines = 0

    def space(
        self, start: int, end: int, level: int, newline: bool = False, soft: bool = False
    ) -> None:
        """A white-space character; `soft`: one of a justified line's widened word gaps, which
        counts as one space however wide it is."""
        self.gap = (start, end) if self.gap is None else (self.gap[0], end)
        self.gap_level = max(self.gap_level, level)
        self.gap_len += 0 if soft and self.gap_len else 1
        self.gap_newlines += newline

    def char(self, c: str, start: int, end: int) -> None:
        if self.gap is not None:
            if self.fold:
                level = self.gap_level
                if self.gap_newlines >= 2:
                    level = 2
                elif self.gap_len > 1:
                    level = max(level, 1)
                self._put(" ", (" ", HARD, PARA)[level], *self.gap)
            self.gap, self.gap_level, self.gap_len, self.gap_newlines = None, 0, 0, 0
        f = _FOLD.get(c)
        if f is None:
            low = c.lower()
            f = low if len(low) == 1 else c
        self._put(f, c, start, end)

    def _put(self, f: str, c: str, start: int, end: int) -> None:
        self.fold.append(f)
        self.clean.append(c)
        self.starts.append(start)
        self.ends.append(end)


def scan_in_order(raw: str, order: list[tuple[int, int]]) -> _Builder:
    """`scan` of the lines `order` lists, joined by line breaks, each character's span mapped
    back onto `raw` (a line break between two pieces maps to the end of the first)."""
    text = "\n".join(raw[a:b] for a, b in order)
    to_raw: list[int] = []
    for a, b in order:
        to_raw.extend(range(a, b))
        to_raw.append(b)
    to_raw.append(len(raw))
    b = scan(text, False)
    b.starts = [to_raw[i] for i in b.starts]
    b.ends = [to_raw[j - 1] + 1 if j else 0 for j in b.ends]
    return b


_CUT_GROUP = re.compile(r"\d[,.\u00a0\u202f]\d{0,2}$")  # "7,9" or "7,": a group unfinished
_TAGS_THEN_DIGIT = re.compile(r"(?:<[^<>]*>)*\d")


def _number_continues(clean: list[str], text: str, j: int) -> bool:
    """Whether the clean text so far ends inside a thousands group ("7,9") and the next
    visible character, past any tags from `text[j]`, is a digit: one number split over two
    inline boxes, never two cells."""
    return bool(_CUT_GROUP.search("".join(clean[-4:]))) and bool(_TAGS_THEN_DIGIT.match(text, j))


def _scan_rtf(text: str, codepage: str) -> _Builder:
    """`scan` of RTF markup as the page shows it (`layout/rtf.py`: the groups that are not
    page text left out, `\\par` a line break, `\\tab` and `\\cell` cell borders, escapes
    decoded), each character's span mapped back onto the markup."""
    shown = shown_text(text, codepage)
    b = scan(shown.text, False)
    spans = [shown.raw_span(k, k + 1) for k in range(len(shown.text))]
    b.starts = [spans[i][0] for i in b.starts]
    b.ends = [spans[j - 1][1] if j else 0 for j in b.ends]
    return b


def scan(text: str, is_html: bool, dialect: str = "") -> _Builder:
    if dialect.startswith("rtf:"):
        return _scan_rtf(text, dialect[4:])
    b = _Builder()
    i, n = 0, len(text)
    closed_at = -1
    # A justified line's word gaps (`line_units.justified`) are single spaces, as its reader
    # reads them: "published  10  744  scientific" holds 10,744.
    soft = _justified_gaps(text) if not (is_html or dialect) else set()
    latex = dialect.startswith("latex")
    cells = dialect == "latex"  # "latex:name": a name as printed, its "&" a character
    delimiter = dialect[4:] if dialect.startswith("csv:") else ""
    quoted = False
    while i < n:
        c = text[i]
        if latex:
            i = _latex_char(text, i, b) if cells or c != "&" else -i - 1
            if i >= 0:
                continue
            i = -i - 1
        elif delimiter:
            if c == "\n":
                quoted = False
            elif c == '"':
                quoted = not quoted  # a quote of a CSV cell is not text
                i += 1
                continue
            elif c == delimiter and not quoted:
                b.space(i, i + 1, 1)  # a cell border
                i += 1
                continue
        if is_html and c == "<":
            m = _HTML_SKIP.match(text, i)
            if m:
                b.space(i, m.end(), 2)
                i = m.end()
                continue
            m = _HTML_TAG.match(text, i)
            if m:
                tag = m.group(1).lower()
                if tag not in _INLINE_TAGS:
                    b.space(i, m.end(), 1 if tag in _ROW_TAGS else 2)
                elif text[i + 1] == "/":
                    closed_at = m.end()
                elif i == closed_at and not _number_continues(b.clean, text, m.end()):
                    # "</span><span>": two inline boxes side by side are two cells (a card
                    # row, as the HTML reader reads it), not one word; but a number cut in
                    # a thousands group ("7,9</span><span>21", as Word splits runs) goes on.
                    b.space(i, m.end(), 1)
                i = m.end()
                continue
        if c == "&" and (is_html or ";" in text[i : i + 34]):
            # Entities are decoded in every format: markdown and text readers decode them too.
            m = _ENTITY.match(text, i)
            if m:
                decoded = html.unescape(m.group())
                if decoded != m.group():
                    _put_decoded(b, decoded, i, m.end())
                    i = m.end()
                    continue
        if c == "\\" and text.startswith("u", i + 1) and not latex:
            # "\\u00f3": a data export's escape is the character it stands for, as the YAML and
            # JSON reader decodes it (`layout/yaml_tree.py`), mapped to the whole escape.
            m = _UNICODE_ESCAPE.match(text, i)
            d = _unescaped(m) if m else ""
            if m and d:
                _put_decoded(b, d, i, m.end())
                i = m.end()
                continue
        if c in _DROP or (c == "_" and text.startswith("__", i)):
            i += 2 if c == "_" else 1
            continue
        if c == "\\" and not is_html and text[i + 1 : i + 2] in _ESCAPED:
            i += 1  # a markdown escape ("TECH\.", "tenth\-ranked", as Google Docs exports)
            continue
        if c == "_" and not is_html and 0 < i < n - 1 and text[i - 1].isalnum():
            b.space(i, i + 1, 0)  # "pct_per_million_5y": an identifier's words
            i += 1
            continue
        box = "\u2500" <= c <= "\u257f"  # box-drawing table borders: cell borders too
        if c.isspace() or c == "|" or box:
            b.space(i, i + 1, int(box or c in _HARD_SPACE), c == "\n", c == " " and i in soft)
        else:
            b.char(c, i, i + 1)
        i += 1
    return b


def _justified_gaps(text: str) -> set[int]:
    """The offsets of the spaces in the word gaps of `text`'s justified lines."""
    if "  " not in text:
        return set()
    out: set[int] = set()
    pos = 0
    for line in text.split("\n"):
        if "  " in line and justified(line):
            out.update(pos + k for k, ch in enumerate(line) if ch == " ")
        pos += len(line) + 1
    return out


def _put_decoded(b: _Builder, decoded: str, start: int, end: int) -> None:
    """The characters an entity or an escape at `[start, end)` stands for, each mapped to it."""
    for d in decoded:
        if d.isspace():
            b.space(start, end, int(d in _HARD_SPACE), d == "\n")
        elif d not in _DROP:
            b.char(d, start, end)


def _unescaped(m: re.Match[str]) -> str:
    """The character a `_UNICODE_ESCAPE` match stands for; "" for half a surrogate pair."""
    if m.group(3):
        code = int(m.group(3), 16)
        return "" if 0xD800 <= code <= 0xDFFF else chr(code)
    hi, lo = int(m.group(1), 16), int(m.group(2), 16)
    return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))


_LATEX_ESCAPES = {"%": "%", "&": "&", "#": "#", "_": "_", "$": "$", ",": " ", " ": " "}


def _latex_char(text: str, i: int, b: _Builder) -> int:
    """LaTeX markup at `text[i]`: what it prints goes to `b` and the offset after it is
    returned; for a plain character, `-i - 1` (the caller reads it as usual). `\\%` is "%",
    `{,}` a comma, `~` a space, `&` and `\\\\` cell and row borders, a `%` comment and a
    command's name (`\\textbf`) nothing, braces nothing."""
    c = text[i]
    if c == "\\":
        nxt = text[i + 1 : i + 2]
        if nxt == "\\":
            b.space(i, i + 2, 1, True)
            return i + 2
        if nxt in _LATEX_ESCAPES:
            ch = _LATEX_ESCAPES[nxt]
            if ch == " ":
                b.space(i, i + 2, 0)
            else:
                b.char(ch, i, i + 2)
            return i + 2
        k = i + 1
        while k < len(text) and text[k].isalpha():
            k += 1
        return max(k, i + 1) + (1 if text[k : k + 1] == "*" else 0)
    if c == "{" and text.startswith("{,}", i):
        b.char(",", i, i + 3)
        return i + 3
    if c in "{}":
        return i + 1
    if c == "~":
        b.space(i, i + 1, 0)
        return i + 1
    if c == "&":
        b.space(i, i + 1, 1)
        return i + 1
    if c == "%":
        nl = text.find("\n", i)
        return len(text) if nl < 0 else nl
    return -i - 1


def normalize(text: str, *, is_html: bool = False, dialect: str = "") -> str:
    """`text` as the grounding matcher compares it: markup dropped, white space collapsed,
    lower case, dashes and quotes folded."""
    return "".join(scan(text, is_html, dialect).fold)


def dialect_of(doc: Document) -> str:
    """The markup a document's text is written in, beyond HTML: "latex", "csv:," (a
    delimiter-separated export and its delimiter), "rtf:cp1252" (RTF and its code page) or
    ""."""
    if doc.format != "html" and is_rtf(doc.raw):
        return f"rtf:{code_page(doc.raw)}"
    if doc.format == "csv":
        delimiter = sniff_delimiter(doc.raw.splitlines())
        return f"csv:{delimiter}" if delimiter else ""
    if doc.format != "html" and is_latex(doc.raw):
        return "latex"
    return ""
