"""A news feed (Atom or RSS) whose entry carries the profile as an HTML page.

    <feed xmlns="http://www.w3.org/2005/Atom">
      <title>GII cluster profiles (archive 2023–2025)</title> ...
      <entry> <summary>replaces the 2023 profile</summary>
        <content type="html"><![CDATA[ <h2>Hefei, China</h2> <p>Hefei is ...</p> ]]></content>

The feed's and the entry's titles, ids, dates and summaries are the envelope, not the page:
their years and ranks ("was 61st by intensity") describe the feed. When a feed holds exactly
one HTML body in a CDATA section (Atom `<content type="html">`, RSS `<content:encoded>` or
`<description>`), everything around that body is deleted as `rewrite` edits and the body is
read by the HTML reader, with its offsets in the file kept. Other XML files are left alone
after one look at their first characters; a feed of several such entries is read as XML.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_FEED = re.compile(r"<(?:[\w-]+:)?(?:feed|rss|rdf:RDF)\b")
_BODY = re.compile(
    r"<(?P<tag>(?:[\w-]+:)?(?:content|encoded|description))\b[^>]*>\s*<!\[CDATA\[(?P<html>.*?)\]\]>"
    r"\s*</(?P=tag)\s*>",
    re.S,
)
_HTML_TAG = re.compile(r"<(?:p|h[1-6]|table|ul|ol|div|li)\b", re.I)


def is_feed(raw: str) -> bool:
    """Whether an XML file is an Atom or RSS feed (its root element, near the start)."""
    return _FEED.search(raw[:4096]) is not None


def feed_edits(raw: str) -> list[Edit]:
    """Edits deleting all but the one HTML body of a feed, or none."""
    if not is_feed(raw):
        return []
    bodies = [m for m in _BODY.finditer(raw) if _HTML_TAG.search(m.group("html"))]
    if len(bodies) != 1:
        return []
    start, end = bodies[0].span("html")
    return [Edit(0, start, ""), Edit(end, len(raw), "")]
