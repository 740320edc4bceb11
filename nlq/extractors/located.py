"""A value found in a document together with its exact raw span."""

from __future__ import annotations

from dataclasses import dataclass

from nlq.layout.document import MappedText


@dataclass(frozen=True, slots=True)
class Located:
    """`value` read from `raw[start:end]`."""

    value: object
    start: int
    end: int


def locate(text: MappedText, i: int, j: int, value: object) -> Located:
    """`value` read from the clean characters `text.text[i:j]`, mapped to raw offsets."""
    start, end = text.raw_span(i, j)
    return Located(value, start, end)


def locate_all(text: MappedText, value: object) -> Located:
    """`value` read from the whole of `text` (which must not be empty)."""
    return locate(text, 0, len(text.text), value)
