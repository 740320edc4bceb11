"""Layout mechanisms added for the testers' round AF/AG layouts (a printout whose table header
puts the units in a second row under the titles, a funding text writing every figure in the
passive voice, a Jira ticket numbering a list with "#"): each test is a small inline input for one
mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import blocks, extract, ranked, span

UNITS = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.\n\n"
    "TOP PCT APPLICANTS\n"
    "Rank  Applicant                    Count     Share\n"
    "      (name)                     patents         %\n"
    "----  -------------------------  -------  --------\n"
    "1     NORDHAVEN UNIVERSITY           146        12\n"
    "2     FJELL TECH.                     74         6\n"
)


def test_a_units_row_under_the_titles_makes_bare_numbers_shares() -> None:
    r = extract(UNITS, "x.txt", "text")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 12),
        (2, "FJELL TECH.", 74, 6),
    ]
    assert span(r, UNITS, "top_pct_applicants[0].share") == "12"
    assert span(r, UNITS, "top_pct_applicants[1].count") == "74"
    assert span(r, UNITS, "top_pct_applicants[1].name") == "FJELL TECH."


def test_without_the_percent_unit_bare_numbers_stay_unread_as_shares() -> None:
    raw = UNITS.replace("patents         %", "patents       (n)")
    r = extract(raw, "x.txt", "text")
    assert [e.share for e in r.top_pct_applicants] == [None, None]
    assert [e.count for e in r.top_pct_applicants] == [146, 74]


PASSIVE = (
    "Section 2.3 — Regional context (draft text for the funding application)\n\n"
    "The figures below were taken from the Global Innovation Index 2024 profile of "
    "Nordhaven, Norway.\n\n"
    "12% of Nordhaven's PCT patent applications are filed in collaboration with other "
    "inventors; Oslo, Bergen and Stavanger are named as the top collaborative locations.\n"
)


def test_a_lower_case_remark_in_a_heading_is_no_economy_and_profile_of_names_the_title() -> None:
    r = extract(PASSIVE, "x.txt", "text")
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert span(r, PASSIVE, "cluster") == "Nordhaven"
    assert span(r, PASSIVE, "economy") == "Norway"  # without the sentence's final period


def test_partners_named_before_a_passive_verb() -> None:
    r = extract(PASSIVE, "x.txt", "text")
    c = r.patent_collaboration
    assert c is not None and c.share == 12
    assert c.partners == ["Oslo", "Bergen", "Stavanger"]
    assert span(r, PASSIVE, "patent_collaboration.partners[2]") == "Stavanger"
    assert span(r, PASSIVE, "patent_collaboration.share") == "12"


RANKS = (
    "Nordhaven, Norway\n\n"
    "Within the top 100 S&T clusters, the third rank out of 9 Norwegian clusters is held by "
    "Nordhaven.\n\n"
    "Among the publishing organizations, rank 1 is occupied by NORDHAVEN UNIVERSITY, by which "
    "2,449 articles (45%) were published; rank 2 by FJELL INSTITUTE, with 957 articles (16%) "
    "published; and rank 3 by OSLO TECH. - NORWAY, by which 290 articles (5%) were published.\n"
)


def test_a_rank_held_by_the_cluster_out_of_its_national_count() -> None:
    r = extract(RANKS, "x.txt", "text")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert span(r, RANKS, "national_rank") == "third"
    assert span(r, RANKS, "national_cluster_count") == "9"


def test_entries_opened_by_rank_and_a_number() -> None:
    r = extract(RANKS, "x.txt", "text")
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 2449, 45),
        (2, "FJELL INSTITUTE", 957, 16),
        (3, "OSLO TECH. - NORWAY", 290, 5),
    ]
    assert span(r, RANKS, "top_publishers[1].rank") == "2"
    assert span(r, RANKS, "top_publishers[2].name") == "OSLO TECH. - NORWAY"
    assert span(r, RANKS, "top_publishers[0].count") == "2,449"


WIKI_LIST = (
    "Nordhaven, Norway\n\n"
    "Top technology fields — Publications\n\n"
    "# Chemistry (60%)\n"
    "# Physics & math (30%)\n"
    "# Other (10%)\n\n"
    "# Collaboration\n\n"
    "Text.\n"
)


def test_a_wiki_numbered_list_of_shares_is_a_list_not_headings() -> None:
    found = blocks(WIKI_LIST, "text")
    assert ("list_item", "Chemistry (60%)") in found
    assert ("heading", "Collaboration") in found  # "# Title" without a share stays a heading
    r = extract(WIKI_LIST, "x.txt", "text")
    assert [(f.field, f.share) for f in r.publication_fields] == [
        ("Chemistry", 60),
        ("Physics & math", 30),
        ("Other", 10),
    ]
    assert span(r, WIKI_LIST, "publication_fields[1].field") == "Physics & math"
    assert span(r, WIKI_LIST, "publication_fields[1].share") == "30"


COLLAB_TABLE = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.\n\n"
    "COLLABORATION                                   Share  Top locations\n"
    "                                                    %\n"
    "Patents (with other inventors)                     12  Oslo; Bergen\n"
    "Publications (with other organizations)            58  Bergen; Oslo; Tromsø\n"
)


def test_a_collaboration_table_titled_on_its_heading_line() -> None:
    r = extract(COLLAB_TABLE, "x.txt", "text")
    p, q = r.patent_collaboration, r.publication_collaboration
    assert p is not None and (p.share, p.partners) == (12, ["Oslo", "Bergen"])
    assert q is not None and (q.share, q.partners) == (58, ["Bergen", "Oslo", "Tromsø"])
    assert span(r, COLLAB_TABLE, "patent_collaboration.share") == "12"
    assert span(r, COLLAB_TABLE, "publication_collaboration.partners[2]") == "Tromsø"


def test_without_a_share_title_the_bare_numbers_are_no_shares() -> None:
    raw = COLLAB_TABLE.replace("Share  Top locations", "Notes  Top locations")
    r = extract(raw, "x.txt", "text")
    p = r.patent_collaboration
    assert p is not None and p.share is None  # never guessed a share
    assert p.partners == ["Oslo", "Bergen"]  # the kinds' rows are read, not turned sideways
