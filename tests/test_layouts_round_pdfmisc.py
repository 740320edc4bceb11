"""Layout mechanisms added for real PDF pages of round BN (a word-processor export whose last
paragraph runs over a page break, a designer one-pager with callouts in its left margin, a
two-column newsletter whose field list goes on at the right column's top): each test is a
small inline page for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, blocks, ev, extract, pairs, ranked


def _page_flow_page() -> str:
    return (
        "Nordhaven, Norway\n\n"
        + BODY
        + " 61% of Nordhaven's scientific articles are published in collaboration with other\n"
        " organizations, with the top three collaborating locations being Oslo,\n\n\n"
        "                                        1\n"
        "\f\n\n Bergen and Trondheim.\n\n\n"
        "                                        2\n\f"
    )


def test_a_paragraph_cut_by_a_page_break_goes_on_at_the_next_page_top() -> None:
    raw = _page_flow_page()
    r = extract(raw, "x.pdf", "pdf")
    assert r.publication_collaboration is not None
    assert r.publication_collaboration.share == 61
    assert r.publication_collaboration.partners == ["Oslo", "Bergen", "Trondheim"]
    assert ev(r, "publication_collaboration.partners[2]") == "Trondheim"


def test_a_page_break_under_a_finished_sentence_or_a_heading_joins_nothing() -> None:
    from nlq.layout.page_flow import page_flow_edits

    closed = " The cluster is small.\n\n  1\n\f Top PCT applicants\n"
    assert page_flow_edits(closed) == []
    heading = " organizations, with locations being Oslo,\n\n  1\n\f Top PCT applicants\n"
    assert page_flow_edits(heading) == []
    columns = " organizations, with locations being Oslo,\n\f Bergen.      Patents    Share\n"
    assert page_flow_edits(columns) == []


def _sidebar_page() -> str:
    g = " " * 30

    def line(margin: str, text: str) -> str:
        return (margin.ljust(30) + text).rstrip() + "\n"

    return (
        "NORDIC CLUSTER SHEETS\n"
        + line("", "Nordhaven, Norway")
        + "\n"
        + line("", "Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters,")
        + line("", "that falls within the top 100 S&T clusters in 2024. It filed 412 PCT")
        + line("88th", "applications and published 3 210 scientific articles, both per 1")
        + line("largest science and", "million inhabitants over the last five years.")
        + line("technology cluster", "")
        + "\n"
        + line("", "Top PCT applicants")
        + line("", " " * 44 + "PATENTS   SHARE")
        + line("64th", " 1   NORDHAVEN MARINE ASA" + " " * 20 + "96     23%")
        + line("S&T cluster by", "")
        + line("intensity", " 2   FJORD SENSORS AS" + " " * 25 + "41     10%")
        + line("", " 3   NORDHAVEN UNIVERSITY" + " " * 21 + "37      9%")
        + "\n"
        + g
        + "Source: WIPO\n"
    )


def test_callouts_in_a_left_margin_are_read_after_the_main_column() -> None:
    raw = _sidebar_page()
    r = extract(raw, "x.pdf", "pdf")
    assert r.pct_applications == 412
    assert ev(r, "pct_applications") == "412"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN MARINE ASA", 96, 23),
        (2, "FJORD SENSORS AS", 41, 10),
        (3, "NORDHAVEN UNIVERSITY", 37, 9),
    ]
    assert ev(r, "top_pct_applicants[1].name") == "FJORD SENSORS AS"


def test_a_margin_that_holds_prose_is_no_sidebar() -> None:
    from nlq.layout.sidebar import sidebar_order

    raw = "".join(
        ("Nordhaven is a cluster that" if k % 2 else "").ljust(30)
        + "the main text goes on here with many words of prose\n"
        for k in range(6)
    )
    lines, pos = [], 0
    for text in raw.split("\n"):
        lines.append((pos, pos + len(text)))
        pos += len(text) + 1
    assert sidebar_order(raw, lines) is None


def _newsletter_page() -> str:
    def line(left: str, right: str = "") -> str:
        return (left.ljust(50) + right).rstrip() + "\n"

    return (
        " NORDHAVEN NEWS\n Nordhaven, Norway\n\n"
        + line(" Nordhaven is the third-ranked cluster, out", " Chemistry (6%)")
        + line(" of 9 Norwegian clusters, that falls within", " Other (21%)")
        + line(" the top 100 S&T clusters in 2024. It filed", " Collaboration")
        + line(" 1,204 PCT applications and published 9,876")
        + line(" scientific articles over the last five years.", " 58% of Nordhaven's articles")
        + line("", " are published in collaboration")
        + line("", " with other organizations.")
        + "\n"
        + line(" Top technology fields")
        + line(" Publications")
        + line(" Clinical medicine (40%)")
        + line(" Engineering (33%)")
        + "\n"
        + " Nordhaven News is published by the Nordhaven Forum. Figures: WIPO, GII 2024.     3\n\f"
    )


def test_a_list_at_the_left_column_foot_goes_on_at_the_right_column_top() -> None:
    raw = _newsletter_page()
    r = extract(raw, "x.pdf", "pdf")
    assert pairs(r.publication_fields) == [
        ("Clinical medicine", 40),
        ("Engineering", 33),
        ("Chemistry", 6),
        ("Other", 21),
    ]
    assert ev(r, "publication_fields[2].field") == "Chemistry"


def test_a_count_at_a_line_end_goes_on_with_its_unit_below() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "How the region's leading science and technology cluster measures up against the rest.\n\n"
        "Nordhaven is the third-ranked cluster, out of 9\n"
        "Norwegian clusters, in the top 100. It filed 1,204\n"
        "PCT applications and published 9,876 scientific\n"
        "articles over the last five years.\n"
    )
    assert ("paragraph", "Norwegian clusters, in the top 100. It filed 1,204") not in blocks(raw)
    r = extract(raw, "x.pdf", "pdf")
    assert r.pct_applications == 1204
    assert ev(r, "pct_applications") == "1,204"


def test_a_sheet_of_labels_and_values_is_no_sidebar() -> None:
    raw = "NORDHAVEN CLUSTER SHEET\n\n" + "".join(
        label.ljust(25) + value + "\n"
        for label, value in [
            ("", "Figures as the index prints them for the cluster and its region"),
            ("", "and as reported by the national statistics office every year"),
            ("", "and read for this sheet by the regional development agency"),
            ("Cluster", "Nordhaven, Norway"),
            ("National position", "third-ranked cluster, out of 9 Norwegian clusters"),
            ("Size", "88th largest science and technology cluster in 2024"),
        ]
    )
    from nlq.layout.sidebar import sidebar_order

    lines, pos = [], 0
    for text in raw.split("\n"):
        lines.append((pos, pos + len(text)))
        pos += len(text) + 1
    assert sidebar_order(raw, lines) is None
    r = extract(raw, "x.pdf", "pdf")
    assert r.national_cluster_count == 9
