"""The keys of a data export (a JSON or YAML file an analyst saved from a web API) read as the
labels a page would print.

A key is an identifier in any common style: `snake_case`, `camelCase` and `kebab-case` all read
as words ("pct-applications" is "pct applications"). A nested object names its figure by its
path: `{"cluster": {"name": "Hefei"}}` says "cluster name", `{"global": {"size": 36}}` says
"global size", `{"national": {"rank": 2}}` says "national rank". A key that alone says only
what kind of value it holds (a name, a rank, a size) is therefore read together with the key of
the object holding it; a key that names its figure ("pct applications", "share pct") is read
alone, as before. The words added are the parent key's own characters in the source: nothing
is invented, and the value keeps its exact span.

An object holding the request an API answered (`"query": {"economy": "MX"}`) is what was
asked, not the profile: `request_parameters` tells the reader to leave it out.

An object whose key says it holds an earlier edition (`"previousEdition": {"edition": 2024,
"globalSizeRank": 74}`, `prior_year`, `history`) is another edition's figures, not the
profile's: `earlier_edition` tells the reader to leave it out.
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText, join
from nlq.layout.inline import char_as_spaces, key_as_words

# Leaf keys that say what kind of value they hold but not which figure: the object holding them
# says that ("cluster" / "name", "global" / "size", "national" / "rank").
_GENERIC = frozenset(
    {"name", "title", "label", "value", "rank", "ranking", "position", "size", "intensity"}
    | {"of", "out of", "count"}  # "national" / "out of": the national cluster count
)
# Keys of an API's envelope around the record, and of the request it answered.
_ENVELOPE = frozenset(
    {"data", "result", "results", "payload", "item", "record", "response", "body"}
)
_REQUEST = frozenset({"query", "request", "params", "parameters", "filters", "request params"})
_KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
# "previous edition", "prior year", "earlier editions", "history", "last edition"; not "last
# five years" (the period the per-million figures cover).
_EARLIER = re.compile(
    r"\b(?:previous|prev|prior|earlier|former|historic(?:al)?|history|archived?)\b"
    r"|\b(?:last|past)\s+(?:edition|release|year['’]?s?)\b",
    re.I,
)


def key_words(key: MappedText) -> MappedText:
    """A key read as words: `key_as_words`, and the hyphens of a `kebab-case` identifier
    ("global-size-rank", lower case and no spaces) as spaces, each mapped to its hyphen. A key
    with spaces or capitals around a hyphen ("Shenzhen-Hong Kong") keeps it."""
    if "-" in key.text and _KEBAB.fullmatch(key.text):
        return char_as_spaces(key, "-")
    return key_as_words(key)


def qualified(parent: MappedText | None, key: MappedText) -> MappedText:
    """`key` (already read as words) named by its `parent` object's key when it is a generic
    one ("name" under "cluster" is "cluster name"); else `key` itself. An API's envelope
    ("data", "result", "payload") names nothing: "title" under "data" is "title"."""
    if parent is None or not parent.text or key.text.lower() not in _GENERIC:
        return key
    if parent.text.lower() in _ENVELOPE:
        return key
    return join([parent, key], " ")


def request_parameters(key: MappedText) -> bool:
    """Whether an object's key (read as words) says it holds the request an API answered
    (`"query": {"economy": "MX", "edition": "latest"}`): what was asked, not the profile."""
    return key.text.lower() in _REQUEST


def earlier_edition(key: MappedText) -> bool:
    """Whether an object's key (read as words) says it holds an earlier edition's figures."""
    return names_earlier(key.text)


def names_earlier(label: str) -> bool:
    """Whether a label's words say it holds an earlier edition's figures ("previous edition",
    "rank size global prev edition")."""
    return bool(_EARLIER.search(label))
