"""Layout mechanisms added for the testers' round AB/AC layouts of developer ac2: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, ev, extract, ranked, span


def test_a_running_header_ending_page_n_of_total_is_furniture() -> None:
    head = "Nordhaven profile (GII 2024)\tDraft v3 - internal\tPage {} of 3\n"
    raw = (
        head.format(1)
        + "\n"
        + OPENING
        + "\f"
        + head.format(2)
        + "\nTop publishing organizations\n\n"
        "No.\tOrganization\tArticles\tShare\n1\tNORD UNIVERSITY\t4,100\t33%\n"
        "2\tNORD HOSPITAL\t1,200\t10%\n\f" + head.format(3) + "\nThe end of the profile.\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [
        (1, "NORD UNIVERSITY", 4100, 33),
        (2, "NORD HOSPITAL", 1200, 10),
    ]
    assert span(r, raw, "top_publishers[0].count") == "4,100"


def test_a_tabbed_chapter_number_before_a_title_is_a_heading_and_a_caption_below_is_not() -> None:
    raw = (
        OPENING + "2\tTop PCT applicants\n\n"
        "No.\tOrganization\tPCT applications\tShare\n1\tNORD AS\t114\t3%\n2\tFJORD ASA\t92\t2%\n\n"
        "Table 1: Top PCT applicants, Nordhaven\n\n"
        "3\tTop publishing organizations\n\n"
        "No.\tOrganization\tArticles\tShare\n1\tNORD UNIVERSITY\t4,100\t33%\n"
        "2\tNORD HOSPITAL\t1,200\t10%\n\n"
        "Table 2: Top publishing organizations, Nordhaven\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "NORD AS", 114, 3), (2, "FJORD ASA", 92, 2)]
    assert ranked(r.top_publishers) == [
        (1, "NORD UNIVERSITY", 4100, 33),
        (2, "NORD HOSPITAL", 1200, 10),
    ]
    assert ev(r, "top_publishers[1].name") == "NORD HOSPITAL"


def test_a_title_naming_no_section_after_a_ranked_table_ends_the_list() -> None:
    raw = (
        OPENING + "Top publishing organizations\n\n"
        "Rank\tOrganization\tArticles\tShare\n1\tNORD UNIVERSITY\t4,100\t33%\n"
        "2\tNORD HOSPITAL\t1,200\t10%\n\n"
        "MOST READ\n1. Fjordby climbs to 61st\n2. Why Sandvik fell 12 places\n\n"
        "Top technology fields\n\nPatents\nOptics (40%)\nOther (60%)\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [
        (1, "NORD UNIVERSITY", 4100, 33),
        (2, "NORD HOSPITAL", 1200, 10),
    ]
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 40), ("Other", 60)]
    assert span(r, raw, "top_publishers[1].count") == "1,200"


def test_a_title_with_an_aside_holding_figures_is_still_its_section_heading() -> None:
    raw = (
        OPENING + "Top PCT applicants (counts out of the cluster's 2,340 PCT applications; "
        "no shares given)\n1) NORD AS: 318 of 2,340\n2) FJORD ASA, LTD.: 96 of 2,340\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD AS", 318, None),
        (2, "FJORD ASA, LTD.", 96, None),
    ]
    assert span(r, raw, "top_pct_applicants[0].count") == "318"
    assert ev(r, "top_pct_applicants[1].name") == "FJORD ASA, LTD."


def test_who_files_and_who_publishes_headings_and_a_share_written_as_a_n_percent_share() -> None:
    raw = (
        "# Nordhaven, Norway\n\n" + BODY + "### Who files the patents\n\n"
        "1. **NORD AS** – 146 PCT applications, a 12% share\n"
        "2. **FJORD ASA** – 74 PCT applications, a 6% share\n\n"
        "### Who publishes\n\n1. **NORD UNIVERSITY** – 27,449 articles, a 45% share\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [(1, "NORD AS", 146, 12), (2, "FJORD ASA", 74, 6)]
    assert ranked(r.top_publishers) == [(1, "NORD UNIVERSITY", 27449, 45)]
    assert span(r, raw, "top_pct_applicants[1].share") == "6"
    assert span(r, raw, "top_publishers[0].count") == "27,449"


def test_a_clusters_figures_of_an_earlier_year_are_not_the_profiles() -> None:
    raw = (
        "Last spring we wrote about Nordhaven's 2023 numbers, when it had 281 PCT "
        "applications per million people.\n\n## Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 S&T "
        "clusters in 2024. It filed 309 PCT applications and published 12,345 scientific "
        "articles.\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert r.pct_applications == 309
    assert span(r, raw, "pct_applications") == "309"


def test_a_breakdown_with_its_fields_as_the_header_row_and_shares_below() -> None:
    raw = (
        "# Nordhaven, Norway\n\n" + BODY + "## Top technology fields\n\n### Publications\n\n"
        "| Clinical medicine | Physics & math | Other |\n|---|---|---|\n| 27% | 10% | 63% |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Clinical medicine", 27),
        ("Physics & math", 10),
        ("Other", 63),
    ]
    assert span(r, raw, "publication_fields[1].field") == "Physics & math"
    assert span(r, raw, "publication_fields[2].share") == "63"


def test_a_two_row_table_of_names_over_counts_is_no_breakdown() -> None:
    from nlq.extractors.field_pairs import Pair
    from nlq.extractors.sideways import sideways_pairs
    from nlq.layout.document import MappedText

    def row(*cells: str):
        return tuple(MappedText.verbatim(c, 0, len(c)) for c in cells)

    assert sideways_pairs([row("Optics", "Other"), row("120", "30")], Pair) == []
    assert sideways_pairs([row("Field", "Share"), row("Optics", "40%")], Pair) == []
    assert len(sideways_pairs([row("Optics", "Other"), row("60%", "40%")], Pair)) == 2
