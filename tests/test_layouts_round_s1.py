"""Layout mechanisms added for the testers' round S layouts (an Atom feed entry holding the
profile as HTML, a blog post naming the cluster only in its opening sentence): each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, blocks, extract, pairs, ranked

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


def test_breakdowns_written_into_sentences_are_read_after_their_lead_ins() -> None:
    raw = OPENING_MD + (
        "## What they work on\n\n"
        "For patents, the top technology fields are Civil engineering (22%), Textile and paper\n"
        "machines (14%) and Measurement (5%), with Other at 24%.\n\n"
        "Publications lean towards Engineering (18%), Food science (12%) and Medicine (6%);\n"
        "Other is 23%.\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert pairs(r.patent_fields) == [
        ("Civil engineering", 22),
        ("Textile and paper machines", 14),
        ("Measurement", 5),
        ("Other", 24),
    ]
    assert pairs(r.publication_fields) == [
        ("Engineering", 18),
        ("Food science", 12),
        ("Medicine", 6),
        ("Other", 23),
    ]
    assert raw[r.evidence["patent_fields[3].field"].start :].startswith("Other at 24%")
    assert r.evidence["publication_fields[3].share"].text == "23"


def test_a_sentence_with_shares_that_names_no_field_list_is_not_a_breakdown() -> None:
    raw = OPENING_MD + "Our readers voted Lisbon (40%), Porto (35%) and Madrid (25%).\n"
    r = extract(raw, "x.md", "markdown")
    assert r.patent_fields == [] and r.publication_fields == []


OPENING_MD = (
    "According to the GII 2025, Nordhaven, Norway is the 3rd-ranked cluster, out of 9 "
    "Norwegian clusters. It filed 1,204 PCT applications.\n\n"
)


def test_a_heading_over_both_lists_leaves_each_list_to_its_own_lead_in() -> None:
    raw = OPENING_MD + (
        "## Who is filing and publishing\n\n"
        "The patent side is a short list:\n\n"
        "| Rank | Top PCT applicant | Patents | Share |\n"
        "|-----:|-------------------|--------:|------:|\n"
        "| 1 | Cork & Granito, S.A. | 41 | 9% |\n"
        "| 2 | Nordhaven University | 33 | 7% |\n\n"
        "On the publishing side, the top organizations are:\n\n"
        "1. Nordhaven University — 6,410 articles (32%)\n"
        "2. Hospital de Santa Luzia — 1,205 articles (6%)\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "Cork & Granito, S.A.", 41, 9),
        (2, "Nordhaven University", 33, 7),
    ]
    assert ranked(r.top_publishers) == [
        (1, "Nordhaven University", 6410, 32),
        (2, "Hospital de Santa Luzia", 1205, 6),
    ]
    assert r.evidence["top_publishers[0].count"].text == "6,410"
    assert r.evidence["top_pct_applicants[0].name"].text == "Cork & Granito, S.A."
