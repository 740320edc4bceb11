"""Word documents (`.docx`) -> their text, which then takes the plain-text path.

A profile saved or forwarded as a Word file is a zip of XML; `python-docx` reads its body in
order. Each paragraph becomes a line with a blank line after it, a heading style ("Heading 2",
"Title") a markdown heading, a numbered or bulleted list paragraph ("List Number", "List
Bullet") a "1. " / "- " item as Word prints it, and each table row a line of tab-separated
cells (a cell merged across columns once, the columns it spans empty). Headers, footers,
comments and document properties are not part of the body, so they are not read.

Evidence offsets of a Word file refer to this extracted text (what `nlq review` shows), as for
a PDF: the file has no character stream of its own to point into.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from nlq.errors import ExtractionError

_HEADING = re.compile(r"Heading (\d)")


def docx_text(path: Path) -> str:
    """The body text of the Word document at `path`, paragraphs and table rows in order.

    Raises `ExtractionError` if the file is not a readable `.docx` or holds no text.
    """
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        body = Document(str(path)).iter_inner_content()
        lines: list[str] = []
        numbered = 0
        for block in body:
            if isinstance(block, Table):
                lines += [_row(row) for row in block.rows]
                lines.append("")
                numbered = 0
                continue
            style = _style(block)
            numbered = numbered + 1 if style.startswith("List Number") else 0
            lines += [_paragraph(block.text, style, numbered), ""]
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ExtractionError(
            f"{path}: not a readable Word document ({e}); re-save it as .docx or pass its text"
        ) from e
    text = "\n".join(lines).strip("\n") + "\n"
    if not text.strip():
        raise ExtractionError(f"{path}: the Word document holds no text; nothing to extract")
    return text


def _style(paragraph) -> str:  # noqa: ANN001  (a python-docx Paragraph)
    """The paragraph's style name, "" when the file names none it defines."""
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError, ValueError):
        return ""


def _paragraph(text: str, style: str, numbered: int) -> str:
    m = _HEADING.fullmatch(style)
    if m or style == "Title":
        return f"{'#' * (int(m.group(1)) if m else 1)} {text}" if text.strip() else text
    if numbered:
        return f"{numbered}. {text}"
    if style.startswith("List Bullet"):
        return f"- {text}"
    return text


def _row(row) -> str:  # noqa: ANN001  (a python-docx table row)
    """A table row as tab-separated cells: a merged cell once, then empty cells."""
    cells, seen = [], set()
    for cell in row.cells:
        key = id(cell._tc)
        cells.append("" if key in seen else " ".join(cell.text.split()))
        seen.add(key)
    return "\t".join(cells)
