"""Round AM (everyday documents, first run 0.972): a slide outline's "12th of the 26 ...
clusters" line, partners on the line after "the top collaborative locations are", and a
newsletter's two-column table of content boxes."""

from __future__ import annotations

from layout_fixtures import blocks, extract, pairs, span

from nlq.layout import shapes


def test_a_national_rank_without_rank_words_is_read() -> None:
    raw = (
        "Slide 2\nGlobal Innovation Index 2025\n\tLunvik, Norway\n"
        "\t3rd of the 7 Norwegian clusters in the top 100 S&T clusters in 2025\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (3, 7)
    assert span(r, raw, "national_rank") == "3rd"
    assert span(r, raw, "national_cluster_count") == "7"


def test_a_line_ending_in_are_goes_on_with_the_list() -> None:
    assert shapes.ends_open("the top collaborative locations are")
    assert not shapes.ends_open("the top collaborative locations")
    raw = (
        "Lunvik, Norway\n\n"
        "    Collaboration: 9% of Lunvik's PCT patent applications are filed in\n"
        "    collaboration with other inventors; the top collaborative locations are\n"
        "    Bergen, Oslo and Trondheim.\n"
    )
    r = extract(raw)
    assert r.patent_collaboration.share == 9
    assert r.patent_collaboration.partners == ["Bergen", "Oslo", "Trondheim"]
    assert span(r, raw, "patent_collaboration.partners[0]") == "Bergen"


NEWSLETTER = (
    "<html><body><h1>Lunvik, Norway</h1><h2>Top technology fields in Lunvik</h2>"
    '<table width="100%"><tr>'
    "<td><p><b>Patents</b></p><p>Optics &ndash; 60%<br>Other &ndash; 40%</p></td>"
    "<td><p><b>Publications</b></p><p>Biology &ndash; 70%<br>Other &ndash; 30%</p></td>"
    "</tr></table>"
    "<h2>Top PCT applicants</h2><table><tr><td><p>Rank</p></td><td><p>Name</p></td>"
    "<td><p>Patents</p></td><td><p>Share</p></td></tr><tr><td><p>1</p></td>"
    "<td><p>LUNVIK UNIVERSITY</p></td><td><p>88</p></td><td><p>41%</p></td></tr></table>"
    "</body></html>"
)


def test_a_table_of_content_boxes_is_read_box_by_box() -> None:
    b = blocks(NEWSLETTER, "html")
    assert ("paragraph", "Patents") in b and ("paragraph", "Optics – 60%") in b
    # A Word-style data table (one <p> a cell) stays a table.
    assert (
        "table",
        [["Rank", "Name", "Patents", "Share"], ["1", "LUNVIK UNIVERSITY", "88", "41%"]],
    ) in b
    r = extract(NEWSLETTER, "x.html", "html")
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Biology", 70), ("Other", 30)]
    assert span(r, NEWSLETTER, "publication_fields[0].share") == "70"
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "LUNVIK UNIVERSITY", 88, 41)
    ]


def _grounded(raw: str, fmt: str, facts: dict):
    from nlq.extractors.align import SourceView
    from nlq.extractors.grounding import ClusterFacts, ground
    from nlq.layout import parse

    doc = parse("doc", raw, fmt)
    return ground(ClusterFacts.model_validate(facts), SourceView.of(doc))


def test_the_llm_path_grounds_a_rank_of_the_n_national_clusters() -> None:
    raw = "Lunvik, Norway\n\t3rd of the 7 Norwegian clusters in the top 100 S&T clusters in 2025\n"
    quote = "3rd of the 7 Norwegian clusters in the top 100 S&T clusters in 2025"
    g = _grounded(raw, "text", {"national_rank": {"value": 3, "quote": quote}})
    assert [p.reask for p in g.problems] == []
    a, b = g.spans["national_rank"]
    assert raw[a:b] == "3rd"


def test_the_llm_path_reads_a_name_through_markdown_escapes() -> None:
    raw = "## Top PCT applicants\n\n| 1 | NORTHERN INSTITUTE OF TECH\\. | 52 | 24% |\n"
    row = {"rank": 1, "name": "NORTHERN INSTITUTE OF TECH.", "count": 52, "share": 24}
    row["quote"] = "1 | NORTHERN INSTITUTE OF TECH\\. | 52 | 24%"
    g = _grounded(raw, "markdown", {"top_pct_applicants": [row]})
    assert [p.reask for p in g.problems] == []
    assert g.values["top_pct_applicants"][0]["name"] == "NORTHERN INSTITUTE OF TECH."
