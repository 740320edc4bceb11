"""Layout mechanisms added for the testers' round S layouts (an Atom feed entry holding the
profile as HTML, a blog post naming the cluster only in its opening sentence): each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, blocks, extract

FEED = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom">\n'
    "  <title>Cluster watch (archive 2023–2025)</title>\n"
    "  <subtitle>100 clusters tracked</subtitle>\n"
    "  <entry>\n"
    "    <title>Nordhaven profile updated</title>\n"
    "    <summary>Replaces the 2023 profile (was 61st by intensity).</summary>\n"
    '    <content type="html"><![CDATA[\n'
    "<h2>Nordh&#229;ven, Norway</h2>\n"
    "<p>Nordh&#229;ven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It filed "
    "<strong>1,204 PCT applications</strong>.</p>\n"
    "<ul><li>58th S&amp;T cluster by intensity in 2025</li></ul>\n"
    "]]></content>\n"
    "  </entry>\n"
    "</feed>\n"
)


def test_an_atom_entry_is_read_as_the_html_page_in_its_content() -> None:
    r = extract(FEED, "feed.xml", "xml")
    assert (r.cluster, r.economy, r.national_rank) == ("Nordhåven", "Norway", 3)
    assert FEED[r.evidence["cluster"].start : r.evidence["cluster"].end] == "Nordh&#229;ven"
    assert r.pct_applications == 1204
    assert r.global_intensity_rank == 58  # not the summary's "61st by intensity"
    assert FEED[r.evidence["global_intensity_rank"].start :].startswith("58th")


def test_the_feed_envelope_is_not_read() -> None:
    texts = [b[1] for b in blocks(FEED, "xml")]
    assert texts[0] == "Nordhåven, Norway"
    assert not any("2023" in t or "archive" in t for t in texts)


def test_a_feed_of_several_html_entries_is_read_as_xml() -> None:
    entry = FEED[FEED.index("  <entry>") : FEED.index("</feed>")]
    two = FEED.replace("</feed>", entry + "</feed>")
    texts = [str(b[1]) for b in blocks(two, "xml")]
    assert any("profile updated" in t for t in texts)


def test_a_title_in_the_opening_sentence_after_a_lead_in_names_both() -> None:
    raw = (
        "Every year we read the profiles.\n\n"
        "According to the Global Innovation Index 2025, Ribeira Alta–Serra Fria, Portugal is the "
        "second-ranked cluster, out of 2 Portuguese clusters. It filed 134 PCT applications.\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert (r.cluster, r.economy, r.national_rank) == ("Ribeira Alta–Serra Fria", "Portugal", 2)
    assert raw[r.evidence["cluster"].start : r.evidence["cluster"].end] == "Ribeira Alta–Serra Fria"
    assert raw[r.evidence["economy"].start : r.evidence["economy"].end] == "Portugal"


def test_a_lead_in_place_is_not_read_as_the_cluster() -> None:
    raw = "In Norway, Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n\n" + BODY
    r = extract(raw)
    assert r.cluster != "In Norway"
