"""The numbers a browser prints before the items of an HTML ordered list.

`<ol><li>NAME — 1 204 patents (22%)</li>...` shows "1.", "2.", "3." before its items though the
source holds no digit: the rank is printed by the list. Each `<li>` of an `<ol>` numbered with
digits (no `type`, or `type="1"`) gets the number shown, counted from the list's `start` and
reset by an item's `value`, with the `<li>` tag as its evidence (the mark that prints it). A
list numbered with letters or roman numerals (`type="a"`), one whose numbers are styled away
(`list-style: none`), and every `<ul>`, print no rank and give none.
"""

from __future__ import annotations

import re

_NO_MARKER = re.compile(r"list-style(?:-type)?\s*:\s*none", re.I)


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().lstrip("-").isdigit() else None


class ListNumbers:
    """The next number of each open list (None for a list that prints none)."""

    __slots__ = ("_open",)

    def __init__(self) -> None:
        self._open: list[int | None] = []

    def start_list(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        numbered = (
            tag == "ol"
            and (a.get("type") or "1") == "1"
            and not _NO_MARKER.search(a.get("style") or "")
        )
        self._open.append((_int(a.get("start")) or 1) if numbered else None)

    def end_list(self) -> None:
        if self._open:
            self._open.pop()

    def item(self, attrs: list[tuple[str, str | None]]) -> int | None:
        """The number printed before a new `<li>`, or None."""
        if not self._open or self._open[-1] is None:
            return None
        a = dict(attrs)
        if _NO_MARKER.search(a.get("style") or ""):
            return None
        number = _int(a.get("value")) or self._open[-1]
        self._open[-1] = number + 1
        return number
