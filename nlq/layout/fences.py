"""Code cells in markdown: a fenced block tagged with a programming language is code.

A notebook rendered to markdown (Jupyter's nbconvert) or a README puts code between fences
("```python" ... "```"). The code is not the profile's text, yet it may hold figures and words
that look like the page's (`load_profile("x", edition=2024)`, `assert ... == 100`). A fence
whose info string names a programming language is removed as a `rewrite` edit; a fence without
one, or tagged as text or data ("```text", "```json"), may hold a pasted profile and is read.
Outputs printed after a cell (indented, outside the fence) are read as text.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# An opening fence as CommonMark writes it: up to three spaces, three or more backticks or
# tildes, an info string whose first word is the language.
_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([\w+#.-]+)[^\n`]*$", re.M)
_CODE_LANGUAGES = frozenset(
    "python py python3 ipython ipython3 r julia sql bash sh shell zsh powershell ps1 "
    "javascript js typescript ts java scala kotlin c cpp c++ csharp c# go rust ruby perl php "
    "matlab octave stata sas".split()
)


def code_fence_edits(text: str) -> list[Edit]:
    """Edits removing each fenced block tagged with a programming language, fences included."""
    if "```" not in text and "~~~" not in text:
        return []
    edits: list[Edit] = []
    pos = 0
    while (m := _OPEN.search(text, pos)) is not None:
        fence = m.group(2)
        close = re.compile(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}[ \t]*$", re.M)
        end_match = close.search(text, m.end())
        end = end_match.end() if end_match else len(text)  # an unclosed fence runs to the end
        if m.group(3).lower() in _CODE_LANGUAGES:
            edits.append(Edit(m.start(), end, ""))
        pos = end
    return edits
