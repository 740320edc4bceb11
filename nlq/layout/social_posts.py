"""A thread copied from a social network (X/Twitter, Mastodon, Bluesky) read as its author's posts.

Each post carries a header line naming its writer, handle and date ("Dr. Ines Marlow
@inesmarlow · Feb 6, 2025"); a thread numbers its posts at their end ("... so you don't have
to. 1/7", or "6/7" on a line of its own); the first post may have a line of its time and views
("12:04 PM · Feb 6, 2025 · 18.4K Views"), and posts have a line of reaction counts ("💬 23
🔁 41 ❤️ 212"). None of that is the page: read as text, a header becomes a list item, a counter
a figure of the sentence it ends, a reaction line a table of counts. Replies by other writers
("Replying to @inesmarlow", then "Tomas R. @tr_data · Feb 7, 2025") quote other figures ("was
5th in 2023") and are no part of the thread either.

With two post headers or more, `rewrite` edits remove the headers, the counters, the time and
reaction lines, and every post by a writer other than the first post's. A text without " @"
costs one substring scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# "Dr. Ines Marlow @inesmarlow · Feb 6, 2025", "Tomas R. @tr_data · 2h": a name, a handle
# (Bluesky's "@name.bsky.social", Mastodon's "@name@host" too), a middle dot and a date or an age.
_HEADER = re.compile(
    r"(?m)^[ \t]*[^\W\d_][^\n@·]{0,60}?[ \t]+@(?P<handle>\w[\w.-]{0,60}(?:@[\w.-]{1,60})?)"
    r"[ \t]+·[ \t]+[^\n·]{1,30}?[ \t]*$"
)
_REPLYING = re.compile(r"(?m)^[ \t]*Replying[ \t]+to[ \t]+@\w[^\n]*$")
# "1/7" or "(1/7)" ending a post's last line, or alone on a line.
_COUNTER = re.compile(r"(?m)(?:^|(?<=\S)[ \t]+)\(?(?P<n>\d{1,2})/(?P<m>\d{1,2})\)?[ \t]*$")
# "12:04 PM · Feb 6, 2025 · 18.4K Views": a post's time line.
_TIME_LINE = re.compile(r"(?m)^[ \t]*\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]+·[ \t]+[^\n]*$")
# "💬 23   🔁 41   ❤️ 212   🔖 9": symbols and their counts, nothing else.
_REACTIONS = re.compile(r"(?m)^[ \t]*(?:[^\w\s]{1,3}[ \t]*\d[\d.,]*[KkMm]?[ \t]*){2,}$")
_MIN_HEADERS = 2


def social_post_edits(text: str) -> list[Edit]:
    """Edits reading a social-network thread as its author's posts (see the docstring)."""
    if " @" not in text:
        return []
    headers = list(_HEADER.finditer(text))
    if len(headers) < _MIN_HEADERS:
        return []
    author = headers[0].group("handle")
    edits: list[Edit] = []
    for k, h in enumerate(headers):
        end = headers[k + 1].start() if k + 1 < len(headers) else len(text)
        if h.group("handle") == author:
            edits.append(Edit(h.start(), h.end(), ""))
        else:  # another writer's reply: the whole post goes
            edits.append(Edit(h.start(), end, ""))
    edits += [Edit(m.start(), m.end(), "") for m in _REPLYING.finditer(text)]
    edits += [Edit(m.start(), m.end(), "") for m in _TIME_LINE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "") for m in _REACTIONS.finditer(text)]
    edits += _counters(text)
    return _disjoint(sorted(edits))


def _counters(text: str) -> list[Edit]:
    """The posts' counters "1/7" ... "7/7": at least two that count to the same total."""
    found = [m for m in _COUNTER.finditer(text) if 0 < int(m["n"]) <= int(m["m"])]
    totals = [m["m"] for m in found]
    return [Edit(m.start(), m.end(), "") for m in found if totals.count(m["m"]) >= _MIN_HEADERS]


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """`edits` (sorted) without those inside an earlier one (a reply's lines)."""
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out
