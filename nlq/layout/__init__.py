"""Layout normalization: any supported input becomes a `Document` of blocks with offsets."""

from __future__ import annotations

from pathlib import Path

from nlq.layout.document import Block, BlockKind, Document, MappedText
from nlq.layout.loader import load_source

__all__ = ["Block", "BlockKind", "Document", "MappedText", "parse", "read_document"]


def parse(source: str, raw: str, fmt: str) -> Document:
    """Normalize decoded text `raw` of format 'text', 'markdown', 'pdf', 'csv' or 'html'."""
    if fmt == "html":
        from nlq.layout.html import html_blocks

        blocks = html_blocks(raw)
    else:
        from nlq.layout.text import text_blocks

        blocks = text_blocks(raw, delimited=fmt == "csv")
    return Document(source=source, raw=raw, format=fmt, blocks=blocks)


def read_document(path: Path) -> Document:
    """Read and normalize one file; raise `ExtractionError` naming it if that is impossible."""
    raw, fmt = load_source(path)
    return parse(path.name, raw, fmt)
