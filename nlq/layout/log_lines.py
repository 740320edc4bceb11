"""Line-delimited JSON (NDJSON / JSON Lines, a job's log export of a profile) -> blocks.

Every non-blank line is one JSON object. Each is read through PyYAML's node tree (JSON is YAML)
with its marks shifted to the line's offset, so every value keeps its exact span, and becomes
the blocks a JSON dump gives (`yaml_tree.tree_blocks`), with what a log adds taken away:

- the log's own fields are not data: the time stamp, level, job, run and message-kind keys
  ("ts", "level", "run_id", "msg"...) and counters of the export itself ("rows_expected",
  "rows_written", "duration_ms");
- a line below the normal level (DEBUG, TRACE) or a warning or error is the job talking about
  itself (a comparison with an earlier edition, a section it did not find), not the profile;
- a record that names its figure ("key": "global_size_rank", "value": 92) is that figure's
  "key: value" line; a record that carries a sentence ("text": "92nd largest ...") is read by
  that sentence, which says what its figures are;
- records that name a list ("list": "top_pct_applicants", "rank": 1, "name": ...) are the rows
  of one table under that list's name, consecutive ones together.

A file with a line that is not a JSON object is not one of these (`None`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlq.layout.document import Block, BlockKind
from nlq.layout.yaml_tree import _scalar, tree_blocks

if TYPE_CHECKING:
    from yaml import MappingNode, Node

_META = re.compile(
    r"^(?:@?timestamp|ts|time|datetime|level|severity|lvl|log_?level|logger|job(?:_id)?"
    r"|run(?:_?id)?|request_id|trace_id|span_id|host(?:name)?|pid|thread|msg|event|type"
    r"|rows_\w+|duration(?:_\w+)?|\w+_ms|elapsed\w*)$",
    re.I,
)
_QUIET = re.compile(r"^(?:debug|trace|verbose|warn|warning|error|err|fatal|critical)$", re.I)
_LEVEL = re.compile(r"^(?:level|severity|lvl|log_?level)$", re.I)
_LIST = ("list", "table", "section_list")
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Mark:
    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


def log_line_blocks(raw: str) -> list[Block] | None:
    """Blocks of an NDJSON file, or None when some non-blank line is not a JSON object."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    records: list[MappingNode] = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.strip()
        if not body:
            continue
        if not (body.startswith("{") and body.endswith("}")):
            return None
        try:
            node = yaml.compose(line, Loader=loader)
        except yaml.YAMLError:
            return None
        if not isinstance(node, yaml.MappingNode):
            return None
        _shift(node, start)
        records.append(node)
    if len(records) < 2:
        return None
    return _blocks(raw, records)


def _shift(node: Node, offset: int) -> None:
    node.start_mark = _Mark(node.start_mark.index + offset)  # type: ignore[assignment]
    node.end_mark = _Mark(node.end_mark.index + offset)  # type: ignore[assignment]
    if isinstance(node.value, list):
        for item in node.value:
            for child in item if isinstance(item, tuple) else (item,):
                _shift(child, offset)


def _blocks(raw: str, records: list[MappingNode]) -> list[Block]:
    import yaml

    out: list[Block] = []
    pending: list[MappingNode] = []  # consecutive rows of one list
    pending_list: tuple[Node, str] | None = None

    def flush() -> None:
        nonlocal pending, pending_list
        if pending_list is not None and pending:
            seq = yaml.SequenceNode(_SEQ, pending)
            out.extend(tree_blocks(raw, [yaml.MappingNode(_MAP, [(pending_list[0], seq)])]))
        pending, pending_list = [], None

    for record in records:
        fields = {}
        for k, v in record.value:
            if isinstance(k, yaml.ScalarNode):
                fields[k.value] = (k, v)
        if any(
            _LEVEL.match(name) and isinstance(v, yaml.ScalarNode) and _QUIET.match(v.value)
            for name, (_, v) in fields.items()
        ):
            continue
        kept = [(k, v) for name, (k, v) in fields.items() if not _META.match(name)]
        listed = next((fields[n][1] for n in _LIST if n in fields), None)
        if isinstance(listed, yaml.ScalarNode):
            if pending_list is None or pending_list[1] != listed.value:
                flush()
                pending_list = (listed, listed.value)
            rest = [(k, v) for k, v in kept if k.value not in _LIST]
            pending.append(yaml.MappingNode(_MAP, rest))
            continue
        flush()
        text = fields.get("text")
        if text is not None and isinstance(text[1], yaml.ScalarNode):
            sentence = _scalar(raw, text[1])
            if sentence is not None and len(sentence.text.split()) >= 4:
                out.append(Block(BlockKind.PARAGRAPH, text=sentence))
                continue
        key, value = fields.get("key"), fields.get("value")
        if key is not None and value is not None and isinstance(key[1], yaml.ScalarNode):
            kept = [(key[1], value[1])]
        out.extend(tree_blocks(raw, [yaml.MappingNode(_MAP, kept)]))
    flush()
    return out
