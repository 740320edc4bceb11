"""What every extractor offers, and the one way evidence is made from a source span."""

from __future__ import annotations

from typing import Protocol

from nlq.layout.document import Document
from nlq.schema import Evidence, Extraction


class Extractor(Protocol):
    """Turns a normalized document into a contract record with evidence and warnings."""

    name: str

    def extract(self, doc: Document) -> Extraction:
        """Return the extraction for `doc`; raise `ExtractionError` when no record can be made."""
        ...


def evidence_at(doc: Document, start: int, end: int) -> Evidence:
    """Evidence for the raw span `doc.raw[start:end]`."""
    return Evidence(start=start, end=end, line=doc.line_of(start), text=doc.raw[start:end])


def evidence_dict(doc: Document, start: int, end: int) -> dict[str, int | str]:
    """The same as `evidence_at` as a plain dict, for building a record in one validation."""
    return {"start": start, "end": end, "line": doc.line_of(start), "text": doc.raw[start:end]}
