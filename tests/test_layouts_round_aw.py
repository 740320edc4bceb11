"""Layout mechanisms added in round AW/AX: each test is a small inline input for one mechanism,
checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import extract, ranked, span


def test_a_longer_right_hand_list_row_set_a_few_characters_off_its_columns() -> None:
    # The right-hand list's third row stands alone, its figures two characters right of the
    # column above (a PDF copy's approximate alignment): it still belongs to that list.
    raw = (
        "Zürich, Switzerland\n\n"
        "Top PCT applicants                                  Top publishing organizations\n"
        "                          Patents    Share                                   "
        "Articles   Share\n"
        "1  ABB SCHWEIZ AG           1 105      19%        1  ETH ZÜRICH                   "
        "31 228     52%\n"
        "2  GOOGLE LLC                 402       7%        2  UNIVERSITÄT ZÜRICH           "
        "19 774     33%\n"
        "                                                  3  EMPA, EIDGENÖSSISCHE            "
        "3 102      5%\n"
        "                                                     MATERIALPRÜFUNGS- UND\n"
        "                                                     FORSCHUNGSANSTALT\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "ABB SCHWEIZ AG", 1105, 19),
        (2, "GOOGLE LLC", 402, 7),
    ]
    name = "EMPA, EIDGENÖSSISCHE MATERIALPRÜFUNGS- UND FORSCHUNGSANSTALT"
    assert ranked(r.top_publishers)[2] == (3, name, 3102, 5)
    assert span(r, raw, "top_publishers[2].share") == "5"
    assert span(r, raw, "top_publishers[2].count") == "3 102"


def test_a_markup_comment_in_a_text_source_is_not_read() -> None:
    # A wiki page's source keeps an editor's comment with last year's figure; a rendered page
    # shows nothing of it.
    raw = (
        "<!-- copied from the 2024 profile; old 2023 values: 19th largest, 2,950 PCT -->\n"
        "== Daejeon, Republic of Korea ==\n\n"
        "Daejeon is the 3rd-ranked cluster, out of 4 Korean clusters. It filed 3,418 PCT "
        "applications and published 11,204 scientific articles.\n\n"
        "* 22nd largest science and technology cluster in 2024\n"
    )
    r = extract(raw)
    assert (r.global_size_rank, r.pct_applications) == (22, 3418)
    assert span(r, raw, "global_size_rank") == "22nd"


def test_a_form_feed_after_a_page_number_on_the_same_line_breaks_the_page() -> None:
    # "41\f   GII 2024 | Cluster profiles": the page number ends one page and the running
    # header opens the next on the same line; neither is a ranked row.
    header = " " * 40 + "GII 2024 | Cluster profiles\n"
    raw = (
        f"{header}\n"
        "Changsha, China\n\n"
        "Changsha is the tenth-ranked cluster, out of 26 Chinese clusters. It filed 309 PCT "
        "applications.\n\n"
        "Top PCT applicants\n\n"
        "                         Patents   Share\n"
        "1  CENTRAL SOUTH UNIVERSITY  146     12%\n"
        "2  CHINA TOBACCO              74      6%\n"
        f"{' ' * 60}41\f{header}\n"
        "Top technology fields in Changsha\n\n"
        "Patents\n\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "CENTRAL SOUTH UNIVERSITY", 146, 12),
        (2, "CHINA TOBACCO", 74, 6),
    ]


def test_a_rule_drawn_under_a_sentence_leaves_it_prose() -> None:
    raw = (
        "Grenoble, France\n\n"
        "Grenoble is the third-ranked cluster, out of 6 French clusters. It filed 1 046 PCT "
        "applications.\n\n"
        "78% of Grenoble's scientific articles are published in collaboration with other "
        "organizations, with the top three collaborating locations being Paris, Lyon and "
        "Saint-Martin-d'Hères.\n"
        "-----------------------------------------------------------------------------\n"
        "Rédacteur : C. Lefèvre — page 1/1\n"
    )
    r = extract(raw)
    collab = r.publication_collaboration
    assert collab is not None
    assert (collab.share, collab.partners) == (78, ["Paris", "Lyon", "Saint-Martin-d'Hères"])
    assert span(r, raw, "publication_collaboration.partners[2]") == "Saint-Martin-d'Hères"


def test_a_short_line_over_a_drawn_rule_is_still_a_heading() -> None:
    raw = (
        "Hefei, China\n\n"
        "Hefei is the twelfth-ranked cluster. It filed 692 PCT applications.\n\n"
        "Top PCT applicants\n"
        "------------------\n\n"
        "1. CHANGXIN MEMORY TECHNOLOGIES — 2,069 patents (54%)\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "CHANGXIN MEMORY TECHNOLOGIES", 2069, 54)]


def test_thousands_dots_in_a_profile_typed_in_english() -> None:
    raw = (
        "Aarhus, Denmark\n\n"
        "Aarhus is the second-ranked cluster, out of 2 Danish clusters. It filed 1.204 PCT "
        "applications and published 21.377 scientific articles.\n\n"
        "Top publishing organizations\n"
        "\t\tArticles\tShare\n"
        "1\tAARHUS UNIVERSITET\t18.410\t86%\n"
    )
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (1204, 21377)
    assert ranked(r.top_publishers) == [(1, "AARHUS UNIVERSITET", 18410, 86)]
    assert span(r, raw, "scientific_articles") == "21.377"


def test_dotted_numbers_beside_a_decimal_point_are_not_read_as_thousands() -> None:
    # "7.5%" shows the dot is this text's decimal point: "1.204" is then no count of 1204.
    raw = (
        "Aarhus, Denmark\n\n"
        "Aarhus is the second-ranked cluster, out of 2 Danish clusters. It filed 1.204 PCT "
        "applications and published 21.377 scientific articles.\n\n"
        "Top PCT applicants\n"
        "\t\tPatents\tShare\n"
        "1\tVESTAS WIND SYSTEMS A/S\t688\t7.5%\n"
    )
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (None, None)


def test_side_by_side_rows_set_one_line_apart_each_stay_in_their_list() -> None:
    # The right-hand list's third row starts beside the left's wrapped name, and the left's
    # third row beside the right's: each row, alone in its columns, belongs to its own list.
    gap = " " * 26
    raw = (
        "Ostrava, Czechia\n\n"
        "Top PCT applicants                              Top publishing organizations\n\n"
        f"{gap}Patents   Share                                 Articles   Share\n"
        "1  VITKOVICE STEEL WORKS AS     46    12%       1  VSB TECHNICAL UNIVERSITY     7,449"
        "     45%\n"
        "2  OSTRAVA INSTITUTE OF         24     6%       2  UNIVERSITY OF OSTRAVA        1,957"
        "     16%\n"
        "   APPLIED METALLURGY                           3  UNIVERSITY HOSPITAL OF       1,290"
        "     12%\n"
        "3  TRINEC IRONWORKS             21     6%          OSTRAVA - PORUBA -\n"
        "                                                   CZECHIA\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "VITKOVICE STEEL WORKS AS", 46, 12),
        (2, "OSTRAVA INSTITUTE OF APPLIED METALLURGY", 24, 6),
        (3, "TRINEC IRONWORKS", 21, 6),
    ]
    name = "UNIVERSITY HOSPITAL OF OSTRAVA - PORUBA - CZECHIA"
    assert ranked(r.top_publishers)[2] == (3, name, 1290, 12)
    assert span(r, raw, "top_publishers[2].count") == "1,290"


def test_the_opening_header_repeated_with_a_page_number_is_furniture() -> None:
    # No form feed: the copy lost the page break, but the running header comes back with
    # its page number under the last list.
    header = "Global Innovation Index 2024                                       S&T Clusters"
    raw = (
        f"{header}\n\n"
        "Kraków, Poland\n\n"
        "Kraków is the third-ranked cluster, out of 3 Polish clusters. It filed 44 PCT "
        "applications.\n\n"
        "Top publishing organizations\n"
        "                                                        Articles     Share\n"
        "  1   JAGIELLONIAN UNIVERSITY                             12,875       48%\n"
        "  2   AGH UNIVERSITY OF KRAKOW                             6,430       24%\n\n"
        f"{header}        7\n\n"
        "Top technology fields in Kraków\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [
        (1, "JAGIELLONIAN UNIVERSITY", 12875, 48),
        (2, "AGH UNIVERSITY OF KRAKOW", 6430, 24),
    ]
    assert r.edition == 2024
    assert r.evidence["edition"].line == 1


def test_a_name_wrapped_with_the_figures_after_its_rest_in_an_unaligned_table() -> None:
    raw = (
        "Bengaluru, India\n\n"
        "Top publishing organizations\n\n"
        "                  Articles   Share\n"
        "1  INDIAN INSTITUTE OF SCIENCE    18,944   44%\n"
        "2  JAWAHARLAL NEHRU CENTRE FOR ADVANCED\n"
        "   SCIENTIFIC RESEARCH    3,611   8%\n"
        "3  CHRIST UNIVERSITY    2,307   5%\n"
    )
    r = extract(raw)
    name = "JAWAHARLAL NEHRU CENTRE FOR ADVANCED SCIENTIFIC RESEARCH"
    assert ranked(r.top_publishers) == [
        (1, "INDIAN INSTITUTE OF SCIENCE", 18944, 44),
        (2, name, 3611, 8),
        (3, "CHRIST UNIVERSITY", 2307, 5),
    ]
    assert span(r, raw, "top_publishers[1].count") == "3,611"
    assert span(r, raw, "top_publishers[1].name").startswith("JAWAHARLAL")
    assert span(r, raw, "top_publishers[1].name").endswith("SCIENTIFIC RESEARCH")


def test_a_rank_column_titled_hash_in_a_space_aligned_header_is_no_heading() -> None:
    raw = (
        "Hōnan-Kita, Japan\n\n"
        "Top PCT applicants\n"
        "  #   Name                          Patents   Share\n"
        "  1   HŌNAN DENKI K.K.              4,412     37%\n"
        "  2   KITA PRECISION CO., LTD.      1,903     16%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "HŌNAN DENKI K.K.", 4412, 37),
        (2, "KITA PRECISION CO., LTD.", 1903, 16),
    ]
    assert span(r, raw, "top_pct_applicants[1].name") == "KITA PRECISION CO., LTD."


def test_a_markdown_heading_with_one_space_after_its_hash_stays_a_heading() -> None:
    raw = (
        "# Hefei, China\n\n"
        "Hefei is the twelfth-ranked cluster. It filed 692 PCT applications.\n\n"
        "# Top PCT applicants   (2024)\n\n"
        "1. CHANGXIN MEMORY TECHNOLOGIES — 2,069 patents (54%)\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert (r.cluster, r.economy) == ("Hefei", "China")
    assert ranked(r.top_pct_applicants) == [(1, "CHANGXIN MEMORY TECHNOLOGIES", 2069, 54)]
