"""PDF files -> their text layer, which then takes the plain-text path.

Evidence offsets of a PDF refer to this extracted text (what `nlq review` shows), since a PDF
has no character stream of its own to point into.
"""

from __future__ import annotations

import logging
from pathlib import Path

from nlq.errors import ExtractionError


def pdf_text(path: Path) -> str:
    """The text of every page, in layout mode (columns kept by spaces), each page ending in a
    form feed as `pdftotext` ends them (so a page's running header and footer are known for what
    they are, `furniture`).

    Raises `ExtractionError` if the file is not a readable PDF or has no text layer.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise ExtractionError(
            f"{path}: not a readable PDF ({e}); re-export it or pass its text"
        ) from e
    text = "".join(p.rstrip() + "\n\f" for p in pages)
    if not text.strip():
        raise ExtractionError(
            f"{path}: the PDF has no text layer (a scan?); run OCR first or pass the text"
        )
    return text
