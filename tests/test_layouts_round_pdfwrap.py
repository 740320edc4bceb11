"""Layout mechanisms added for round BM's PDF-style texts (a justified paragraph whose word gaps
are runs of spaces, a running header that sets the first page's banner and title side by side
on every later page): each test is a small inline page text for one rule, as `pdftotext
-layout` or the PDF reader prints it (a form feed ending every page)."""

from __future__ import annotations

from layout_fixtures import extract, span


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n\f"


JUSTIFIED = _page(
    "Lakeport, Norway",
    "",
    "Lakeport is the first-ranked cluster, out of 2 Norwegian clusters, that falls within the top",
    "100 S&T clusters in 2025. It filed 88 PCT applications and published 3,010 scientific",
    "articles, making it the 91st largest science and technology cluster in 2025.",
    "",
    "5%   of   Lakeport's   PCT   patent   applications   are   filed   in   collaboration   with",
    "Bergen-Stord   Region,   Oslo   and   Trondheim   emerging   as   the   top   collaborative",
    "locations.",
)


def test_a_name_in_a_justified_line_keeps_one_space_between_its_words() -> None:
    r = extract(JUSTIFIED, "x.pdf", "pdf")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Bergen-Stord Region", "Oslo", "Trondheim"]
    path = "patent_collaboration.partners[0]"
    assert span(r, JUSTIFIED, path) == "Bergen-Stord   Region"  # the raw span, gaps and all


GAP = " " * 40
TWO_PAGES = _page(
    "                         Regional Innovation Review 2025",
    "",
    "",
    "  Lakeport, Norway",
    "",
    "  Lakeport is the first-ranked cluster, out of 2 Norwegian clusters, that falls within the",
    "  top 100 S&T clusters in 2025.",
    "",
    "  Top publishing organizations",
    "",
    "                                                     Articles         Share",
    "  1      LAKEPORT UNIVERSITY                           4,210           41%",
    "  2      LAKEPORT HOSPITAL TRUST                         980           10%",
) + _page(
    f"  Lakeport, Norway{GAP}Regional Innovation Review 2025",
    "",
    "  3      NORDIC INSTITUTE FOR WATER RESEARCH             402            4%",
    "",
    "  Top technology fields in Lakeport",
    "",
    "  Patents",
    "",
    "    Civil engineering (40%)                  Other (60%)",
)


def test_a_later_page_headed_by_the_first_pages_banner_and_title_side_by_side() -> None:
    r = extract(TWO_PAGES, "x.txt", "text")
    assert (r.cluster, r.economy) == ("Lakeport", "Norway")
    assert [(p.rank, p.name, p.count) for p in r.top_publishers] == [
        (1, "LAKEPORT UNIVERSITY", 4210),
        (2, "LAKEPORT HOSPITAL TRUST", 980),
        (3, "NORDIC INSTITUTE FOR WATER RESEARCH", 402),
    ]
    assert span(r, TWO_PAGES, "cluster") == "Lakeport"  # the first page keeps its title


def test_the_side_by_side_header_in_either_order_and_the_row_under_it_stays() -> None:
    head = f"  Regional Innovation Review 2025{GAP}Lakeport, Norway"
    text = TWO_PAGES.replace(f"  Lakeport, Norway{GAP}Regional Innovation Review 2025", head)
    r = extract(text, "x.txt", "text")
    assert [(p.rank, p.name) for p in r.top_publishers][1:] == [
        (2, "LAKEPORT HOSPITAL TRUST"),
        (3, "NORDIC INSTITUTE FOR WATER RESEARCH"),
    ]
