"""Layout mechanisms added for the testers' X/Y round (footnote markers, change columns,
newsletters, press releases): each test is a small inline input for one mechanism, checking the
values, their exact evidence, and that no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, blocks, ev, extract, pairs, ranked


def test_a_hash_titled_rank_column_in_a_tab_table_is_a_header_not_a_heading() -> None:
    raw = OPENING + (
        "Top PCT applicants\n\n"
        "#\tApplicant\tPatents\tShare\tChange vs 2023\n"
        "1\tNORD AS\t146\t12%\t+31 / +2 pts\n"
        "2\tHAVEN LABS\t74\t6%\tnew\n"
    )
    assert ("heading", "Applicant\tPatents\tShare\tChange vs 2023") not in blocks(raw)
    r = extract(raw)
    assert ranked(r.top_pct_applicants) == [(1, "NORD AS", 146, 12), (2, "HAVEN LABS", 74, 6)]
    assert ev(r, "top_pct_applicants[1].count") == "74"
    assert ev(r, "top_pct_applicants[0].share") == "12"


def test_a_markdown_heading_after_a_hash_and_a_space_is_still_a_heading() -> None:
    assert blocks("# Top PCT applicants\n")[0] == ("heading", "Top PCT applicants")


def test_a_rank_in_apposition_to_another_cluster_after_a_label_is_not_the_profiles() -> None:
    raw = (
        "Nordhaven, Norway\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It is the\n\n"
        "32nd largest science and technology cluster in 2024\n\n"
        "Next issue: Sorvik, the 36th largest cluster.\n"
    )
    raw_decoy_first = raw.replace("32nd largest", "32nd biggest")
    r = extract(raw)
    assert r.global_size_rank == 32
    assert ev(r, "global_size_rank") == "32nd"
    assert extract(raw_decoy_first).global_size_rank is None


def test_the_profiles_own_name_in_apposition_keeps_its_rank() -> None:
    raw = "Nordhaven, Norway\n\nNext issue: Nordhaven, the 36th largest cluster.\n"
    r = extract(raw + "It filed 1,204 PCT applications.\n")
    assert r.global_size_rank == 36
    assert ev(r, "global_size_rank") == "36th"


def test_a_numbered_note_with_a_label_is_no_field_of_the_breakdown_above() -> None:
    raw = OPENING + (
        "Top technology fields\n\n"
        "Publications: Engineering 60%, Physics 15%, Other 25%.\n\n"
        "Notes to editors\n"
        "1. The Global Innovation Index ranks 139 economies.\n"
        "2. Media contact: +47 00 00 00 00, press@example.no\n"
    )
    r = extract(raw)
    assert pairs(r.publication_fields) == [("Engineering", 60), ("Physics", 15), ("Other", 25)]
    assert ev(r, "publication_fields[2].share") == "25"


def test_a_remark_after_a_labelled_title_is_not_part_of_the_economy() -> None:
    raw = "Global Innovation Index 2024 — Nordhaven, Norway (with change vs 2023)\n\n" + (
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It filed 1,204 PCT "
        "applications (+41 vs 2023).\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "economy") == "Norway"
    assert r.evidence["economy"].start == raw.index("Norway (")


def test_an_edition_aside_before_a_rank_makes_it_the_earlier_editions() -> None:
    raw = (
        "Nordhaven, Norway\n\nGlobal Innovation Index 2025\n\n"
        "Note: last year's page (GII 2024) had the cluster as 97th largest.\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in 2025. It is the\n\n"
        "94th largest science and technology cluster in 2025\n"
    )
    r = extract(raw)
    assert (r.edition, r.global_size_rank) == (2025, 94)
    assert r.evidence["global_size_rank"].start == raw.index("94th")


def test_an_earlier_editions_aside_after_a_figure_leaves_the_figure() -> None:
    raw = (
        "Nordhaven, Norway\n\nGlobal Innovation Index 2025\n\n"
        "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It filed 1,204 PCT "
        "applications (down from 1,310 in the 2024 edition).\n"
    )
    r = extract(raw)
    assert r.pct_applications == 1204
    assert ev(r, "pct_applications") == "1,204"


FOOTNOTED = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It filed 128¹ PCT "
    "applications and published 9,406² scientific articles.\n\n"
    "Top PCT applicants\n\n"
    "\t\tPatents\tShare\n"
    "1\tNORD ENGENHARIA, S.A.\t212¹\t19%*\n"
    "2\tHAVEN LABS\t167\t15%\n\n"
    "________________\n"
    "¹ Fractional count; the unrounded 2023 value was 117.\n"
    "² Includes 1,204 conference papers.\n"
    "* Share of the cluster total (1,114 applications).\n"
)


def test_footnote_markers_glued_to_figures_are_left_out_and_the_notes_not_read() -> None:
    r = extract(FOOTNOTED)
    assert (r.pct_applications, r.scientific_articles) == (128, 9406)
    assert ev(r, "pct_applications") == "128"
    assert ev(r, "scientific_articles") == "9,406"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD ENGENHARIA, S.A.", 212, 19),
        (2, "HAVEN LABS", 167, 15),
    ]
    assert ev(r, "top_pct_applicants[0].count") == "212"
    assert ev(r, "top_pct_applicants[0].share") == "19"
    assert not any("1,114" in b[1] or "117" in b[1] for b in blocks(FOOTNOTED) if b[0] != "table")


def test_marks_without_a_footnote_block_are_kept() -> None:
    raw = FOOTNOTED.split("________________")[0]
    tables = [b[1] for b in blocks(raw) if b[0] == "table"]
    assert tables[0][1][2] == "212¹"


def test_an_opening_adverb_before_the_profiles_rank_is_no_other_cluster() -> None:
    raw = (
        "Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n\n"
        "Overall, the 32nd largest science and technology cluster in 2024.\n"
    )
    r = extract(raw)
    assert r.global_size_rank == 32
    assert ev(r, "global_size_rank") == "32nd"
