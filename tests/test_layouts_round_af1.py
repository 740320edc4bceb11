"""Layout mechanisms added for the testers' round AF layouts of developer af1: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import blocks, extract, ranked, span

CARD = (
    '{\n  "id": "67c1a9f04b2e3d0012a8f533",\n  "idShort": 4,\n'
    '  "name": "Nordhaven, Norway",\n'
    '  "desc": "**Global Innovation Index 2024** cluster profile.\\n\\nNordhaven is the'
    " 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 S&T clusters in 2024."
    '\\n\\n- 92nd largest science and technology cluster in 2024",\n'
    '  "pos": 65535,\n'
    '  "checklists": [\n'
    '    {"id": "a1", "name": "Top PCT applicants", "pos": 16384, "checkItems": [\n'
    '      {"id": "b1", "name": "1 · NORD UNIVERSITY · 14 patents · 12%", "state": "complete",'
    ' "pos": 16384},\n'
    '      {"id": "b2", "name": "2 · NORDHAVEN MARINE AS · 9 patents · 8%",'
    ' "state": "incomplete", "pos": 32768}\n'
    "    ]},\n"
    '    {"id": "a2", "name": "Top technology fields — Patents", "pos": 32768, "checkItems": []}\n'
    "  ]\n}\n"
)


def test_a_card_exports_title_desc_and_checklists_are_read_as_its_page() -> None:
    b = blocks(CARD, "yaml")
    assert ("heading", "Nordhaven, Norway") in b
    assert ("list_item", "92nd largest science and technology cluster in 2024") in b
    assert ("heading", "Top PCT applicants") in b
    assert ("heading", "checkItems") not in b and ("heading", "check Items") not in b
    assert ("list_item", "1 · NORD UNIVERSITY · 14 patents · 12%") in b
    r = extract(CARD, "x.json", "yaml")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert r.global_size_rank == 92  # not idShort 4 or pos 65535
    assert span(r, CARD, "global_size_rank") == "92nd"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD UNIVERSITY", 14, 12),
        (2, "NORDHAVEN MARINE AS", 9, 8),
    ]
    assert span(r, CARD, "top_pct_applicants[1].name") == "NORDHAVEN MARINE AS"


def test_a_one_line_text_value_and_a_plain_record_list_read_as_before() -> None:
    raw = (
        '{"cluster": {"name": "Nordhaven"}, "note": "one line\\nand two",\n'
        ' "rows": [{"name": "NORD UNIVERSITY", "patents": 14}]}\n'
    )
    b = blocks(raw, "yaml")
    assert ("paragraph", "cluster name: Nordhaven") in b
    assert ("table", [["name", "patents"], ["NORD UNIVERSITY", "14"]]) in b
    assert not any(k == "heading" and t == "Nordhaven" for k, t in b)


FORM = (
    "Intake form — responses\nResponse 3 of 5\n\nSection 1 of 3: Source\n\n"
    "1. Which profile are you entering? *\nNordhaven, Norway\n\n"
    "2. Edition *\n( ) Global Innovation Index 2023\n(•) Global Innovation Index 2024\n"
    "( ) Global Innovation Index 2025\n\n"
    "3. How many years have you worked with GII data?\n12\n\n"
    "Section 2 of 3: Headline\n\n"
    "4. Paste the headline sentence *\nNordhaven is the 3rd-ranked cluster, out of 9 Norwegian"
    " clusters, in the top 100 S&T clusters in 2024.\n\n"
    "Section 3 of 3: Top lists\n\n"
    "5. Top PCT applicants — one per line: rank | name | patents | share *\n"
    "1 | NORD UNIVERSITY | 14 | 12%\n2 | NORDHAVEN MARINE AS | 9 | 8%\n"
)


def test_a_form_responses_question_numbers_and_unselected_options_are_not_read() -> None:
    b = blocks(FORM)
    assert not any("2023" in t or "2025" in t for k, t in b if k != "table")
    r = extract(FORM)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert span(r, FORM, "edition") == "2024"
    assert r.evidence["edition"].start > FORM.index("(•)")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD UNIVERSITY", 14, 12),
        (2, "NORDHAVEN MARINE AS", 9, 8),
    ]
    assert span(r, FORM, "top_pct_applicants[0].rank") == "1"


def test_numbered_lines_without_form_sections_are_left_alone() -> None:
    from nlq.layout.forms import form_edits

    assert form_edits("1. First\nanswer\n\n2. Second\nanswer\n\n3. Third\nanswer\n") == []
    assert form_edits("Section 1 of 2\nSection 2 of 2\n1. a\nb\n") == []


SHEETS = (
    "Profiles.numbers — Sheet 1\n\nTable: Profile\nField\tValue\nTitle\tNordhaven, Norway\n"
    "Edition\tGlobal Innovation Index 2024\n\n"
    "Table: Top PCT applicants\nRank\tApplicant\tPatents\tShare\n"
    "1\tNORD UNIVERSITY\t14\t12%\n2\tNORDHAVEN MARINE AS\t9\t8%\nTotal (top 2)\t\t23\t20%\n\n"
    "Table: Top technology fields – Patents\nField\tShare\nTransport\t60%\nOther\t40%\n"
    "Sum\t100%\n"
)


def test_named_tables_of_a_numbers_export_are_headed_and_their_footers_dropped() -> None:
    b = blocks(SHEETS)
    assert not any("Table:" in str(t) or "Sum" in str(t) or "Total" in str(t) for _, t in b)
    r = extract(SHEETS)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD UNIVERSITY", 14, 12),
        (2, "NORDHAVEN MARINE AS", 9, 8),
    ]
    assert span(r, SHEETS, "top_pct_applicants[1].count") == "9"
    assert [(f.field, f.share) for f in r.patent_fields] == [("Transport", 60), ("Other", 40)]


def test_one_table_line_is_left_alone() -> None:
    from nlq.layout.named_tables import named_table_edits

    assert named_table_edits("Table: Profile\nField\tValue\nSum\t100%\n") == []
