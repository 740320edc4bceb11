"""Layout mechanisms added for round BK's real PDF files (a report whose running header holds
a series number and whose page numbers stand between dashes, a dashboard with a card of
collaboration sentences beside its field charts, a chapter whose left column's last sentence
goes on at the top of the right column): each test is a small inline page text for one rule,
as the PDF reader prints it (layout mode, a form feed ending every page)."""

from __future__ import annotations

from layout_fixtures import extract, span

HEAD = "Lakeland Economic Quarterly · Spring 2025" + " " * 30 + "Working Paper No. 9"


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n\f"


REPORT = (
    _page("Lakeland Economic Quarterly", "", "Where the lake region stands")
    + _page(
        HEAD,
        "",
        " 1. Introduction",
        "",
        " This paper looks at the region's research output and the organizations behind it.",
        "",
        " Global Innovation Index 2025",
        " Lakeport, Norway",
        "",
        " Top publishing organizations",
        "",
        "    Rank    Organization                                   Articles     Share",
        "      1     LAKEPORT UNIVERSITY                               4,210       41%",
        "      2     LAKEPORT HOSPITAL TRUST                             980       10%",
        "",
        "",
        "                                   – 1 –",
    )
    + _page(
        HEAD.replace(" " * 30, " " * 22),
        "",
        " Top technology fields in Lakeport",
        "",
        " 2. Implications",
    )
)


def test_dashed_page_numbers_and_a_running_head_opening_each_page_are_furniture() -> None:
    r = extract(REPORT, "x.pdf", "pdf")
    assert [(p.rank, p.name, p.count) for p in r.top_publishers] == [
        (1, "LAKEPORT UNIVERSITY", 4210),
        (2, "LAKEPORT HOSPITAL TRUST", 980),
    ]


def _row(parts: list[tuple[int, str]]) -> str:
    line = ""
    for col, text in parts:
        line = line.ljust(col) + text
    return line


CARD = [
    "4% of Lakeport's PCT patent applications are filed in",
    "collaboration with other inventors, with Oslo,",
    "Bergen and Trondheim emerging as the top",
    "collaborative locations.",
    "57% of Lakeport's scientific articles are published",
    "in collaboration with other organizations, with the",
    "top three collaborating locations being Oslo,",
    "Bergen and Stavanger-",
    "Sandnes.",
]
CHARTS = [
    ("Semiconductors", "31%", "Chemistry", "22%"),
    ("Optics", "12%", "Physics", "18%"),
    ("", "", "", ""),
    ("Measurement", "9%", "Engineering", "15%"),
    ("Other", "48%", "Other", "45%"),
]


def _dashboard() -> str:
    lines = [
        "   Global Innovation Index 2025",
        "   Lakeport, Norway",
        "",
        "Top technology fields in Lakeport",
        _row([(3, "Patents"), (70, "Publications"), (131, "Collaboration")]),
    ]
    for k, sentence in enumerate(CARD):
        field, share, pub, pub_share = CHARTS[k] if k < len(CHARTS) else ("", "", "", "")
        cells = [(30 - len(field), field), (40 + k * 2, share), (90 - len(pub), pub)]
        cells += [(100 + k, pub_share), (130, sentence)]
        lines.append(_row([c for c in cells if c[1] or c[0] == 130]))
    lines += ["", "Data: WIPO"]
    return "\n".join(lines) + "\n\f"


def test_a_card_of_prose_beside_charts_is_read_after_them() -> None:
    text = _dashboard()
    r = extract(text, "x.pdf", "pdf")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.share == 4  # not a chart's 31%
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Trondheim"]
    assert r.publication_collaboration.share == 57
    assert span(r, text, "publication_collaboration.share") == "57"


def test_a_last_place_wrapped_after_and_is_one_partner() -> None:
    r = extract(_dashboard(), "x.pdf", "pdf")
    assert r.publication_collaboration is not None
    assert r.publication_collaboration.partners == ["Oslo", "Bergen", "Stavanger-Sandnes"]


LEFT = [
    "Lakeport, Norway",
    "Lakeport is the third-ranked cluster, out of",
    "4 Norwegian clusters, that falls within the top",
    "100 S&T clusters in 2025, and it keeps growing",
    "faster than any other cluster of the country.",
    "Top PCT applicants",
    "1   NORDLYS ASA                      212   18%",
    "2   LAKEPORT UNIVERSITY               96    8%",
    "4% of Lakeport's PCT patent applications are",
    "filed in collaboration with other inventors, with",
]
RIGHT = [
    "Oslo, Bergen and Trondheim emerging as the top",
    "collaborative locations.",
    "The region's patenting is led by one firm, while",
    "its universities publish most of the articles, and",
    "links to the capital dominate both kinds of work.",
    "The next chapter turns to venture investment.",
]


def test_a_sentence_cut_at_the_left_columns_foot_goes_on_at_the_right_columns_top() -> None:
    lines = []
    for k in range(len(LEFT)):
        left = LEFT[k]
        right = RIGHT[k] if k < len(RIGHT) else ""
        lines.append(left.ljust(56) + right if right else left)
    text = "\n".join(lines) + "\n\n" + " " * 40 + "17\n\f"
    r = extract(text, "x.pdf", "pdf")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 4
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Trondheim"]
