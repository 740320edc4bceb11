"""Round AA (2): the LLM path's grounding of numbers said in words and of figures whose label is
the spreadsheet cell above them; wrong values and figures under another column's label are
still refused."""

from __future__ import annotations

from typing import Any

from nlq.extractors.cell_labels import label_above
from nlq.extractors.grounding import ClusterFacts, SourceView, ground
from nlq.layout import parse

SPOKEN = (
    "Top PCT applicants. Number one, CENTRAL SOUTH UNIVERSITY, 146 patents, twelve percent. "
    "Number two, CHANGSHA UNIVERSITY OF SCIENCE AND TECH., seventy-four patents, six percent.\n\n"
    "Fifty-four percent of Changsha's scientific articles are published in collaboration with "
    "other organizations, with the top collaborating locations being Beijing and Shanghai.\n"
)
ROW_TWO = "Number two, CHANGSHA UNIVERSITY OF SCIENCE AND TECH., seventy-four patents, six percent"
COLLAB = "Fifty-four percent of Changsha's scientific articles are published in collaboration"

SHEET = (
    "Cluster\tEconomy\tEdition\t\n"
    "Põltsamaa–Jõgeva\tEstonia\t2024\t\n"
    "National rank\tClusters in economy\tGlobal size rank\tGlobal intensity rank\n"
    "1\t1\t97\t41\n"
    "PCT applications (per 1M inhabitants, 5 yrs)\tScientific articles (per 1M, 5 yrs)\t\t\n"
    "88\t6 120\t\t\n"
    "Patent fields\t\t\t\n"
    "Biotechnology\tFood chemistry\tPharmaceuticals\tOther\n"
    "31%\t22%\t12%\t35%\n"
)
RANKS = "National rank\tClusters in economy\tGlobal size rank\tGlobal intensity rank\n1\t1\t97\t41"
COUNTS = (
    "PCT applications (per 1M inhabitants, 5 yrs)\tScientific articles (per 1M, 5 yrs)\t\t\n"
    "88\t6 120\t\t"
)
FIELDS = "Biotechnology\tFood chemistry\tPharmaceuticals\tOther\n31%\t22%\t12%\t35%"


def grounded(raw: str, facts: dict[str, Any], name: str = "doc.txt", fmt: str = "text"):
    doc = parse(name, raw, fmt)
    return doc, ground(ClusterFacts.model_validate(facts), SourceView.of(doc))


def spans(doc, g) -> dict[str, str]:
    return {path: doc.raw[a:b] for path, (a, b) in g.spans.items()}


def sheet(facts: dict[str, Any]):
    return grounded(SHEET, facts, "sheet.tsv", "csv")


# --- numbers said in words ---------------------------------------------------------------------


def test_a_spoken_row_grounds_its_rank_count_and_share_in_words() -> None:
    row = {"rank": 2, "name": "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", "count": 74, "share": 6}
    doc, g = grounded(SPOKEN, {"top_pct_applicants": [{**row, "quote": ROW_TWO}]})
    assert g.problems == []
    assert g.values["top_pct_applicants"] == [row]
    assert spans(doc, g) == {
        "top_pct_applicants[0].name": "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.",
        "top_pct_applicants[0].rank": "two",
        "top_pct_applicants[0].count": "seventy-four",
        "top_pct_applicants[0].share": "six",
    }


def test_a_share_in_words_grounds_a_collaboration_share() -> None:
    collab = {"share": 54, "partners": ["Beijing", "Shanghai"], "quote": SPOKEN.split("\n\n")[1]}
    doc, g = grounded(SPOKEN, {"publication_collaboration": collab})
    assert g.problems == []
    assert g.values["publication_collaboration"] == {
        "share": 54,
        "partners": ["Beijing", "Shanghai"],
    }
    assert spans(doc, g)["publication_collaboration.share"] == "Fifty-four"


def test_a_wrong_value_in_words_is_refused() -> None:
    base = {"rank": 2, "name": "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", "quote": ROW_TWO}
    for wrong in ({"count": 75}, {"share": 7}, {"rank": 3}, {"share": 74}, {"count": 6}):
        _, g = grounded(SPOKEN, {"top_publishers": [{**base, **wrong}]})
        field = next(iter(wrong))
        assert [p.path for p in g.problems] == [f"top_publishers[0].{field}"], wrong
        assert g.values["top_publishers"][0][field] is None
    _, g = grounded(SPOKEN, {"publication_collaboration": {"share": 45, "quote": COLLAB}})
    assert [p.path for p in g.problems] == ["publication_collaboration.share"]


def test_a_number_word_not_followed_by_percent_is_no_share() -> None:
    _, g = grounded(SPOKEN, {"top_pct_applicants": [
        {"rank": 2, "name": "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", "share": 74,
         "quote": ROW_TWO}]})  # fmt: skip
    assert [p.path for p in g.problems] == ["top_pct_applicants[0].share"]


# --- labels in the cell above ------------------------------------------------------------------


def test_the_label_above_is_the_cell_in_the_same_column() -> None:
    raw = "a\tb label\tc\n1\t2\t3\n"
    assert label_above(raw, "\t", raw.index("2"), 0) == (2, 9)
    assert label_above(raw, "\t", raw.index("3"), 11) is None  # the label is outside the quote
    assert label_above(raw, "\t", raw.index("1"), 0) == (0, 1)
    body = "1\tX\t52\n2\tY\t29\n"  # a table body: the cell above is a figure, no label
    assert label_above(body, "\t", body.index("29"), 0) is None
    own = "Label\tValue\nNational rank\t10\n"  # a row that labels its own figure
    assert label_above(own, "\t", own.index("10"), 0) is None
    quoted = '"a\tb"\tc\n1\t2\n'  # a quoted cell holding a tab is one cell
    assert label_above(quoted, "\t", quoted.index("2"), 0) == (6, 7)


def test_figures_under_their_labels_in_a_sheet_are_grounded() -> None:
    facts = {
        "global_size_rank": {"value": 97, "quote": RANKS},
        "global_intensity_rank": {"value": 41, "quote": RANKS},
        "pct_applications": {"value": 88, "quote": COUNTS},
        "scientific_articles": {"value": 6120, "quote": COUNTS},
    }
    doc, g = sheet(facts)
    assert g.problems == []
    assert g.values == {
        "global_size_rank": 97,
        "global_intensity_rank": 41,
        "pct_applications": 88,
        "scientific_articles": 6120,
        **{k: [] for k in g.values if k.endswith(("applicants", "publishers", "fields"))},
    }
    assert spans(doc, g) == {
        "global_size_rank": "97",
        "global_intensity_rank": "41",
        "pct_applications": "88",
        "scientific_articles": "6 120",
    }


def test_a_figure_under_another_columns_label_is_refused() -> None:
    for key, value, quote in (
        ("global_size_rank", 41, RANKS),
        ("global_intensity_rank", 97, RANKS),
        ("national_cluster_count", 97, RANKS),
        ("pct_applications", 6120, COUNTS),
        ("scientific_articles", 88, COUNTS),
    ):
        _, g = sheet({key: {"value": value, "quote": quote}})
        assert key not in g.values, key
        assert [p.path for p in g.problems] == [key]


def test_a_field_share_is_the_one_under_its_name() -> None:
    rows = [
        {"field": "Food chemistry", "share": 22, "quote": FIELDS},
        {"field": "Other", "share": 35, "quote": FIELDS[FIELDS.index("Other") :]},
    ]
    doc, g = sheet({"patent_fields": rows})
    assert g.problems == []
    assert g.values["patent_fields"] == [{"field": r["field"], "share": r["share"]} for r in rows]
    assert spans(doc, g) == {
        "patent_fields[0].field": "Food chemistry",
        "patent_fields[0].share": "22",
        "patent_fields[1].field": "Other",
        "patent_fields[1].share": "35",
    }
    _, g = sheet({"patent_fields": [{"field": "Biotechnology", "share": 22, "quote": FIELDS}]})
    assert [p.path for p in g.problems] == ["patent_fields[0].share"]
    assert g.values["patent_fields"] == [{"field": "Biotechnology", "share": None}]


def test_a_row_that_labels_its_own_figure_still_grounds_under_a_header_row() -> None:
    raw = "Label\tValue\nNational rank\t10\nField\tShare\nBiotechnology\t31%\n"
    facts = {
        "national_rank": {"value": 10, "quote": "Label\tValue\nNational rank\t10"},
        "patent_fields": [
            {"field": "Biotechnology", "share": 31, "quote": "Field\tShare\nBiotechnology\t31%"}
        ],
    }
    doc, g = grounded(raw, facts, "sheet.tsv", "csv")
    assert g.problems == []
    assert g.values["national_rank"] == 10
    assert g.values["patent_fields"] == [{"field": "Biotechnology", "share": 31}]
    assert spans(doc, g) == {
        "national_rank": "10",
        "patent_fields[0].field": "Biotechnology",
        "patent_fields[0].share": "31",
    }


def test_a_collaboration_share_under_the_other_collaborations_label_is_refused() -> None:
    raw = (
        "Patent collaboration share\tPublication collaboration share\tTop partners\n"
        "14%\t71%\tTallinn\n"
    )
    quote = raw.strip()
    doc, g = grounded(raw, {"patent_collaboration": {"share": 14, "quote": quote}}, "c.tsv", "csv")
    assert g.problems == []
    assert g.values["patent_collaboration"] == {"share": 14, "partners": []}
    assert spans(doc, g) == {"patent_collaboration.share": "14"}
    _, g = grounded(raw, {"patent_collaboration": {"share": 71, "quote": quote}}, "c.tsv", "csv")
    assert [p.path for p in g.problems] == ["patent_collaboration.share"]
    assert "patent_collaboration" not in g.values
    _, g = grounded(
        raw, {"publication_collaboration": {"share": 71, "quote": quote}}, "c.tsv", "csv"
    )
    assert g.problems == []
    assert g.values["publication_collaboration"]["share"] == 71
