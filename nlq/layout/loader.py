"""Reading a file from disk into decoded text and a format name, or a clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

from nlq.errors import ExtractionError

MAX_BYTES = 5 * 1024 * 1024
"""Largest profile file nlq reads (5 MiB); a real profile is a few kilobytes."""


def sniff_format(name: str, text: str) -> str:
    """'html', 'xml', 'markdown', 'csv', 'yaml', 'toml' or 'text', from the file name and the first
    characters."""
    suffix = Path(name).suffix.lower()
    head = text[:2048].lstrip().lower()
    if suffix in {".htm", ".html", ".xhtml"} or head.startswith(("<!doctype html", "<html")):
        return "html"
    if suffix == ".xml" or head.startswith("<?xml"):
        return "html" if "<html" in head else "xml"  # an XHTML page is a page
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix in {".csv", ".tsv"}:
        return "csv"
    if suffix in {".yaml", ".yml", ".json", ".ndjson", ".jsonl"}:
        return "yaml"  # JSON is YAML; JSON Lines are read line by line (`log_lines`)
    if suffix == ".toml":
        return "toml"
    return "text"


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 (BOM allowed) or UTF-16/32 with a BOM; refuse binary data."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                raise ExtractionError(
                    f"{name}: not valid {encoding} despite its byte-order mark; re-save it as UTF-8"
                ) from e
    if b"\x00" in data[:8192]:
        raise ExtractionError(
            f"{name}: looks like a binary file, not a profile; pass a text, "
            "markdown, HTML, PDF, Word (.docx), Excel (.xlsx) or PowerPoint (.pptx) file"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ExtractionError(
            f"{name}: not valid UTF-8 (byte {e.start}); re-save the file as UTF-8"
        ) from e


def load_source(path: Path) -> tuple[str, str]:
    """Return `(decoded_text, format)` for `path`; raise `ExtractionError` naming the file."""
    name = str(path)
    try:
        if not path.is_file():
            raise ExtractionError(f"{name}: no such file; check the path")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ExtractionError(
                f"{name}: {size:,} bytes is over nlq's {MAX_BYTES:,}-byte limit for one profile; "
                "split the file or pass the profile alone"
            )
        if size == 0:
            raise ExtractionError(f"{name}: the file is empty; nothing to extract")
        if path.suffix.lower() == ".pdf":
            from nlq.layout.pdf import pdf_text

            return pdf_text(path), "pdf"
        if path.suffix.lower() == ".docx":
            from nlq.layout.docx import docx_text

            return docx_text(path), "text"
        if path.suffix.lower() == ".xlsx":
            from nlq.layout.xlsx import xlsx_text

            return xlsx_text(path), "csv"
        if path.suffix.lower() == ".pptx":
            from nlq.layout.pptx import pptx_text

            return pptx_text(path), "text"
        data = path.read_bytes()
    except OSError as e:
        raise ExtractionError(
            f"{name}: cannot be read ({e.strerror}); check its permissions"
        ) from e
    text = decode(data, name)
    if not text.strip():
        raise ExtractionError(f"{name}: holds only white space; nothing to extract")
    from nlq.layout.mime import decoded_mail

    return decoded_mail(text) or (text, sniff_format(name, text))
