"""Layout mechanisms added for the testers' round AI (a web-archive capture, a typed business
letter, a social-media thread): each test is a small inline input for one mechanism, checking
the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, blocks, ev, extract, pairs


def test_a_link_bar_after_an_empty_breakdown_is_no_field() -> None:
    raw = (
        OPENING + "Top technology fields\n\nPatents\n\n[chart unavailable]\n\n"
        "Publications\n\n[chart unavailable]\n\n"
        "Related clusters: Oslo (25th)  ·  Bergen (19th)  ·  Tromsø (87th)\n\n"
        "© WIPO 2025  |  Terms of use  |  Privacy\n"
    )
    r = extract(raw)
    assert r.patent_fields == [] and r.publication_fields == []
    assert "publication_fields: no data found" in " ".join(r.warnings)


def test_a_breakdown_table_with_shares_is_still_read() -> None:
    raw = OPENING + "Top technology fields\n\nPatents\n\nOptics     40%\nTransport  60%\n"
    r = extract(raw)
    assert pairs(r.patent_fields) == [("Optics", 40), ("Transport", 60)]


def test_national_count_after_the_economy_s_name() -> None:
    raw = (
        "Nordhaven, Norway\n\nWithin Norway's 9 clusters in the top 100 S&T clusters in 2024, "
        "Nordhaven holds the 3rd-ranked position. It filed 1,204 PCT applications.\n"
    )
    r = extract(raw)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_rank") == "3rd" and ev(r, "national_cluster_count") == "9"


def test_a_letter_s_subject_line_is_its_title() -> None:
    raw = (
        "Dear Ms. Berg,\n\nRe: Nordhaven, Norway -- profile in the Global Innovation Index "
        "2024\n\n" + BODY
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "economy") == "Norway"
    assert r.evidence["economy"].start == raw.index("Norway --")


def test_a_labelled_sentence_wrapped_open_goes_on() -> None:
    raw = (
        "On collaboration: 6% of Nordhaven's PCT patent applications are filed in\n"
        "collaboration with other inventors, with Oslo and Bergen emerging as the top\n"
        "collaborative locations; 54% of\n"
        "Nordhaven's scientific articles are published in collaboration with others.\n"
    )
    assert [k for k, _ in blocks(raw)] == ["paragraph"]


def test_one_label_line_stays_alone() -> None:
    raw = "Economy: Norway\nNordhaven is the 3rd-ranked cluster.\n"
    assert [k for k, _ in blocks(raw)] == ["paragraph", "paragraph"]


def test_both_collaboration_facts_joined_by_a_semicolon() -> None:
    raw = OPENING + (
        "6% of Nordhaven's PCT patent applications are filed in collaboration with other "
        "inventors, with Oslo and Bergen emerging as the top collaborative locations; 54% of "
        "Nordhaven's scientific articles are published in collaboration with other "
        "organizations, the top three collaborating locations being Bergen, Oslo and Tromsø.\n"
    )
    r = extract(raw)
    assert r.patent_collaboration.share == 6
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert r.publication_collaboration.share == 54
    assert r.publication_collaboration.partners == ["Bergen", "Oslo", "Tromsø"]
    assert r.evidence["publication_collaboration.share"].start == raw.index("54%")


THREAD = (
    "Ana Berg @anaberg · Feb 6, 2025\n"
    "Reading the GII 2024 profile of Nordhaven, Norway so you don't have to. 1/3\n"
    "12:04 PM · Feb 6, 2025 · 18.4K Views\n"
    "  💬 23   🔁 41   ❤️ 212\n"
    "\n"
    "Ana Berg @anaberg · Feb 6, 2025\n"
    "Nordhaven sits at number 3 of the 9 Norwegian clusters. It filed 1,204 PCT "
    "applications. 2/3\n"
    "\n"
    "Ana Berg @anaberg · Feb 6, 2025\n"
    "Top PCT applicants:\n"
    "1) FJORD MARINE ASA – 233 (41%)\n"
    "2) NORD ASA – 57 (10%)\n"
    "3/3\n"
    "\n"
    "Replying to @anaberg\n"
    "Per L. @per_l · Feb 7, 2025\n"
    "Nordhaven was 5th in 2023, 20 places up?\n"
    "  💬 1   🔁 0   ❤️ 3\n"
)


def test_a_thread_is_read_as_its_author_s_posts() -> None:
    texts = [t for _, t in blocks(THREAD)]
    assert texts[0] == "Reading the GII 2024 profile of Nordhaven, Norway so you don't have to."
    joined = " ".join(str(t) for t in texts)
    for gone in ("@anaberg", "Views", "212", "3/3", "2/3", "Per L.", "5th in 2023"):
        assert gone not in joined


def test_a_thread_s_figures_and_title() -> None:
    r = extract(THREAD)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "economy") == "Norway"
    assert (r.national_rank, r.national_cluster_count, r.pct_applications) == (3, 9, 1204)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "FJORD MARINE ASA", 233, 41),
        (2, "NORD ASA", 57, 10),
    ]
    assert ev(r, "pct_applications") == "1,204"


def test_one_handle_in_a_text_is_no_thread() -> None:
    raw = "Write to Ana Berg @anaberg · Feb 6, 2025\nThe total was 12/14 in March.\n"
    assert [t for _, t in blocks(raw)][-1] == "The total was 12/14 in March."


def test_a_profile_title_in_a_sentence_going_on_in_lower_case() -> None:
    raw = "I read the GII 2024 profile of Nordhaven, Norway so you don't have to.\n\n" + (
        "It filed 1,204 PCT applications and published 12,345 scientific articles. It is the "
        "3rd-ranked cluster, out of 9 Norwegian clusters.\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")


def test_a_profile_of_two_names_and_a_third_is_no_title() -> None:
    from nlq.extractors.title import _PROFILE_OF_AFTER

    assert _PROFILE_OF_AFTER.search("the profile of Hefei, Wuhan and Xi'an") is None


def test_a_section_title_with_a_full_stop() -> None:
    raw = OPENING + (
        "Top technology fields.\n"
        "Patents: Optics 35%, Computer tech. 18%, Other 47%\n"
        "Publications: Chemistry 21%, Biochem. & biotech. 6%, Other 73%\n"
    )
    r = extract(raw)
    assert pairs(r.patent_fields) == [("Optics", 35), ("Computer tech.", 18), ("Other", 47)]
    assert pairs(r.publication_fields)[1] == ("Biochem. & biotech.", 6)
    assert ev(r, "patent_fields[1].field") == "Computer tech."


def test_bluesky_handles_and_counters_in_parentheses() -> None:
    raw = (
        "Ana Berg @ana.bsky.social · 6 Feb\n"
        "Reading the GII 2024 profile of Nordhaven, Norway. (1/2)\n\n"
        "Ana Berg @ana.bsky.social · 6 Feb\n"
        "It filed 1,204 PCT applications. (2/2)\n"
    )
    assert [t for _, t in blocks(raw)] == [
        "Reading the GII 2024 profile of Nordhaven, Norway.",
        "It filed 1,204 PCT applications.",
    ]
