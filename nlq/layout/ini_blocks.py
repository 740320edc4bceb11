"""Hand-kept INI-style notes: `[section]` headers over `key = value` lines.

A profile typed as a config file ("[top_pct_applicants]", "1 = NAME | 146 | 12%",
"national_rank = tenth-ranked cluster") is not TOML (its values are not quoted), so the TOML
reader passes it to the text reader, where "[section]" is no heading and every value is glued to
its key. When most lines are such headers, keys and comments, each is rewritten: a header
becomes a heading of its words ("top pct applicants"), a numbered key becomes the rank cell of
a pipe row ("1 | NAME | 146 | 12%"), another key becomes a label ("national rank: ..."), and a
comment line ("# updated 2025-02-11, rev 7") is removed, so no date or revision in it is read.
A text with fewer than two headers costs one line scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_HEADER = re.compile(r"^\[(?P<name>[A-Za-z][\w.-]*)\][ \t]*$", re.M)
_KEY = re.compile(r"^(?P<key>[A-Za-z0-9][\w.-]*)[ \t]*=[ \t]*(?=\S)")
_COMMENT = re.compile(r"^[ \t]*[#;]")


def ini_edits(text: str) -> list[Edit]:
    """Edits turning an INI-style profile into headings, labels and pipe rows (none when the
    text is not one)."""
    if len(_HEADER.findall(text)) < 2:
        return []
    edits: list[Edit] = []
    keyed = other = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if not body.strip():
            pass
        elif m := _HEADER.match(body):
            name = re.sub(r"[_.-]+", " ", m.group("name")).strip()
            edits.append(Edit(pos, pos + len(body), name[:1].upper() + name[1:] + "\n"))
        elif _COMMENT.match(body):
            edits.append(Edit(pos, pos + len(body), ""))
        elif m := _KEY.match(body):
            keyed += 1
            key = m.group("key")
            label = f"{key} | " if key.isdigit() else re.sub(r"[_.]+", " ", key) + ": "
            edits.append(Edit(pos, pos + m.end(), label))
        else:
            other += 1
        pos += len(line)
    return edits if keyed >= 4 and keyed > 3 * other else []
