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


_LIST_TAG = re.compile(r"<!--.*?-->|<(/?)(ol|ul|li)\b([^>]*)>", re.I | re.S)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_BETWEEN_TAGS = re.compile(r"(?:\s|<[^<>]*>)*")


def _attrs(text: str) -> list[tuple[str, str | None]]:
    return [
        (m.group(1).lower(), next((g for g in m.groups()[1:] if g is not None), None))
        for m in _ATTR.finditer(text)
    ]


def printed_numbers(raw: str) -> dict[int, tuple[int, int]]:
    """The `<li>` tags of an HTML page that print a number: tag start -> (tag end, number).
    For the LLM path, which checks a model's rank against the page (`extractors.grounding`)."""
    if "<ol" not in raw and "<OL" not in raw:
        return {}
    lists = ListNumbers()
    out: dict[int, tuple[int, int]] = {}
    for m in _LIST_TAG.finditer(raw):
        if m.group().startswith("<!--"):
            continue
        tag = m.group(2).lower()
        if m.group(1):
            if tag != "li":
                lists.end_list()
        elif tag == "li":
            number = lists.item(_attrs(m.group(3)))
            if number is not None:
                out[m.start()] = (m.end(), number)
        else:
            lists.start_list(tag, _attrs(m.group(3)))
    return out


def printed_rank(raw: str, numbers: dict[int, tuple[int, int]], pos: int) -> tuple[int, int, int]:
    """The number printed before the text at `raw[pos]` and the span of its `<li>` tag, when
    that text is the first of its list item (only tags between them); else (0, 0, 0)."""
    li = max(raw.rfind("<li", 0, pos), raw.rfind("<LI", 0, pos))
    if li < 0 or li not in numbers:
        return 0, 0, 0
    end, number = numbers[li]
    if not _BETWEEN_TAGS.fullmatch(raw, end, pos):
        return 0, 0, 0
    return number, li, end
