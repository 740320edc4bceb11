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


# --- a Q:/A: FAQ: questions are headings, a one-line numbered answer is rows -------------------

FAQ = (
    "Nordhaven, Norway — Global Innovation Index 2024: frequently asked questions\n\n"
    "Q: Where does Nordhaven rank within Norway?\n"
    "A: Third. Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters, in the top "
    "100.\n\n"
    "Q: How many PCT applications does the cluster file?\n"
    "A: It filed 1,204 PCT applications per 1 million inhabitants.\n\n"
    "Q: Who are the top PCT applicants?\n"
    "A: 1. NORDHAVEN ENERGY ASA, 146 patents (12%); 2. UNIVERSITY OF NORDHAVEN, 74 patents "
    "(6%); 3. FJORD TECH., 74 patents (6%).\n\n"
    "Q: Which technology fields dominate?\n"
    "A: The profile shows charts, but no figures are printed for either.\n\n"
    "Was this answer helpful?  Yes (23)   No (2)\n"
)


def test_a_faq_answer_on_one_line_is_a_top_list() -> None:
    r = extract(FAQ)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN ENERGY ASA", 146, 12),
        (2, "UNIVERSITY OF NORDHAVEN", 74, 6),
        (3, "FJORD TECH.", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[2].name") == "FJORD TECH."
    assert ev(r, "top_pct_applicants[1].share") == "6"
    assert (r.national_rank, r.national_cluster_count, r.pct_applications) == (3, 9, 1204)
    assert ev(r, "national_rank") == "third"
    assert r.patent_fields == [] and r.publication_fields == []
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")  # from the title line
    assert r.evidence["economy"].start == FAQ.index("Norway")


def test_two_question_lines_are_no_faq() -> None:
    from nlq.layout.faq import faq_edits

    two = "Q: Who are the top PCT applicants?\nA: 1. X, 3 (1%); 2. Y, 2 (1%)\n"
    assert faq_edits(two) == []
    three = "Q: What is its national rank?\nA: Tenth.\n" + two + "Q: Who publishes?\nA: Z.\n"
    assert faq_edits(three) != []


NOTE_BETWEEN = OPENING + (
    "Top technology fields\n\nPatents\n- Optics 60%\n- Other 40%\n\n"
    "The shares are of the cluster's PCT applications over the last five years.\n\n"
    "Publications\n- Chemistry 70%\n- Other 30%\n"
)


def test_a_note_between_two_breakdowns_ends_neither() -> None:
    r = extract(NOTE_BETWEEN)
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 70), ("Other", 30)]
    assert ev(r, "publication_fields[0].field") == "Chemistry"


NOTE_IN_LIST = OPENING + (
    "Top PCT applicants\n\n1. ALPHA OY, 146 patents (12%)\n2. BETA AB, 74 patents (6%)\n\n"
    "The figures are counts of PCT applications filed over the last five years.\n\n"
    "3. GAMMA AS, 70 patents (5%)\n"
)


def test_an_entry_with_figures_after_a_note_goes_on_with_the_list() -> None:
    r = extract(NOTE_IN_LIST)
    assert [e.name for e in r.top_pct_applicants] == ["ALPHA OY", "BETA AB", "GAMMA AS"]
    assert ev(r, "top_pct_applicants[2].count") == "70"
