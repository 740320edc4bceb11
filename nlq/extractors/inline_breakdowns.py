"""A breakdown written on one line after its label or a lead-in, and the section it opens."""

from __future__ import annotations

import re

from nlq.extractors.field_pairs import inline_pairs
from nlq.extractors.headings import (
    APPLICANTS,
    GLOSS,
    INLINE_LABEL,
    PATENT_FIELDS,
    PUBLICATION_FIELDS,
    PUBLISHERS,
    classify_heading,
    outline_end,
    output_kind,
    subtype,
)
from nlq.extractors.labelled_rows import ARROWS
from nlq.extractors.lead_ins import prose_breakdown
from nlq.extractors.own_headings import inline_kind
from nlq.extractors.section_kinds import COLLAB_KEYS, FIELD_SECTIONS, Section, refine
from nlq.layout.document import Block, BlockKind, MappedText

_ARROW_LABEL = re.compile(
    rf"^(?P<label>[^\W\d_][^:\d→⇒➜]{{0,60}}?)\s*(?:{'|'.join(map(re.escape, ARROWS))})\s*(?=\S)"
)


def labelled_breakdown(
    block: Block, current: Section | None
) -> tuple[MappedText, str, Block] | None:
    """A breakdown after its label ("Patents: Semiconductors 35%, Computer tech. 18%, ..."):
    the label, the section it names and the breakdown as a block of its own. A subsection's
    number before the label ("5.1 Patents: ...", a memo's sub-point) is no part of it."""
    text = block.text.text
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or text.count("%") < 2:
        return None
    start = outline_end(text) if text[:1].isdigit() else 0
    body = text[start:]
    m = INLINE_LABEL.match(body) if ":" in body else _ARROW_LABEL.match(body)
    if not m:
        return _breakdown_in_sentence(block, current)
    label = block.text.slice(start, start + m.end("label")).strip()
    key = classify_heading(label.text) or refine(current, label.text)
    rest = block.text.slice(start + m.end(), len(text))
    if key is None and not _takes_bare_rows(current):
        key = _bare_output_breakdown(label.text, rest)  # a bare "Patents:" over its shares
    pairs = inline_pairs(rest) if key in FIELD_SECTIONS or key is None else []
    if key is None and pairs:  # a label in the page's own words ("Where the patents go")
        names = [str(p.field.value) for p in pairs]
        shares = [float(p.share.value) for p in pairs if p.share is not None]  # type: ignore[arg-type]
        kind = inline_kind(label.text, names, shares, output_kind)
        key = None if kind is None else (PATENT_FIELDS, PUBLICATION_FIELDS)[kind]
    if key not in FIELD_SECTIONS or not pairs:
        return None
    return label, key, Block(BlockKind.PARAGRAPH, text=rest)


_BARE_MIN_PAIRS = 3


def _takes_bare_rows(current: Section | None) -> bool:
    """Whether a bare "Patents: A 12%, B 6%, C 6%" may belong to the section above: a
    collaboration's partners, or the rows of a top list still waiting for them. Under a top
    list that has its rows already it is the next part of the page."""
    if current is None:
        return False
    key = current.keys[0]
    return key in COLLAB_KEYS or (key in (APPLICANTS, PUBLISHERS) and not current.blocks)


def _bare_output_breakdown(label: str, rest: MappedText) -> str | None:
    """The field section of a breakdown labelled only with its output, outside any fields
    section ("Patents: Semiconductors 35%, Computer tech. 18%, Other 47%", a chat's paste after
    "fields:"): three or more names with shares and nothing else after "Patents" or
    "Publications" are its technology fields. A longer label in the page's own words ("Where
    the patents go") is left to `inline_kind`, which asks the shares to add up to 100."""
    if len(GLOSS.sub("", label).split()) > 2:
        return None
    kind = subtype(label)
    if kind is None or len(inline_pairs(rest)) < _BARE_MIN_PAIRS:
        return None
    return (PATENT_FIELDS, PUBLICATION_FIELDS)[kind]


def _breakdown_in_sentence(
    block: Block, current: Section | None
) -> tuple[MappedText, str, Block] | None:
    """A breakdown after a lead-in sentence naming it ("For patents, the top technology fields
    are Civil engineering (22%), ..."): the lead-in, its section and the breakdown."""
    t = block.text

    def key(label: str) -> str | None:
        k = classify_heading(label) or refine(current, label)
        return k if k in FIELD_SECTIONS else None

    start = prose_breakdown(t.text, key, lambda i: bool(inline_pairs(t.slice(i, len(t.text)))))
    if start is None:
        return None
    label = t.slice(0, start).strip()
    return label, key(label.text), Block(BlockKind.PARAGRAPH, text=t.slice(start, len(t.text)))
