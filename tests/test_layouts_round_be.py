"""Layout mechanisms added for set BE (real PDF files, through pypdf's layout text): each test
is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from pathlib import Path

from layout_fixtures import extract, ranked, span

from nlq.extractors.rules import RulesExtractor
from nlq.layout import read_document
from nlq.layout.loader import load_source

REPO = Path(__file__).resolve().parent.parent


def _col(left: str, right: str = "", gutter: int = 64) -> str:
    return (left.ljust(gutter) + right).rstrip()


def test_each_pdf_page_ends_in_a_form_feed_so_its_header_is_furniture() -> None:
    pdf = REPO / "golden/layouts/be03_hefei_two_pages.pdf"
    raw, fmt = load_source(pdf)
    assert fmt == "pdf" and raw.count("\f") == 2 and raw.endswith("\n\f")
    record = RulesExtractor().extract(read_document(pdf)).record
    names = [e.name for e in record.top_publishers]
    assert "Hefei, China" not in names and all("cluster profiles" not in n for n in names)


def test_a_right_aligned_footer_repeated_with_its_page_number_is_furniture() -> None:
    # The footer's number stands far right (the line is over 100 characters with its gap),
    # and each page sets it at another column: "1 of 2", then "2 of 2" further in.
    footer = "© WIPO, 2024. Licensed CC BY 4.0"
    raw = (
        "Changsha, China\n\n"
        "Changsha is the tenth-ranked cluster, out of 26 Chinese clusters.\n\n"
        "Top publishing organizations\n"
        "                                        Articles      Share\n"
        "1   CENTRAL SOUTH UNIVERSITY              27,449        45%\n"
        "2   HUNAN UNIVERSITY                       9,957        16%\n\n"
        f"{footer}{' ' * 88}1 of 2\n\f"
        "54% of Changsha's scientific articles are published in collaboration with other "
        "organizations, with the top three collaborating locations being Beijing, Hefei and "
        "Wuhan.\n\n"
        f"{footer}{' ' * 95}2 of 2\n\f"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert ranked(r.top_publishers) == [
        (1, "CENTRAL SOUTH UNIVERSITY", 27449, 45),
        (2, "HUNAN UNIVERSITY", 9957, 16),
    ]


def test_a_name_wrapped_over_three_lines_beside_the_other_lists_rows() -> None:
    gap = " " * 32
    raw = (
        "Hefei, China\n\n"
        f"Top PCT applicants{' ' * 41}Top publishing organizations\n\n"
        f"{gap}Patents       Share{' ' * 40}Articles      Share\n\n"
        "1   CHANGXIN MEMORY                2,069        54%        1   UNIVERSITY OF"
        "                 10,938        25%\n"
        "    TECHNOLOGIES                                               SCIENCE & TECH. OF\n"
        "2   UNIVERSITY OF                    114         3%            CHINA\n"
        "    SCIENCE AND TECH.                                      2   HEFEI UNIVERSITY"
        "                6,842       16%\n"
        "    OF CHINA                                                   OF TECHNOLOGY\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "CHANGXIN MEMORY TECHNOLOGIES", 2069, 54),
        (2, "UNIVERSITY OF SCIENCE AND TECH. OF CHINA", 114, 3),
    ]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF SCIENCE & TECH. OF CHINA", 10938, 25),
        (2, "HEFEI UNIVERSITY OF TECHNOLOGY", 6842, 16),
    ]
    assert span(r, raw, "top_pct_applicants[1].name").endswith("OF CHINA")


def test_a_two_column_page_whose_right_column_starts_beside_a_wrapped_title() -> None:
    # The left column sets the title in large type over two lines and its prose with blank
    # lines where the right column's smaller lines run on; the right column starts on the
    # page's first line.
    raw = "\n".join(
        [
            "Global Innovation Index 2024 – Cluster profiles",
            "",
            _col("Global Innovation Index 2024", "18% of Nova Ribeira's PCT patent"),
            _col("", "applications are filed in collaboration with other"),
            _col("Nova Ribeira dos", "inventors, with São Paulo, Campinas and Rio de"),
            _col("", "Janeiro emerging as the top collaborative"),
            _col("Santos, Brazil", "locations."),
            "",
            _col("Nova Ribeira dos Santos is the third-ranked cluster,", "63% of its articles"),
            _col("", "are published in collaboration with other"),
            _col("out of 4 Brazilian clusters, that falls within the top", "organizations, with"),
            _col("100 S&T clusters in 2024. It filed 41 PCT", "the top three collaborating"),
            _col("applications and published 3 204 scientific", "locations being Recife."),
            "articles, both per 1 million inhabitants over the",
            "last five years.",
            "",
        ]
    )
    r = extract(raw, "x.pdf", "pdf")
    assert (r.cluster, r.economy) == ("Nova Ribeira dos Santos", "Brazil")
    assert (r.national_rank, r.national_cluster_count, r.pct_applications) == (3, 4, 41)
    collab = r.patent_collaboration
    assert collab is not None
    assert (collab.share, collab.partners) == (18, ["São Paulo", "Campinas", "Rio de Janeiro"])
    assert span(r, raw, "economy") == "Brazil"


def test_a_title_wrapped_at_a_place_names_joining_word() -> None:
    raw = (
        "São José dos\n"
        "Campos, Brazil\n\n"
        "São José dos Campos is the third-ranked cluster, out of 4 Brazilian clusters. It "
        "filed 41 PCT applications.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("São José dos Campos", "Brazil")
