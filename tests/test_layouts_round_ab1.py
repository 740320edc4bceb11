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
