"""A chart's axis ticks left in the text ("0%   10%   20%   30%"), which are not data.

A chart copied or OCR'd as text keeps only what it prints as characters: often just the ticks
of its share axis, on a line of their own under the chart's title ("Patents" / "0%  l0%  20%
30%"). Read as they are, the ticks are a table row of shares, or a field named "l" (an OCR "l"
for "1") with a share of 0%. A line is an axis when it holds only three or more percentages that
start at 0% and rise in equal steps (an OCR "l", "I" or "O" standing for a digit), so a row of
a breakdown's shares ("35%  18%  7%") never is. A PDF viewer's "Copy All" puts each tick on a
line of its own ("0%" / "10%" / "20%" / "30%"): three or more such lines in a row, rising the
same way, are an axis too. Such lines are deleted, line breaks included; a text without a line
starting "0%" costs one regex scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_TICK = r"[\dlIO]{1,3}[ \t]?%"
_AXIS = re.compile(
    rf"^[ \t]*0[ \t]?%(?:(?:[ \t]+{_TICK}){{2,}}[ \t]*|[ \t]*(?:\n[ \t]*{_TICK}[ \t]*){{2,}})"
    r"(?:\n|$)",
    re.M,
)
_OCR_DIGITS = str.maketrans("lIO", "110")


def axis_tick_edits(text: str) -> list[Edit]:
    """Edits deleting every line of `text` that is a chart's share axis."""
    edits = []
    for m in _AXIS.finditer(text):
        ticks = [int(t.translate(_OCR_DIGITS)) for t in re.findall(r"[\dlIO]+", m.group())]
        steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
        if len(steps) == 1 and steps.pop() > 0:
            edits.append(Edit(m.start(), m.end(), ""))
    return edits
