"""A value found in a document together with its exact raw span."""

from __future__ import annotations

from typing import NamedTuple

from nlq.layout.document import MappedText


class Located(NamedTuple):
    """`value` read from `raw[start:end]` (a tuple: made for every figure and name read, and a
    frozen dataclass costs several times as much to create)."""

    value: object
    start: int
    end: int


# `tuple.__new__` skips the named tuple's Python-level `__new__`: a figure or name is located
# for nearly every cell read.
_new_located = tuple.__new__


def locate(text: MappedText, i: int, j: int, value: object) -> Located:
    """`value` read from the clean characters `text.text[i:j]`, mapped to raw offsets."""
    start, end = text.raw_span(i, j)
    return _new_located(Located, (value, start, end))


def locate_all(text: MappedText, value: object) -> Located:
    """`value` read from the whole of `text` (which must not be empty)."""
    return locate(text, 0, len(text.text), value)
