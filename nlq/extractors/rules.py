"""The deterministic extractor: sections by meaning, facts by phrasing, every value located.

No network, no model. Works on any `Document` the layout readers produce.
"""

from __future__ import annotations

import hashlib
import re

from nlq.errors import ExtractionError
from nlq.extractors import sections as sec
from nlq.extractors.base import evidence_dict
from nlq.extractors.callouts import callout_texts
from nlq.extractors.cluster_columns import own_cluster
from nlq.extractors.collab_clauses import collab_clauses
from nlq.extractors.collab_sentences import (
    COLLAB_WORD,
    PERCENT,
    CollabFound,
    collab_share_pairs,
    collaboration_kind,
    ends_with_locations_label,
    mentions,
    partner_lines,
    read_collaboration,
)
from nlq.extractors.collab_tables import (
    kinds_row,
    labelled_collaboration,
    located_columns,
    table_collaboration,
)
from nlq.extractors.corrections import apply_corrections, has_correction_cue
from nlq.extractors.edition_columns import compares_editions, own_edition, stated_edition
from nlq.extractors.edition_copies import current_copy
from nlq.extractors.field_pairs import Pair, section_pairs, under_title
from nlq.extractors.glued_ranks import split_glued_ranks
from nlq.extractors.hash_lists import hash_entries
from nlq.extractors.headings import (
    APPLICANTS,
    COLLAB,
    PATENT_COLLAB,
    PATENT_FIELDS,
    PUBLICATION_COLLAB,
    PUBLICATION_FIELDS,
    PUBLISHERS,
)
from nlq.extractors.lists import Entry, section_entries
from nlq.extractors.located import Located
from nlq.extractors.prose import (
    heading_edition,
    label_value_texts,
    read_scalars,
    split_sentences,
)
from nlq.extractors.rank_tiles import tile_texts
from nlq.extractors.section_kinds import Section
from nlq.extractors.sentences import sentence_breakdown, sentence_entries
from nlq.extractors.split_lists import join_halves
from nlq.extractors.title import read_title
from nlq.extractors.wrapped_title import across_gap, wrapped_title_economy
from nlq.layout.document import Block, BlockKind, Document, MappedText, join
from nlq.layout.inline import underscores_as_spaces
from nlq.layout.shapes import label_line
from nlq.quality import quality_warnings
from nlq.schema import ClusterProfile, Extraction

_RANKED = (APPLICANTS, PUBLISHERS)
_FIELD_LISTS = (PATENT_FIELDS, PUBLICATION_FIELDS)
_COLLAB_CHILDREN = (PATENT_COLLAB, PUBLICATION_COLLAB)
_COLLAB_SECTIONS = (COLLAB, *_COLLAB_CHILDREN)
_SHARE_OF = re.compile(r"^\d{1,3}(?:[.,]\d)?\s?% of\b")


class _Record:
    """Values and evidence being gathered for one record."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.values: dict[str, object] = {}
        self.evidence: dict[str, dict[str, int | str]] = {}
        self.warnings: list[str] = []

    def put(self, path: str, found: Located | None) -> object:
        if found is None:
            return None
        self.evidence[path] = evidence_dict(self.doc, found.start, found.end)
        return found.value

    def name(self, path: str, found: Located | None) -> str:
        """A name's value with each run of white space as one space (a justified PDF line sets
        "Shenzhen-Hong   Kong-Guangzhou"); its evidence stays the raw span."""
        return " ".join(str(self.put(path, found) or "").split())


class RulesExtractor:
    """Layout-aware, deterministic extraction (the embedded default)."""

    name = "rules"

    def extract(self, doc: Document) -> Extraction:
        """The record for `doc`; raises `ExtractionError` when it is not a cluster profile."""
        blocks = current_copy(doc.blocks)  # "GII 2023 (archived)" beside "GII 2024 (current)"
        if compares_editions(blocks):  # "GII 2023 | GII 2024", "change vs 2023" columns
            blocks = own_edition(blocks, stated_edition(blocks))
        return self._extract(doc, blocks, compared=False)

    def _extract(self, doc: Document, blocks: list[Block], *, compared: bool) -> Extraction:
        parts = sec.split_sections(blocks)
        rec = _Record(doc)
        prose = [_prose_text(b, doc.raw) for b, _ in parts.prose if b.kind is not BlockKind.TABLE]
        # A callout ("27th" over "S&T cluster by intensity ...") is read where it stands, before
        # the prose below it (a "Related clusters" box's "12th by intensity").
        # So is a rank tile of a page's layout text, before a "Related clusters" strip below.
        tiles = tile_texts(doc.raw) if doc.format in ("pdf", "text") else []
        prose = _in_reading_order(prose, callout_texts(parts.free) + tiles)
        tables = [b.rows for b, _ in parts.prose if b.kind is BlockKind.TABLE]
        prose += [_flatten(rows) for rows in tables]
        prose += label_value_texts(parts.free)
        # Each row of a key-value table is a label of its own for the title ("Cluster | Hefei,
        # China"); the scalars are read from the whole table's text.
        keyed = [_flatten((r,)) for rows in tables if len(rows) > 1 for r in rows if _pair(r)]
        first = next((s.heading for s in parts.sections if s.heading is not None), None)
        first_offset = first.raw_span(0, 1)[0] if first is not None and first.text else None
        title = read_title(parts.headings + prose + keyed, prose + keyed, first_offset, tables)
        if "cluster" not in title:
            raise ExtractionError(
                f"{doc.source}: no cluster name found (expected a title such as 'Hefei, China'); "
                "is this a GII cluster profile? Try --backend llm for unusual layouts"
            )
        wrapped = doc.format in ("pdf", "text") and (  # "München,"/"Germany"
            "economy" not in title or across_gap(doc.raw, title["cluster"], title["economy"])
        )
        if wrapped and (e := wrapped_title_economy(doc.raw, str(title["cluster"].value))):
            title["economy"] = e
        values: dict[str, object] = {}
        for key in ("cluster", "economy"):
            values[key] = rec.name(key, title.get(key))
        own = None if compared else own_cluster(blocks, str(values["cluster"]))
        if own is not None:  # "Indicator | Hefei | Nanjing (reference)": read Hefei's columns
            return self._extract(doc, own, compared=True)
        page_title = parts.headings[0] if parts.headings else None  # names its edition
        scalars = read_scalars(prose, str(values["cluster"]), page_title, parts.headings)
        if has_correction_cue(doc.raw):  # "articles are 14,953 not 14,593": the fix wins
            apply_corrections(scalars, prose, doc.raw)
        edition = None if "edition" in scalars else heading_edition(parts.headings)
        if edition is not None:
            scalars["edition"] = edition
        for key, found in scalars.items():
            values[key] = rec.put(key, found)
        self._lists(parts, rec, values)
        self._breakdowns_in_sentences(parts, rec, values)
        self._collaboration(parts, rec, values)
        if len(rec.evidence) <= 2:
            raise ExtractionError(
                f"{doc.source}: no cluster-profile facts found (ranks, PCT applications, top "
                "applicants, ...); is this a GII cluster profile? Try --backend llm for unusual "
                "layouts"
            )
        record = ClusterProfile(source=doc.source, evidence=rec.evidence, **values)
        record.warnings.extend(rec.warnings)
        record.warnings.extend(quality_warnings(record))
        sha = hashlib.sha256(doc.raw.encode("utf-8", "surrogatepass")).hexdigest()
        return Extraction(record=record, backend=self.name, sha256=sha)

    def _lists(self, parts: sec.Sections, rec: _Record, values: dict[str, object]) -> None:
        seen: dict[str, int] = {}
        firsts: dict[str, list[Entry]] = {}
        for section in parts.sections:
            keys = section.keys
            if keys and all(k in _RANKED for k in keys):
                notes: list[str] = []
                lists = section_entries(section.blocks, len(keys), notes, section.columns)
                rec.warnings += [f"{'/'.join(keys)}: {note}" for note in notes]
                for key, entries in zip(keys, lists, strict=True):
                    entries = split_glued_ranks(entries, rec.doc.raw)  # "1 WAWEL ... 54 15%"
                    joined = join_halves(firsts[key], entries) if key in firsts else None
                    if joined is not None:  # counts in one table, shares in the next
                        entries = firsts[key] = joined
                        values[key] = [
                            _ranked(rec, f"{key}[{i}]", e) for i, e in enumerate(entries)
                        ]
                    elif entries and _first_copy(key, seen, rec, section):
                        firsts[key] = entries
                        values[key] = [
                            _ranked(rec, f"{key}[{i}]", e) for i, e in enumerate(entries)
                        ]
            elif keys and all(k in _FIELD_LISTS for k in keys):
                laid_out = rec.doc.format in ("pdf", "text") and len(section.titles) == len(keys)
                under = under_title(section.titles, rec.doc.raw) if laid_out else None
                lists = section_pairs(
                    section.blocks, len(keys), section.columns, section.shares, under
                )
                for key, pairs in zip(keys, lists, strict=True):
                    if pairs and _first_copy(key, seen, rec, section):
                        values[key] = [_field(rec, f"{key}[{i}]", p) for i, p in enumerate(pairs)]

    def _breakdowns_in_sentences(
        self, parts: sec.Sections, rec: _Record, values: dict[str, object]
    ) -> None:
        """Field breakdowns and top lists written in sentences, for the lists no section
        gave."""
        ranked = {k for k in _RANKED if not values.get(k)}
        for block, _ in parts.prose if ranked else ():
            if block.kind is BlockKind.TABLE or block.text.text.count("%") < 2:
                continue
            listed = ("#" in block.text.text and hash_entries(block.text)) or sentence_entries(
                block.text
            )
            if listed and listed[0] in ranked:
                key = listed[0]
                values[key] = [_ranked(rec, f"{key}[{i}]", e) for i, e in enumerate(listed[1])]
                ranked.discard(key)
        missing = {k for k in _FIELD_LISTS if not values.get(k)}
        if not missing:
            return
        for block, _ in parts.prose:
            if block.kind is BlockKind.TABLE or block.text.text.count("%)") < 3:
                continue
            for sentence in split_sentences(block.text):
                found = sentence_breakdown(sentence)
                key = found and f"{found[0]}_fields"
                if found and key in missing:
                    values[key] = [_field(rec, f"{key}[{i}]", p) for i, p in enumerate(found[1])]
                    missing.discard(key)

    def _collaboration(self, parts: sec.Sections, rec: _Record, values: dict[str, object]) -> None:
        found: dict[str, CollabFound] = {}
        lists = partner_lines(parts.free, parts.tables)
        for text, context in collab_share_pairs(parts.free):  # "Patents filed in ..." / "6%"
            hit = read_collaboration(text, in_section=True)
            kind = hit and collaboration_kind(text.text, context)
            if hit and kind:
                _merge(found, f"{kind}_collaboration", hit)
        _headed_partner_lists(parts, lists, found)
        last: str | None = None  # the kind of the last share read, for a partner list after it
        for block, context in [*parts.prose, *_sentence_cells(parts)]:
            if block.kind is BlockKind.TABLE:
                continue
            listed = lists.get(id(block))
            if listed is not None:  # "Top collaborative locations" and a partner per line
                kind = collaboration_kind(block.text.text, context) or last
                if kind:
                    _merge(found, f"{kind}_collaboration", CollabFound(partners=listed))
                if not ends_with_locations_label(block.text.text):
                    continue  # the label alone; else the share's sentence before it is read
            labelled = context in _COLLAB_SECTIONS and (
                label_line(block.text.text) or _SHARE_OF.match(block.text.text) is not None
            )  # under a collaboration heading: "19% of PCT appl. filed w/ other inventors; ..."
            if not labelled and not mentions(COLLAB_WORD, block.text.text):
                continue
            going_on = False  # a collaboration sentence of this paragraph already read
            for sentence in (c for s in split_sentences(block.text) for c in collab_clauses(s)):
                hit = read_collaboration(sentence, in_section=labelled)
                kind = hit and collaboration_kind(sentence.text, context)
                if hit is None and going_on:
                    # "46% of X's PCT applications are filed with outside inventors, ... On
                    # the publications side it's 77%, mostly with A, B and C": the paragraph
                    # goes on about collaboration, and this sentence names its kind
                    hit = read_collaboration(sentence, in_section=True)
                    kind = hit and collaboration_kind(sentence.text, None)
                going_on = going_on or bool(hit and kind)
                if hit and not kind and hit.share is None:
                    kind = last  # "Top collaborative locations: A, B" after the share's sentence
                if hit and kind:
                    _merge(found, f"{kind}_collaboration", hit)
                    last = kind if hit.share is not None else last
        for section in parts.sections:  # a table of shares and partners, one row per kind
            if section.keys[0] in _COLLAB_SECTIONS:
                columns: list[str] | None = None  # "Patents | Publications": the page's columns
                for block in section.blocks:
                    if block.kind is BlockKind.TABLE:
                        for kind, hit in located_columns(block.rows, columns or []):
                            _merge(found, f"{kind}_collaboration", hit)
                        columns = kinds_row(block.rows) or columns
                        kinds = table_collaboration(block.rows, section.heading)
                        for kind, hit in kinds:
                            _merge(found, f"{kind}_collaboration", hit)
                        # a share row read without its partners: "Top partners | A; B" below it
                        bare = not any(hit.partners for _, hit in kinds)
                        labelled = labelled_collaboration(block.rows) if bare else None
                        if labelled and section.keys[0] in _COLLAB_CHILDREN:
                            _merge(found, section.keys[0], labelled)
        for key, hit in found.items():
            share = rec.put(f"{key}.share", hit.share)
            partners = [rec.name(f"{key}.partners[{i}]", p) for i, p in enumerate(hit.partners)]
            values[key] = {"share": share, "partners": partners}


def _sentence_cells(parts: sec.Sections) -> list[tuple[Block, str | None]]:
    """The cells of tables written as a collaboration share's sentence ("Patent
    collaboration;9 % of X's PCT patent applications are filed in collaboration ..."), each as a
    paragraph of its own: a "label | sentence" sheet states its shares so, under any heading."""
    tables = [b for b, _ in parts.prose] + [b for s in parts.sections for b in s.blocks]
    return [
        (Block(BlockKind.PARAGRAPH, text=cell), None)
        for block in tables
        if block.kind is BlockKind.TABLE
        for row in block.rows
        for cell in row
        if _COLLAB_SENTENCE.match(cell.text) and mentions(COLLAB_WORD, cell.text)
    ]


# A share's sentence: "9 % of X's ... are filed in collaboration ..., with A, B and C ...".
_COLLAB_SENTENCE = re.compile(r"^\d{1,3}(?:[.,]\d)?\s?% of\b.{20,}\.$")


def _merge(found: dict[str, CollabFound], key: str, hit: CollabFound) -> None:
    """Keep the first share and the first partner list found for `key`: a profile may give
    the share in one sentence and the partners on the next line ("Top collaborative locations
    (patents): ...")."""
    have = found.get(key)
    if have is None:
        found[key] = hit
        return
    if have.share is None and hit.share is not None and not hit.partners:
        have.share = hit.share
    if not have.partners and hit.partners and _same_share(hit.share, have.share):
        have.partners = hit.partners


def _same_share(a: Located | None, b: Located | None) -> bool:
    """Whether a later find's share is absent or the one already kept, wherever it is stated
    (a table row's "6%" and the sentence's "6% of ... are filed in collaboration")."""
    return a is None or (b is not None and a.value == b.value)


def _first_copy(key: str, seen: dict[str, int], rec: _Record, section: Section) -> bool:
    """True for the first section that fills `key`; later copies are reported and ignored."""
    if key not in seen:
        seen[key] = 1
        return True
    where = ""
    if section.heading is not None and section.heading.text:
        where = f" (line {rec.doc.line_of(section.heading.raw_span(0, 1)[0])})"
    rec.warnings.append(
        f"{key}: a second copy of the section{where} was ignored; the first is kept"
    )
    return False


# Rows are plain dicts: the record is validated once, in `ClusterProfile(...)`.
def _ranked(rec: _Record, path: str, e: Entry) -> dict[str, object]:
    return {
        "rank": rec.put(f"{path}.rank", e.rank),
        "name": rec.name(f"{path}.name", e.name),
        "count": rec.put(f"{path}.count", e.count),
        "share": rec.put(f"{path}.share", e.share),
    }


def _field(rec: _Record, path: str, p: Pair) -> dict[str, object]:
    return {
        "field": rec.name(f"{path}.field", p.field),
        "share": rec.put(f"{path}.share", p.share),
    }


def _prose_text(block: Block, raw: str) -> MappedText:
    """A prose block's text; a line numbered "36." keeps its number, which may be an ordinal
    of the sentence rather than a list marker ("36. größte ... Cluster 2024")."""
    number = block.ordinal_text
    if number is None or not block.text.text:
        return block.text
    start, end = number.raw_span(0, len(number.text))
    body = block.text.raw_span(0, 1)[0]
    if raw[end : end + 1] != "." or not 0 < body - end <= 4 or raw[end + 1 : body].strip():
        return block.text
    return join([MappedText.verbatim(raw, start, body), block.text])


def _in_reading_order(prose: list[MappedText], extra: list[MappedText]) -> list[MappedText]:
    """`prose` with each of `extra` set before the first text that starts after it in the
    source (texts without characters of their own stay where they are)."""
    out = list(prose)
    for t in extra:
        at = t.raw_span(0, 1)[0] if t.text else None
        k = len(out)
        if at is not None:
            k = next((i for i, p in enumerate(out) if p.text and p.raw_span(0, 1)[0] > at), k)
        out.insert(k, t)
    return out


def _pair(row: tuple[MappedText, ...]) -> bool:
    """A row of a key-value table: a label and one value (after empty cells: the rank column
    of a long export, "| | Cluster | Changsha, China")."""
    filled = [c.text for c in row if c.text]
    return len(filled) == 2 and (bool(row[0].text) or not _DIGIT.search(filled[0]))


_DIGIT = re.compile(r"\d")


def _flatten(rows: tuple[tuple[MappedText, ...], ...]) -> MappedText:
    """A table's rows as "label: value; label: value" text, for key-value layouts; a label
    written as an identifier reads as words ("global_size_rank  70": "global size rank: 70"),
    one with a footnote's mark without it ("National rank¹  2": "National rank: 2")."""
    out = []
    for row in rows:
        cells = [c for c in row if c.text]
        if cells and _IDENTIFIER.match(cells[0].text):
            cells[0] = underscores_as_spaces(cells[0])
        mark = _FOOTNOTE_MARK.search(cells[0].text) if cells else None
        if mark and mark.start():  # "National rank¹": the label, its footnote's mark aside
            cells[0] = cells[0].slice(0, mark.start())
        if len(cells) > 1 and cells[0].text.endswith(":"):
            cells[0] = cells[0].strip(" :")  # "PCT APPLICATIONS FILED:" | "309": one colon
        out.append(_row_text(cells))
    return join(out, "; ")


# Words set in a cell of their own between two figures: "2 | out of | 3 | Austrian clusters".
_CONNECTIVE = re.compile(r"out of|of|among|from")


def _row_text(cells: list[MappedText]) -> MappedText:
    """A row's cells joined by ": ", but by a space on either side of a cell of connecting
    words ("National rank: 2 out of 3 Austrian clusters ...", as a sheet spreads the phrase)."""
    if len(cells) < 4 or not any(_CONNECTIVE.fullmatch(c.text.strip()) for c in cells[2:-1]):
        return join(cells, ": ")
    text = cells[0]
    for k, cell in enumerate(cells[1:], start=1):
        near = k >= 2 and any(_CONNECTIVE.fullmatch(c.text.strip()) for c in cells[k - 1 : k + 1])
        text = join([text, cell], " " if near else ": ")
    return text


_IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_])[¹²³⁴-⁹]+$")


def _headed_partner_lists(
    parts: sec.Sections, lists: dict[int, list[Located]], found: dict[str, CollabFound]
) -> None:
    """Partner lists under a label read as a heading ("Top collaborative locations:" over a
    name a line, as a poster prints them): of the kind the label names, else of the share's
    sentence above it ("61% of Hefei's scientific articles are published in collaboration")."""
    prose = {id(b): k for k, (b, _) in enumerate(parts.prose)}
    for n, (_, block, _) in enumerate(parts.free):
        listed = lists.get(id(block))
        if listed is None or id(block) in prose:
            continue
        kind = collaboration_kind(block.text.text, None)
        # the list's first name, in prose order (a table's rows are no prose: the block after)
        after = parts.free[n + 1][1] if n + 1 < len(parts.free) else None
        first = prose.get(id(after), 0) if after is not None else len(parts.prose)
        for before, context in reversed(parts.prose[:first] if kind is None else []):
            t = before.text.text
            if mentions(COLLAB_WORD, t) and PERCENT.search(t):
                kind = collaboration_kind(t, context)
                break
        if kind:
            _merge(found, f"{kind}_collaboration", CollabFound(partners=listed))
