"""Layout mechanisms added in round BG: each test is a small inline input for one mechanism,
checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, extract, pairs, ranked, span

OPENING_MD = "# " + OPENING


def test_a_quoted_csv_cell_running_over_several_lines_is_one_record() -> None:
    # A scraper's export: the summary cell holds line breaks inside its quotes, so the record
    # is one row; read line by line its text stopped at the first comma and the next record's
    # section name was glued to its last line.
    raw = (
        "section,rank,name,count,share,text\n"
        'title,,"Nordhaven, Norway",,,\n'
        'summary,,,,,"Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters. It '
        "filed 1,204 PCT applications and published 12,345 scientific articles, making it the:\n"
        "22nd largest science and technology cluster in 2024\n"
        '48th S&T cluster by intensity in 2024"\n'
        'top_pct_applicants,1,"NORD INSTITUTE, OSLO",312,8%,\n'
        "top_pct_applicants,2,FJORD AS,210,5%,\n"
        "scraped_at,,,,,2024-10-05T11:02:44Z\n"
    )
    r = extract(raw, "x.csv", "csv")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert (r.global_size_rank, r.global_intensity_rank) == (22, 48)
    assert span(r, raw, "pct_applications") == "1,204"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD INSTITUTE, OSLO", 312, 8),
        (2, "FJORD AS", 210, 5),
    ]
    assert span(r, raw, "top_pct_applicants[0].name") == "NORD INSTITUTE, OSLO"


def test_a_news_byline_is_no_title_line() -> None:
    # "By NAME, ROLE" above a news article names its author: the profile's own title line
    # further down names the cluster and its economy, though the text never names it again.
    raw = (
        "By Ana Berg, Science Correspondent\n\n"
        "Nordhaven, Norway\n\n"
        "The city is the third-ranked cluster, out of 9 Norwegian clusters. It filed 1,204 PCT "
        "applications and published 12,345 scientific articles.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert span(r, raw, "cluster") == "Nordhaven"
    assert r.evidence["economy"].start == raw.index("Norway")


def test_an_economy_with_its_official_qualifier_in_parentheses() -> None:
    # UN-style names keep their qualifier: "Korea (Republic of)", "Iran (Islamic Republic of)".
    raw = (
        "Nordhaven, Korea (Republic of)\n\n"
        "Nordhaven is the third-ranked cluster, out of 9 Korean clusters. It filed 1,204 PCT "
        "applications and published 12,345 scientific articles.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Korea (Republic of)")
    assert span(r, raw, "economy") == "Korea (Republic of)"
    assert (r.national_rank, r.national_cluster_count) == (3, 9)


def test_a_collaboration_table_titled_in_its_first_cell_with_numbered_partner_columns() -> None:
    # A tracker sheet puts the collaboration table right under the field breakdown, with no
    # heading of its own: its header's first cell names it, and each partner has a numbered
    # column ("Top location 1") whose digit is no figure.
    raw = (
        OPENING_MD + "## Top technology fields\n\n"
        "| Patents | Share |\n|---|---|\n| Optics | 60% |\n| Other | 40% |\n\n"
        "| Collaboration | Share | Top location 1 | Top location 2 |\n|---|---|---|---|\n"
        "| PCT patent applications | 17% | Bergen | Oslo |\n"
        "| Scientific articles | 66% | Oslo | Tromsø |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.share == 17
    assert r.patent_collaboration.partners == ["Bergen", "Oslo"]
    assert r.publication_collaboration.partners == ["Oslo", "Tromsø"]
    assert span(r, raw, "publication_collaboration.partners[1]") == "Tromsø"
    assert span(r, raw, "publication_collaboration.share") == "66"


def test_ranks_set_in_the_name_column_of_side_by_side_lists() -> None:
    # A PDF converted to text sets each rank at the start of its name's cell ("1 CHANGXIN
    # MEMORY"), the names wrapped onto a second line: the numbers running 1, 2, 3 down the
    # column are ranks, not part of the names.
    raw = OPENING + (
        "   Top PCT applicants                          Top publishing organizations\n\n"
        "                        Patents    Share                              Articles   Share\n"
        "   1 NORD MEMORY            2,069    54%      1 UNIVERSITY OF NORD &      10,938     25%\n"
        "     TECHNOLOGIES                               TECH. OF NORWAY\n"
        "   2 FJORD INSTITUTE          114     3%      2 NORD UNIVERSITY            6,842     16%\n"
        "   3 BERGEN POWER              92     2%      3 UNIVERSITY OF NORD &       5,986     14%\n"
        "     CO., LTD                                   TECH. OF NORWAY\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD MEMORY TECHNOLOGIES", 2069, 54),
        (2, "FJORD INSTITUTE", 114, 3),
        (3, "BERGEN POWER CO., LTD", 92, 2),
    ]
    name = "UNIVERSITY OF NORD & TECH. OF NORWAY"
    assert ranked(r.top_publishers) == [
        (1, name, 10938, 25),
        (2, "NORD UNIVERSITY", 6842, 16),
        (3, name, 5986, 14),
    ]
    assert span(r, raw, "top_publishers[2].rank") == "3"
    assert raw[r.evidence["top_publishers[2].rank"].start + 2 :].startswith("UNIVERSITY")
    assert f"top_publishers: '{name}' appears at ranks 1 and 3" in r.warnings


def test_a_number_opening_one_name_cell_alone_stays_in_the_name() -> None:
    # Under a rank column, one name that starts with a number keeps it.
    raw = OPENING + (
        "Top PCT applicants\n\n"
        "| Rank | Applicant | Patents |\n|---|---|---|\n"
        "| 1 | 3 BRIDGES AS | 40 |\n| 2 | FJORD AS | 30 |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "3 BRIDGES AS", 40, None),
        (2, "FJORD AS", 30, None),
    ]


def test_a_field_wrapped_with_its_share_in_a_breakdown_grids_first_row() -> None:
    # "Other consumer" over "goods (4%)", the other columns' fields each on one line: the lone
    # piece ends its field, so the grid goes on and is read column by column.
    raw = OPENING + (
        "   Top technology fields\n\n"
        "   Patents                                      Publications\n\n"
        "   Semiconductors (35%)    Other consumer        Chemistry (21%)       Other (60%)\n"
        "                           goods (4%)\n"
        "   Optics (18%)            Other (43%)           Engineering (19%)\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [
        ("Semiconductors", 35),
        ("Optics", 18),
        ("Other consumer goods", 4),
        ("Other", 43),
    ]
    assert pairs(r.publication_fields) == [("Chemistry", 21), ("Engineering", 19), ("Other", 60)]
    ev = r.evidence["patent_fields[2].field"]
    quoted = raw[ev.start : ev.end]  # from the first piece to the last
    assert quoted.startswith("Other consumer") and quoted.endswith("goods")
    assert span(r, raw, "patent_fields[2].share") == "4"
