"""TOML files (a profile typed by hand as `key = value` tables) -> blocks, through the YAML reader.

The standard library's `tomllib` gives values but no offsets, so a small scanner walks the
file once and builds the node tree PyYAML's composer would give for the same data, each key
and value with its start and end in the source; `yaml_tree` then turns that tree into blocks
exactly as it does for YAML (a table of shares, a table of ranked records from an array of
tables `[[top_pct_applicants]]`, one "key: a, b, c" line for an array of strings).

Read: `[table]` and `[[array.of.tables]]` headers (dotted, bare or quoted keys), `key = value`
lines with bare, quoted or dotted keys, basic and literal strings, numbers, booleans, dates,
arrays (over several lines too) and inline tables. Comments (`# checked 2025-01-20`) are not
content. What the scanner builds is checked against `tomllib`'s reading of the whole file; a
file that is not valid TOML, or that the scanner reads differently, is read as plain text
instead (`None`): a name or figure is never emitted from a value the scanner misread.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from nlq.layout.document import Block

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ATOM = re.compile(r"[^\s,\]\}#]+")  # a number, boolean or date, up to its delimiter
_WS = re.compile(r"[ \t]*")
_NUMBER = re.compile(r"[+-]?(?:\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?|inf|nan)$")


class _Unread(Exception):
    """The scanner met TOML it does not read; the file is read as text."""


def toml_blocks(raw: str) -> list[Block] | None:
    """Blocks of a TOML document, or None when `raw` is not TOML the scanner reads exactly."""
    try:
        expected = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, ValueError):
        return None
    try:
        root = _Scanner(raw).document()
    except (_Unread, IndexError, ValueError):
        return None
    if _python(root) != _plain(expected) or not root:
        return None
    import yaml

    from nlq.layout.yaml_tree import tree_blocks

    return tree_blocks(raw, [_node(yaml, raw, root)])


# The tree the scanner builds: a table is a dict of key -> (key span, value); a value is a
# table, a list (array or array of tables) or a scalar (start, end, style, text).
_Span = tuple[int, int, str | None, str]


class _Scanner:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.pos = 0

    def document(self) -> dict[str, Any]:
        root: dict[str, Any] = {}
        table = root
        raw = self.raw
        while self.pos < len(raw):
            self._space(newlines=True)
            if self.pos >= len(raw):
                break
            if raw.startswith("[[", self.pos):
                self.pos += 2
                keys = self._keys()
                self._expect("]]")
                parent = self._walk(root, keys[:-1])
                ks, name = keys[-1]
                if name not in parent:
                    parent[name] = (ks, [])
                array = parent[name][1]
                if not isinstance(array, list):
                    raise _Unread
                table = {}
                array.append(table)
            elif raw[self.pos] == "[":
                self.pos += 1
                keys = self._keys()
                self._expect("]")
                table = self._walk(root, keys)
            else:
                self._pair(table)
            self._end_of_line()
        return root

    def _walk(self, table: dict[str, Any], keys: list[tuple[_Span, str]]) -> dict[str, Any]:
        for ks, name in keys:
            if name not in table:
                table[name] = (ks, {})
            value = table[name][1]
            if isinstance(value, list) and value and isinstance(value[-1], dict):
                value = value[-1]  # [[a]] then [a.b]: b belongs to the last a
            if not isinstance(value, dict):
                raise _Unread
            table = value
        return table

    def _pair(self, table: dict[str, Any]) -> None:
        keys = self._keys()
        self._expect("=")
        self._space()
        value = self._value()
        parent = self._walk(table, keys[:-1])
        ks, name = keys[-1]
        if name in parent:
            raise _Unread
        parent[name] = (ks, value)

    def _keys(self) -> list[tuple[_Span, str]]:
        keys = []
        while True:
            self._space()
            span = self._key()
            keys.append((span, span[3]))
            self._space()
            if self.raw.startswith(".", self.pos):
                self.pos += 1
                continue
            return keys

    def _key(self) -> _Span:
        ch = self.raw[self.pos]
        if ch in "\"'":
            return self._string()
        m = _BARE.match(self.raw, self.pos)
        if not m:
            raise _Unread
        self.pos = m.end()
        return (m.start(), m.end(), None, m.group())

    def _value(self) -> Any:
        raw = self.raw
        ch = raw[self.pos]
        if ch in "\"'":
            return self._string()
        if ch == "[":
            self.pos += 1
            items = []
            while True:
                self._space(newlines=True)
                if raw[self.pos] == "]":
                    self.pos += 1
                    return items
                items.append(self._value())
                self._space(newlines=True)
                if raw[self.pos] == ",":
                    self.pos += 1
                elif raw[self.pos] != "]":
                    raise _Unread
        if ch == "{":
            self.pos += 1
            table: dict[str, Any] = {}
            while True:
                self._space()
                if raw[self.pos] == "}":
                    self.pos += 1
                    return table
                self._pair(table)
                self._space()
                if raw[self.pos] == ",":
                    self.pos += 1
                elif raw[self.pos] != "}":
                    raise _Unread
        m = _ATOM.match(raw, self.pos)
        if not m:
            raise _Unread
        self.pos = m.end()
        return (m.start(), m.end(), None, m.group())

    def _string(self) -> _Span:
        """A one-line basic or literal string: (start, end with quotes, style, decoded)."""
        raw, start = self.raw, self.pos
        quote = raw[start]
        if raw.startswith(quote * 3, start):
            raise _Unread  # multi-line strings are left to the text reader
        end = start + 1
        while raw[end] != quote:
            if raw[end] == "\n":
                raise _Unread
            end += 2 if quote == '"' and raw[end] == "\\" else 1
        self.pos = end + 1
        text = raw[start : end + 1]
        value = tomllib.loads(f"v = {text}")["v"] if quote == '"' else text[1:-1]
        return (start, end + 1, quote, value)

    def _space(self, newlines: bool = False) -> None:
        raw = self.raw
        while self.pos < len(raw):
            self.pos = _WS.match(raw, self.pos).end()  # type: ignore[union-attr]
            if raw.startswith("#", self.pos):
                nl = raw.find("\n", self.pos)
                self.pos = len(raw) if nl < 0 else nl
            if newlines and raw.startswith(("\n", "\r\n"), self.pos):
                self.pos = raw.index("\n", self.pos) + 1
                continue
            return

    def _expect(self, token: str) -> None:
        self._space()
        if not self.raw.startswith(token, self.pos):
            raise _Unread
        self.pos += len(token)

    def _end_of_line(self) -> None:
        self._space()
        if self.pos < len(self.raw) and self.raw[self.pos] not in "\r\n":
            raise _Unread


def _python(value: Any) -> Any:
    """The scanned tree as plain values, to compare with `tomllib`'s reading."""
    if isinstance(value, dict):
        return {k: _python(v) for k, (_, v) in value.items()}
    if isinstance(value, list):
        return [_python(v) for v in value]
    start, end, style, text = value
    if style:
        return text
    return _plain(tomllib.loads(f"v = {text}")["v"])


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | bool) else str(value)


def _node(yaml: Any, raw: str, value: Any) -> Any:
    """The PyYAML node for a scanned value, with marks at its offsets in `raw`."""
    if isinstance(value, dict):
        pairs = [(_node(yaml, raw, ks), _node(yaml, raw, v)) for ks, v in value.values()]
        return yaml.MappingNode("tag:yaml.org,2002:map", pairs)
    if isinstance(value, list):
        return yaml.SequenceNode("tag:yaml.org,2002:seq", [_node(yaml, raw, v) for v in value])
    start, end, style, text = value
    if style is None and _NUMBER.match(text):
        # A number written otherwise than plainly ("1_874", "+5", "1e3"): its text is not its
        # value, so the YAML reader leaves it out rather than read "1_874" as some other figure.
        number = tomllib.loads(f"v = {text}")["v"]
        if isinstance(number, int | float) and not isinstance(number, bool):
            text = str(number)
    return yaml.ScalarNode(
        "tag:yaml.org,2002:str",
        text,
        yaml.Mark("", start, 0, 0, None, None),
        yaml.Mark("", end, 0, 0, None, None),
        style=style,
    )
