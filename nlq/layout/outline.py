"""An indented "key: value" outline that is almost YAML, read through the YAML reader.

Analysts paste a profile as an outline of `key: value` lines, indented like YAML, with `#`
comments, nested `1:` records and `- Field: 35%` items, but not valid YAML: a line often keeps
a value and has children too ("profile: Global Innovation Index 2024" over indented keys). Such
a line stays a "key: value" line and its children are moved out to its level (their extra
indent dropped); the repaired text is read by `yaml_tree`, every character still mapped to the
file. A value wrapped onto a line indented to its column stays a
continuation, not a child. Only text files whose lines are nearly all keys, comments or items
are tried, and a file that is still not YAML is read as plain text.
"""

from __future__ import annotations

import re

from nlq.layout.document import Block
from nlq.layout.rewrite import Edit, apply, remap_blocks

_KEY = re.compile(r"^( *)(?:- )?([^\s#:][^:#]*?):(?: +(\S.*?))?\s*(?:#.*)?$")
_COMMENT = re.compile(r"^\s*#")


def outline_blocks(raw: str) -> list[Block] | None:
    """Blocks of an almost-YAML outline, or None when `raw` is not one."""
    if "\t" in raw:
        return None
    head = raw.split("\n", 80)[:80]  # judged by its first lines: most texts fail at once
    content = [ln for ln in head if ln.strip() and not _COMMENT.match(ln)]
    if len(content) < 8 or not any(ln.startswith(" ") for ln in content):
        return None
    # Four lines in five must be keys or items: stop at the first miss that rules that out.
    need, misses = 0.8 * len(content), 0
    for ln in content:
        if not (_KEY.match(ln) or ln.lstrip().startswith("- ")):
            misses += 1
            if len(content) - misses < need:
                return None
    from nlq.layout.yaml_tree import yaml_blocks

    base = apply(raw, _repairs(raw.split("\n")))
    blocks = yaml_blocks(base.text)
    return None if blocks is None else remap_blocks(blocks, base)


def _repairs(lines: list[str]) -> list[Edit]:
    """Edits moving the children of a key that also has a value out to the key's level."""
    starts = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    shift = [0] * len(lines)
    for k, ln in enumerate(lines):
        m = _KEY.match(ln)
        if m is None or m.group(3) is None:
            continue
        child = _next_content(lines, k)
        if child is None:
            continue
        parent = len(m.group(1))
        by = _indent(child) - parent
        if by <= 0 or _indent(child) >= m.start(3):
            continue  # a sibling, or a wrapped value aligned to the value's column
        for j in range(k + 1, len(lines)):
            if lines[j].strip() and not _COMMENT.match(lines[j]) and _indent(lines[j]) <= parent:
                break
            shift[j] += by
    return [
        Edit(starts[j], starts[j] + min(n, _indent(lines[j])), "") for j, n in enumerate(shift) if n
    ]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _next_content(lines: list[str], k: int) -> str | None:
    for ln in lines[k + 1 :]:
        if ln.strip() and not _COMMENT.match(ln):
            return ln
    return None
