"""Layout mechanisms added for the testers' round X/Y layouts (entries whose figures stand on
the line under the name, infobox labels with a gloss in parentheses, slide-outline titles, top
lists written in sentences, sheets with padding cells): each test is a small inline input for
one mechanism, checking the values, their exact evidence, and that no figure lands in the
wrong field."""

from __future__ import annotations

from layout_fixtures import OPENING, ev, extract, ranked

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.layout.slide_titles import slide_title_edits

TWO_LINE = (
    OPENING + "TOP PCT APPLICANTS\n\n"
    "1  NORDHAVEN UNIVERSITY\n   2,069 patents | 54%\n\n"
    "2  FJORD ENERGY ASA\n   114 patents | 3%\n\n"
    "3  KELP SUPPLY CO., LTD\n   92 patents | 2%\n"
)


def test_a_count_and_its_unit_under_a_name_are_its_figures_not_a_new_ranked_row():
    r = extract(TWO_LINE)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 2069, 54),
        (2, "FJORD ENERGY ASA", 114, 3),
        (3, "KELP SUPPLY CO., LTD", 92, 2),
    ]
    assert ev(r, "top_pct_applicants[1].count") == "114"
    assert ev(r, "top_pct_applicants[2].name") == "KELP SUPPLY CO., LTD"
    assert ev(r, "top_pct_applicants[2].share") == "2"


INFOBOX = (
    "Nordhaven, Norway\n\nCluster\nNordhaven\nEconomy\nNorway\n"
    "Size rank\n87th largest science and technology cluster in 2025\n"
    "PCT applications (per 1 million inhabitants, last five years)\n58\n"
    "Scientific articles (per 1 million inhabitants, last five years)\n6\u00a0205\n"
    "Population (metro, 2021 estimate)\n1.1 million\n"
)


def test_an_infobox_label_with_a_gloss_in_parentheses_takes_the_value_on_the_next_line():
    # "... cluster in 2025" then "PCT applications (...)": the year is never read as a count.
    r = extract(INFOBOX)
    assert r.pct_applications == 58
    assert r.scientific_articles == 6205
    assert ev(r, "pct_applications") == "58"
    assert ev(r, "scientific_articles") == "6\u00a0205"


def test_a_population_under_a_glossed_label_is_no_count():
    r = extract(INFOBOX.replace("PCT applications (per", "Residents (per"))
    assert r.pct_applications is None


SLIDES = (
    "Slide 1\nNordhaven, Norway\n\n"
    "Slide 2 — Where it ranks\n"
    "• The 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 S&T clusters\n\n"
    "Slide 4 — Top PCT applicants\n"
    "• 1 NORDHAVEN UNIVERSITY — 88 patents, 16%\n"
    "• 2 FISHER, PAYNE & KEA LIMITED — 39 patents, 7%\n\n"
    "Slide 5 — Top publishing organizations\n"
    "• 1 NORDHAVEN UNIVERSITY — 14,210 articles, 47%\n"
)


def test_slide_numbers_before_slide_titles_are_dropped_so_the_titles_name_sections():
    r = extract(SLIDES)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 88, 16),
        (2, "FISHER, PAYNE & KEA LIMITED", 39, 7),
    ]
    assert ranked(r.top_publishers) == [(1, "NORDHAVEN UNIVERSITY", 14210, 47)]
    assert ev(r, "top_pct_applicants[1].name") == "FISHER, PAYNE & KEA LIMITED"
    assert ev(r, "top_publishers[0].count") == "14,210"


def test_one_line_opening_with_slide_is_not_a_deck():
    assert slide_title_edits("Slide 4 — Top PCT applicants\nSlide rule: 3 cm\n") == []
    assert slide_title_edits("Slide 4 — Top\nSlide 5: More\n") != []


def _tsv(*rows: str) -> str:
    return "".join(row.replace("|", "\t") + "\t" * 3 + "\n" for row in rows)


SHEET = _tsv(
    "Nordhaven, Norway",
    "",
    "National rank|3|out of 9 Norwegian clusters in the top 100",
    "",
    "Collaboration",
    "|Kind|Share|Top location 1|Top location 2|Top location 3",
    "|PCT applications filed in collaboration with other inventors|19%|Oslo|Bergen|Bodø",
    "|Scientific articles published in collaboration with other organizations|44%|Oslo||",
)


def test_a_sheet_collaboration_table_with_one_partner_column_each_and_an_indent_column():
    r = extract(SHEET, "x.tsv", "csv")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert r.patent_collaboration.share == 19
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Bodø"]
    assert r.publication_collaboration.share == 44
    assert r.publication_collaboration.partners == ["Oslo"]
    assert ev(r, "patent_collaboration.share") == "19"
    assert ev(r, "patent_collaboration.partners[2]") == "Bodø"
    assert ev(r, "publication_collaboration.partners[0]") == "Oslo"


def test_a_figure_under_a_numbered_location_title_is_no_partner():
    raw = SHEET.replace("Oslo\tBergen\tBodø", "Oslo\t12\tBodø")
    r = extract(raw, "x.tsv", "csv")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 19
    assert r.patent_collaboration.partners == []


PROSE_LISTS = (
    OPENING + "Top PCT applicants. NORDHAVEN UNIVERSITY leads with 2,069 patents, 54% of the "
    "total; FJORD TECH. OF NORWAY follows with 114 (3%), and KELP SUPPLY CO., LTD is third "
    "with 92 (2%).\n\n"
    "Top technology fields. Patents: Semiconductors lead with 35%, followed by Computer tech. "
    "(18%), Optics (4%) and Other (43%). Publications: Chemistry comes first with 21%, then "
    "Biochem. & biotech. (16%), Physics & math (14%) and Other (49%).\n"
)


def test_a_top_list_in_prose_ranked_by_leads_and_follows_with_bare_counts_after_the_first():
    r = extract(PROSE_LISTS)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORDHAVEN UNIVERSITY", 2069, 54),
        (2, "FJORD TECH. OF NORWAY", 114, 3),
        (3, "KELP SUPPLY CO., LTD", 92, 2),
    ]
    assert ev(r, "top_pct_applicants[0].rank") == "leads"
    assert ev(r, "top_pct_applicants[1].rank") == "follows"
    assert ev(r, "top_pct_applicants[1].count") == "114"
    assert ev(r, "top_pct_applicants[2].name") == "KELP SUPPLY CO., LTD"


def test_a_bare_count_before_any_count_with_its_unit_is_not_read():
    raw = PROSE_LISTS.replace(
        "leads with 2,069 patents, 54% of the total", "leads with 2,069 (54%)"
    )
    assert not extract(raw).top_pct_applicants


def test_a_breakdown_whose_first_field_leads_with_its_share_outside_brackets():
    r = extract(PROSE_LISTS)
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Semiconductors", 35),
        ("Computer tech.", 18),
        ("Optics", 4),
        ("Other", 43),
    ]
    assert [f.field for f in r.publication_fields] == [
        "Chemistry",
        "Biochem. & biotech.",
        "Physics & math",
        "Other",
    ]
    assert ev(r, "patent_fields[0].field") == "Semiconductors"
    assert ev(r, "patent_fields[0].share") == "35"
    assert ev(r, "publication_fields[0].share") == "21"


def test_a_leading_field_whose_shares_do_not_add_up_is_no_breakdown():
    r = extract(PROSE_LISTS.replace("and Other (43%)", "and Other (13%)"))
    assert not r.patent_fields


def _grounded_ranks(ranks: list[int]) -> list[tuple[object, str | None]]:
    quotes = [
        "NORDHAVEN UNIVERSITY leads with 2,069 patents, 54% of the total",
        "FJORD TECH. OF NORWAY follows with 114 (3%)",
    ]
    names = ["NORDHAVEN UNIVERSITY", "FJORD TECH. OF NORWAY"]
    counts, shares = [2069, 114], [54, 3]
    rows = [
        {"rank": r, "name": n, "count": c, "share": sh, "quote": q}
        for r, n, c, sh, q in zip(ranks, names, counts, shares, quotes, strict=True)
    ]
    g = ground(
        ClusterFacts.model_validate({"top_pct_applicants": rows}),
        SourceView.of(parse("doc.txt", PROSE_LISTS, "text")),
    )
    out = []
    for i, row in enumerate(g.values["top_pct_applicants"]):
        span = g.spans.get(f"top_pct_applicants[{i}].rank")
        out.append((row["rank"], span and PROSE_LISTS[span[0] : span[1]]))
    return out


def test_the_llm_path_grounds_leads_and_follows_as_ranks_one_and_the_next():
    assert _grounded_ranks([1, 2]) == [(1, "leads"), (2, "follows")]


def test_the_llm_path_grounds_no_rank_on_leads_or_follows_for_another_rank():
    assert _grounded_ranks([2, 4]) == [(None, None), (None, None)]
