"""Shares printed as fractions ("0.15") on a page that says so: read as percent ("15%").

Some reports copy their data files, where a share is a fraction of the cluster total, and say
so in a note: "shares are given as fractions of the cluster total (0.15 = 15%)", or a data
file in its units ("share": "fraction of the cluster's total (0-1)"). The record's
shares are percent numbers, so a fraction must never be read as the share itself (0.15 is not
a share of 0.15%). Only on a page whose note states it, every fraction "0.dd" is rewritten as
the percent it stands for ("0.15" -> "15%", "0.155" -> "15.5%"); the evidence of the share
still spans the source's "0.15". The note's own example is left alone. A page without such a
note is not touched: its fractions stay fractions, which no share reader takes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from nlq.layout.document import Block, MappedText, Run, join
from nlq.layout.rewrite import Edit

# "0.15 = 15%", "0.15 means 15%", "0.15 is 15 per cent": the note's worked example.
_EXAMPLE = re.compile(
    r"(?<![\d.,])(0\.\d{1,3})[ \u00a0]*(?:=|means|is|equals|stands for|corresponds to)"
    r"[ \u00a0]*(\d{1,3}(?:\.\d+)?)[ \u00a0]*(?:%|per[ \u00a0]?cent|percent)",
    re.IGNORECASE,
)
# "shares are given as fractions", "shares ... expressed as decimal fractions".
_STATEMENT = re.compile(
    r"\bshares?\b[^\n.]{0,80}?\b(?:as|in)[ \u00a0]+(?:decimal[ \u00a0]+)?fractions\b"
    # a data file's units: "share": "fraction of the cluster's total (0-1)", "share = fraction"
    r"|\bshares?\b[\"']?[ \u00a0]*[:=][ \u00a0]*[\"']?(?:a[ \u00a0]+)?(?:decimal[ \u00a0]+)?"
    r"fraction\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"(?<![\d.,])0\.\d{1,3}(?![\d%]|[.,]\d|[ \u00a0]*(?:%|per[ \u00a0]?cent))")


def fraction_share_edits(text: str) -> list[Edit]:
    """Edits turning each fraction "0.dd" into "dd%" when the page states that its shares are
    fractions (none otherwise)."""
    if "0." not in text or "raction" not in text and "%" not in text:
        return []
    notes = [(m.start(), m.end()) for m in _EXAMPLE.finditer(text) if _consistent(m)]
    if not notes and not _STATEMENT.search(text):
        return []
    in_note = {i for s, e in notes for i in range(s, e)}  # a set: linear in the notes' length
    return [
        Edit(m.start(), m.end(), _percent(m.group()) + "%")
        for m in _FRACTION.finditer(text)
        if m.start() not in in_note
    ]


def fraction_share_blocks(raw: str, blocks: list[Block]) -> list[Block]:
    """`blocks` of a data file's tree (JSON, YAML, TOML, XML) with each fraction "0.dd" in its
    cells and lines read as the percent it stands for, mapped to the fraction's characters,
    when the file states that its shares are fractions (`blocks` as they are otherwise)."""
    if not fraction_share_edits(raw):
        return blocks
    return [
        replace(b, text=_percents(b.text), rows=tuple(tuple(map(_percents, r)) for r in b.rows))
        for b in blocks
    ]


def _percents(t: MappedText) -> MappedText:
    if "0." not in t.text:
        return t
    pieces: list[MappedText] = []
    pos = 0
    for m in _FRACTION.finditer(t.text):
        a, b = t.raw_span(m.start(), m.end())
        percent = _percent(m.group()) + "%"
        pieces += [
            t.slice(pos, m.start()),
            MappedText(percent, [Run(0, len(percent), a, b, False)]),
        ]
        pos = m.end()
    if not pieces:
        return t
    return join([*pieces, t.slice(pos, len(t.text))])


def fraction_percents(text: str) -> dict[int, float]:
    """The percent each fraction of `text` stands for, by its start offset, when the page
    states that its shares are fractions (empty otherwise): how the LLM path checks a share
    quoted as "0.15" against the 15 the model gives."""
    return {e.start: float(e.text[:-1]) for e in fraction_share_edits(text)}


def _consistent(m: re.Match[str]) -> bool:
    """Whether the example's fraction and percent are the same number ("0.15 = 15%")."""
    return Decimal(m.group(1)) * 100 == Decimal(m.group(2))


def _percent(fraction: str) -> str:
    value = (Decimal(fraction) * 100).normalize()
    return format(value, "f")
