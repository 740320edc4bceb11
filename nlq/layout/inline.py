"""Inline text of markdown and plain text: emphasis, link markup and inline HTML tags removed,
character references decoded, wrapped lines joined. Every function keeps the text's map to the
source."""

from __future__ import annotations

import html
import re

from nlq.layout.document import MappedText, Run, join
from nlq.layout.name_words import broken_capital_word, run_on_capital_word

_INLINE_MARKUP = re.compile(r"\*\*|__|`|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
# A backslash escape, as markdown exporters write them ("S\&T", "2024\.", "\*"): the
# backslash before ASCII punctuation is dropped, the character kept (CommonMark 2.4).
_BACKSLASH_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
CHAR_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(t: MappedText) -> MappedText:
    """HTML character references ("&amp;", "&#8211;") decoded, as markdown does; each decoded
    character maps to its whole reference in the source."""
    pieces: list[MappedText] = []
    pos = 0
    for m in CHAR_REFERENCE.finditer(t.text):
        value = html.unescape(m.group())
        if value == m.group():
            continue
        start, end = t.raw_span(m.start(), m.end())
        decoded = MappedText(value, [Run(0, len(value), start, end, False)])
        pieces += [t.slice(pos, m.start()), decoded]
        pos = m.end()
    if not pieces:
        return t
    pieces.append(t.slice(pos, len(t.text)))
    return join(pieces)


# Inline HTML inside markdown or text ("<b>Dubai</b>", "FOR<br>SCIENCE", "articles<sup>1</sup>"):
# the tags of text-level elements only, so "<Rank>" or "<desk@example.org>" are left alone; a
# short superscript is a footnote marker and goes with its tags, except an ordinal's suffix
# after its number ("96<sup>th</sup>" is "96th"), whose tags alone go; a line break is a space.
_INLINE_TAG = re.compile(
    r"(?<!\d(?=<sup\b[^<>]*>\s*(?:st|nd|rd|th)\s*</sup\s*>))"
    r"<sup\b[^<>]*>\s*[^<>\s]{1,3}\s*</sup\s*>"
    r"|(?P<br><(?:br|wbr)\b[^<>]*>)"
    r"|</?(?:a|abbr|b|big|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike"
    r"|strong|sub|sup|time|tt|u|var)(?:\s[^<>]*)?/?>",
    re.I,
)


def drop_inline_tags(t: MappedText) -> MappedText:
    """`t` without the tags of inline HTML (emphasis, fonts, spans, links, footnote markers);
    a `<br>` becomes a space mapped to it."""
    pieces: list[MappedText] = []
    pos = 0
    for m in _INLINE_TAG.finditer(t.text):
        pieces.append(t.slice(pos, m.start()))
        if m.group("br"):
            a, b = t.raw_span(m.start(), m.end())
            pieces.append(MappedText(" ", [Run(0, 1, a, b, False)]))
        pos = m.end()
    if not pieces:
        return t
    pieces.append(t.slice(pos, len(t.text)))
    return join(pieces)


def clean_inline(t: MappedText) -> MappedText:
    """Remove markdown emphasis and link targets, keeping link text, and inline HTML tags;
    decode character references; drop the backslash of backslash escapes; strip the ends."""
    if "<" in t.text and ">" in t.text:
        t = drop_inline_tags(t)
    if "&" in t.text and ";" in t.text:
        t = decode_entities(t)
    if "[" in t.text and "](" in t.text:
        spans: list[tuple[int, int]] = []
        for m in _MD_LINK.finditer(t.text):
            spans.append((m.start(), m.start(1)))
            spans.append((m.end(1), m.end()))
        t = t.drop(spans)
    if "*" in t.text or "_" in t.text or "`" in t.text:
        t = t.drop_pattern(_INLINE_MARKUP)
    if "\\" in t.text:
        t = t.drop_pattern(_BACKSLASH_ESCAPE)
    return t.strip()


WORD_BREAK = re.compile(r"[^\W\d_]-$")


# An ordinal before the hyphen ("tenth-" + "ranked", "3rd-" + "largest"): a compound's hyphen.
_ORDINAL_BREAK = re.compile(
    r"(?:\b\d{1,3}(?:st|nd|rd|th)|\b(?:first|second|third|fifth|eighth|ninth|twelfth)"
    r"|[a-z]+(?:th|ieth))-$",
    re.I,
)


def join_lines(pieces: list[MappedText]) -> MappedText:
    """Wrapped lines as one text: one space between lines, none after a line that ends in a
    hyphen after a letter, where the word goes on. Before a capital the hyphen belongs to the
    name and is kept ("Shanghai-" + "Suzhou"); before a lower-case letter it only broke the
    word and is dropped ("collabora-" + "tion" is "collaboration"), so the word's patterns still
    match; in capitals, when the pieces make a word of an organization's name (`name_words`),
    which also joins such a word split with no hyphen at all ("IN" + "VESTIGACIONES").
    Its span still covers the hyphen and the line break."""
    pieces = [p for p in pieces if p.text]
    if len(pieces) < 2 or not any(
        WORD_BREAK.search(p.text) or p.text[-1:].isupper() for p in pieces[:-1]
    ):
        return join(pieces, " ")
    words: list[list[MappedText]] = [[pieces[0]]]
    for prev, piece in zip(pieces, pieces[1:], strict=False):
        if prev.text[-1:].isupper() and run_on_capital_word(prev.text, piece.text):
            words[-1].append(piece)  # "NACIONAL DE IN" + "VESTIGACIONES": a cell's hard break
        elif WORD_BREAK.search(prev.text) and piece.text[:1].isalpha():
            lower = piece.text[0].islower()
            if (lower and not _ORDINAL_BREAK.search(prev.text)) or (
                not lower and broken_capital_word(prev.text, piece.text)  # "SCI-" + "ENCE"
            ):
                words[-1][-1] = prev.slice(0, len(prev.text) - 1)
            words[-1].append(piece)
        else:
            words.append([piece])
    return join([join(w) for w in words], " ")


_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def key_as_words(t: MappedText) -> MappedText:
    """A data export's key read as words: underscores as spaces (`underscores_as_spaces`) and
    camelCase humps split ("pctApplications" is "pct Applications"), each inserted space a
    point in the source before the capital."""
    t = underscores_as_spaces(t)
    if t.text.isupper() or t.text.islower() or not _HUMP.search(t.text):
        return t
    pieces: list[MappedText] = []
    pos = 0
    for m in _HUMP.finditer(t.text):
        a, _ = t.raw_span(m.start(), m.start() + 1)
        pieces += [t.slice(pos, m.start()), MappedText(" ", [Run(0, 1, a, a, False)])]
        pos = m.start()
    pieces.append(t.slice(pos, len(t.text)))
    return join(pieces)


def underscores_as_spaces(t: MappedText) -> MappedText:
    """A key written as an identifier with its underscores read as spaces ("global_size_rank"
    is "global size rank"), each space mapped to its underscore."""
    return char_as_spaces(t, "_")


def char_as_spaces(t: MappedText, ch: str) -> MappedText:
    """`t` with each `ch` read as a space, each space mapped to the character it replaces."""
    if ch not in t.text:
        return t
    pieces: list[MappedText] = []
    pos = 0
    for i, c in enumerate(t.text):
        if c == ch:
            a, b = t.raw_span(i, i + 1)
            pieces += [t.slice(pos, i), MappedText(" ", [Run(0, 1, a, b, False)])]
            pos = i + 1
    pieces.append(t.slice(pos, len(t.text)))
    return join(pieces)
