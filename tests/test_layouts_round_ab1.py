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
    from nlq.extractors.sections import heading_texts
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
