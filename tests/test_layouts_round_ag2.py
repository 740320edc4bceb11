"""Mechanisms added for the testers' round AG layouts (a page in non-native English, an AsciiDoc
file with an earlier edition's note, an XML export with figures in attributes): each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import blocks, extract, span

from nlq.extractors.grounding import ClusterFacts, SourceView, ground
from nlq.layout import parse

NOTE = (
    "= Global Innovation Index 2024: Nordhaven, Norway\n"
    "\n"
    "== Overview\n"
    "\n"
    "Nordhaven is ranked second of the 2 Norwegian clusters that fall within the top 100 S&T "
    "clusters in 2024. It filed 386 PCT applications.\n"
    "\n"
    "NOTE: The 2023 edition placed the cluster 75th largest.\n"
)


def test_an_earlier_editions_note_does_not_give_the_edition() -> None:
    r = extract(NOTE, "x.adoc")
    assert r.edition == 2024
    assert span(r, NOTE, "edition") == "2024"
    assert r.evidence["edition"].start != NOTE.index("2023")
    assert r.global_size_rank is None  # the note's 75th is the earlier edition's
    # A page naming one edition only still reads it from the same kind of sentence.
    alone = NOTE.replace("2023 edition placed", "2024 edition placed")
    assert extract(alone, "x.adoc").edition == 2024


XML = (
    '<?xml version="1.0"?>\n'
    '<export><profile edition="2024">\n'
    "  <title>Nordhaven, Norway</title>\n"
    "  <pctApplications>386</pctApplications>\n"
    "  <collaboration>\n"
    '    <patents share="33"><partner>Oslo</partner><partner>Bergen</partner></patents>\n'
    '    <publications share="64.5"><partner>Oslo</partner><partner>Tromsø</partner>'
    "</publications>\n"
    "  </collaboration>\n"
    '  <ranks size="36" intensity="40"/>\n'
    "</profile></export>\n"
)


def test_a_bare_share_attribute_is_a_percentage_evidenced_by_its_figure() -> None:
    r = extract(XML, "x.xml", "xml")
    assert r.patent_collaboration.share == 33
    assert span(r, XML, "patent_collaboration.share") == "33"
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert r.publication_collaboration.share == 64.5
    assert span(r, XML, "publication_collaboration.share") == "64.5"
    texts = [b[1] for b in blocks(XML, "xml")]
    assert "share: 33%" in texts
    assert "size: 36" in texts  # other bare figures stay bare


def test_a_share_attribute_beyond_a_percentage_is_left_bare() -> None:
    texts = [b[1] for b in blocks(XML.replace('share="33"', 'share="330"'), "xml")]
    assert "share: 330" in texts


PAGE = (
    "# Kızıl-Dere, Türkiye\n"
    "\n"
    "_Source is Global Innovation Index 2025._\n"
    "\n"
    "This cluster take the 3rd place between the 7 clusters of Türkiye which are entering to "
    "the top 100 S&T clusters in the year 2025. In the last five years it was filing 52 PCT "
    "applications. By the size it is the 99th biggest science and technology cluster in 2025, "
    "and by the intensity (it is relative to population density) it stay on the 62nd place as "
    "S&T cluster in 2025.\n"
    "\n"
    "(In the 2023 edition it was on 4th place from 6, I think.)\n"
    "\n"
    "## About collaboration\n"
    "\n"
    "The 15% from the PCT patent applications of Kızıl-Dere is made together with other "
    "inventors, mostly with **Ankara**, **İstanbul** and **Stuttgart** as top collaborative "
    "locations.\n"
    "\n"
    "The 58% from the scientific articles is published together with other organizations, and "
    "the top three locations for this are **Ankara**, **İstanbul** and **Eskişehir**.\n"
)


def test_non_native_rank_phrasing_is_read() -> None:
    r = extract(PAGE, "x.md", "markdown")
    assert (r.national_rank, r.national_cluster_count) == (3, 7)
    assert span(r, PAGE, "national_rank") == "3rd"
    assert span(r, PAGE, "national_cluster_count") == "7"
    assert r.global_size_rank == 99
    assert span(r, PAGE, "global_size_rank") == "99th"
    assert r.global_intensity_rank == 62
    assert span(r, PAGE, "global_intensity_rank") == "62nd"
    assert r.edition == 2025


def test_collaboration_said_as_together_with_others() -> None:
    r = extract(PAGE, "x.md", "markdown")
    assert r.patent_collaboration.share == 15
    assert r.patent_collaboration.partners == ["Ankara", "İstanbul", "Stuttgart"]
    assert span(r, PAGE, "patent_collaboration.partners[2]") == "Stuttgart"
    assert r.publication_collaboration.share == 58
    assert span(r, PAGE, "publication_collaboration.share") == "58"
    assert r.publication_collaboration.partners == ["Ankara", "İstanbul", "Eskişehir"]
    assert span(r, PAGE, "publication_collaboration.partners[0]") == "Ankara"


def test_biggest_and_together_need_their_own_words() -> None:
    raw = PAGE.replace("99th biggest science", "1st biggest applicant of the science")
    assert extract(raw, "x.md", "markdown").global_size_rank is None
    # "together with" a named place is no collaboration share.
    raw = PAGE.replace("is published together with other organizations", "together with Bursa")
    raw = raw.replace("locations for this are", "places in it:")
    assert extract(raw, "x.md", "markdown").publication_collaboration is None
    # A count of clusters in a lower-case place is worldwide, not national.
    raw = PAGE.replace("clusters of Türkiye", "clusters of the world")
    assert extract(raw, "x.md", "markdown").national_rank is None


def test_the_intensitys_definition_aside_does_not_part_the_rank_from_its_words_in_grounding() -> (
    None
):
    quote = "by the intensity (it is relative to population density) it stay on the 62nd place"
    facts = {"global_intensity_rank": {"value": 62, "quote": quote}}
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(parse("x.md", PAGE, "markdown")))
    assert [p.reask for p in g.problems] == []
    a, b = g.spans["global_intensity_rank"]
    assert PAGE[a:b] == "62nd"
