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
    # model_construct: the four values are built here from ints and a str slice, so
    # re-validating them (the hot path, ~60 spans per profile) would only cost time.
    return Evidence.model_construct(
        start=start, end=end, line=doc.line_of(start), text=doc.raw[start:end]
    )
