"""The LLM path's quote matcher reads the markup of the new layouts the way the rules reader
does: LaTeX escapes, CSV cells, box-drawing borders, entities in markdown, circled ranks."""

from __future__ import annotations

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse


def problems(raw: str, name: str, fmt: str, facts: dict) -> list[str]:
    view = SourceView.of(parse(name, raw, fmt))
    return [p.warning for p in ground(ClusterFacts.model_validate(facts), view).problems]


def test_a_latex_figure_and_a_csv_row_are_grounded() -> None:
    tex = "\\documentclass{article}\n\\begin{document}\npublished \\textbf{14{,}953 scientific"
    tex += " articles}, 6\\% of them\n\\end{document}\n"
    quote = "published \\textbf{14{,}953 scientific articles}"
    fact = {"scientific_articles": {"value": 14953, "quote": quote}}
    assert problems(tex, "x.tex", "text", fact) == []
    csv = 'Rank,Applicant,Patents,Share\n3,"SUNGROW POWER SUPPLY CO., LTD",92,2%\n1,A,5,1%\n'
    row = {"name": "SUNGROW POWER SUPPLY CO., LTD", "rank": 3, "count": 92, "share": 2}
    fact = {"top_pct_applicants": [{**row, "quote": '3,"SUNGROW POWER SUPPLY CO., LTD",92,2%'}]}
    assert problems(csv, "x.csv", "csv", fact) == []


def test_box_borders_entities_and_circled_ranks_are_grounded() -> None:
    box = "│    3 │ BEN-ARI, KATZ & CO. │   354 │    6% │\n"
    box += "│      │ SEMICONDUCTORS      │       │       │\n"
    row = {"rank": 3, "name": "BEN-ARI, KATZ & CO. SEMICONDUCTORS", "count": 354, "share": 6}
    fact = {"top_pct_applicants": [{**row, "quote": box.strip()}]}
    assert problems(box, "x.txt", "text", fact) == []
    md = "| 3 | CENTRO DE QUÍMICA &amp; MATERIALES | 11 | 4% |\n"
    row = {"rank": 3, "name": "CENTRO DE QUÍMICA & MATERIALES", "count": 11, "share": 4}
    fact = {"top_pct_applicants": [{**row, "quote": md.strip()}]}
    assert problems(md, "x.md", "markdown", fact) == []
    slide = "① UNIVERSITY OF KGOTLA PARK — 37 filings · 15%\n"
    row = {"rank": 1, "name": "UNIVERSITY OF KGOTLA PARK", "count": 37, "share": 15}
    fact = {"top_pct_applicants": [{**row, "quote": slide.strip()}]}
    assert problems(slide, "x.txt", "text", fact) == []


def test_json_escapes_and_decimal_comma_shares_are_grounded() -> None:
    raw = '{"h1": "Z\\u00fcrich\\u2013Winterthur, Switzerland",\n'
    raw += ' "rows": [["1", "ETH Z\\u00dcRICH", "212", "24,4"]]}\n'
    title = '"h1": "Z\\u00fcrich\\u2013Winterthur, Switzerland"'
    fact = {"cluster": {"value": "Zürich–Winterthur", "quote": title}}
    assert problems(raw, "x.json", "yaml", fact) == []
    # the model may quote the characters decoded, as it reads them
    fact = {"cluster": {"value": "Zürich–Winterthur", "quote": "Zürich–Winterthur, Switzerland"}}
    assert problems(raw, "x.json", "yaml", fact) == []
    row = {"rank": 1, "name": "ETH ZÜRICH", "count": 212, "share": 24.4}
    fact = {"top_pct_applicants": [{**row, "quote": '["1", "ETH Z\\u00dcRICH", "212", "24,4"]'}]}
    assert problems(raw, "x.json", "yaml", fact) == []
    # a figure the row does not hold is still refused
    fact = {"top_pct_applicants": [{**row, "share": 24.5, "quote": '["1", "ETH Z\\u00dcRICH"'}]}
    assert problems(raw, "x.json", "yaml", fact) != []


def test_a_key_figure_titled_with_the_profiles_phrase_and_its_year_is_grounded() -> None:
    raw = (
        "<html><body><h1>Nordhaven, Norway</h1><dl>\n"
        "<div><dt>Largest science and technology cluster in 2024</dt><dd>79<sup>th</sup></dd>"
        "</div>\n</dl></body></html>\n"
    )
    quote = "<dt>Largest science and technology cluster in 2024</dt><dd>79<sup>th</sup></dd>"
    assert (
        problems(raw, "x.html", "html", {"global_size_rank": {"value": 79, "quote": quote}}) == []
    )
    # the phrase names the size: the figure is no intensity rank
    wrong = {"global_intensity_rank": {"value": 79, "quote": quote}}
    assert problems(raw, "x.html", "html", wrong) != []


def test_two_rank_callouts_one_under_the_other_are_each_about_their_own_phrase() -> None:
    raw = (
        "Share  Print  Download profile (PDF, 412 KB)\n\n"  # wide gaps: a page's layout text
        "Nordhaven, Norway\n\n96th\nlargest science and technology cluster in 2024\n27th\n"
        "S&T cluster by intensity (relative to population density) in 2024\n"
    )
    size = {"global_size_rank": {"value": 96, "quote": "96th\nlargest science and technology"}}
    assert problems(raw, "x.txt", "text", size) == []
    quote = "27th\nS&T cluster by intensity (relative to population density) in 2024"
    assert (
        problems(raw, "x.txt", "text", {"global_intensity_rank": {"value": 27, "quote": quote}})
        == []
    )


def test_a_count_after_out_of_in_a_cell_of_its_own_is_grounded() -> None:
    raw = "Indicator\t\tValue\nCluster\t\tNordhaven, Norway\n"
    raw += "Rank among Norwegian clusters in the top 100\t\t3\tout of\t\t9\n"
    quote = "Rank among Norwegian clusters in the top 100\t\t3\tout of\t\t9"
    fact = {"national_cluster_count": {"value": 9, "quote": quote}}
    assert problems(raw, "x.tsv", "csv", fact) == []
    wrong = {"national_cluster_count": {"value": 100, "quote": quote}}  # the top 100 is no count
    assert problems(raw, "x.tsv", "csv", wrong) != []
