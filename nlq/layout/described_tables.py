"""A table described in words (an accessible, text-only page) -> the table it describes.

An accessible page may replace each table by prose a screen reader speaks well:

    The table has 3 rows and 4 columns: rank, applicant, patents and share.
    Row 1: rank 1, CENTRAL SOUTH UNIVERSITY, 146 patents, share 12%.
    Row 2: rank 2, CHANGSHA UNIVERSITY OF SCIENCE AND TECH., 74 patents, share 6%.
    ...
    End of table.

Read as it stands, the description's "3 rows and 4 columns" are figures of no list and the
rows are sentences. The description becomes a header row of its column names and each
"Row N:" paragraph a row of the table: its comma-separated cells, a cell that repeats its
column's name around a figure ("rank 1", "146 patents", "share 12%") reduced to the figure.
A name holding a comma ("THALASSA ROBOTICS, A.E.") is rejoined: the extra pieces belong to the
one name column (the only run of pieces that are not figures). The final period of a row goes
unless it ends an abbreviation ("TECH.").

Only a description whose stated counts agree with what follows is read: as many "Row N:"
paragraphs as it says, numbered 1, 2, 3 ..., each with as many cells as it names columns
(after rejoining names). Anything else is left as it is.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block, BlockKind, MappedText

_DESCRIPTION = re.compile(
    r"^(?:the|this)\s+table\s+(?:has|contains|with)\s+(?P<rows>\d+)\s+rows?\s+and\s+"
    r"(?P<cols>\d+)\s+columns?\s*[:,;–—-]\s*(?P<names>.+?)\s*\.?$",
    re.I,
)
_HINT = re.compile(r"\btable\s+(?:has|contains|with)\s+\d+\s+rows?\s+and\s+\d+\s+columns?", re.I)
_ROW = re.compile(r"^row\s+(?P<n>\d+)\s*[:.–—-]\s*(?P<cells>.+?)\s*$", re.I)
_NAME_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_CELL_SEP = re.compile(r"\s*,\s+")
# A cell holding its column's name around a figure: "rank 1", "146 patents", "share 12%".
_FIGURE = re.compile(
    r"^(?:(?P<pre>[^\W\d_][\w .]*?)\s+)?(?P<num>\d[\d,.\u202f\u00a0]*\s?%?)"
    r"(?:\s+(?P<post>[^\W\d_][\w .]*))?$"
)


def has_described_rows(text: str) -> bool:
    """Whether `text` may hold a described table (a cheap test before `described_blocks`)."""
    return "olumn" in text and _HINT.search(text) is not None


def described_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` with each described table replaced by the table block it describes."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        table = _table(blocks, i)
        if table is None:
            out.append(blocks[i])
            i += 1
            continue
        block, used = table
        out.append(block)
        i += used
    return out


def _table(blocks: list[Block], i: int) -> tuple[Block, int] | None:
    """The table described at `blocks[i]` and how many blocks it spans, or None."""
    first = blocks[i]
    if first.kind is not BlockKind.PARAGRAPH:
        return None
    m = _DESCRIPTION.match(first.text.text)
    if not m:
        return None
    n_rows, n_cols = int(m["rows"]), int(m["cols"])
    names = first.text.slice(*m.span("names")).split(_NAME_SEP)
    names = [n.strip() for n in names if n.text.strip()]
    if len(names) != n_cols or n_rows < 1:
        return None
    rows: list[tuple[MappedText, ...]] = [tuple(names)]
    for k in range(1, n_rows + 1):
        j = i + k
        if j >= len(blocks) or blocks[j].kind is not BlockKind.PARAGRAPH:
            return None
        row = _row(blocks[j].text, k, names)
        if row is None:
            return None
        rows.append(row)
    return Block(BlockKind.TABLE, rows=tuple(rows)), n_rows + 1


def _row(text: MappedText, number: int, names: list[MappedText]) -> tuple[MappedText, ...] | None:
    m = _ROW.match(text.text)
    if not m or int(m["n"]) != number:
        return None
    body = text.slice(*m.span("cells"))
    t = body.text
    if t.endswith(".") and len(t) > 1 and (t[-2].isdigit() or t[-2] in "%)" or t[-2].islower()):
        body = body.slice(0, len(t) - 1)
    pieces = [p.strip() for p in body.split(_CELL_SEP)]
    extra = len(pieces) - len(names)
    if extra < 0:
        return None
    if extra:
        words = [k for k, p in enumerate(pieces) if not _FIGURE.match(p.text)]
        if len(words) != extra + 1 or words[-1] - words[0] != extra:
            return None  # not one name split by its commas
        at = words[0]
        start = _offset(body, pieces, at)
        end = _offset(body, pieces, at + extra) + len(pieces[at + extra].text)
        pieces[at : at + extra + 1] = [body.slice(start, end)]
    return tuple(_figure(p, n.text) for p, n in zip(pieces, names, strict=True))


def _offset(body: MappedText, pieces: list[MappedText], k: int) -> int:
    """Where `pieces[k]` starts in `body` (the pieces are in order and distinct in place)."""
    pos = 0
    for piece in pieces[: k + 1]:
        pos = body.text.index(piece.text, pos)
        if piece is not pieces[k]:
            pos += len(piece.text)
    return pos


def _figure(cell: MappedText, name: str) -> MappedText:
    """The figure of a cell that only repeats its column's name around it, else the cell."""
    m = _FIGURE.match(cell.text)
    if not m or (m["pre"] and m["post"]):
        return cell
    word = (m["pre"] or m["post"] or "").lower()
    if word and not _same_word(word, name.lower()):
        return cell
    return cell.slice(*m.span("num")).strip()


def _same_word(word: str, name: str) -> bool:
    """'patents' and 'patents', 'patent' and 'patents', 'share' and 'share (%)'."""
    name = name.split("(")[0].strip()
    return word.rstrip("s") == name.rstrip("s")
