"""Layout mechanisms added for the testers' round AB/AC layouts handled in branch extract-ab1 (a
notebook's captions in comments, record-type and list-system CSV exports, a mainframe listing
with page breaks): each test is a small inline input for one mechanism, checking the values,
their exact evidence, and that no decoy is read."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract, pairs, ranked, span

# --- a notebook whose input lines carry their caption as a comment ---------------------------

NOTEBOOK = (
    "In [1]: print(profile.title)\n"
    "Nordhaven, Norway\n\n"
    "In [2]: print(profile.summary)\n"
    + OPENING.split("\n\n", 1)[1]
    + "In [3]: applicants   # Top PCT applicants\n"
    "Out[3]:\n"
    "   rank             applicant  patents  share_pct\n"
    "0     1  NORDHAVEN UNIVERSITY      146         54\n"
    "1     2      FJORD ENERGY ASA       74          3\n\n"
    "In [4]: patent_fields   # Top technology fields: patents\n"
    "Out[4]:\n"
    "                 share_pct\n"
    "field\n"
    "Semiconductors          35\n"
    "Optics                  18\n"
    "Other                   47\n\n"
    "In [5]: publication_fields   # Top technology fields: publications\n"
    "Out[5]:\n"
    "field\n"
    "Chemistry       21\n"
    "Engineering     16\n"
    "Other           63\n"
    "Name: share_pct, dtype: int64\n\n"
    "In [6]: patent_fields.share_pct.sum(), len(applicants)\n"
    "Out[6]: (100, 2)\n"
)


def test_notebook_comment_captions_name_the_printed_tables():
    r = extract(NOTEBOOK)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 146, 54),
        (2, "FJORD ENERGY ASA", 74, 3),
    ]
    assert span(r, NOTEBOOK, "top_pct_applicants[0].rank") == "1"
    assert ev(r, "top_pct_applicants[0].share") == "54"
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Optics", 18), ("Other", 47)]
    assert pairs(r.publication_fields) == [("Chemistry", 21), ("Engineering", 16), ("Other", 63)]
    assert ev(r, "patent_fields[0].share") == "35"
    assert r.top_publishers == []


def test_title_refined_after_a_colon_is_a_heading_not_a_label():
    from nlq.extractors.headings import heading_texts
    from nlq.layout.document import Block, BlockKind, MappedText

    def heading(t: str):
        found = heading_texts(Block(BlockKind.PARAGRAPH, text=MappedText.verbatim(t, 0, len(t))))
        return [m.text for m in found] if found else None

    assert heading("Top technology fields: patents") == ["Top technology fields: patents"]
    assert heading("Top technology fields: Publications") == ["Top technology fields: Publications"]
    assert heading("Top collaborative locations: Oslo, Bergen") is None
    assert heading("Note: patents") is None


# --- a fixed-width listing: page break inside a table, repeated page header -----------------

LISTING = (
    "RPT-0093        S&T CLUSTER PROFILE LISTING            PAGE 0001\n"
    "RUN DATE 2026-02-09  RUN TIME 06:14:55           LIB PROD.V25\n"
    "----------------------------------------------------------------\n"
    "CLUSTER       Nordhaven, Norway\n\n"
    "NARRATIVE\n"
    "  Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top\n"
    "  100. It filed 1,204 PCT applications and published 12,345 scientific articles.\n\n"
    "SECTION 01  TOP PCT APPLICANTS\n"
    "RANK  APPLICANT                    PATENTS   SHARE\n"
    "----  ---------------------------  -------  ------\n"
    "   1  NORDHAVEN UNIVERSITY              61     9%\n"
    "   2  FJORD ENERGY ASA                  34     5%\n\n"
    "*** 2 ROWS LISTED ***\n\n"
    "SECTION 02  TOP PUBLISHING ORGANIZATIONS\n"
    "RANK  ORGANIZATION                 ARTICLES  SHARE\n"
    "----  ---------------------------  --------  -----\n"
    "   1  NORDHAVEN UNIVERSITY           15,208    41%\n"
    "   2  FJORD HOSPITAL                  4,077    11%\n\n"
    "                                          CONTINUED ON PAGE 0002\n"
    "\fRPT-0093        S&T CLUSTER PROFILE LISTING            PAGE 0002\n"
    "RUN DATE 2026-02-09  RUN TIME 06:14:56           LIB PROD.V25\n"
    "----------------------------------------------------------------\n"
    "SECTION 02  TOP PUBLISHING ORGANIZATIONS (CONT.)\n"
    "RANK  ORGANIZATION                 ARTICLES  SHARE\n"
    "----  ---------------------------  --------  -----\n"
    "   3  NORDIC INSTITUTE                2,960     8%\n\n"
    "SECTION 03  TOP TECHNOLOGY FIELDS\n"
    "FIELD                          SHARE\n"
    "-----------------------------  -----\n"
    "PATENTS\n"
    "  Engines, pumps, turbines       18%\n"
    "  Other                          82%\n"
    "PUBLICATIONS\n"
    "  Chemistry                      27%\n"
    "  Other                          73%\n\n"
    "SECTION 04  COLLABORATION\n"
    "  22% of Nordhaven's PCT patent applications are filed in collaboration with other\n"
    "  inventors, with Oslo, Bergen and Munich emerging as the top collaborative locations.\n"
)


def test_listing_page_break_repeated_header_and_continuation_line_are_not_rows():
    r = extract(LISTING)
    assert r.cluster == "Nordhaven" and r.economy == "Norway"
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 61, 9),
        (2, "FJORD ENERGY ASA", 34, 5),
    ]
    assert ranked(r.top_publishers) == [
        (1, "NORDHAVEN UNIVERSITY", 15208, 41),
        (2, "FJORD HOSPITAL", 4077, 11),
        (3, "NORDIC INSTITUTE", 2960, 8),
    ]
    assert ev(r, "top_publishers[2].count") == "2,960"
    assert pairs(r.patent_fields) == [("Engines, pumps, turbines", 18), ("Other", 82)]
    assert pairs(r.publication_fields) == [("Chemistry", 27), ("Other", 73)]
    assert r.patent_collaboration is not None and r.patent_collaboration.share == 22
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Munich"]


def test_furniture_drops_a_repeated_header_block_and_continued_lines_only():
    from nlq.layout.furniture import furniture_edits

    text = (
        "REPORT 7  PROFILE LISTING  PAGE 1\nRUN DATE 2026-02-09\n-----\nCLUSTER  X\n"
        "1  NAME  12\nCONTINUED ON PAGE 2\n"
        "\fREPORT 7  PROFILE LISTING  PAGE 2\nRUN DATE 2026-02-10\n-----\n2  NAME  10\n"
        "Continued on next page.\n"
    )
    gone = sorted(text[e.start : e.end] for e in furniture_edits(text))
    assert gone == sorted(
        [
            "REPORT 7  PROFILE LISTING  PAGE 1\n",
            "REPORT 7  PROFILE LISTING  PAGE 2\n",
            "RUN DATE 2026-02-09\n",  # a dated line whose number rises page by page
            "RUN DATE 2026-02-10\n",
            "-----\n",
            "CONTINUED ON PAGE 2\n",
            "Continued on next page.\n",
        ]
    )
    assert furniture_edits("The table is continued on page 2 of the report.\n") == []


def test_wide_dash_rule_is_deleted_not_read_as_a_row():
    from nlq.layout.column_rules import column_rule_edits

    text = "RANK  NAME     SHARE\n----  -------  -----\n   1  ALPHA      9%\n   2  BETA       5%\n"
    edits = column_rule_edits(text)
    assert [(text[e.start : e.end], e.text) for e in edits] == [("----  -------  -----\n", "")]


# --- record exports: a section column, a free-text column, list-system bookkeeping ----------

LIST_EXPORT = (
    "\ufeffID,Title,Section,Rank,Count,Share,Notes,Modified,Modified By,Item Type,Path\n"
    '1,"Nordhaven, Norway",Header,,,,Global Innovation Index 2025,3/11/2025 2:14 PM,Ana,Item,'
    "sites/x\n"
    '2,Summary,Overview,,,,"Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, '
    'in the top 100. It filed 1,204 PCT applications and published 12,345 scientific articles.",'
    "3/11/2025 2:14 PM,Ana,Item,sites/x\n"
    "3,NORDHAVEN UNIVERSITY,Top PCT applicants,1,18,11%,,3/11/2025 2:20 PM,Ana,Item,sites/x\n"
    "4,FJORD ENERGY ASA,Top PCT applicants,2,9,5%,,3/11/2025 2:20 PM,Ana,Item,sites/x\n"
    '5,"FJORD HOSPITAL, TRUST",Top publishing organizations,1,"4,310",36%,,3/12/2025 9:05 AM,'
    "Jo,Item,sites/x\n"
    "6,NORDIC INSTITUTE,Top publishing organizations,2,719,6%,,3/12/2025 9:06 AM,Jo,Item,sites/x\n"
    "7,Optics,Top technology fields – Patents,,,60%,,3/12/2025 9:30 AM,Jo,Item,sites/x\n"
    "8,Other,Top technology fields – Patents,,,40%,,3/12/2025 9:30 AM,Jo,Item,sites/x\n"
    "9,Patent collaboration,Collaboration,,,35%,\"35% of Nordhaven's PCT patent applications "
    "are filed in collaboration with other inventors, with Oslo, Bergen and Houston emerging "
    'as the top collaborative locations.",3/12/2025 10:02 AM,Jo,Item,sites/x\n'
)


def test_list_export_drops_bookkeeping_and_reads_section_and_notes_columns():
    r = extract(LIST_EXPORT, "x.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert r.national_rank == 3 and r.pct_applications == 1204
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 18, 11),
        (2, "FJORD ENERGY ASA", 9, 5),
    ]
    assert ranked(r.top_publishers) == [
        (1, "FJORD HOSPITAL, TRUST", 4310, 36),
        (2, "NORDIC INSTITUTE", 719, 6),
    ]
    assert span(r, LIST_EXPORT, "top_publishers[0].count") == "4,310"
    assert span(r, LIST_EXPORT, "top_pct_applicants[1].rank") == "2"  # the Rank cell, not ID 4
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert r.patent_collaboration is not None and r.patent_collaboration.share == 35
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Houston"]


RECORD_TYPES = (
    "record_type,rank,name,count,share,text\n"
    'source,,,,,"Dashboard export, refreshed 2026-01-12, 1,204 rows scanned"\n'
    'title,,,,,"Nordhaven, Norway"\n'
    "edition,,,,,Global Innovation Index 2025\n"
    'summary,,,,,"Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top '
    '100. It filed 1,204 PCT applications and published 12,345 scientific articles."\n'
    'pct_applicant,1,"FJORD ENERGY, ASA",212,22%,\n'
    "pct_applicant,2,NORDHAVEN UNIVERSITY,97,10%,\n"
    'publisher,1,NORDHAVEN UNIVERSITY,"11,406",38%,\n'
    "patent_field,,Optics,,60%,\n"
    'patent_field,,"Engines, pumps",,40%,\n'
    "publication_field,,Chemistry,,70%,\n"
    "publication_field,,Other,,30%,\n"
)


def test_record_type_export_reads_typed_rows_and_keeps_text_records_apart():
    r = extract(RECORD_TYPES, "x.csv", "csv")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert ranked(r.top_pct_applicants) == [
        (1, "FJORD ENERGY, ASA", 212, 22),
        (2, "NORDHAVEN UNIVERSITY", 97, 10),
    ]
    assert ev(r, "top_pct_applicants[0].name") == "FJORD ENERGY, ASA"
    assert ranked(r.top_publishers) == [(1, "NORDHAVEN UNIVERSITY", 11406, 38)]
    assert pairs(r.patent_fields) == [("Optics", 60), ("Engines, pumps", 40)]
    assert pairs(r.publication_fields) == [("Chemistry", 70), ("Other", 30)]
    assert r.scientific_articles == 12345  # not the "1,204 rows scanned" of the export line


def test_record_export_items_leave_other_sheets_alone():
    from nlq.layout.delimited import split_cells
    from nlq.layout.record_exports import record_export_items

    def items(text: str):
        out, pos = [], 0
        for line in text.splitlines(keepends=True):
            end = pos + len(line.rstrip("\n"))
            out.append((pos, end, tuple(split_cells(text, pos, end, ","))))
            pos += len(line)
        return out

    one_id = items("ID,Name,Patents\n1,A,3\n2,B,2\n3,C,1\n")  # one bookkeeping title
    assert record_export_items(one_id) is one_id
    no_stretch = items("Section,Name,Share\nA,x,1%\nB,y,2%\nA,z,3%\n")  # a section comes back
    assert record_export_items(no_stretch) is no_stretch
    kinds = items("Type,Name,Share\nUniversity,x,1%\nUniversity,y,2%\nCompany,z,3%\n")
    assert record_export_items(kinds) is kinds  # an applicant's type is no section


def test_snake_case_keys_name_sections():
    from nlq.extractors.headings import classify_heading

    assert classify_heading("pct_applicant") == "top_pct_applicants"
    assert classify_heading("patent_field") == "patent_fields"
    assert classify_heading("publication_collaboration") == "publication_collaboration"
    assert classify_heading("size_rank") is None


def test_a_quote_opening_inside_a_quoted_csv_cell_is_found():
    from nlq.extractors.align import SourceView
    from nlq.layout import parse

    raw = 'type,name,share\npatent_field,Optics,60%\npatent_field,"Engines, pumps",40%\n'
    view = SourceView.of(parse("x.csv", raw, "csv"))
    found = view.find_quote('Engines, pumps",40%', set())
    assert found is not None
    a, b = view.raw_span(*found)
    assert raw[a:b] == 'Engines, pumps",40%'
    assert view.find_quote('Engines, pumps",41%', set()) is None


def test_a_list_of_one_entry_under_its_column_titles_is_a_table_row():
    raw = (
        "Section,Title,Rank,Count,Share,Notes\n"
        'Header,"Nordhaven, Norway",,,,Global Innovation Index 2025\n'
        "Applicants,NORDHAVEN UNIVERSITY,1,18,11%,\n"
        'Publishers,FJORD HOSPITAL,1,"4,310",36%,\n'
        "Patent fields,Optics,,,60%,\n"
        "Patent fields,Other,,,40%,\n"
    )
    r = extract(raw, "x.csv", "csv")
    assert ranked(r.top_pct_applicants) == [(1, "NORDHAVEN UNIVERSITY", 18, 11)]
    assert ranked(r.top_publishers) == [(1, "FJORD HOSPITAL", 4310, 36)]
    assert ev(r, "top_publishers[0].count") == "4,310"
