"""A page saved as a list of typed blocks, as scrapers and block editors export it.

A scraper's JSON, or a block editor's (Editor.js, a CMS's API), keeps a page as a list of
records, each naming its kind and holding its content:

    {"type": "heading", "level": 1, "text": "Toulouse, France"}
    {"type": "paragraph", "text": "Toulouse is the 3rd-ranked cluster, ..."}
    {"type": "list", "heading": "Patents", "items": ["Transport (24%)", ...]}
    {"type": "table", "caption": "Top PCT applicants", "header": [...], "rows": [[...]]}

(an editor nests the content one level down: {"type": "header", "data": {"text": ...}}). Read as
one table of records, the kinds would be cells and the lists and tables inside them lost; read
by kind, each record is the block it was on the page: a heading of its level, a paragraph, list
items under the list's own title, a table under its caption. A list whose records are not all
of known kinds is none of this (`None`): it is read as the tree it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlq.layout.document import Block, BlockKind, MappedText

if TYPE_CHECKING:
    from yaml import MappingNode, Node

_TYPE_KEYS = ("type", "kind", "block_type", "blockType")
_HEADINGS = {"heading", "header", "title", "h1", "h2", "h3", "h4", "h5", "h6"}
_PARAGRAPHS = {"paragraph", "text", "p", "quote", "blockquote"}
_LISTS = {"list", "ul", "ol", "bullets", "bulleted_list", "numbered_list", "ordered_list"}
_LISTS |= {"unordered_list"}
_TABLES = {"table"}
_KNOWN = _HEADINGS | _PARAGRAPHS | _LISTS | _TABLES
_TEXT_KEYS = ("text", "content", "value")
_TITLE_KEYS = ("heading", "title", "caption", "label")
_ITEM_KEYS = ("items", "entries", "values")
_HEADER_KEYS = ("header", "headers", "head", "columns")
_ROW_KEYS = ("rows", "body", "content", "cells", "data")


def typed_blocks(raw: str, records: list[MappingNode], level: int) -> list[Block] | None:
    """The blocks of `records` read by their kinds, or None when one has no known kind."""
    fields = [_fields(r) for r in records]
    kinds = [_kind(f) for f in fields]
    if not records or any(k is None for k in kinds):
        return None
    out: list[Block] = []
    for kind, f in zip(kinds, fields, strict=True):
        out.extend(_blocks(raw, str(kind), f, level))
    return out


def _fields(record: MappingNode) -> dict[str, Node]:
    """A record's keys and values, an editor's "data" mapping merged in."""
    import yaml

    out: dict[str, Node] = {}
    for k, v in record.value:
        if not isinstance(k, yaml.ScalarNode):
            continue
        if k.value == "data" and isinstance(v, yaml.MappingNode):
            out.update(_fields(v))
        else:
            out.setdefault(str(k.value), v)
    return out


def _kind(fields: dict[str, Node]) -> str | None:
    """The block kind a record names ("heading", "header", "h2", "table", ...), if known."""
    import yaml

    for key in _TYPE_KEYS:
        node = fields.get(key)
        if isinstance(node, yaml.ScalarNode):
            kind = str(node.value).lower().replace("-", "_")
            return kind if kind in _KNOWN else None
    return None


def _blocks(raw: str, kind: str, fields: dict[str, Node], level: int) -> list[Block]:
    """The blocks of one record of `kind`: a heading, a paragraph, or a list or table under
    its title."""
    import yaml

    from nlq.layout.yaml_tree import _grid_rows, _scalar, _scalars  # it imports this module

    def text_of(keys: tuple[str, ...]) -> MappedText | None:
        for key in keys:
            node = fields.get(key)
            if isinstance(node, yaml.ScalarNode):
                t = _scalar(raw, node)
                if t is not None and t.text.strip():
                    return t
        return None

    def seq_of(keys: tuple[str, ...]) -> list[Node] | None:
        for key in keys:
            node = fields.get(key)
            if isinstance(node, yaml.SequenceNode):
                return node.value
        return None

    if kind in _HEADINGS:
        text = text_of(_TEXT_KEYS)
        if text is None:
            return []
        depth = fields.get("level")
        n = int(kind[1]) if kind[:1] == "h" and kind[1:].isdigit() else None
        if n is None and isinstance(depth, yaml.ScalarNode) and str(depth.value).isdigit():
            n = int(depth.value)
        return [Block(BlockKind.HEADING, text=text, level=n or level)]
    if kind in _PARAGRAPHS:
        text = text_of(_TEXT_KEYS)
        return [Block(BlockKind.PARAGRAPH, text=text)] if text is not None else []
    out: list[Block] = []
    title = text_of(_TITLE_KEYS)
    if title is not None:
        out.append(Block(BlockKind.HEADING, text=title, level=level + 1))
    if kind in _LISTS:
        items = seq_of(_ITEM_KEYS) or []
        texts = [_scalar(raw, i) for i in items if isinstance(i, yaml.ScalarNode)]
        out.extend(Block(BlockKind.LIST_ITEM, text=t) for t in texts if t and t.text.strip())
        return out
    rows = seq_of(_ROW_KEYS)
    grid = _grid_rows(raw, rows) if rows else None
    if grid is None:
        return out
    header = seq_of(_HEADER_KEYS)
    if header and _scalars(header):
        grid.insert(0, tuple(_scalar(raw, h) or MappedText("", []) for h in header))
    out.append(Block(BlockKind.TABLE, rows=tuple(grid)))
    return out
