"""Aligning quoted text to the source: a normalized view that maps back to exact raw spans.

`SourceView` holds the decoded source read by `source_scan` into text for matching (`fold`)
and clean text (`clean`), with the raw span of every character, so a quote or name found in
`fold` becomes an exact slice of the raw source; what a reader does not see (an HTML page's
head, script, nav and footer; an RTF file's header, footer and font table) is not in the view,
so a quote from a decoy there is not found. A page set in two columns is read column by column,
a bilingual page in its kept column. `tokens()` lists the numbers written in the text: plain
("2,069", "2 069"), percentages ("54%"), ordinals ("twelfth", "36th", German "zwölft-") and
cardinal words ("twenty-six").
"""

from __future__ import annotations

import bisect
import re

from nlq.extractors.edition_columns import other_edition_spans
from nlq.extractors.number_tokens import Token, find_tokens
from nlq.extractors.source_scan import (
    BREAKS,
    HARD,
    HYPHEN_BREAK,
    PARA,
    dialect_of,
    holds_html,
    normalize,
    scan,
    scan_in_order,
)
from nlq.layout.document import Document
from nlq.layout.fraction_shares import fraction_percents
from nlq.layout.page_columns import reading_order
from nlq.layout.parallel import kept_spans

# What follows a field's last piece in its cell: its share ("energy (14%)", "energy 14%").
_SHARE_AFTER = re.compile(r" \(?\d")


class SourceView:
    """The decoded source, normalized for matching, with a raw span for every character."""

    def __init__(
        self,
        raw: str,
        *,
        is_html: bool = False,
        dialect: str = "",
        order: list[tuple[int, int]] | None = None,
    ) -> None:
        b = scan(raw, is_html, dialect) if order is None else scan_in_order(raw, order)
        self.raw = raw
        self.is_html = is_html
        self.dialect = dialect
        self.format = ""
        """The document's format when known (`of`): which layouts its text may hold."""
        # A name is a value, not a piece of a row: a comma in it is no CSV cell border, and
        # an "&" in it is the character LaTeX prints for "\\&" ("ÓPTICA & FOTÓNICA"), no cell
        # border of a tabular.
        self._name_dialect = (
            "" if dialect.startswith("csv:") else "latex:name" if dialect == "latex" else dialect
        )
        self.fold = "".join(b.fold)
        self.clean = "".join(b.clean)
        self.starts = b.starts
        self.ends = b.ends
        self._tokens: list[Token] | None = None
        self._line_starts: list[int] | None = None
        self._token_starts: list[int] = []
        self.aside: list[tuple[int, int]] = []
        """Raw spans whose numbers are no figures of the profile (another edition's column)."""
        self.fractions: dict[int, float] = {}
        """Percents of the fractions ("0.15") on a page whose note says its shares are fractions,
        by raw start (`layout/fraction_shares.py`)."""

    @classmethod
    def of(cls, doc: Document) -> SourceView:
        """The view of `doc` as its reader reads it: a page set in two columns column by
        column (`page_columns`), so a sentence of the left column is one quote; a bilingual page
        in its kept column only (`parallel`)."""
        is_html = doc.format == "html" or (doc.format == "markdown" and holds_html(doc.raw))
        dialect = dialect_of(doc)
        plain = not is_html and not dialect and doc.format in ("text", "markdown", "pdf")
        order = (kept_spans(doc.raw) or reading_order(doc.raw)) if plain else None
        view = cls(doc.raw, is_html=is_html, dialect=dialect, order=order)
        view.format = doc.format
        view.aside = other_edition_spans(doc.blocks)
        view.fractions = fraction_percents(doc.raw) if "0." in doc.raw else {}
        return view

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        """Raw offsets of the normalized characters `[i, j)`."""
        return self.starts[i], self.ends[j - 1]

    def text(self, i: int, j: int) -> str:
        """The clean text `[i, j)` with line breaks as single spaces (how names are kept), and
        none after a word broken at a hyphen ("Shenzhen-Hong Kong-" / "Guangzhou")."""
        t = self.clean[i:j]
        if "-" + HARD in t:
            t = HYPHEN_BREAK.sub("-", t)
        return t.replace(HARD, " ").replace(PARA, " ")

    def words(self, i: int, j: int) -> str:
        """The folded text `[i, j)` with words broken at a hyphen and a line break joined
        ("col-" / "laboration" is "collaboration"), for looking up what a quote speaks of."""
        t = self.fold[i:j]
        if "- " not in t:
            return t
        return "".join(
            c
            for k, c in enumerate(t, i)
            if not (
                (c == "-" and self.clean[k + 1 : k + 2] == HARD)
                or (c == " " and self.fold[k - 1] == "-" and self.clean[k] == HARD)
            )
        )

    def find_quote(self, quote: str, used: set[int], after: int = 0) -> tuple[int, int] | None:
        """The normalized span of `quote`: an occurrence not in `used`, preferring one at or
        after `after`, then one that is an exact raw match. None when it is not there."""
        q = normalize(quote, is_html=self.is_html, dialect=self.dialect).strip()
        if not q:
            return None
        hits = self._hits(q, used)
        if not hits and self.dialect.startswith("csv:") and "," in quote:
            # A quote of one quoted cell ('Materials, metallurgy (13%)'): its comma is text.
            q = normalize(quote, is_html=self.is_html, dialect=self._name_dialect).strip()
            hits = self._hits(q, used)
        if not hits and self.dialect.startswith("csv:") and quote.count('"') % 2:
            # A quote that opens inside a quoted cell ('NAME, S.A.",,8%'): its cell's quote
            # mark is before it.
            return self.find_quote('"' + quote.lstrip(), used, after)
        if not hits:
            return self._find_hyphen_joined(q, used) if "-" in q else None
        exact = {m.start() for m in re.finditer(re.escape(quote.strip()), self.raw)}
        hits.sort(key=lambda p: (p < after, self.starts[p] not in exact, p))
        return hits[0], hits[0] + len(q)

    def _hits(self, q: str, used: set[int]) -> list[int]:
        hits = []
        pos = self.fold.find(q)
        while pos >= 0:
            if pos not in used:
                hits.append(pos)
            pos = self.fold.find(q, pos + 1)
        return hits

    def _find_hyphen_joined(self, q: str, used: set[int]) -> tuple[int, int] | None:
        """The span of folded quote `q` whose words broken at a hyphen and a line break are
        quoted as `text` gives them, joined ("col-" / "laboration" quoted "col-laboration")."""
        pattern = re.compile("-(?: )?".join(re.escape(part) for part in q.split("-")))
        for m in pattern.finditer(self.fold):
            if m.start() in used:
                continue
            i, j = m.start(), 0
            while i < m.end() and j < len(q):
                if self.fold[i] == q[j]:
                    i, j = i + 1, j + 1
                elif self.fold[i - 1] == "-" and self.clean[i] in BREAKS:
                    i += 1  # the line break after the hyphen, not in the quote
                else:
                    break
            if i == m.end() and j == len(q):
                return m.span()
        return None

    def find_name(self, name: str, lo: int, hi: int) -> tuple[int, int] | None:
        """The span of `name` inside `[lo, hi)`, on word boundaries; one written in the same
        case first ("[[University of X|UNIVERSITY OF X]]" gives the name as displayed)."""
        q = normalize(name, is_html=self.is_html, dialect=self._name_dialect).strip()
        if not q:
            return None
        first = None
        pos = self.fold.find(q, lo, hi)
        while pos >= 0:
            if self._bounded(pos, pos + len(q)):
                if self.text(pos, pos + len(q)) == name.strip():
                    return pos, pos + len(q)
                first = first or (pos, pos + len(q))
            pos = self.fold.find(q, pos + 1, hi)
        if first is None and "-" in q:
            return self._find_hyphen_broken(q, lo, hi)
        return first

    def _find_hyphen_broken(self, q: str, lo: int, hi: int) -> tuple[int, int] | None:
        """The span of folded name `q` written with a line break after one of its hyphens
        ("shenzhen-hong kong-" / "guangzhou"), or None."""
        pattern = re.compile("-(?: )?".join(re.escape(part) for part in q.split("-")))
        for m in pattern.finditer(self.fold, lo, hi):
            breaks = [k for k in range(m.start(), m.end()) if self.clean[k] in BREAKS]
            if all(self.fold[k - 1] == "-" for k in breaks) and self._bounded(*m.span()):
                return m.span()
        return None

    def find_split_name(self, name: str, lo: int, hi: int) -> tuple[int, int, int, int] | None:
        """A name wrapped onto a later line of a column layout: its first words, then the rest
        at the start of a later line, both inside `[lo, hi)`.

        Returns `(start, head_end, tail_start, end)`, or None."""
        words = name.split()
        for k in range(len(words) - 1, 0, -1):
            head = self.find_name(" ".join(words[:k]), lo, hi)
            if head is None:
                continue
            tail = " ".join(words[k:])
            tail = normalize(tail, is_html=self.is_html, dialect=self._name_dialect).strip()
            pos = self.fold.find(tail, head[1], hi)
            while pos >= 0:
                if self.clean[pos - 1] in BREAKS and self._bounded(pos, pos + len(tail)):
                    return head[0], head[1], pos, pos + len(tail)
                pos = self.fold.find(tail, pos + 1, hi)
        return None

    def find_three_piece_name(self, name: str, lo: int, hi: int) -> list[tuple[int, int]] | None:
        """A name wrapped over three lines of a column layout, the other list's rows between
        its pieces ("UNIVERSITY OF" / "SCIENCE AND TECH." / "OF CHINA"): the spans of its
        pieces, each later one at the start of a line or cell, in order inside `[lo, hi)`; or
        None."""
        words = name.split()
        for k in range(len(words) - 2, 0, -1):
            head = self.find_name(" ".join(words[:k]), lo, hi)
            if head is None:
                continue
            rest = self.find_split_name(" ".join(words[k:]), head[1], hi)
            if rest is not None and self.clean[rest[0] - 1] in BREAKS:
                return [head, (rest[0], rest[1]), (rest[2], rest[3])]
        return None

    def find_cell_pieces_name(
        self, name: str, lo: int, hi: int
    ) -> list[tuple[int, int, str]] | None:
        """A name set over several lines of a column layout, each piece a whole line or cell of
        `[lo, hi)`, in order, with only figures between them (a rank beside its middle line, the
        row's count and share): "CONSEJO" / "NACIONAL DE IN" / "VESTIGACIONES" / "CIENTÍFICAS Y"
        / "TÉCNICAS" / "(CONICET)". Pieces join with a space, or with none where a word in
        capitals is split between them. Returns each piece's span and the joint before it ("",
        " ") or None."""
        q = normalize(name, is_html=self.is_html, dialect=self._name_dialect).strip()
        cells = self._cells(lo, hi)
        seen: set[tuple[int, int]] = set()

        def match(at: int, k: int) -> list[tuple[int, int, str]] | None:
            if (at, k) in seen:
                return None
            seen.add((at, k))
            for n in range(k, len(cells)):
                a, b = cells[n]
                piece = self.fold[a:b]
                if not q.startswith(piece, at):
                    if any(c.isalpha() for c in piece):
                        return None  # only figures and ranks may stand between the pieces
                    continue
                end = at + len(piece)
                if end == len(q):
                    return [(a, b, "")]
                joint = " " if q[end] == " " else ""
                if not joint and not (self.clean[b - 1].isupper() and q[end].isalpha()):
                    continue  # pieces join without a space only inside a word in capitals
                rest = match(end + len(joint), n + 1)
                if rest is not None:
                    return [(a, b, ""), (rest[0][0], rest[0][1], joint), *rest[1:]]
            return None

        for n, (a, b) in enumerate(cells):
            if q.startswith(self.fold[a:b]) and b - a < len(q):
                found = match(0, n)
                if found is not None and len(found) > 1:
                    return found
        return None

    def find_column_pieces_name(self, name: str, lo: int, hi: int) -> list[tuple[int, int]] | None:
        """A name wrapped word by word down its own column of a grid of several columns, the
        other columns' cells beside each piece: "Electrical" / "machinery," / "apparatus," /
        "energy (14%)", each piece on the next line at the same column. The spans of its pieces
        in `[lo, hi)` (the last one without the share after it), or None."""
        q = normalize(name, is_html=self.is_html, dialect=self._name_dialect).strip()
        cells = self._cells(lo, hi)
        places = [self._place(a) for a, _ in cells]
        for n, (a, b) in enumerate(cells):
            if not (b - a < len(q) and q.startswith(self.fold[a:b]) and q[b - a] == " "):
                continue
            pieces, at, (line, col) = [(a, b)], b - a + 1, places[n]
            for (c, d), (line2, col2) in zip(cells[n + 1 :], places[n + 1 :], strict=True):
                if line2 > line + 1:
                    break
                if line2 == line or col2 != col:
                    continue
                piece, rest = self.fold[c:d], q[at:]
                ends = len(piece) == len(rest) or _SHARE_AFTER.match(piece, len(rest))
                if piece.startswith(rest) and ends:
                    return [*pieces, (c, c + len(rest))]
                if not (rest.startswith(piece) and rest[len(piece) : len(piece) + 1] == " "):
                    break
                pieces.append((c, d))
                at, line = at + len(piece) + 1, line2
        return None

    def _place(self, i: int) -> tuple[int, int]:
        """(line, column) in the raw text of view character `i`."""
        r = self.starts[i]
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.raw))]
        line = bisect.bisect_right(self._line_starts, r) - 1
        return line, r - self._line_starts[line]

    def _cells(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans of the lines and cells inside `[lo, hi)`, between breaks, without spaces
        at their ends."""
        out: list[tuple[int, int]] = []
        start = lo
        for i in range(lo, hi + 1):
            if i == hi or self.clean[i] in BREAKS:
                a, b = start, i
                while a < b and self.fold[a] == " ":
                    a += 1
                while b > a and self.fold[b - 1] == " ":
                    b -= 1
                if b > a:
                    out.append((a, b))
                start = i + 1
        return out

    def find_broken_word_name(
        self, name: str, lo: int, hi: int
    ) -> tuple[int, int, int, int] | None:
        """A name in capitals whose word is broken at a hyphen and a line end, its row's figures
        between the pieces ("... OF SCI-  74  6%" / "ENCE AND TECH."): the head's span up to its
        hyphen and the tail's, at a line's start, as `find_split_name` gives them; or None."""
        words = name.split()
        for k, word in enumerate(words):
            for cut in range(2, len(word) - 1) if word.isupper() else ():
                head = self.find_name(" ".join([*words[:k], word[:cut] + "-"]), lo, hi)
                if head is None:
                    continue
                tail = " ".join([word[cut:], *words[k + 1 :]])
                tail = normalize(tail, is_html=self.is_html, dialect=self._name_dialect).strip()
                pos = self.fold.find(tail, head[1], hi)
                if (
                    pos > 0
                    and self.clean[pos - 1] in BREAKS
                    and self._bounded(pos, pos + len(tail))
                ):
                    return head[0], head[1] - 1, pos, pos + len(tail)
        return None

    def _bounded(self, i: int, j: int) -> bool:
        return not self._joins(i - 1, -1) and not (self._joins(j, 1) and not self._figure_at(j))

    def _figure_at(self, j: int) -> bool:
        """Whether a figure starts right after a name ending in a letter at `j`: a text layer
        that lets a long name run into the next column glues the two ("ENGINEERING61   7%"); a
        digit run followed by a letter ("B2B") is a word, not a figure."""
        f = self.fold
        if not (0 < j < len(f) and f[j].isdigit() and f[j - 1].isalpha()):
            return False
        k = j
        while k < len(f) and (
            f[k].isdigit() or (f[k] in ",." and k + 1 < len(f) and f[k + 1].isdigit())
        ):
            k += 1
        return k == len(f) or not f[k].isalpha()

    def _joins(self, k: int, step: int) -> bool:
        """Whether the character at `k` would join a name to the word beside it: a letter, a
        digit, a hyphen or one apostrophe ("O'Neill"); a run of quotes is wiki emphasis
        ("'''Seoul'''"), not part of the name."""
        if not 0 <= k < len(self.fold):
            return False
        c = self.fold[k]
        if c == "'":
            return not 0 <= k + step < len(self.fold) or self.fold[k + step] != "'"
        return c.isalnum() or c == "-"

    def tokens(self, lo: int, hi: int) -> list[Token]:
        """Numbers written entirely inside `[lo, hi)`, in order."""
        if self._tokens is None:
            self._tokens = find_tokens(self.clean)
            if self.aside:  # a figure of another edition is neither a value nor a rival
                self._tokens = [t for t in self._tokens if not self._in_aside(t)]
            if self.fractions:  # "0.15" where the page says 0.15 = 15%: the share 15
                self._tokens = [self._as_percent(t) for t in self._tokens]
            self._token_starts = [t.start for t in self._tokens]
        k = bisect.bisect_left(self._token_starts, lo)
        out = []
        while k < len(self._tokens) and self._tokens[k].start < hi:
            if self._tokens[k].end <= hi:
                out.append(self._tokens[k])
            k += 1
        return out

    def _as_percent(self, t: Token) -> Token:
        percent = self.fractions.get(self.raw_span(t.start, t.end)[0])
        return t if percent is None else Token(percent, t.start, t.end, "percent")

    def _in_aside(self, t: Token) -> bool:
        a, b = self.raw_span(t.start, t.end)
        return any(lo <= a and b <= hi for lo, hi in self.aside)

    def sentence(self, i: int, j: int) -> str:
        """The folded text of the sentence(s) around `[i, j)`: from the last sentence end or
        paragraph break before it to the next after it, at most 240 characters each way."""
        lo, hi = max(0, i - 240), min(len(self.fold), j + 240)
        cuts = [self.fold.rfind(p, lo, i) + 2 for p in (". ", "! ", "? ")]
        start = max([lo, self.clean.rfind(PARA, lo, i) + 1, *cuts])
        ends = [self.fold.find(p, j, hi) for p in (". ", "! ", "? ")]
        ends.append(self.clean.find(PARA, j, hi))
        return self.fold[start : min([hi] + [e for e in ends if e >= 0])]
