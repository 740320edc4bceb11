"""Layouts of tester round AD (second share): a Notion export with a status column, a LinkedIn
post, one story of a newsletter and a help-centre FAQ. Each test is a small inline input for
one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract, pairs, ranked

# --- a status column of remarks beside the names column is not read ----------------------------

STATUS = OPENING + (
    "## Top publishing organizations\n\n"
    "| # | Organization | Articles | Share | Checked |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| 1 | UNIVERSITY OF NORDHAVEN | 1,512 | 25% | ✅ |\n"
    "| 2 | NORDHAVEN HOSPITAL | 846 | 14% | ✅ |\n"
    "| 3 | UNIVERSITY OF NORDHAVEN | 512 | 9% | ⚠️ same as #1? |\n"
)


def test_a_status_column_beside_the_names_is_no_name() -> None:
    r = extract(STATUS, "x.md", "markdown")
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 1512, 25),
        (2, "NORDHAVEN HOSPITAL", 846, 14),
        (3, "UNIVERSITY OF NORDHAVEN", 512, 9),
    ]
    assert ev(r, "top_publishers[2].name") == "UNIVERSITY OF NORDHAVEN"
    assert ev(r, "top_publishers[2].count") == "512"


# --- "the tenth-ranked cluster among the 26 Chinese clusters" ----------------------------------

RANKED_CLUSTER = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the tenth-ranked cluster among the 26 Norwegian clusters that fall within "
    "the top 100 S&T clusters in 2024. It filed 1,204 PCT applications.\n"
)


def test_a_ranked_cluster_among_the_national_clusters() -> None:
    r = extract(RANKED_CLUSTER)
    assert (r.national_rank, r.national_cluster_count) == (10, 26)
    assert ev(r, "national_rank") == "tenth"
    assert ev(r, "national_cluster_count") == "26"


# --- a paragraph of prose closes the list above it ---------------------------------------------

STORY = OPENING + (
    "Top technology fields\n"
    "  Publications:\n"
    "    Physics & math (22%)\n"
    "    Other (78%)\n\n"
    "66% of Nordhaven's scientific articles are published in collaboration with other "
    "organizations, with the top three collaborating locations being Oslo, Bergen and Lima.\n\n"
    "--------------------------------------------------------\n"
    "3. DATES FOR YOUR DIARY\n"
    "--------------------------------------------------------\n"
    "  1. 9 April – Oulu Deep Tech Day (120 seats)\n"
    "  2. 5 May – Nordic cluster forum, Turku\n"
)


def test_a_numbered_list_after_prose_is_no_field_of_the_list_above() -> None:
    r = extract(STORY)
    assert pairs(r.publication_fields) == [("Physics & math", 22), ("Other", 78)]
    assert ev(r, "publication_fields[1].share") == "78"
    assert r.publication_collaboration.share == 66
