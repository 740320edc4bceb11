"""Layout mechanisms added for the testers' round X/Y layouts (a fixed-width report whose
columns a dash-group rule marks, a bilingual page translating every label after a slash): each
test is a small inline input for one mechanism, checking the values, their exact evidence, and
that no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract, ranked
from layout_fixtures import pairs as fields

from nlq.layout.app_cards import app_card_edits
from nlq.layout.column_rules import column_rule_edits
from nlq.layout.slash_translations import slash_translation_edits

REPORT = (
    "RPT-0001                    CLUSTER PROFILE LISTING                  PAGE 001\n"
    "==========================================================================\n"
    "CLUSTER.......: NORDHAVEN\n"
    "ECONOMY.......: NORWAY\n"
    "EDITION.......: 2024\n\n"
    "NATIONAL RANK.........: 3       OUT OF 9 NORWEGIAN CLUSTERS IN THE TOP 100\n\n"
    "SECTION 1 - TOP PCT APPLICANTS\n"
    "RNK NAME                                 PATENTS  SHARE\n"
    "--- ------------------------------------ ------- -----\n"
    "  1 NORDHAVEN UNIVERSITY                     186   15%\n"
    " 12 FJORD ENERGY ASA                         112    9%\n\n"
    "SECTION 2 - COLLABORATION\n"
    "  PCT APPLICATIONS FILED IN COLLABORATION WITH OTHER INVENTORS....:   18%\n"
)


def test_a_dash_group_rule_marks_the_columns_of_a_fixed_width_report():
    assert (
        "table",
        [
            ["RNK", "NAME", "PATENTS", "SHARE"],
            ["1", "NORDHAVEN UNIVERSITY", "186", "15%"],
            ["12", "FJORD ENERGY ASA", "112", "9%"],
        ],
    ) in blocks(REPORT)
    r = extract(REPORT)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 186, 15),
        (12, "FJORD ENERGY ASA", 112, 9),
    ]
    assert ev(r, "top_pct_applicants[1].rank") == "12"
    assert ev(r, "top_pct_applicants[1].name") == "FJORD ENERGY ASA"


def test_leaders_glued_to_a_label_go_and_a_numbered_section_title_is_a_heading():
    r = extract(REPORT)
    assert (r.cluster, r.economy, r.edition) == ("NORDHAVEN", "NORWAY", 2024)
    assert ev(r, "cluster") == "NORDHAVEN"
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert r.patent_collaboration is not None and r.patent_collaboration.share == 18
    assert ev(r, "patent_collaboration.share") == "18"
    assert r.top_publishers == []  # the collaboration section ends the applicants' list


def test_a_rule_of_dash_groups_with_no_rows_under_it_marks_no_columns():
    assert column_rule_edits("Nordhaven, Norway\n\nRNK NAME SHARE\n--- ---- -----\n\nText.\n") == []


BILINGUAL = (
    "Global Innovation Index 2025 / Indice mondial de l'innovation 2025\n\n"
    "Nordhaven, Norway\n\n"
    "National rank / Rang national: 3rd of 9 Norwegian clusters in the top 100 / 3e sur 9\n"
    "PCT applications per 1 million inhabitants / Demandes PCT par million d'habitants: 207\n\n"
    "Top PCT applicants / Principaux déposants PCT\n\n"
    "Rank / Rang\tApplicant / Déposant\tPatents / Brevets\tShare / Part\n"
    "1\tNORDHAVEN UNIVERSITY\t96\t14%\n\n"
    "Top technology fields / Principaux domaines technologiques\n\n"
    "Patents / Brevets\n"
    "Materials, metallurgy / Matériaux, métallurgie: 12%\n"
    "Other / Autres: 88%\n\n"
    "Collaboration / Collaboration\n\n"
    "35% of Nordhaven's PCT patent applications are filed in collaboration with other "
    "inventors, with Oslo, Bergen and Stockholm emerging as the top collaborative locations. / "
    "35 % des demandes PCT sont déposées en collaboration; principaux lieux : Oslo, Bergen et "
    "Stockholm.\n"
)


def test_a_page_translated_after_slashes_is_read_in_english():
    r = extract(BILINGUAL)
    assert r.edition == 2025 and (r.national_rank, r.national_cluster_count) == (3, 9)
    assert r.pct_applications == 207 and ev(r, "pct_applications") == "207"
    assert ranked(r.top_pct_applicants) == [(1, "NORDHAVEN UNIVERSITY", 96, 14)]
    assert fields(r.patent_fields) == [("Materials, metallurgy", 12), ("Other", 88)]
    assert ev(r, "patent_fields[0].field") == "Materials, metallurgy"
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Stockholm"]
    assert r.patent_collaboration.share == 35 and ev(r, "patent_collaboration.share") == "35"


def test_a_lone_slash_on_a_page_not_translated_is_left_alone():
    raw = OPENING + "Shares / counts are rounded.\n\nTop PCT applicants\n\n1. A / S NORD 12 5%\n"
    assert slash_translation_edits(raw) == []


APP = (
    "9:41\nBack\nGII Clusters\nShare\nNordhaven, Norway\nGlobal Innovation Index 2024\nFollow\n"
    "Overview\nNational rank\n3rd-ranked\nOut of\n9 Norwegian clusters in the top 100\n"
    "PCT applications\n309\nper 1 million inhabitants, last five years\n"
    "Share\nTop PCT applicants\nSee all (2)\n"
    "#1\nNORDHAVEN UNIVERSITY\nPatents\n146\nShare\n12%\n"
    "#2\nFJORD ENERGY ASA\nPatents\n74\nShare\n6%\n"
    "Share\nCollaboration\nPatents filed in collaboration\n18%\n"
    "Top collaborative locations\nOslo\nBergen\n"
    "Share\nHome\nSearch\nCompare (2)\nSaved (14)\nSettings\n"
)


def test_app_cards_are_rows_and_the_app_buttons_are_nothing():
    r = extract(APP)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 12),
        (2, "FJORD ENERGY ASA", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[0].rank") == "1"
    assert ev(r, "top_pct_applicants[1].share") == "6"
    assert r.top_publishers == []
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]  # not "Share", "Home"
    assert r.patent_collaboration.share == 18 and ev(r, "patent_collaboration.share") == "18"


def test_a_rank_continued_on_an_out_of_line_gives_the_national_count():
    r = extract(APP)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_cluster_count") == "9"
    assert r.pct_applications == 309 and ev(r, "pct_applications") == "309"


def test_lines_starting_with_a_hash_and_a_number_but_no_cards_are_left_alone():
    raw = OPENING + "#1\n\nTop PCT applicants\n\n1. NORD ASA 12 5%\n"
    assert app_card_edits(raw) == []


def test_a_label_cell_ending_with_a_colon_is_read_with_its_value():
    raw = (
        "Nordhaven, Norway\n\nPER 1 MILLION INHABITANTS, LAST FIVE YEARS\n"
        "  PCT APPLICATIONS FILED.........:      309\n"
        "  SCIENTIFIC ARTICLES PUBLISHED..:   14,953\n"
    )
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (309, 14953)
    assert ev(r, "scientific_articles") == "14,953"


def test_an_llm_quote_of_a_bilingual_label_grounds_the_figure_after_the_french_unit():
    from nlq.extractors.align import SourceView
    from nlq.extractors.grounding import ClusterFacts, ground
    from nlq.layout import parse

    line = (
        "Scientific articles per 1 million inhabitants, last five years / Articles "
        "scientifiques par million d'habitants, cinq dernières années: 11,560"
    )
    view = SourceView.of(parse("x.txt", BILINGUAL + "\n" + line + "\n", "text"))
    item = {"scientific_articles": {"value": 11560, "quote": line}}
    assert ground(ClusterFacts.model_validate(item), view).problems == []
