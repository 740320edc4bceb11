"""Layout mechanisms that read profiles written in ways the first readers did not expect: each
test is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_fixtures import OPENING, blocks, ev, extract, ranked

from nlq.errors import ExtractionError
from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.extractors.rules import RulesExtractor
from nlq.files import collect_files
from nlq.layout import parse

# --- plain text: each line judged before anything is joined ---------------------------------


def test_a_title_and_a_subtitle_without_a_blank_line_stay_two_blocks() -> None:
    raw = "Hefei, China\nGlobal Innovation Index 2024 - S&T cluster profile\n"
    assert blocks(raw) == [
        ("paragraph", "Hefei, China"),
        ("paragraph", "Global Innovation Index 2024 - S&T cluster profile"),
    ]


def test_wrapped_sentences_are_joined_however_each_line_ends() -> None:
    # Wrapped at 80 columns: a line ending in "100", in "published", in a hyphenated break.
    # The hyphen before a lower-case letter is dropped; before a capital it is kept.
    raw = (
        "Hefei is the twelfth-ranked cluster, out of 26 Chinese clusters, in the top 100\n"
        "S&T clusters in 2024. It filed 692 PCT applications and later published\n"
        "7,921 articles per 1 mil-\n"
        "lion inhabitants, making it the:\n"
        "36th largest science and technology cluster in 2024\n"
        "Top PCT applicants\n"
    )
    assert blocks(raw) == [
        (
            "paragraph",
            "Hefei is the twelfth-ranked cluster, out of 26 Chinese clusters, in the top 100 S&T "
            "clusters in 2024. It filed 692 PCT applications and later published 7,921 articles "
            "per 1 million inhabitants, making it the:",  # the hyphen only broke the word
        ),
        ("paragraph", "36th largest science and technology cluster in 2024"),
        ("paragraph", "Top PCT applicants"),
    ]


def test_label_lines_are_never_joined_so_no_figure_lands_in_the_next_field() -> None:
    raw = (
        "Cluster: Nordhaven\nEconomy: Norway\n"
        "PCT applications (per 1 million inhabitants, last five years): 309\n"
        "Scientific articles (per 1 million inhabitants, last five years): 14,953\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert (r.pct_applications, r.scientific_articles) == (309, 14953)
    assert r.evidence["pct_applications"].line == 3 and ev(r, "pct_applications") == "309"
    assert r.evidence["scientific_articles"].line == 4
    assert ev(r, "scientific_articles") == "14,953"


def test_a_header_line_directly_above_single_space_rows() -> None:
    raw = OPENING + (
        "Top PCT applicants\n\nPatents Share\n"
        "1 KUUSIMÄKI NETWORKS OYJ 1,287 33%\n2 TARVOLAN PAPERI OY 312 8%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "KUUSIMÄKI NETWORKS OYJ", 1287, 33),
        (2, "TARVOLAN PAPERI OY", 312, 8),
    ]
    assert ev(r, "top_pct_applicants[1].count") == "312"


def test_a_subheading_directly_above_its_field_lines() -> None:
    raw = OPENING + (
        "Top technology fields\n\nPatents\n  Transport — 16 %\n  Engines, pumps, turbines — 84 %\n"
    )
    r = extract(raw)
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Transport", 16),
        ("Engines, pumps, turbines", 84),
    ]
    assert ev(r, "patent_fields[1].field") == "Engines, pumps, turbines"


def test_one_cell_per_line_is_rebuilt_into_rows_and_a_page_number_is_left_out() -> None:
    raw = (
        "Top PCT applicants\nPatents\nShare\n"
        "1\nCHANGXIN MEMORY\nTECHNOLOGIES\n2,069\n54%\n"
        "2\nSUNGROW POWER SUPPLY CO., LTD\n92\n2%\n"
        "1\nGlobal Innovation Index 2024\n"
    )
    assert blocks(raw) == [
        ("paragraph", "Top PCT applicants"),
        ("paragraph", "Patents"),
        ("paragraph", "Share"),
        (
            "table",
            [
                ["1", "CHANGXIN MEMORY TECHNOLOGIES", "2,069", "54%"],
                ["2", "SUNGROW POWER SUPPLY CO., LTD", "92", "2%"],
            ],
        ),
        ("paragraph", "1"),
        ("paragraph", "Global Innovation Index 2024"),
    ]
    r = extract(OPENING + raw)
    assert ranked(r.top_pct_applicants)[0] == (1, "CHANGXIN MEMORY TECHNOLOGIES", 2069, 54)
    # A name set over two lines: its span runs from the first line to the end of the second.
    assert ev(r, "top_pct_applicants[0].name") == "CHANGXIN MEMORY\nTECHNOLOGIES"
    assert [e.name for e in r.top_pct_applicants] != ["Global Innovation Index"]


def test_key_value_lines_one_cell_each() -> None:
    raw = "Nordhaven, Norway\nPCT applications\n309\nScientific articles\n14,953\n"
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (309, 14953)
    assert r.evidence["pct_applications"].line == 3


# --- delimited exports ---------------------------------------------------------------------


def test_a_semicolon_csv_with_padding_cells_and_quoted_cells() -> None:
    raw = (
        "Nordhaven, Norway;;;\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.;;;\n"
        "Top PCT applicants;;;\n"
        ';;Patents;Share\n1;"ACME ""NORD"", AS";517;22%\n2;BETA;282;12%\n'
        "Top technology fields;;;\nPatents;;Publications;\nTransport;60%;Medicine;70%\n"
        "Engines, pumps;40%;Biology;30%\n"
    )
    assert blocks(raw, "csv")[0] == ("paragraph", "Nordhaven, Norway")
    r = extract(raw, "x.csv", "csv")
    assert ranked(r.top_pct_applicants) == [
        (1, 'ACME "NORD", AS', 517, 22),
        (2, "BETA", 282, 12),
    ]
    assert ev(r, "top_pct_applicants[0].name") == 'ACME ""NORD"", AS'
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Transport", 60),
        ("Engines, pumps", 40),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [("Medicine", 70), ("Biology", 30)]


def test_a_text_file_with_a_few_semicolons_is_not_cut_into_cells() -> None:
    raw = OPENING + "Partners: Oslo; Bergen; Tromsø.\n\nTop PCT applicants\n\n1. ACME — 5 patents\n"
    assert all(kind != "table" for kind, _ in blocks(raw))


def test_folder_walks_pick_up_profile_documents_only(tmp_path: Path) -> None:
    names = ("a.csv", "b.tsv", "c.txt", "d.xlsx", "e.docx", "f.png", "g.zip", "h.eml", "i.rtf")
    for name in names + ("j.json", "k.jsonl"):
        (tmp_path / name).write_text("x")
    files, problems = collect_files([tmp_path])
    names = [f.name for f in files]
    assert names == ["a.csv", "b.tsv", "c.txt", "d.xlsx", "e.docx", "h.eml", "i.rtf"]
    assert problems == []


def test_markdown_decodes_character_references_with_exact_spans() -> None:
    raw = OPENING + "## Top PCT applicants\n\n1. ACME &amp; SONS &#8211; 146 patents (12%)\n"
    r = extract(raw, "x.md", "markdown")
    assert r.top_pct_applicants[0].name == "ACME & SONS"
    assert ev(r, "top_pct_applicants[0].name") == "ACME &amp; SONS"


# --- HTML --------------------------------------------------------------------------------------


def test_html_card_rows_of_spans_are_table_rows() -> None:
    raw = (
        "<div>Nordhaven, Norway</div><div><span>32nd</span> <span>largest cluster</span></div>"
        "<div>Leading patent applicants</div>"
        "<div><span></span><span></span><span>Patents</span><span>Share</span></div>"
        "<div><span>1</span><span>CENTRAL SOUTH UNIVERSITY</span><span>146</span>"
        "<span>12%</span></div>"
    )
    assert blocks(raw, "html") == [
        ("paragraph", "Nordhaven, Norway"),
        ("paragraph", "32nd largest cluster"),
        ("paragraph", "Leading patent applicants"),
        ("table", [["", "", "Patents", "Share"], ["1", "CENTRAL SOUTH UNIVERSITY", "146", "12%"]]),
    ]
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [(1, "CENTRAL SOUTH UNIVERSITY", 146, 12)]
    assert r.global_size_rank == 32
    assert ev(r, "top_pct_applicants[0].share") == "12"


def test_html_paragraph_rows_under_a_heading() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 2nd-ranked cluster, out of 9 clusters.</p>"
        "<h2>Top publishing organizations</h2><p>1 NORD UNIVERSITY 9,000 50%</p>"
        "<p>It published 12,345 scientific articles in 2024.</p>"
    )
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_publishers) == [(1, "NORD UNIVERSITY", 9000, 50)]
    assert r.scientific_articles == 12345  # the sentence stays prose


def test_html_definition_lists_are_term_and_value_rows() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 2nd-ranked cluster, out of 9 clusters.</p>"
        "<h2>Top publishing organizations</h2><dl>"
        "<dt>1 &middot; NORD &amp; CO</dt><dd>10,938 articles (25%)</dd>"
        "<dt>2 &middot; ILSBY</dt><dd>6,842 articles (16%)</dd></dl>"
        "<h2>Top technology fields</h2><h3>Patents</h3>"
        "<dl><dt>Optics</dt><dd>60%</dd><dt>Control</dt><dd>40%</dd></dl>"
    )
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_publishers) == [(1, "NORD & CO", 10938, 25), (2, "ILSBY", 6842, 16)]
    assert ev(r, "top_publishers[0].name") == "NORD &amp; CO"
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Control", 40)]


def test_an_html_table_caption_names_its_table() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 2nd-ranked cluster, out of 9 clusters.</p>"
        "<h2>Top technology fields</h2>"
        "<table><caption>Publications</caption><tr><th>Chemistry</th><td>55%</td></tr>"
        "<tr><th>Biology</th><td>45%</td></tr></table>"
    )
    r = extract(raw, "x.html", "html")
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Chemistry", 55),
        ("Biology", 45),
    ]
    assert r.patent_fields == []


def test_a_sideways_table_is_read_by_its_row_titles_never_as_names() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 2nd-ranked cluster, out of 9 clusters.</p>"
        "<h2>Top PCT applicants</h2><table>"
        "<tr><th>Rank</th><td>1</td><td>2</td></tr>"
        "<tr><th>Applicant</th><td>ACME</td><td>BETA CORP</td></tr>"
        "<tr><th>Patents</th><td>146</td><td>74</td></tr>"
        "<tr><th>Share</th><td>12%</td><td>6%</td></tr></table>"
    )
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [(1, "ACME", 146, 12), (2, "BETA CORP", 74, 6)]
    assert ev(r, "top_pct_applicants[1].count") == "74"


# --- ranked rows ---------------------------------------------------------------------------


def test_columns_are_mapped_by_their_header_words_in_any_order() -> None:
    raw = OPENING + (
        "## Top PCT applicants\n\n| Share | Patents | Applicant | No. |\n|---|---|---|---|\n"
        "| 54% | 2,069 | ACME | 1 |\n| 3% | 114 | BETA | 2 |\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [(1, "ACME", 2069, 54), (2, "BETA", 114, 3)]
    assert ev(r, "top_pct_applicants[0].rank") == "1"
    assert ev(r, "top_pct_applicants[0].count") == "2,069"


def test_columns_without_a_header_are_mapped_by_what_they_hold() -> None:
    raw = OPENING + "Top PCT applicants\n\n12%\t146\tACME\t1\n6%\t74\tBETA\t2\n"
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "ACME", 146, 12), (2, "BETA", 74, 6)]


def test_a_header_its_cells_contradict_gives_way_to_the_cells_with_a_warning() -> None:
    raw = OPENING + (
        "Top publishing organizations\n\nRank\tOrganization\tArticles\tShare\n"
        "1\tNORD UNIVERSITY\t54%\t9,000\n"
    )
    r = extract(raw)
    assert ranked(r.top_publishers) == [(1, "NORD UNIVERSITY", 9000, 54)]
    assert any("titled 'Articles' holds shares" in w for w in r.warnings)


def test_a_share_column_without_percent_signs_keeps_only_values_up_to_100() -> None:
    raw = OPENING + "Top PCT applicants\n\nNo.\tApplicant\tPatents\tShare\n1\tACME\t146\t12\n"
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "ACME", 146, 12)]
    raw = OPENING + "Top PCT applicants\n\nNo.\tApplicant\tPatents\tShare\n1\tACME\t146\t1,460\n"
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "ACME", 146, None)]
    assert any("share column holds '1,460'; left out" in w for w in r.warnings)


def test_ranks_written_no_1_in_columns_and_in_list_items() -> None:
    raw = OPENING + (
        "Top PCT applicants\n                                   Patents    Share\n"
        "  No. 1   BRODAVSKÉ STROJÍRNY A.S.         96     19 %\n"
        "  No. 2   ÚSTAV FYZIKÁLNÍ CHEMIE, LHOTKA   40      8 %\n\n"
        "Top publishing organizations\n\n"
        "+ **No. 1** UNIVERSITY OF HALLOWMERE — **12,220** articles, **47%**\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "BRODAVSKÉ STROJÍRNY A.S.", 96, 19),
        (2, "ÚSTAV FYZIKÁLNÍ CHEMIE, LHOTKA", 40, 8),
    ]
    assert ev(r, "top_pct_applicants[1].rank") == "2"
    assert ranked(r.top_publishers) == [(1, "UNIVERSITY OF HALLOWMERE", 12220, 47)]
    assert ev(r, "top_publishers[0].name") == "UNIVERSITY OF HALLOWMERE"


def test_labelled_row_items() -> None:
    raw = OPENING + (
        "Top PCT applicants:\n"
        "Rank 1: CENTRAL SOUTH UNIVERSITY; Patents: 146; Share: 12%\n"
        "Rank 2: HUNAN UNIVERSITY; Patents: 74; Share: 6%\n"
    )
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [
        (1, "CENTRAL SOUTH UNIVERSITY", 146, 12),
        (2, "HUNAN UNIVERSITY", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "CENTRAL SOUTH UNIVERSITY"


# --- fields --------------------------------------------------------------------------------


def test_a_share_in_its_own_cell_inside_parentheses() -> None:
    raw = (
        OPENING
        + "Top technology fields\n\nPatents\n\nDigital communication  (31 %)\nOther  (69 %)\n"
    )
    r = extract(raw)
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Digital communication", 31),
        ("Other", 69),
    ]
    assert ev(r, "patent_fields[0].share") == "31"


def test_a_breakdown_written_on_one_line_after_its_label() -> None:
    raw = OPENING + (
        "TECHNOLOGY SPECIALISATION\n\n"
        "Scientific publications: Chemistry 21%, Biochem. & biotech. 6%, Other 73%.\n\n"
        "Patents: Semiconductors 35%, Engines, pumps, turbines 9%, Other 56%.\n"
    )
    r = extract(raw)
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Chemistry", 21),
        ("Biochem. & biotech.", 6),
        ("Other", 73),
    ]
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Semiconductors", 35),
        ("Engines, pumps, turbines", 9),
        ("Other", 56),
    ]
    assert ev(r, "patent_fields[1].field") == "Engines, pumps, turbines"


def test_a_subheading_with_a_final_colon() -> None:
    raw = OPENING + "Top technology fields\n\nPublications:\n\n+ Physics: 60%\n+ Biology: 40%\n"
    r = extract(raw, "x.md", "markdown")
    assert [(f.field, f.share) for f in r.publication_fields] == [("Physics", 60), ("Biology", 40)]


# --- scalars, title, collaboration -----------------------------------------------------------


def test_rank_wordings_no_83_by_size_and_ranked_2nd_out_of() -> None:
    raw = (
        "Brodava, Czechia\n\nBrodava is ranked 2nd, out of 2 Czech clusters, in 2024. It filed "
        "71 PCT applications.\n\n  No. 83 by size (largest clusters)\n"
        "  No. 60 by intensity (relative to population density)\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (2, 2)
    assert (r.global_size_rank, r.global_intensity_rank) == (83, 60)
    assert ev(r, "global_size_rank") == "No. 83" and ev(r, "national_rank") == "2nd"


def test_a_signature_at_the_end_is_not_the_title() -> None:
    raw = "Global Innovation Index 2024\n\nHefei (China)\n\n" + OPENING.split("\n\n", 1)[1]
    raw = (
        raw.replace("Nordhaven", "Hefei")
        + "Top PCT applicants\n\n1. ACME — 5 patents\n\nThanks,\nLi\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Hefei", "China")
    # With no title at all, a late "Thanks, Li" is still not taken; the subject sentence is.
    r = extract(raw.replace("Hefei (China)\n\n", ""))
    assert (r.cluster, r.economy) == ("Hefei", "")


def test_collaboration_share_and_partners_on_separate_labelled_lines() -> None:
    raw = OPENING + (
        "Patent collaboration: 6% of Nordhaven's PCT patent applications are filed in "
        "collaboration with other inventors\n"
        "Top collaborative locations (patents): Oslo, Bergen-Voss, Tromsø\n"
    )
    r = extract(raw)
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 6
    assert r.patent_collaboration.partners == ["Oslo", "Bergen-Voss", "Tromsø"]
    assert ev(r, "patent_collaboration.partners[2]") == "Tromsø"


# --- the LLM path's grounding reads the same layouts -------------------------------------------


def test_grounding_accepts_a_unit_aside_between_a_label_and_its_figure() -> None:
    raw = "PCT applications (per 1 million inhabitants, last five years): 309\n"
    facts = {"pct_applications": {"value": 309, "quote": raw.strip()}}
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(parse("x.txt", raw, "text")))
    assert g.problems == [] and g.values["pct_applications"] == 309
    # ... but a number outside the aside still stands between them.
    raw = "PCT applications 2019 (per 1 million inhabitants): 309\n"
    facts = {"pct_applications": {"value": 309, "quote": raw.strip()}}
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(parse("x.txt", raw, "text")))
    assert g.problems


def test_grounding_reads_side_by_side_inline_boxes_as_separate_words() -> None:
    raw = "<div><span>1</span><span>CENTRAL SOUTH UNIVERSITY</span><span>146</span></div>"
    view = SourceView.of(parse("x.html", raw, "html"))
    span = view.find_name("CENTRAL SOUTH UNIVERSITY", 0, len(view.fold))
    assert span is not None and raw[slice(*view.raw_span(*span))] == "CENTRAL SOUTH UNIVERSITY"


def test_more_rank_and_label_wordings() -> None:
    raw = (
        "Hefei, China\n\nHefei ranks 12th among 26 Chinese clusters.\n\n"
        "Rank by size: 36\n\nRanked by intensity: 48th\n\n"
        "PCT filings (per 1 million inhabitants): 692\n\n2024 edition\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (12, 26)
    assert (r.global_size_rank, r.global_intensity_rank) == (36, 48)
    assert (r.pct_applications, r.edition) == (692, 2024)
    assert ev(r, "global_intensity_rank") == "48th" and ev(r, "pct_applications") == "692"
    # A rank among all clusters worldwide is not a national rank.
    raw = "Hefei, China\n\nHefei is the 36th of 100 clusters worldwide. "
    r = extract(raw + "It filed 9 PCT applications.\n")
    assert r.national_rank is None and r.national_cluster_count is None


# --- never a figure in the wrong field ---------------------------------------------------------


def test_two_items_glued_into_one_line_are_split_or_left_out() -> None:
    raw = (
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 2nd-ranked cluster, out of 9 clusters.</p>"
        "<h2>Top technology fields</h2><h3>Patents</h3>"
        "<div><span>Optics (60%)</span><span>Transport (40%)</span></div>"
        "<h2>Top PCT applicants</h2>"
        "<p>1 ACME 146 12% 2 BETA 74 6%</p>"
    )
    r = extract(raw, "x.html", "html")
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Transport", 40)]
    assert r.top_pct_applicants == []  # no name holds another row's figures


def test_wrapped_rows_and_labels_are_joined_where_they_continue() -> None:
    raw = OPENING + (
        "Top PCT applicants:\n"
        "Rank 1: NORD UNIVERSITY OF SCIENCE AND TECH.; Patents:\n74; Share: 6%\n"
        "Rank 2: ILSBY INSTITUTE OF TECHNOLOGY - NORWAY;\nPatents: 70; Share: 5%\n\n"
        "Top publishing organizations\n\n"
        "+ No. 1 COMMONWEALTH SCIENTIFIC AND INDUSTRIAL RESEARCH\n"
        "ORGANISATION — 121 articles, 9%\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD UNIVERSITY OF SCIENCE AND TECH.", 74, 6),
        (2, "ILSBY INSTITUTE OF TECHNOLOGY - NORWAY", 70, 5),
    ]
    assert ranked(r.top_publishers) == [
        (1, "COMMONWEALTH SCIENTIFIC AND INDUSTRIAL RESEARCH ORGANISATION", 121, 9)
    ]
    assert ev(r, "top_publishers[0].name") == (
        "COMMONWEALTH SCIENTIFIC AND INDUSTRIAL RESEARCH\nORGANISATION"
    )


def test_a_name_broken_after_its_hyphen_is_joined_without_a_space() -> None:
    raw = OPENING + (
        "54% of Nordhaven's scientific articles are published in collaboration with other\n"
        "organizations, with the top three collaborating locations being Oslo, Bergen-\n"
        "Voss and Tromsø.\n"
    )
    r = extract(raw)
    assert r.publication_collaboration is not None
    assert r.publication_collaboration.partners == ["Oslo", "Bergen-Voss", "Tromsø"]
    assert ev(r, "publication_collaboration.partners[1]") == "Bergen-\nVoss"


def test_semicolon_rows_inside_a_plain_text_file() -> None:
    raw = OPENING + "Top PCT applicants\n;;Patents;Share\n1;ACME, AS;146;12%\n2;BETA;74;6%\n"
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "ACME, AS", 146, 12), (2, "BETA", 74, 6)]
    assert ev(r, "top_pct_applicants[0].name") == "ACME, AS"


def test_a_line_of_markup_only_inside_a_group_is_harmless() -> None:
    r = extract("Hefei, China\n*\nHefei is the 2nd-ranked cluster, out of 9 clusters.\n")
    assert (r.cluster, r.national_rank) == ("Hefei", 2)


def test_a_title_after_a_profile_label_and_no_title_from_a_partner_line() -> None:
    raw = "# S&T cluster profile: Lindqvist–Arvika (Sweden)\n\n" + OPENING.split("\n\n", 1)[1]
    r = extract(raw, "x.md", "markdown")
    assert (r.cluster, r.economy) == ("Lindqvist–Arvika", "Sweden")
    assert ev(r, "economy") == "Sweden"
    # "Top collaborative locations (patents): Oslo, Bergen" is a label and partners, no title.
    raw = (
        "National rank: 3rd-ranked cluster, out of 9 Norwegian clusters\n"
        "Top collaborative locations (patents): Oslo, Bergen-Voss, Tromsø\n"
    )
    with pytest.raises(ExtractionError, match="no cluster name found"):
        RulesExtractor().extract(parse("x.txt", raw, "text"))


def test_decimal_shares_without_percent_signs_under_a_share_title() -> None:
    raw = OPENING + "Top PCT applicants\n\nNo.\tApplicant\tPatents\tShare (%)\n1\tACME\t146\t12.5\n"
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "ACME", 146, 12.5)]
    assert ev(r, "top_pct_applicants[0].share") == "12.5"
    # Without a title saying so, a bare decimal is no share.
    r = extract(OPENING + "Top PCT applicants\n\n1\tACME\t146\t12.5\n")
    assert ranked(r.top_pct_applicants) == [(1, "ACME", 146, None)]
