"""Layouts of tester round R (third part): Word "Save as Web Page" list paragraphs, numbered
subheadings left as paragraphs ("4.1 Patents"), partners separated by semicolons in a
collaboration table. Each test is a small inline input for one mechanism, checking the values
and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, blocks, ev, extract

from nlq.layout import parse
from nlq.layout.document import BlockKind
from nlq.layout.word_lists import marker_number

# --- Word list paragraphs: the bullet Word draws is not part of the item ---------------------

_BULLET = (
    "<![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt'>"
    "&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>"
)


def _word_item(marker: str, text: str) -> str:
    return (
        "<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level1 lfo1'>"
        + marker
        + f"<span lang=EN-GB>{text}<o:p></o:p></span></p>\n"
    )


WORD_PAGE = (
    "<html><body><h1>Nordhaven, Norway</h1>\n"
    f"<p class=MsoNormal>{BODY}</p>\n"
    "<h2>Top technology fields</h2>\n<p class=MsoNormal><b>Patents</b></p>\n"
    + _word_item(_BULLET, "Electrical machinery (17%)")
    + _word_item(_BULLET, "Other (83%)")
    + "</body></html>"
)


def test_word_list_paragraphs_are_items_without_their_bullet() -> None:
    assert ("list_item", "Electrical machinery (17%)") in blocks(WORD_PAGE, "html")
    r = extract(WORD_PAGE, "x.htm", "html")
    got = [(f.field, f.share) for f in r.patent_fields]
    assert got == [("Electrical machinery", 17), ("Other", 83)]
    assert ev(r, "patent_fields[0].field") == "Electrical machinery"
    assert ev(r, "patent_fields[1].share") == "83"


def test_the_number_word_prints_before_a_list_paragraph_is_its_rank() -> None:
    numbered = _BULLET.replace("·", "2.")
    page = "<html><body>" + _word_item(numbered, "NORD AS 146 12%") + "</body></html>"
    [item] = [b for b in parse("x", page, "html").blocks if b.kind is BlockKind.LIST_ITEM]
    assert (item.text.text, item.ordinal, item.ordinal_text.text) == ("NORD AS 146 12%", 2, "2.")
    assert (marker_number("2.\xa0\xa0"), marker_number("·"), marker_number("(3)")) == (2, None, 3)


# --- numbered subheadings: "4.1 Patents" names the section, its number is no figure ---------

NUMBERED = OPENING + (
    "4. Top technology fields\n\n"
    "4.1 Patents\n"
    "\tChemical engineering\t18%\n"
    "\tOther\t82%\n\n"
    "4.2 Publications\n"
    "\tChemistry\t12%\n"
    "\tOther\t88%\n"
)


def test_numbered_subheadings_left_as_paragraphs_name_their_section() -> None:
    r = extract(NUMBERED)
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Chemical engineering", 18),
        ("Other", 82),
    ]
    assert [(f.field, f.share) for f in r.publication_fields] == [("Chemistry", 12), ("Other", 88)]
    assert ev(r, "patent_fields[0].share") == "18"
    assert r.evidence["publication_fields[0].share"].start == NUMBERED.index("12%")


def test_a_numbered_sentence_is_not_a_subheading() -> None:
    raw = OPENING + (
        "5. Collaboration\n\n"
        "5.1 31% of Nordhaven's PCT patent applications are filed in collaboration with other\n"
        "inventors, with Oslo, Bergen and London emerging as the top collaborative locations.\n"
    )
    r = extract(raw)
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 31 and ev(r, "patent_collaboration.share") == "31"
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "London"]


# --- collaboration tables: partners separated by semicolons ---------------------------------

SEMICOLONS = (
    "<html><body><h1>Nordhaven, Norway</h1>\n"
    f"<p>{BODY}</p>\n"
    "<h3>Collaboration</h3>\n<table>\n"
    "<tr><th>Output</th><th>% in collaboration</th><th>Top collaborating locations</th></tr>\n"
    "<tr><td>PCT patent applications</td><td>23%</td><td>Oslo City; Bergen; Houston</td></tr>\n"
    "<tr><td>Scientific articles</td><td>71%</td><td>Oslo City; Trondheim; Madrid</td></tr>\n"
    "</table></body></html>"
)


def test_partners_separated_by_semicolons_in_a_collaboration_table() -> None:
    r = extract(SEMICOLONS, "x.html", "html")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.share == 23
    assert r.patent_collaboration.partners == ["Oslo City", "Bergen", "Houston"]
    assert r.publication_collaboration.partners == ["Oslo City", "Trondheim", "Madrid"]
    assert ev(r, "patent_collaboration.partners[0]") == "Oslo City"
    assert ev(r, "publication_collaboration.partners[2]") == "Madrid"
    assert r.evidence["publication_collaboration.partners[1]"].start == SEMICOLONS.index(
        "Trondheim"
    )


def test_a_marker_never_closed_stays_text() -> None:
    page = "<html><body><p><![if !supportLists]>Other (83%)</p><p>Next</p></body></html>"
    assert blocks(page, "html") == [("paragraph", "Other (83%)"), ("paragraph", "Next")]


def test_a_normal_paragraph_with_a_word_list_style_is_an_item() -> None:
    page = (
        "<html><body><p class=MsoNormal style='margin-left:36pt;mso-list:l1 level1 lfo2'>"
        + _BULLET
        + "<span>Optics (31%)</span></p><p class=MsoNormal style='mso-list:Ignore'>x</p>"
        "</body></html>"
    )
    assert blocks(page, "html") == [("list_item", "Optics (31%)"), ("paragraph", "x")]
