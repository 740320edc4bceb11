"""Layout mechanisms added for the testers' rounds Z/AA (INI-style notes, a profile that is one
numbered subsection of a longer report): each test is a small inline input for one mechanism,
checking the values, their exact evidence, and that no figure lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import extract, ranked, span

from nlq.layout.ini_blocks import ini_edits

_INI = (
    "# notes kept by hand\n# updated 2025-03-04, rev 9\n\n"
    "[profile]\ntitle = Nordhaven, Norway\n"
    "national_rank = 3rd-ranked cluster, out of 9 Norwegian clusters\n"
    "pct_applications = 1,204 PCT applications\n\n"
    "[top_pct_applicants]\n1 = NORD ENERGY AS | 120 | 10%\n2 = HAVEN UNIVERSITY | 60 | 5%\n\n"
    "[patent_collaboration]\nshare = 7%\npartners = Oslo, Bergen\n"
)


def test_ini_sections_keys_and_numbered_rows_are_read() -> None:
    r = extract(_INI)
    assert (r.cluster, r.economy, r.national_rank, r.pct_applications) == (
        "Nordhaven",
        "Norway",
        3,
        1204,
    )
    assert span(r, _INI, "cluster") == "Nordhaven"
    assert span(r, _INI, "pct_applications") == "1,204"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD ENERGY AS", 120, 10),
        (2, "HAVEN UNIVERSITY", 60, 5),
    ]
    assert span(r, _INI, "top_pct_applicants[1].name") == "HAVEN UNIVERSITY"
    assert r.patent_collaboration.share == 7
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert r.edition != 2025  # the comment's date is not read


def test_a_text_with_one_bracketed_line_is_no_ini_file() -> None:
    assert ini_edits("[note]\nHefei is the 12th-ranked cluster.\nkey = value\n") == []


_REPORT = (
    "MARKETS REPORT Q1 2025\n\n4. Regional clusters\n\n4.1 Oldtown, Norway\n"
    "Profile pending; we expect roughly 1,100 PCT applications.\n\n"
    "4.2 Nordhaven, Norway\nSource: Global Innovation Index 2024 cluster profile.\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. "
    "It filed 1,204 PCT applications.\n"
)


def test_the_numbered_subsection_whose_cluster_the_page_names_again_is_the_title() -> None:
    r = extract(_REPORT)
    assert (r.cluster, r.economy, r.national_rank, r.pct_applications) == (
        "Nordhaven",
        "Norway",
        3,
        1204,
    )
    assert r.evidence["cluster"].start == _REPORT.index("Nordhaven, Norway")
    assert span(r, _REPORT, "economy") == "Norway"
    assert span(r, _REPORT, "pct_applications") == "1,204"


_MEETING = (
    "Meeting notes, 14 Nov 2024, call 2 of 3\nAttendees: ANNA, RAVI, MEI\n\n"
    "ANNA: Let's go through Nordhaven.\n"
    "MEI: Yes. Nordhaven, Norway. It's the 3rd-ranked cluster, out of 9 Norwegian clusters.\n"
    "RAVI: Last year it was around 40th globally, with 2,000 applications.\n"
    "MEI: It filed 1,204 PCT applications.\n"
    "ANNA: Top PCT applicants, please.\n"
    "MEI: One: NORD ENERGY AS, 120 patents, 10%. Two: HAVEN UNIVERSITY again, 60, 5%.\n"
    "ANNA: Action item 3: Ravi by 21 Nov.\n"
)


def test_a_transcript_is_read_in_the_words_of_the_speaker_who_reads_the_profile() -> None:
    r = extract(_MEETING)
    assert (r.cluster, r.economy, r.national_rank, r.pct_applications) == (
        "Nordhaven",
        "Norway",
        3,
        1204,
    )
    assert span(r, _MEETING, "economy") == "Norway"
    assert span(r, _MEETING, "pct_applications") == "1,204"
    assert r.global_size_rank is None  # RAVI's "around 40th" is not the profile's
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD ENERGY AS", 120, 10),
        (2, "HAVEN UNIVERSITY", 60, 5),
    ]
    assert span(r, _MEETING, "top_pct_applicants[1].name") == "HAVEN UNIVERSITY"
    assert span(r, _MEETING, "top_pct_applicants[1].count") == "60"


def test_a_numbered_part_after_a_one_line_breakdown_is_no_field() -> None:
    raw = (
        "Nordhaven, Norway\n\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.\n\n"
        "Top technology fields\nPatents: Optics 35%; Other 65%\n"
        "Publications: Chemistry 21%; Other 79%\n\n"
        "5. Outlook\nWe expect new entrants by 2027.\n"
    )
    r = extract(raw)
    assert [(f.field, f.share) for f in r.publication_fields] == [("Chemistry", 21), ("Other", 79)]
    assert span(r, raw, "publication_fields[0].field") == "Chemistry"
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 35), ("Other", 65)]


def test_a_memo_header_of_labels_in_capitals_is_no_transcript() -> None:
    memo = "TO: Board\nFROM: Strategy Unit\nCC: Desk\nDATE: 9 April 2025\nRE: Hefei, China\n"
    from nlq.layout.transcript import transcript_edits

    assert transcript_edits(memo) == []
