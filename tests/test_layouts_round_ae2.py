"""Layout mechanisms added for the testers' round AE layouts (an accessible page describing its
tables in words, a LibreOffice Calc sheet exported to HTML, a newsletter writing ranks with '#',
a LaTeX chapter with a footnote): each test is a small inline input for one mechanism, checking
the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, extract, ranked, span

from nlq.extractors.grounding import ClusterFacts, SourceView, ground
from nlq.layout import parse

DESCRIBED = (
    "<html><body><h1>Nordhaven, Norway</h1>\n"
    "<p>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.</p>\n"
    "<h2>Top PCT applicants</h2>\n"
    "<p>The table has 3 rows and 4 columns: rank, applicant, patents and share.</p>\n"
    "<p>Row 1: rank 1, NORDHAVEN UNIVERSITY, 146 patents, share 12%.</p>\n"
    "<p>Row 2: rank 2, THALASSA ROBOTICS, A.E., 74 patents, share 6%.</p>\n"
    "<p>Row 3: rank 3, FJELL TECH., 1,074 patents, share 6%.</p>\n"
    "<p>End of table.</p>\n</body></html>\n"
)


def test_a_table_described_row_by_row_is_read_as_the_table() -> None:
    r = extract(DESCRIBED, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 12),
        (2, "THALASSA ROBOTICS, A.E.", 74, 6),  # the comma in the name is no cell break
        (3, "FJELL TECH.", 1074, 6),  # the row's final period goes, the name's stays
    ]
    assert span(r, DESCRIBED, "top_pct_applicants[0].count") == "146"
    assert span(r, DESCRIBED, "top_pct_applicants[0].rank") == "1"
    assert span(r, DESCRIBED, "top_pct_applicants[1].name") == "THALASSA ROBOTICS, A.E."
    assert span(r, DESCRIBED, "top_pct_applicants[2].share") == "6"


def test_the_description_becomes_a_header_row_and_its_counts_are_no_figures() -> None:
    found = blocks(DESCRIBED, "html")
    table = next(rows for kind, rows in found if kind == "table")
    assert table[0] == ["rank", "applicant", "patents", "share"]
    assert table[1] == ["1", "NORDHAVEN UNIVERSITY", "146", "12%"]


def test_a_description_whose_counts_disagree_is_left_as_prose() -> None:
    raw = DESCRIBED.replace("3 rows", "4 rows")
    assert all(kind != "table" for kind, _ in blocks(raw, "html"))
    raw = DESCRIBED.replace("Row 2:", "Row 5:")
    assert all(kind != "table" for kind, _ in blocks(raw, "html"))


SHEET = (
    "<html><body><h1>Nordhaven, Norway</h1>\n<table>\n"
    "<tr><td colspan=4><b>Top PCT applicants</b></td><td><br></td></tr>\n"
    "<tr><td><br></td><td><br></td><td><b>Patents</b></td><td><b>Share</b></td><td><br></td></tr>\n"
    "<tr><td>1</td><td>NORDHAVEN UNIVERSITY</td><td>146</td><td>12%</td><td><br></td></tr>\n"
    "<tr><td>2</td><td>FJELL AS</td><td>74</td><td>6%</td><td><br></td></tr>\n"
    "<tr><td><br></td><td><br></td><td>220</td><td><br></td><td>=SUM(C3:C4)</td></tr>\n"
    "</table></body></html>\n"
)


def test_a_spreadsheet_formula_beside_a_totals_row_is_no_entry() -> None:
    r = extract(SHEET, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 12),
        (2, "FJELL AS", 74, 6),
    ]
    assert span(r, SHEET, "top_pct_applicants[1].count") == "74"


def test_a_rank_written_with_a_hash_before_largest_is_the_size_rank() -> None:
    raw = OPENING + "Globally that puts it at:\n\n  #78 - largest science and technology cluster\n"
    r = extract(raw)
    assert r.global_size_rank == 78
    assert span(r, raw, "global_size_rank") == "#78"
    raw = OPENING + "It is the #41 largest science and technology cluster in 2024.\n"
    r = extract(raw)
    assert r.global_size_rank == 41
    assert span(r, raw, "global_size_rank") == "#41"
    raw = OPENING + "The #1 largest applicant is NORDHAVEN UNIVERSITY.\n"
    assert extract(raw).global_size_rank is None


LATEX = (
    "\\documentclass{article}\n\\begin{document}\n\\section{Nordhaven, Norway}\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It filed\n"
    "\\textbf{1,204 PCT applications} and published \\textbf{12,345 scientific\n"
    "articles}, both per 1~million inhabitants over the last five\n"
    "years,\\footnote{The 2023 edition reported 1,100 PCT applications and\n"
    "11,902 articles.} making it the:\n\\end{document}\n"
)


def test_a_latex_footnote_over_lines_is_not_part_of_the_sentence() -> None:
    r = extract(LATEX, "x.tex")
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert span(r, LATEX, "pct_applications") == "1,204"
    assert span(r, LATEX, "scientific_articles") == "12,345"
    text = " ".join(t for kind, t in blocks(LATEX) if kind == "paragraph")
    assert "2023" not in text and "years, making it the:" in text


TABULAR = (
    "\\documentclass{article}\n\\begin{document}\n\\begin{tabular}{rlrr}\n"
    "1 & CENTRO DE ÓPTICA \\& FOTÓNICA & 1\\,830 & 6\\% \\\\\n"
    "\\end{tabular}\n\\end{document}\n"
)


def test_an_ampersand_in_a_latex_name_grounds_through_the_llm_path() -> None:
    row = "1 & CENTRO DE ÓPTICA \\& FOTÓNICA & 1\\,830 & 6\\% \\\\"
    name = "CENTRO DE ÓPTICA & FOTÓNICA"
    facts = {"top_publishers": [{"rank": 1, "name": name, "count": 1830, "share": 6, "quote": row}]}
    doc = parse("x.tex", TABULAR, "text")
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(doc))
    assert [p.reask for p in g.problems] == []
    assert g.values["top_publishers"][0]["name"] == name
    a, b = g.spans["top_publishers[0].name"]
    assert TABULAR[a:b] == "CENTRO DE ÓPTICA \\& FOTÓNICA"
    a, b = g.spans["top_publishers[0].count"]
    assert TABULAR[a:b] == "1\\,830"
