"""Layout mechanisms added for the testers' rounds V and W (a wiki article copied from the
browser, national ranks written "number 12 of the 26 ..." or "on position 7 of the 9 ...", ...):
each test is a small inline input for one mechanism, checking the values and their exact
evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, blocks, ev, extract

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.layout.rewrite import apply
from nlq.layout.wiki_page import wiki_page_edits

WIKI = (
    "Nordhaven\n"
    "From Wikipedia, the free encyclopedia\n"
    "\n"
    "Science and technology cluster[edit]\n"
    "In the Global Innovation Index 2025, Nordhaven, Norway is listed as the second-ranked of "
    "the 9 Norwegian clusters in the top 100.[3] The cluster filed 1,204 PCT applications[4] "
    "and published 12,345 scientific articles,[4] making it the 94th largest cluster.[3]\n"
    "\n"
    "Top PCT applicants[edit]\n"
    "Rank\tApplicant\tPatents\tShare\n"
    "1\tFJORD MARINE A/S\t233\t41%\n"
    "2\tNORD & SØN APS\t57\t10%\n"
    "\n"
    "References[edit]\n"
    "1. ^ Statistics Norway (2024). Retrieved 4 February 2025.\n"
    "2. ^ a b WIPO (2025). Global Innovation Index 2025. p. 214.\n"
    "3. ^ Jensen, M. (2025). Nordisk Forskning. 12 (3): 45–61.\n"
)


def test_a_copied_wiki_article_loses_its_tagline_edit_links_marks_and_references() -> None:
    text = apply(WIKI, wiki_page_edits(WIKI)).text
    assert "Wikipedia" not in text and "[edit]" not in text and "[3]" not in text
    assert "References" not in text and "p. 214" not in text
    assert "1,204 PCT applications and published 12,345 scientific articles, making" in text
    assert "Top PCT applicants\n" in text


def test_a_copied_wiki_article_is_read_with_its_title_from_the_opening_sentence() -> None:
    r = extract(WIKI)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven" and ev(r, "economy") == "Norway"
    assert (r.national_rank, r.national_cluster_count) == (2, 9)
    assert ev(r, "national_cluster_count") == "9"
    assert (r.global_size_rank, r.pct_applications) == (94, 1204)
    assert ev(r, "pct_applications") == "1,204"
    assert [(e.rank, e.name, e.count) for e in r.top_pct_applicants] == [
        (1, "FJORD MARINE A/S", 233),
        (2, "NORD & SØN APS", 57),
    ]
    assert ev(r, "top_pct_applicants[1].name") == "NORD & SØN APS"


def test_brackets_in_a_page_that_is_not_a_wiki_article_stay() -> None:
    raw = "Notes [edit]\nSee table [3] and note [a].\n"
    assert wiki_page_edits(raw) == []
    assert ("paragraph", "See table [3] and note [a].") in blocks(raw)


def test_a_national_rank_written_as_number_or_position_and_a_number() -> None:
    for phrase, rank in (
        ("Nordhaven is number 12 of the 26 Norwegian clusters inside the top 100.", "12"),
        ("In 2024 Nordhaven is on position 7 of the 26 Norwegian clusters in the top 100.", "7"),
    ):
        r = extract("Nordhaven, Norway\n\n" + phrase + "\n")
        assert r.national_rank == int(rank) and r.national_cluster_count == 26
        assert ev(r, "national_rank") == rank and ev(r, "national_cluster_count") == "26"


def test_a_number_of_things_other_than_clusters_is_no_national_rank() -> None:
    r = extract(OPENING + "Page number 3 of the 9 pages.\n")
    assert r.national_rank == 3 and ev(r, "national_rank") == "3rd"


DIGEST = (
    "ITEM 1 of 2: Patent office statistics\n"
    "\n"
    "The office reported 199,275 applications. Fjordby again came in as the 2nd largest\n"
    "cluster in the ranking, with Tokyo-Yokohama in 1st place.\n"
    "\n"
    "ITEM 2 of 2: New cluster profile\n"
    "\n"
    "Nordhaven, Norway\n"
    "\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It filed "
    "1,204 PCT applications, making it the 32nd largest cluster in 2024.\n"
)


def test_a_rank_stated_for_another_cluster_is_not_the_profiles() -> None:
    r = extract(DIGEST)
    assert r.cluster == "Nordhaven"
    assert r.global_size_rank == 32 and ev(r, "global_size_rank") == "32nd"


def test_a_rank_stated_for_the_cluster_under_another_spelling_is_read() -> None:
    raw = (
        "Shenzhen–Hong Kong, China\n\n"
        "SHENZHEN-HONG KONG is the 2nd largest cluster in 2024. It filed 1,204 PCT applications.\n"
    )
    r = extract(raw)
    assert r.global_size_rank == 2 and ev(r, "global_size_rank") == "2nd"


def test_a_title_followed_by_a_few_words_about_the_profile() -> None:
    raw = "Nordhaven, Norway — my notes on the GII 2024 profile\n\n" + BODY
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven" and ev(r, "economy") == "Norway"


def test_abbreviated_labels_apps_pubs_and_sci_articles_after_a_slash() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "* PCT apps: 692 / sci. articles: 7,921 (both per 1 million inhabitants)\n\n"
        "Top tech fields in Nordhaven\n"
        "  Patents: Semiconductors 35%; Other 65%\n"
        "  Pubs: Chemistry 21%; Other 79%\n"
    )
    r = extract(raw)
    assert (r.pct_applications, r.scientific_articles) == (692, 7921)
    assert ev(r, "pct_applications") == "692" and ev(r, "scientific_articles") == "7,921"
    assert [(f.field, f.share) for f in r.publication_fields] == [("Chemistry", 21), ("Other", 79)]
    assert [(f.field, f.share) for f in r.patent_fields] == [("Semiconductors", 35), ("Other", 65)]
    assert ev(r, "publication_fields[0].field") == "Chemistry"


def test_a_remark_after_an_arrow_is_not_part_of_the_row() -> None:
    raw = (
        OPENING + "Top publishing organizations\n"
        "  1) UNIVERSITY OF NORDHAVEN - 10,938 pubs (25%)\n"
        "  2) NORDHAVEN HOSPITAL - 5,986 pubs (14%)   <- same org as #1, as printed\n"
    )
    r = extract(raw)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_publishers] == [
        (1, "UNIVERSITY OF NORDHAVEN", 10938, 25),
        (2, "NORDHAVEN HOSPITAL", 5986, 14),
    ]
    assert ev(r, "top_publishers[1].share") == "14"


def test_an_arrow_inside_a_line_stays() -> None:
    raw = "x <- y is code\nA  <-> B\n"
    assert ("paragraph", "x <- y is code") in blocks(raw)


def test_collaboration_notes_with_abbreviations() -> None:
    raw = (
        OPENING + "Collab\n"
        "  * PCT apps: 3% filed w/ other inventors; top collab. locations: Oslo, Bergen, Tromsø\n"
        "  * Pubs: 61% w/ other orgs; top three collab. locations: Bergen, Oslo, Stavanger\n"
    )
    r = extract(raw)
    assert r.patent_collaboration.share == 3
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Tromsø"]
    assert r.publication_collaboration.share == 61
    assert r.publication_collaboration.partners == ["Bergen", "Oslo", "Stavanger"]
    assert ev(r, "publication_collaboration.share") == "61"
    assert ev(r, "patent_collaboration.partners[2]") == "Tromsø"


def test_the_cluster_written_in_ascii_is_still_the_cluster() -> None:
    raw = "Nørre Havnsø, Denmark\n\nNorre Havnso is the 94th largest cluster in 2025.\n"
    r = extract(raw)
    assert r.global_size_rank == 94 and ev(r, "global_size_rank") == "94th"


def test_a_sentence_opening_with_another_name_that_ranks_the_cluster_is_read() -> None:
    for sentence in (
        "WIPO ranks Nordhaven as the 32nd largest cluster in 2024.",
        "Nordhavn is the 32nd largest cluster in 2024.",
    ):
        r = extract(OPENING + sentence + "\n")
        assert r.global_size_rank == 32 and ev(r, "global_size_rank") == "32nd"


def test_an_llm_quote_with_number_12_of_grounds_the_national_rank() -> None:
    raw = "Nordhaven, Norway\n\nNordhaven is number 12 of the 26 Norwegian clusters.\n"
    quote = "Nordhaven is number 12 of the 26 Norwegian clusters."
    facts = ClusterFacts.model_validate({"national_rank": {"value": 12, "quote": quote}})
    g = ground(facts, SourceView.of(parse("x.txt", raw, "text")))
    a, b = g.spans["national_rank"]
    assert (g.values["national_rank"], raw[a:b]) == (12, "12")


def test_a_wiki_article_copied_without_edit_links_loses_its_references() -> None:
    raw = WIKI.replace("[edit]", "")
    text = apply(raw, wiki_page_edits(raw)).text
    assert "Wikipedia" not in text and "p. 214" not in text and "[4]" not in text
    assert text.endswith("2\tNORD & SØN APS\t57\t10%\n\n")
    r = extract(raw)
    assert r.pct_applications == 1204 and [e.rank for e in r.top_pct_applicants] == [1, 2]
