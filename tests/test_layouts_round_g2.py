"""Layouts of tester round G (second half): a presentation outline, a notebook exported to
markdown, two-column PDF text and a reply quoting a forwarded mail. Each test is a small inline
input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import blocks, ev, extract

from nlq.layout import parse

# --- an outline: tabs that only indent a line are not table cells ----------------------------

OUTLINE = (
    "Nordhaven, Norway\n"
    "\tGlobal Innovation Index 2025 – S&T cluster profile\n"
    "Headline figures\n"
    "\tRanked 3rd out of 9 Norwegian clusters in the top 100 S&T clusters in 2025\n"
    "\tPCT applications: 47 per 1 million inhabitants (last five years)\n"
    "Top technology fields\n"
    "\tPatents\n"
    "\t\tOptics (60%)\n"
    "\t\tOther (40%)\n"
    "\tPublications\n"
    "\t\tPhysics (70%)\n"
    "\t\tOther (30%)\n"
    "Collaboration\n"
    "\tPatents: 41% of PCT applications filed in collaboration with other inventors\n"
    "\t\tTop collaborative locations: Oslo, Bergen, Lima\n"
)


def test_lines_indented_by_tabs_are_outline_lines_not_table_rows() -> None:
    got = blocks(OUTLINE)
    assert ("paragraph", "Global Innovation Index 2025 – S&T cluster profile") in got
    assert ("paragraph", "Patents") in got
    assert not any(kind == "table" for kind, _ in got)


def test_an_outline_is_read_by_its_headings_and_indented_bullets() -> None:
    r = extract(OUTLINE)
    assert (r.edition, r.national_rank, r.national_cluster_count) == (2025, 3, 9)
    assert r.pct_applications == 47 and ev(r, "pct_applications") == "47"
    assert [(f.field, f.share) for f in r.patent_fields] == [("Optics", 60), ("Other", 40)]
    assert [(f.field, f.share) for f in r.publication_fields] == [("Physics", 70), ("Other", 30)]
    assert ev(r, "publication_fields[0].field") == "Physics"
    assert r.patent_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        41,
        ["Oslo", "Bergen", "Lima"],
    )
    assert ev(r, "patent_collaboration.partners[1]") == "Bergen"


def test_a_tab_row_with_an_empty_first_cell_is_still_a_row() -> None:
    assert blocks("\t\tPatents\tShare\n1\tACME\t12\t5%\n") == [
        ("table", [["", "", "Patents", "Share"], ["1", "ACME", "12", "5%"]])
    ]


# --- a notebook rendered to markdown (nbconvert) ---------------------------------------------

NB_OPENING = (
    "## Global Innovation Index 2025\n\n### Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 S&T "
    "clusters in 2025. It filed 1,204 PCT applications and published 12,345 scientific "
    "articles.\n\n"
)


def test_a_code_cell_tagged_with_a_language_is_not_page_text() -> None:
    raw = (
        "```python\nprev = load_profile('nordhaven', edition=2024)\n```\n\n"
        + NB_OPENING
        + "```text\nPasted: 1,204 PCT applications\n```\n"
    )
    got = blocks(raw, "markdown")
    assert not any("load_profile" in str(text) for _, text in got)
    assert any("Pasted: 1,204" in str(text) for _, text in got)  # untagged text is read
    r = extract(raw, "x.md", "markdown")
    assert r.edition == 2025 and ev(r, "edition") == "2025"


DATAFRAME = (
    "<div>\n<style scoped>\n    .dataframe tbody tr th:only-of-type {\n"
    "        vertical-align: middle;\n    }\n\n    .dataframe thead th {\n"
    "        text-align: right;\n    }\n</style>\n"
    '<table border="1" class="dataframe">\n  <thead>\n    <tr>\n      <th></th>\n'
    "      <th>rank</th>\n      <th>organization</th>\n      <th>articles</th>\n"
    "      <th>share (%)</th>\n    </tr>\n  </thead>\n  <tbody>\n"
    "    <tr>\n      <th>0</th>\n      <td>1</td>\n      <td>NORDHAVEN UNIVERSITY</td>\n"
    "      <td>6950</td>\n      <td>34</td>\n    </tr>\n"
    "    <tr>\n      <th>1</th>\n      <td>2</td>\n      <td>ACME INSTITUTE</td>\n"
    "      <td>3271</td>\n      <td>16</td>\n    </tr>\n  </tbody>\n</table>\n</div>\n"
)


def test_a_style_sheet_with_blank_lines_stays_inside_its_html_block() -> None:
    got = blocks("#### Top publishing organizations\n\n" + DATAFRAME, "markdown")
    assert not any("dataframe" in str(text) or "text-align" in str(text) for _, text in got)
    assert got[-1][0] == "table"


def test_a_data_frame_in_html_with_its_index_column_and_bare_shares_under_a_share_title() -> None:
    r = extract(
        NB_OPENING + "#### Top publishing organizations\n\n" + DATAFRAME, "x.md", "markdown"
    )
    got = [(e.rank, e.name, e.count, e.share) for e in r.top_publishers]
    assert got == [(1, "NORDHAVEN UNIVERSITY", 6950, 34), (2, "ACME INSTITUTE", 3271, 16)]
    assert ev(r, "top_publishers[1].share") == "16"
    assert ev(r, "top_publishers[1].rank") == "2"


SERIES = (
    "    field\n"
    "    Optics                                     50\n"
    "    Electrical machinery, apparatus, energy    40\n"
    "    Name: {name}, dtype: int64\n"
)


def test_a_printed_series_is_named_by_its_footer() -> None:
    raw = NB_OPENING + "#### Top technology fields\n\nPatents\n\n" + SERIES.format(name="share_pct")
    r = extract(raw, "x.md", "markdown")
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Optics", 50),
        ("Electrical machinery, apparatus, energy", 40),
    ]
    assert ev(r, "patent_fields[1].share") == "40"
    assert any("sum to 90%" in w for w in r.warnings)


def test_a_printed_series_of_counts_is_no_share_breakdown() -> None:
    raw = NB_OPENING + "#### Top technology fields\n\nPatents\n\n" + SERIES.format(name="patents")
    r = extract(raw.replace("50", "60"), "x.md", "markdown")
    assert all(f.share is None for f in r.patent_fields)


# --- a page set in two columns (pdftotext -layout) -------------------------------------------


def _two_columns(left: list[str], right: list[str], gutter: int = 50) -> str:
    rows = []
    for k in range(max(len(left), len(right))):
        a = left[k] if k < len(left) else ""
        b = right[k] if k < len(right) else ""
        rows.append((a.ljust(gutter) + b).rstrip() if b else a)
    return "\n".join(rows) + "\n"


TWO_COLUMNS = "Nordhaven, Norway\n\n" + _two_columns(
    [
        "Nordhaven is the third-ranked cluster, out of 9",
        "Norwegian clusters, that falls within the top",
        "100 S&T clusters in 2024. It filed 692 PCT",
        "applications and published 7,921 scientific",
        "articles, both per 1 million inhabitants.",
        "",
        "3% of Nordhaven's PCT patent applications are",
        "filed in collaboration with other inventors,",
        "with Oslo, Bergen-Stavanger and Trondheim",
        "emerging as the top collaborative locations.",
    ],
    [
        "Top PCT applicants",
        "",
        "                              Patents  Share",
        "1  NORDHAVEN UNIVERSITY OF SCIENCE    114     3%",
        "   AND TECHNOLOGY",
        "2  ACME AS                             92     2%",
    ],
)


def test_two_columns_are_read_one_after_the_other() -> None:
    got = blocks(TWO_COLUMNS)
    kinds = [kind for kind, _ in got]
    assert got[1][1].startswith("Nordhaven is the third-ranked cluster") and got[1][1].endswith(
        "inhabitants."
    )
    assert got[2][1].endswith("emerging as the top collaborative locations.")
    assert got[3] == ("paragraph", "Top PCT applicants")
    assert kinds[4] == "table"


def test_a_two_column_page_gives_its_sentences_and_its_table() -> None:
    r = extract(TWO_COLUMNS)
    assert (r.national_rank, r.pct_applications, r.scientific_articles) == (3, 692, 7921)
    got = [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants]
    assert got == [
        (1, "NORDHAVEN UNIVERSITY OF SCIENCE AND TECHNOLOGY", 114, 3),
        (2, "ACME AS", 92, 2),
    ]
    name = r.evidence["top_pct_applicants[0].name"].text
    assert name.startswith("NORDHAVEN UNIVERSITY OF SCIENCE") and name.endswith("AND TECHNOLOGY")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen-Stavanger", "Trondheim"]
    assert ev(r, "patent_collaboration.share") == "3"


def test_side_by_side_tables_without_prose_are_not_columns() -> None:
    raw = (
        "Patents                                   Publications\n"
        "Semiconductors                   35%      Chemistry                        21%\n"
        "Electrical machinery apparatus energy     7%      Physics & math      14%\n"
    )
    from nlq.layout.page_columns import column_order
    from nlq.layout.text import _lines

    assert column_order(raw, _lines(raw)) is None


def test_a_page_footer_before_a_form_feed_is_not_content() -> None:
    raw = (
        "Patents\n\nOptics (60%)\nOther (40%)\n\n\n"
        "GII 2024 · Science and technology cluster profiles                  57\n\f"
    )
    assert ("paragraph", "GII 2024 · Science and technology cluster profiles") not in blocks(raw)
    assert all("57" not in str(text) for _, text in blocks(raw))


# --- a reply above a quoted page -------------------------------------------------------------

QUOTED_PAGE = (
    "> > Nordhaven, Norway\n> >\n"
    "> > Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters, that falls\n"
    "> > within the top 100 S&T clusters in 2024. It filed *309 PCT\n"
    "> > applications* and published 7,921 scientific articles.\n> >\n"
    "> > Top PCT applicants\n> >\n"
    "> > 1\tACME AS\t146\t12%\n> > 2\tNORD AS\t74\t6%\n> >\n"
    "> > Top publishing organizations\n> >\n"
    "> > 1\tNORDHAVEN UNIVERSITY\t2,744\t45%\n> > 2\tNORD INSTITUTE\t995\t16%\n"
)
MAIL = (
    "From: Kari <kari@example.org>\nSubject: RE: Nordhaven profile\n\n"
    "Our draft still uses the old figures (rank 35, 281 PCT applications per\n"
    "million) - please replace them.\n\n--\nKari Nord | Innovation Analytics\n\n"
    "On Tue, 17 Nov 2026 at 16:02, Desk <desk@example.org> wrote:\n"
    "> Forwarding the page:\n>\n" + QUOTED_PAGE
)


def test_the_reply_above_a_quoted_page_is_not_read_as_the_page() -> None:
    r = extract(MAIL)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert r.pct_applications == 309 and ev(r, "pct_applications") == "309"
    assert r.national_rank == 3
    assert [(e.rank, e.name) for e in r.top_pct_applicants] == [
        (1, "ACME AS"),
        (2, "NORD AS"),
    ]


def test_a_mail_whose_own_text_is_the_larger_part_keeps_it() -> None:
    raw = (
        "From: Kari <kari@example.org>\nSubject: Nordhaven profile\n\n"
        "Nordhaven, Norway\n\n"
        "Nordhaven is the third-ranked cluster, out of 9 Norwegian clusters, that falls\n"
        "within the top 100 S&T clusters in 2024. It filed 309 PCT applications and\n"
        "published 7,921 scientific articles.\n\n"
        "> Can you check this?\n> Thanks\n> Desk\n"
    )
    r = extract(raw)
    assert r.cluster == "Nordhaven" and r.pct_applications == 309


def test_labels_and_their_figures_aligned_in_a_column_are_not_two_columns() -> None:
    raw = (
        "PCT applications per 1 million inhabitants over the last five years      309\n"
        "Scientific articles per 1 million inhabitants over the last five years   14,953\n"
        "Largest science and technology cluster rank among all of the clusters    32\n"
    )
    from nlq.layout.page_columns import column_order
    from nlq.layout.text import _lines

    assert column_order(raw, _lines(raw)) is None


# --- quotes from a two-column page, as it reads (the LLM path's grounding) -------------------


def test_a_quote_of_a_two_column_page_is_found_as_the_page_reads() -> None:
    from nlq.extractors.align import SourceView
    from nlq.extractors.grounding import ClusterFacts, ground

    doc = parse("x.txt", TWO_COLUMNS, "text")
    facts = ClusterFacts.model_validate(
        {"scientific_articles": {"value": 7921, "quote": "published 7,921 scientific articles"}}
    )
    found = ground(facts, SourceView.of(doc))
    assert found.problems == []
    a, b = found.spans["scientific_articles"]
    assert TWO_COLUMNS[a:b] == "7,921"


def test_a_partner_broken_after_a_hyphen_is_grounded_whole() -> None:
    from nlq.extractors.align import SourceView
    from nlq.extractors.grounding import ClusterFacts, ground

    raw = (
        "61% of Hefei's scientific articles are published in collaboration with other\n"
        "organizations, with the top collaborating locations being Beijing and Shenzhen-\n"
        "Hong Kong-\n"
        "Guangzhou.\n"
    )
    quote = raw.strip()
    item = {"share": 61, "partners": ["Beijing", "Shenzhen-Hong Kong-Guangzhou"], "quote": quote}
    found = ground(
        ClusterFacts.model_validate({"publication_collaboration": item}),
        SourceView.of(parse("x.txt", raw, "text")),
    )
    assert found.problems == []
    assert (
        found.values["publication_collaboration"]["partners"][1] == "Shenzhen-Hong Kong-Guangzhou"
    )
    a, b = found.spans["publication_collaboration.partners[1]"]
    assert raw[a:b] == "Shenzhen-\nHong Kong-\nGuangzhou"
