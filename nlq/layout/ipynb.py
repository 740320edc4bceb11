"""A Jupyter notebook file (`.ipynb` JSON): its markdown cells and printed outputs as the page.

An analyst who copied a profile into a notebook saves JSON: each cell's lines are strings in a
`source` list with escaped newlines ("# Hefei, China\\n"), a code cell's printouts sit in its
`outputs` (`stream` text, or an `execute_result`'s `text/plain`), and around them are the
notebook's bookkeeping: `execution_count`, cell ids, `metadata`, `nbformat`. None of that, nor
the code itself (`pd.set_option('display.width', 120)`), is the profile's text. These edits keep
only the markdown cells' text and the outputs' text, in the notebook's order, each escape read
as the character it stands for and mapped to it in the file, one blank line between cells.
Only a JSON object with a `cells` list and an `nbformat` key is a notebook; anything else is
left alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlq.layout.rewrite import Edit

if TYPE_CHECKING:  # PyYAML is imported only when a notebook is read
    from yaml import MappingNode, Node

# An escape: a surrogate pair (an emoji) as one character, a \u00d8, a \n or a \".
_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)"
)
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SIMPLE = {"n": "\n", "t": "\t", "r": "", '"': '"', "\\": "\\", "/": "/", "b": "", "f": ""}


def is_notebook(text: str) -> bool:
    """Whether `text` looks like a notebook's JSON (a cheap test; `ipynb_edits` checks it)."""
    return text[:64].lstrip().startswith("{") and '"nbformat"' in text and '"cells"' in text


def ipynb_edits(text: str) -> list[Edit]:
    """Edits reducing a notebook's JSON to its markdown and output text (none if not one)."""
    if not is_notebook(text):
        return []
    strings = _cell_strings(text)
    if not strings:
        return []
    edits: list[Edit] = []
    pos = 0
    for k, cell in enumerate(strings):
        for j, (start, end) in enumerate(cell):
            edits.append(Edit(pos, start, "\n\n" if k and not j else ""))
            edits.extend(_unescaped(text, start, end))
            pos = end
    edits.append(Edit(pos, len(text), "\n"))
    return [e for e in edits if e.end > e.start]


def _cell_strings(text: str) -> list[list[tuple[int, int]]]:
    """For each cell shown, the spans of its strings' contents (inside the quotes)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # YAML has no surrogate pairs (\ud83d\udcc5, an emoji as JSON escapes it): each half
    # becomes an escape of the same length, so the node marks stay offsets in `text`.
    try:
        root = yaml.compose(_SURROGATE.sub(r"\\u003f", text), Loader=loader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode) or "nbformat" not in _keys(root):
        return []
    cells = _keys(root).get("cells")
    if not isinstance(cells, yaml.SequenceNode):
        return []
    out: list[list[tuple[int, int]]] = []
    for cell in cells.value:
        if not isinstance(cell, yaml.MappingNode):
            continue
        fields = _keys(cell)
        kind = fields.get("cell_type")
        if kind is None or not isinstance(kind, yaml.ScalarNode):
            continue
        if kind.value == "markdown":
            spans = _strings(fields.get("source"))
        elif kind.value == "code":
            spans = _output_strings(fields.get("outputs"))
        else:
            continue
        if spans:
            out.append(spans)
    return out


def _output_strings(outputs: Node | None) -> list[tuple[int, int]]:
    """The text a code cell printed: stdout streams and results' plain text."""
    import yaml

    spans: list[tuple[int, int]] = []
    if not isinstance(outputs, yaml.SequenceNode):
        return spans
    for output in outputs.value:
        if not isinstance(output, yaml.MappingNode):
            continue
        fields = _keys(output)
        kind = fields.get("output_type")
        kind_name = kind.value if isinstance(kind, yaml.ScalarNode) else ""
        stream = fields.get("name")
        if kind_name == "stream" and not (
            isinstance(stream, yaml.ScalarNode) and stream.value == "stderr"
        ):
            spans += _strings(fields.get("text"))
        elif kind_name in ("execute_result", "display_data"):
            data = fields.get("data")
            if isinstance(data, yaml.MappingNode):
                spans += _strings(_keys(data).get("text/plain"))
    return spans


def _keys(node: MappingNode) -> dict[str, Node]:
    """A mapping node's values by their keys' text."""
    return {k.value: v for k, v in node.value if isinstance(k.value, str)}


def _strings(node: Node | None) -> list[tuple[int, int]]:
    """Spans of a JSON string's contents, or of each string of a list of strings."""
    import yaml

    if isinstance(node, yaml.SequenceNode):
        items = node.value
    elif node is not None:
        items = [node]
    else:
        return []
    spans = []
    for item in items:
        if isinstance(item, yaml.ScalarNode) and item.style == '"':
            start, end = item.start_mark.index + 1, item.end_mark.index - 1
            if end > start:
                spans.append((start, end))
    return spans


def _unescaped(text: str, start: int, end: int) -> list[Edit]:
    """Edits replacing each escape in `text[start:end]` by the character it stands for."""
    edits = []
    for m in _ESCAPE.finditer(text, start, end):
        code = m.group()[1:]
        if code[0] == "u":
            ch = m.group().encode("ascii").decode("unicode_escape")
            ch = ch.encode("utf-16", "surrogatepass").decode("utf-16")
        else:
            ch = _SIMPLE.get(code, code)
        edits.append(Edit(m.start(), m.end(), ch))
    return edits
