"""YAML and JSON exports (a dashboard's dump of a profile) -> blocks, through PyYAML's node tree
(JSON is YAML: one reader serves both).

PyYAML's composer gives every key and value with its start and end offsets in the source, so a
value keeps its exact span; comments ("# previous export: edition 2024") are not content. The
tree becomes the blocks the other readers give:

- a key whose value is a scalar: a "key: value" line (underscores and camelCase humps in keys
  read as spaces: "top_pct_applicants" and "topPctApplicants" are "top pct applicants");
- a key whose value is a mapping: a heading, then its contents one level down; a mapping of
  shares ("Transport: 16%", ...) is a two-column table under that heading;
- a key whose value is a list of mappings ("- rank: 1 / name: X / patents: 212 / share: 18%",
  or flow mappings "{rank: 1, name: X, ...}"): a table whose header row is the first mapping's
  keys; a list of scalars ("[İstanbul, Ankara, Munich]"): one "key: a, b, c" line;
- a null value ("~") gives nothing.

A page a scraper saved as JSON keeps its page's shape: a heading tag's key ("h1": "Hefei,
China", "h2": "Top PCT applicants") is a heading of that level, not a "key: value" line, and
so is a "heading" or "headline" key's value, at its depth; a table
saved as its header and rows ({"header": ["", "Patents"], "rows": [["1", "X", "212"]]}, or a
bare list of rows) is a table; a list of sentences ("paragraphs": ["27% of ...", "78% of ..."])
is one paragraph each; a list of sections (records holding headings, tables or lists) is
read section by section, each record one level down; and a list of typed blocks ({"type":
"heading", "text": ...}, {"type": "table", ...}) block by block (`typed_blocks`).

A quoted value with escapes ("Z\\u00fcrich") maps each decoded character to its escape; a
value whose text in the source is still not its value is left out: a name or figure is never
emitted from characters that are not in the file. A file that is not valid
YAML, or whose top is not a mapping, is read as plain text instead (`None`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlq.layout.card_text import (
    figure_names,
    is_card_title,
    is_page_text,
    page_blocks,
    record_name,
)
from nlq.layout.collapse import collapse
from nlq.layout.data_keys import earlier_edition, key_words, qualified, request_parameters
from nlq.layout.document import Block, BlockKind, MappedText, Run, join
from nlq.layout.typed_blocks import typed_blocks

if TYPE_CHECKING:  # PyYAML is imported only when a YAML file is read
    from yaml import MappingNode, Node, SequenceNode

_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
# A node's properties before its value: an anchor ("&ustc") or a tag ("!!str"). An alias
# ("*ustc") is the anchored node itself, so its value keeps the anchored value's span.
_PROPERTIES = re.compile(r"(?:[&!][^\s]*\s+)+")
_SHARE = re.compile(r"^\(?\s*\d[\d.,]*\s?%\s*\)?$")
# A scraped page's heading key: a tag's ("h2") or the word ("heading", "headline").
_HEADING_TAG = re.compile(r"h([1-6])|heading|headline", re.I)
_TABLE_KEYS = frozenset({"table", "rows", "data", "grid", "body", "tbody"})  # names no figure
_HEADER_KEYS = frozenset({"header", "headers", "head", "thead", "columns", "cols"})
_ROWS_KEYS = frozenset({"rows", "data", "body", "tbody", "cells"})
# A sentence: words, then a full stop or colon at the end ("... making it the:").
_SENTENCE = re.compile(r"\w\s+\w+(?:\s+\w+){4,}.*[.:]\s*$", re.S)


def yaml_blocks(raw: str) -> list[Block] | None:
    """Blocks of a YAML document, or None when `raw` is not a YAML mapping."""
    import yaml

    # libyaml's loader gives the same node marks (character offsets) about ten times faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        nodes = list(yaml.compose_all(raw, Loader=loader))
    except yaml.YAMLError:
        return None
    roots = [n for n in nodes if isinstance(n, yaml.MappingNode)]
    if not roots or len(roots) != len([n for n in nodes if n is not None]):
        return None
    return tree_blocks(raw, roots)


def tree_blocks(raw: str, roots: list[MappingNode]) -> list[Block]:
    """Blocks of mapping nodes whose marks are offsets in `raw` (also built by `toml_tree`)."""
    out: list[Block] = []
    for root in roots:
        _mapping(raw, root, 1, out)
    return out


def _mapping(
    raw: str, node: MappingNode, level: int, out: list[Block], parent: MappedText | None = None
) -> None:
    import yaml

    for key_node, value in node.value:
        if key_node.tag == _MERGE:  # "<<: *defaults": the anchored mapping's keys are this one's
            merged = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for m in merged:
                if isinstance(m, yaml.MappingNode):
                    _mapping(raw, m, level, out, parent)
            continue
        key = _scalar(raw, key_node)
        if key is None or not key.text:
            continue
        key = key_words(key)
        if isinstance(value, yaml.ScalarNode):
            text = _scalar(raw, value)
            tag = _HEADING_TAG.fullmatch(key.text)
            if tag and text is not None and text.text.strip():
                level = int(tag.group(1)) if tag.group(1) else level  # "heading": its level
                out.append(Block(BlockKind.HEADING, text=text, level=level))
            elif (
                text is not None
                and text.text
                and parent is None
                and is_card_title(key, level, text)
            ):
                out.append(Block(BlockKind.HEADING, text=text, level=1))  # a card's title
            elif text is not None and text.text and is_page_text(text):
                out.extend(page_blocks(key, text, level))  # a card's "desc" of paragraphs
            elif text is not None and text.text:
                label = qualified(parent, key)  # "cluster" / "name": "cluster name"
                out.append(Block(BlockKind.PARAGRAPH, text=join([label, _unbold(text)], ": ")))
        elif earlier_edition(key) or request_parameters(key):
            continue  # another edition's figures, or the request an API answered
        elif isinstance(value, yaml.MappingNode) and (grid := _saved_table(raw, value)):
            if key.text.lower() not in _TABLE_KEYS:
                out.append(Block(BlockKind.HEADING, text=key, level=level))
            out.append(Block(BlockKind.TABLE, rows=tuple(grid)))
        elif isinstance(value, yaml.MappingNode):
            out.append(Block(BlockKind.HEADING, text=key, level=level))
            pairs = _share_rows(raw, value) or _ranked_rows(raw, value)
            if pairs is not None:
                out.append(Block(BlockKind.TABLE, rows=tuple(pairs)))
            else:
                _mapping(raw, value, level + 1, out, key)
        elif isinstance(value, yaml.SequenceNode):
            _sequence(raw, key, value, level, out)


def _sequence(raw: str, key: MappedText, node: SequenceNode, level: int, out: list[Block]) -> None:
    import yaml

    items = node.value
    if _wrapped_values(raw, items):  # [{"name": "Oslo"}, {"name": "Bergen"}]: the names
        items = [i.value[0][1] for i in items]
    if items and _scalars(items):
        texts = [t for i in items if (t := _scalar(raw, i)) is not None and t.text]
        if texts and any(_SENTENCE.search(t.text) for t in texts):  # a list of paragraphs
            out.append(Block(BlockKind.HEADING, text=key, level=level))
            out.extend(Block(BlockKind.PARAGRAPH, text=_unbold(t)) for t in texts)
        elif texts:
            out.append(Block(BlockKind.PARAGRAPH, text=join([key, join(texts, ", ")], ": ")))
        return
    grid = _grid_rows(raw, items)
    if grid is not None:  # "rows": [["1", "X", "212"], ...]
        if key.text.lower() not in _TABLE_KEYS:
            out.append(Block(BlockKind.HEADING, text=key, level=level))
        out.append(Block(BlockKind.TABLE, rows=tuple(grid)))
        return
    records = [i for i in items if isinstance(i, yaml.MappingNode)]
    typed = typed_blocks(raw, records, level) if len(records) == len(items) else None
    if typed is not None:  # {"type": "heading", "text": ...}, {"type": "table", ...}: a page
        out.extend(typed)
        return
    if records and all(_section_record(r) for r in records):  # a page's sections
        for record in records:
            _mapping(raw, record, level + 1, out)
        return
    out.append(Block(BlockKind.HEADING, text=key, level=level))
    if not records:
        return
    if all(len(r.value) == 1 for r in records):  # "- Semiconductors: 35%" items: shares
        pairs = _share_rows(raw, yaml.MappingNode(_MAP, [r.value[0] for r in records]))
        if pairs is not None:
            out.append(Block(BlockKind.TABLE, rows=tuple(pairs)))
            return
    if _nested_records(raw, records, level, out):
        return
    columns: list[str] = []
    header: list[MappedText] = []
    for k, _ in records[0].value:
        name = _scalar(raw, k)
        if name is not None and name.text not in columns:
            columns.append(name.text)
            header.append(key_words(name))
    rows: list[tuple[MappedText, ...]] = [tuple(header)]
    for record in records:
        cells = {}
        for k, v in record.value:
            name = _scalar(raw, k)
            if name is not None and isinstance(v, yaml.ScalarNode):
                cells[name.text] = _scalar(raw, v)
        rows.append(tuple(cells.get(c) or MappedText("", []) for c in columns))
    out.append(Block(BlockKind.TABLE, rows=tuple(rows)))


_BOLD = re.compile(r"\*\*(?=\S)|(?<=\S)\*\*")


def _unbold(text: MappedText) -> MappedText:
    """A value's text without the markdown bold a scraper kept in it ("with **Seoul**, ...")."""
    return text.drop_pattern(_BOLD) if "**" in text.text else text


def _section_record(record: MappingNode) -> bool:
    """Whether a list's record is a section of a page: it has a heading tag's key ("h2") or
    holds a table or a list of records or rows, and no figure of its own beside them."""
    import yaml

    keys = [k.value for k, _ in record.value if isinstance(k, yaml.ScalarNode)]
    if any(isinstance(k, str) and _HEADING_TAG.fullmatch(k.lower()) for k in keys):
        return True
    nested = [
        v
        for _, v in record.value
        if isinstance(v, yaml.MappingNode)
        or (isinstance(v, yaml.SequenceNode) and not _scalars(v.value))
    ]
    return bool(nested) and len(nested) == len(record.value)


def _scalars(items: list[Node]) -> bool:
    """Whether every node of `items` is a scalar."""
    import yaml

    return all(isinstance(i, yaml.ScalarNode) for i in items)


def _saved_table(raw: str, node: MappingNode) -> list[tuple[MappedText, ...]] | None:
    """The rows of a table saved as its header and rows ({"header": [...], "rows": [[...]]}):
    the header row, then each row's cells; None if `node` is not one."""
    import yaml

    header = body = None
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode) or not isinstance(v, yaml.SequenceNode):
            return None
        name = str(k.value).lower()
        if name in _HEADER_KEYS and _scalars(v.value):
            header = v
        elif name in _ROWS_KEYS:
            body = v
        else:
            return None
    rows = _grid_rows(raw, body.value) if body is not None else None
    if rows is None:
        return None
    if header is not None:
        rows.insert(0, tuple(_scalar(raw, i) or MappedText("", []) for i in header.value))
    return rows


def _grid_rows(raw: str, items: list[Node]) -> list[tuple[MappedText, ...]] | None:
    """The rows of a list of rows of scalars ([["1", "X", "212"], ...]), or None."""
    import yaml

    if not items:
        return None
    rows = []
    for item in items:
        if not isinstance(item, yaml.SequenceNode) or not item.value or not _scalars(item.value):
            return None
        rows.append(tuple(_scalar(raw, c) or MappedText("", []) for c in item.value))
    return rows


def _scalar_cells(raw: str, record: MappingNode) -> dict[str, MappedText | None]:
    import yaml

    cells: dict[str, MappedText | None] = {}
    for k, v in record.value:
        name = _scalar(raw, k)
        if name is not None and isinstance(v, yaml.ScalarNode):
            cells[name.text.lower()] = _scalar(raw, v)
    return cells


def _nested_records(raw: str, records: list[MappingNode], level: int, out: list[Block]) -> bool:
    """Checklists and their items (`card_text`): records holding lists, each a heading of its
    name then its own list; records whose names carry the figures, list items of the names.
    False when `records` is neither (a plain table)."""
    import yaml

    names = [record_name(_scalar_cells(raw, r)) for r in records]
    if figure_names(names):
        out.extend(Block(BlockKind.LIST_ITEM, text=_unbold(n)) for n in names if n is not None)
        return True
    nested = [[(k, v) for k, v in r.value if isinstance(v, yaml.SequenceNode)] for r in records]
    if not any(nested) or any(n is None for n in names):
        return False
    for name, lists in zip(names, nested, strict=True):
        assert name is not None
        out.append(Block(BlockKind.HEADING, text=name, level=level + 1))
        for k, v in lists:
            key = _scalar(raw, k)
            if key is not None and v.value:
                at = len(out)
                _sequence(raw, key_words(key), v, level + 2, out)
                if len(lists) == 1 and out[at].kind is BlockKind.HEADING:
                    del out[at]  # the record's one list ("checkItems") is under its name
    return True


def _wrapped_values(raw: str, items: list[Node]) -> bool:
    """Whether a list is of objects that each wrap one value under one same key and are no
    shares (a web API's `[{"name": "Oslo"}, {"name": "Bergen"}]`): read as the list of values."""
    import yaml

    keys = set()
    for i in items:
        if not isinstance(i, yaml.MappingNode) or len(i.value) != 1:
            return False
        k, v = i.value[0]
        text = _scalar(raw, v) if isinstance(v, yaml.ScalarNode) else None
        if text is None or _SHARE.match(text.text):
            return False
        keys.add(k.value)
    return len(keys) == 1


def _share_rows(raw: str, node: MappingNode) -> list[tuple[MappedText, ...]] | None:
    """The rows of a mapping of names to shares ("Transport: 16%"), or None if it is not one."""
    import yaml

    rows = []
    for k, v in node.value:
        if not isinstance(v, yaml.ScalarNode):
            return None
        key, value = _scalar(raw, k), _scalar(raw, v)
        if key is None or value is None:
            continue
        rows.append((key, value))
    if sum(1 for _, v in rows if _SHARE.match(v.text)) < 2 and not _bare_shares(rows):
        return None
    return rows


def _bare_shares(rows: list[tuple[MappedText, MappedText]]) -> bool:
    """Whether a mapping's values are bare percentages ("Semiconductors: 35", "Other: 25"):
    three or more whole numbers up to 100 under named keys that add up to 100 (give or take
    rounding), as a breakdown's shares do."""
    if len(rows) < 3 or not all(v.text.isdigit() and not k.text.isdigit() for k, v in rows):
        return False
    values = [int(v.text) for _, v in rows]
    return max(values) <= 100 and 98 <= sum(values) <= 102


def _ranked_rows(raw: str, node: MappingNode) -> list[tuple[MappedText, ...]] | None:
    """The rows of a mapping of ranks to records ("1:" over "name: X", "patents: 212",
    "share: 18%"): a header of the first record's keys after an empty rank cell, then one row
    per rank; None if it is not one."""
    import yaml

    records = []
    for k, v in node.value:
        rank = _scalar(raw, k)
        if rank is None or not rank.text.isdigit() or not isinstance(v, yaml.MappingNode):
            return None
        if not all(isinstance(x, yaml.ScalarNode) for _, x in v.value):
            return None
        records.append((rank, v))
    if len(records) < 2:
        return None
    columns: list[str] = []
    header: list[MappedText] = [MappedText("", [])]
    for k, _ in records[0][1].value:
        name = _scalar(raw, k)
        if name is not None and name.text not in columns:
            columns.append(name.text)
            header.append(key_words(name))
    rows: list[tuple[MappedText, ...]] = [tuple(header)]
    for rank, record in records:
        cells = {}
        for k, v in record.value:
            name = _scalar(raw, k)
            if name is not None:
                cells[name.text] = _scalar(raw, v)
        rows.append((rank, *(cells.get(c) or MappedText("", []) for c in columns)))
    return rows


def _scalar(raw: str, node: Node) -> MappedText | None:
    """The source text of a scalar node, mapped; None for a null or a value whose text in the
    source is not its value."""
    if node.tag == _NULL:
        return None
    start, end = node.start_mark.index, node.end_mark.index
    if raw[start : start + 1] in ("&", "!"):
        props = _PROPERTIES.match(raw, start, end)
        start = props.end() if props else start
    value = node.value
    if node.style == '"' and "\\" in raw[start:end]:
        return _escaped(raw, start + 1, end - 1, value)
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    elif node.style in ("|", ">"):
        start = raw.find("\n", start, end) + 1  # after the indicator line
    t = MappedText.verbatim(raw, start, end)
    if t.text == value:
        return t
    folded = collapse([t])
    return folded if folded.text.split() == value.split() else None


_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)", re.S)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "/": "/", "0": "\0"}


def _escaped(raw: str, start: int, end: int, value: str) -> MappedText | None:
    """A double-quoted scalar with escapes ("Z\\u00fcrich", as JSON exports write it): each
    decoded character maps to its escape in the source. None if the decoding is not `value`."""
    pieces: list[MappedText] = []
    pos = start
    for m in _ESCAPE.finditer(raw, start, end):
        code = m.group()[1:]
        if code[0] in "uUx":
            ch = chr(int(code[1:], 16))
        elif code in _SIMPLE:
            ch = _SIMPLE[code]
        else:
            return None
        pieces += [
            MappedText.verbatim(raw, pos, m.start()),
            MappedText(ch, [Run(0, 1, *m.span(), False)]),
        ]
        pos = m.end()
    pieces.append(MappedText.verbatim(raw, pos, end))
    t = join(pieces)
    return t if t.text == value else None
