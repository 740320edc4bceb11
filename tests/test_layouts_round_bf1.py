"""Layout mechanisms added for set BF (real PDF files, through pypdf's layout text): each test
is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import OPENING, extract, pairs, ranked, span


def test_a_heading_under_a_field_closed_by_its_share_starts_the_next_breakdown() -> None:
    # "Publications" stands alone under "Food chemistry (22%)": a field with its share is
    # whole, so the heading is not read as the rest of its name.
    raw = (
        OPENING + "Top technology fields in Nordhaven\n"
        " Patents\n"
        " Biotechnology (36%)           Other (42%)\n"
        " Food chemistry (22%)\n"
        " Publications\n"
        " Chemistry (19%)               Biology (13%)\n"
        " Physics & math (16%)          Other (35%)\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert sorted(pairs(r.patent_fields)) == [
        ("Biotechnology", 36),
        ("Food chemistry", 22),
        ("Other", 42),
    ]
    assert pairs(r.publication_fields) == [
        ("Chemistry", 19),
        ("Physics & math", 16),
        ("Biology", 13),
        ("Other", 35),
    ]
    k = pairs(r.patent_fields).index(("Food chemistry", 22))
    assert span(r, raw, f"patent_fields[{k}].field") == "Food chemistry"


def test_a_share_alone_under_its_wrapped_field_in_a_two_column_breakdown() -> None:
    # "(9%)" ends "Organic fine chemistry", wrapped beside "Other (38%)"; the heading below
    # and a short last line ("Physics & math (16%)") leave it alone.
    raw = (
        OPENING + "Top technology fields in Nordhaven\n"
        " Patents\n"
        " Pharmaceuticals (27%)          Medical technology (8%)\n"
        " Organic fine chemistry         Other (38%)\n"
        " (9%)\n"
        " Publications\n"
        " Chemistry (19%)                Biology (13%)\n"
        " Agricultural sciences          Other (35%)\n"
        " (17%)\n"
        " Physics & math (16%)\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert sorted(pairs(r.patent_fields)) == [
        ("Medical technology", 8),
        ("Organic fine chemistry", 9),
        ("Other", 38),
        ("Pharmaceuticals", 27),
    ]
    assert ("Agricultural sciences", 17) in pairs(r.publication_fields)
    assert ("Physics & math", 16) in pairs(r.publication_fields)
    k = pairs(r.patent_fields).index(("Organic fine chemistry", 9))
    assert span(r, raw, f"patent_fields[{k}].share") == "9"


def test_a_name_cell_centred_on_its_row_starts_on_the_lines_above_the_rank() -> None:
    # The rank and figures stand beside the middle line of the name's cell: "UNIVERSIDAD" above
    # it is the name's start, "CÓRDOBA" below its end.
    raw = (
        OPENING + "Top PCT applicants\n\n"
        "                                Patents         Share\n"
        "      UNIVERSIDAD\n"
        " 1    NACIONAL DE                      3          41%\n"
        "      CÓRDOBA\n\n"
        " 2    PORTA HNOS.                      1          14%\n"
        "      S.A.\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert ranked(r.top_pct_applicants) == [
        (1, "UNIVERSIDAD NACIONAL DE CÓRDOBA", 3, 41),
        (2, "PORTA HNOS. S.A.", 1, 14),
    ]
    assert span(r, raw, "top_pct_applicants[0].name") == (
        "UNIVERSIDAD\n 1    NACIONAL DE                      3          41%\n      CÓRDOBA"
    )


def test_a_word_of_a_name_split_with_no_hyphen_by_a_narrow_cell_is_one_word() -> None:
    raw = (
        OPENING + "Top publishing organizations\n\n"
        "                               Articles        Share\n"
        "      CONSEJO\n"
        "      NACIONAL DE IN\n"
        " 1    VESTIGACIONES               1,201          43%\n"
        "      CIENTÍFICAS Y\n"
        "      TÉCNICAS\n"
    )
    r = extract(raw, "x.pdf", "pdf")
    assert ranked(r.top_publishers) == [
        (1, "CONSEJO NACIONAL DE INVESTIGACIONES CIENTÍFICAS Y TÉCNICAS", 1201, 43)
    ]
    assert span(r, raw, "top_publishers[0].name").startswith("CONSEJO\n")


_REPORT = (
    "Regional Innovation Monitor 2025\n\n"
    "This annex reproduces the cluster profile published in the Global Innovation Index 2021\n"
    "for the region's leading cluster, which at that time was the 5th-ranked cluster, out of 9\n"
    "clusters, and filed 1,204 PCT applications.\n\f"
    "Regional Innovation Monitor 2025\n\n"
    "  For comparison, the national average cluster filed 388 PCT applications and published\n"
    "  9,870 scientific articles per million inhabitants.\n\f"
    "Regional Innovation Monitor 2025\n\n"
    "  Global Innovation Index 2024\n"
    "  Tampere, Finland\n\n"
    "  Tampere is the 2nd-ranked cluster, out of 2 Finnish clusters, that falls within the top\n"
    "  100 S&T clusters in 2024. It filed 1,156 PCT applications and published 11,480\n"
    "  scientific articles, both per 1 million inhabitants over the last five years.\n\f"
)


def test_a_report_citing_another_edition_before_the_profile_titled_with_its_own() -> None:
    # The profile's own title names 2024: the prose citing "Global Innovation Index 2021"
    # above it states that edition's figures.
    r = extract(_REPORT, "x.pdf", "pdf")
    assert (r.national_rank, r.national_cluster_count) == (2, 2)
    assert span(r, _REPORT, "national_rank") == "2nd"
    assert span(r, _REPORT, "national_cluster_count") == "2"


def test_a_benchmark_compared_with_the_profile_gives_no_figure() -> None:
    r = extract(_REPORT, "x.pdf", "pdf")
    assert (r.pct_applications, r.scientific_articles) == (1156, 11480)
    assert span(r, _REPORT, "pct_applications") == "1,156"
    assert span(r, _REPORT, "scientific_articles") == "11,480"


_DESIGNER = (
    "Top technology fields in Nordhaven\n\n"
    "Patents                                                            Publications\n\n\n"
    "                           Semiconductors       Optics (4%)"
    "                                    Chemistry (21%)      Earth sciences (7%)\n"
    "                           (35%)\n"
    "                           Electrical machinery Basic"
    "                                          Physics & math       Applied biology\n"
    "                           (7%)                 communication"
    "                                  (14%)                (4%)\n"
    "                                                (2%)\n"
    "                           Measurement (5%)     Other (25%)"
    "                                    Technology (13%)     Other (19%)\n"
)


def test_titles_over_side_by_side_breakdowns_with_cells_one_space_apart() -> None:
    # The titles stand apart from the rows; "Electrical machinery Basic" is two fields set one
    # space apart, "Basic" / "communication" / "(2%)" one field over three lines.
    raw = OPENING + _DESIGNER
    r = extract(raw, "x.pdf", "pdf")
    assert sorted(pairs(r.patent_fields)) == [
        ("Basic communication", 2),
        ("Electrical machinery", 7),
        ("Measurement", 5),
        ("Optics", 4),
        ("Other", 25),
        ("Semiconductors", 35),
    ]
    assert sorted(pairs(r.publication_fields)) == [
        ("Applied biology", 4),
        ("Chemistry", 21),
        ("Earth sciences", 7),
        ("Other", 19),
        ("Physics & math", 14),
        ("Technology", 13),
    ]
    k = pairs(r.patent_fields).index(("Basic communication", 2))
    quoted = span(r, raw, f"patent_fields[{k}].field")
    assert quoted.startswith("Basic ") and quoted.endswith("communication")
    k = pairs(r.patent_fields).index(("Electrical machinery", 7))
    assert span(r, raw, f"patent_fields[{k}].field") == "Electrical machinery"


def test_two_collaboration_paragraphs_set_side_by_side() -> None:
    left = [
        "3% of Nordhaven's PCT patent applications are filed in",
        "collaboration with other inventors, with",
        "Oslo, Bergen and Stockholm emerging as the top",
        "collaborative locations.",
    ]
    right = [
        "61% of Nordhaven's scientific articles are published in",
        "collaboration with other organizations, with the top",
        "three collaborating locations being Oslo,",
        "Copenhagen and London.",
    ]
    raw = OPENING + "".join(f"{a.ljust(67)}{b}\n" for a, b in zip(left, right, strict=True))
    r = extract(raw, "x.pdf", "pdf")
    assert r.patent_collaboration.share == 3
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Stockholm"]
    assert r.publication_collaboration.share == 61
    assert r.publication_collaboration.partners == ["Oslo", "Copenhagen", "London"]
    assert span(r, raw, "publication_collaboration.share") == "61"
