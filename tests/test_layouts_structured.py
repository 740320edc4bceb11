"""Layout mechanisms added for the third round of testers' layouts (spreadsheet web pages, table
footers, XML and JSON exports, markdown holding HTML, text-browser dumps): each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

from __future__ import annotations

from layout_fixtures import extract, pairs, ranked, span

BODY = (
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 in 2024. "
    "It filed 1,204 PCT applications and published 12,345 scientific articles."
)


# --- HTML tables --------------------------------------------------------------------------


def test_a_page_laid_out_as_one_spreadsheet_grid() -> None:
    raw = (
        "<html><body><table><col width=48><col width=432>"
        "<tr><td colspan=4>Nordhaven, Norway</td></tr>"
        f"<tr><td colspan=4>{BODY}</td></tr>"
        "<tr><td colspan=4>Top PCT applicants</td></tr>"
        "<tr><td></td><td></td><td>Patents</td><td>Share</td></tr>"
        "<tr><td x:num>1</td><td>NORD SUBSEA</td><td x:num>146</td>"
        '<td x:num="0.1234">12%</td></tr>'
        "<tr><td colspan=4>Top publishing organizations</td></tr>"
        "<tr><td>1</td><td>UNIVERSITY OF NORDHAVEN</td><td>5,120</td><td>41%</td></tr>"
        "</table></body></html>"
    )
    r = extract(raw, "x.html", "html")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.national_rank, r.pct_applications) == (3, 1204)
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 146, 12)]
    assert ranked(r.top_publishers) == [(1, "UNIVERSITY OF NORDHAVEN", 5120, 41)]
    assert r.evidence["top_pct_applicants[0].share"].start == raw.index("12%")
    assert r.evidence["cluster"].text == "Nordhaven"


def test_a_spreadsheet_grid_without_merged_cells() -> None:
    raw = (
        "<table><tr><td>Nordhaven, Norway</td><td></td><td></td><td></td></tr>"
        f"<tr><td>{BODY}</td><td></td><td></td><td></td></tr>"
        "<tr><td>Top PCT applicants</td><td></td><td></td><td></td></tr>"
        "<tr><td>1</td><td>NORD SUBSEA</td><td>146</td><td>12%</td></tr></table>"
    )
    r = extract(raw, "x.html", "html")
    assert (r.cluster, r.economy, r.pct_applications) == ("Nordhaven", "Norway", 1204)
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 146, 12)]


def test_a_cell_spanning_part_of_a_row_is_still_a_cell() -> None:
    raw = (
        f"<h1>Nordhaven, Norway</h1><p>{BODY}</p><h2>Top PCT applicants</h2>"
        "<table><tr><td>1</td><td>NORD SUBSEA</td><td>146</td><td>12%</td></tr>"
        "<tr><td colspan=2>2 NORD GRID</td><td>74</td><td>6%</td></tr></table>"
    )
    r = extract(raw, "x.html", "html")
    assert [e.count for e in r.top_pct_applicants] == [146, 74]


def test_table_footers_are_not_entries() -> None:
    raw = (
        f"<h1>Nordhaven, Norway</h1><p>{BODY}</p><h2>Top PCT applicants</h2>"
        "<table><thead><tr><th>Rank</th><th>Applicant</th><th>Patents</th><th>Share</th></tr>"
        "</thead><tfoot><tr><th colspan=2>Top 2 combined</th><td>220</td><td>18%</td></tr>"
        "<tr><td colspan=4>Share: percentage of the cluster's PCT applications, 2019-2023</td>"
        "</tr></tfoot><tbody>"
        "<tr><td>1</td><td>NORD SUBSEA</td><td>146</td><td>12%</td></tr>"
        "<tr><td>2</td><td>NORD GRID</td><td>74</td><td>6%</td></tr></tbody></table>"
        "<h2>Top technology fields</h2><table><thead><tr><th>Patents</th><th>Share</th></tr>"
        "</thead><tfoot><tr><th>Total</th><td>100%</td></tr></tfoot><tbody>"
        "<tr><td>Optics</td><td>60%</td></tr><tr><td>Other</td><td>40%</td></tr></tbody></table>"
    )
    r = extract(raw, "x.html", "html")
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 146, 12), (2, "NORD GRID", 74, 6)]
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert r.evidence["top_pct_applicants[1].count"].text == "74"


# --- data exports (JSON, YAML) --------------------------------------------------------------

JSON_HEAD = (
    '{"cluster": "Nordhaven", "economy": "Norway", "edition": 2024,\n'
    ' "summary": "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.",\n'
)


def test_a_pct_column_of_bare_numbers_is_a_share_column() -> None:
    raw = JSON_HEAD + (
        ' "technology_fields": {\n'
        '  "patents": [{"field": "Optics", "pct": 61}, {"field": "Other", "pct": 40}],\n'
        '  "publications": [{"field": "Chemistry", "pct": 70}, {"field": "Other", "pct": 30}]\n'
        " }}\n"
    )
    r = extract(raw, "x.json", "yaml")
    assert pairs(r.patent_fields) == [("Optics", 61), ("Other", 40)]  # titled: no 100 ± 1 test
    assert pairs(r.publication_fields) == [("Chemistry", 70), ("Other", 30)]
    assert r.evidence["patent_fields[0].share"].start == raw.index("61")


def test_bare_numbers_without_a_share_title_need_to_add_up_to_100() -> None:
    raw = JSON_HEAD + (
        ' "technology_fields": {\n'
        '  "patents": [{"field": "Optics", "filings": 61}, {"field": "Other", "filings": 40}]\n'
        " }}\n"
    )
    assert all(f.share is None for f in extract(raw, "x.json", "yaml").patent_fields)


def test_camel_case_keys_are_read_as_words() -> None:
    raw = JSON_HEAD + (
        ' "perMillionInhabitants": {"pctApplications": 1204, "scientificArticles": "12,345"},\n'
        ' "technologyFields": {"patents": [{"field": "Optics", "pct": 60},'
        ' {"field": "Other", "pct": 40}]}}\n'
    )
    r = extract(raw, "x.json", "yaml")
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert r.evidence["pct_applications"].start == raw.index("1204")


def test_a_pct_column_in_a_ranked_table_is_not_read_as_shares() -> None:
    raw = JSON_HEAD + (
        ' "top_pct_applicants": [{"rank": 1, "name": "NORD SUBSEA", "pct": 146},\n'
        '                        {"rank": 2, "name": "NORD GRID", "pct": 74}]}\n'
    )
    r = extract(raw, "x.json", "yaml")
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 146, None),
        (2, "NORD GRID", 74, None),
    ]
    raw = (
        JSON_HEAD
        + ' "patent_fields": [{"field": "Optics", "pct": 146}, {"field": "Other", "pct": 74}]}'
    )
    fields = extract(raw, "x.json", "yaml").patent_fields
    assert pairs(fields) == [("Optics", None), ("Other", None)]  # over 100: counts, not shares


def test_a_collaboration_share_whose_label_gives_the_unit() -> None:
    raw = JSON_HEAD + (
        ' "collaboration": {\n'
        '  "patents": {"share_pct": 41, "top_locations": ["Oslo", "Bergen"]},\n'
        '  "publications": {"share_pct": 67, "top_locations": ["Oslo", "Trondheim"]}\n'
        " }}\n"
    )
    r = extract(raw, "x.json", "yaml")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    patents = r.patent_collaboration
    assert (patents.share, patents.partners) == (41, ["Oslo", "Bergen"])
    assert r.publication_collaboration.share == 67  # "pct" in the label is no patent word
    assert r.evidence["publication_collaboration.share"].start == raw.index("67")


def test_a_collaboration_share_label_without_a_unit_is_not_a_percentage() -> None:
    raw = JSON_HEAD + ' "collaboration": {"patents": {"share": 0.41, "top_locations": ["Oslo"]}}}\n'
    r = extract(raw, "x.json", "yaml")
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share is None


SCRAPED = """{"url": "https://example.org/c/nordhaven", "status": 200,
 "h1": "N\\u00f8rdhaven, Norway",
 "lead": ["N\\u00f8rdhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in 2024.",
          "It filed 1,204 PCT applications and published 12,345 scientific articles."],
 "blocks": [
  {"h2": "Top PCT applicants",
   "table": {"header": ["", "", "Patents", "Share"],
             "rows": [["1", "N\\u00d8RD SUBSEA", "146", "12%"], ["2", "GRID AS", "74", "6%"]]}},
  {"h2": "Top technology fields",
   "parts": [{"h3": "Patents", "rows": [["Optics", "60%"], ["Other", "40%"]]}]},
  {"h2": null, "paragraphs": [
   "33% of N\\u00f8rdhaven\\u2019s PCT patent applications are filed in collaboration, \
with Oslo and Bergen as the top collaborative locations."]}
 ],
 "footer": "1,204 profiles indexed."}
"""


def test_a_page_a_scraper_saved_as_json_keeps_its_headings_tables_and_paragraphs() -> None:
    r = extract(SCRAPED, "x.json", "yaml")
    assert (r.cluster, r.economy, r.national_rank, r.national_cluster_count) == (
        "Nørdhaven",
        "Norway",
        3,
        9,
    )
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert ranked(r.top_pct_applicants) == [(1, "NØRD SUBSEA", 146, 12), (2, "GRID AS", 74, 6)]
    assert r.top_publishers == []
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    collab = r.patent_collaboration
    assert collab is not None
    assert (collab.share, collab.partners) == (33, ["Oslo", "Bergen"])
    assert span(r, SCRAPED, "top_pct_applicants[0].name") == "N\\u00d8RD SUBSEA"


# --- XML exports ----------------------------------------------------------------------------

XML = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- exported from the 2023 template -->
<p:profile xmlns:p="urn:x" xmlns:xsi="urn:y" xsi:schemaLocation="urn:z" edition="2024">
  <p:title>Nørdhaven, Norway</p:title>
  <summary>Nørdhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters.</summary>
  <ranking globalSize="30" global-intensity="16"/>
  <perMillion><pctApplications>1,204</pctApplications>
    <scientific_articles>12,345</scientific_articles></perMillion>
  <topPctApplicants>
    <applicant rank="1"><name>NØRD SUBSEA &amp; GRID</name><patents>146</patents>
      <share unit="%">12</share></applicant>
    <applicant rank="2"><name>NORD <![CDATA[GRID]]></name><patents>74</patents>
      <share unit="%">6</share></applicant>
  </topPctApplicants>
  <topPublishers status="not available"/>
  <technologyFields><patents>
    <field share="60%">Optics</field><field share="40%">Other</field>
  </patents></technologyFields>
  <collaboration><patents sharePercent="33">
    <location>Oslo</location><location>Bergen</location></patents></collaboration>
</p:profile>
"""


def test_an_xml_export_elements_attributes_and_records() -> None:
    r = extract(XML, "x.xml", "xml")
    assert (r.cluster, r.economy, r.edition) == ("Nørdhaven", "Norway", 2024)
    assert (r.national_rank, r.global_size_rank, r.global_intensity_rank) == (3, 30, 16)
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert ranked(r.top_pct_applicants) == [
        (1, "NØRD SUBSEA & GRID", 146, 12),
        (2, "NORD GRID", 74, 6),
    ]
    assert r.top_publishers == []
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert r.patent_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        33,
        ["Oslo", "Bergen"],
    )
    assert r.evidence["top_pct_applicants[0].name"].text == "NØRD SUBSEA &amp; GRID"
    assert r.evidence["global_size_rank"].start == XML.index('30"')
    assert r.evidence["patent_fields[0].share"].start == XML.index("60%")
    assert r.evidence["cluster"].text == "Nørdhaven"


def test_xml_lone_records_and_rows_of_cells_named_alike() -> None:
    raw = (
        '<profile edition="2024"><title>Nordhaven, Norway</title>'
        f'<summary>{BODY}</summary><rankings><ranking national="3" globalSize="30"/>'
        '</rankings><topPctApplicants><applicant rank="1" name="NORD SUBSEA" patents="146" '
        'share="12%"/></topPctApplicants><topPublishers>'
        "<row><cell>1</cell><cell>UNIVERSITY OF NORDHAVEN</cell><cell>5,120</cell>"
        "<cell>41%</cell></row><row><cell>2</cell><cell>NORD HOSPITAL</cell><cell>1,020</cell>"
        "<cell>8%</cell></row></topPublishers></profile>"
    )
    r = extract(raw, "x.xml", "xml")
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 146, 12)]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 5120, 41),
        (2, "NORD HOSPITAL", 1020, 8),
    ]
    assert r.global_size_rank == 30  # a lone block of figures stays labelled lines
    assert r.evidence["top_publishers[1].count"].start == raw.index("1,020")


def test_xml_is_sniffed_from_its_declaration_and_xhtml_stays_html() -> None:
    from nlq.layout.loader import sniff_format

    assert sniff_format("x.txt", '<?xml version="1.0"?>\n<profile/>') == "xml"
    assert sniff_format("x.xml", "<profile/>") == "xml"
    assert sniff_format("x", '<?xml version="1.0"?>\n<html xmlns="urn:x"><body/></html>') == "html"


def test_xml_that_is_not_well_formed_or_declares_entities_is_read_as_a_page() -> None:
    from nlq.layout.xml_tree import xml_blocks

    assert xml_blocks("<profile><title>Nordhaven, Norway</profile>") is None
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    assert xml_blocks(bomb) is None
    r = extract(f"<profile><h1>Nordhaven, Norway</h1><p>{BODY}</p>", "x.xml", "xml")
    assert (r.cluster, r.pct_applications) == ("Nordhaven", 1204)


def test_labelled_global_ranks_are_whole_numbers_alone() -> None:
    base = "Nordhaven, Norway\n\n" + BODY + "\n\n"
    assert extract(base + "global size: 30\n\nglobal intensity: 16\n").global_size_rank == 30
    r = extract(base + "global size: 30.5 km\n\nglobal intensity: 16%\n")
    assert (r.global_size_rank, r.global_intensity_rank) == (None, None)


# --- markdown holding HTML ------------------------------------------------------------------

MD_HTML = (
    '<div align="center">\n\n# Nordhaven, Norway\n\n'
    "<sub>Global Innovation Index 2024 &middot; S&amp;T cluster profile</sub>\n\n</div>\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It filed 1,204 PCT "
    "applications and published **12,345 scientific articles**<sup>1</sup>, both per 1 million "
    "inhabitants.\n\n"
    "<ul>\n  <li>30th largest science and technology cluster</li>\n</ul>\n\n"
    "## Top PCT applicants\n\n<table>\n"
    "  <tr><th>Rank</th><th>Applicant</th><th>Patents</th><th>Share</th></tr>\n"
    "  <tr><td>1</td><td>NORD SUBSEA &amp; GRID</td><td>146</td><td>12%</td></tr>\n"
    "</table>\n\n## Top publishing organizations\n\n"
    "| Rank | Organization | Articles | Share |\n|---|---|---|---|\n"
    "| 1 | UNIVERSITY OF<br>NORDHAVEN | 5,120 | 41% |\n\n"
    "<details open>\n<summary><b>Top technology fields</b></summary>\n\n**Patents**\n\n"
    "- Optics &mdash; 60%\n- Other &mdash; 40%\n\n</details>\n\n"
    "<blockquote>\n<p>33% of Nordhaven's PCT patent applications are filed in collaboration, "
    "with <b>Oslo</b> and <b>Bergen</b> emerging as the top collaborative locations.</p>\n"
    "</blockquote>\n\n<sup>1</sup> Figures for the 2023 edition: 2,877 articles.\n"
)


def test_markdown_with_html_blocks_and_inline_html() -> None:
    r = extract(MD_HTML, "x.md", "markdown")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.scientific_articles, r.global_size_rank) == (12345, 30)  # <sup>1</sup> dropped
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA & GRID", 146, 12)]
    assert ranked(r.top_publishers) == [(1, "UNIVERSITY OF NORDHAVEN", 5120, 41)]
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert r.evidence["top_publishers[0].name"].text == "UNIVERSITY OF<br>NORDHAVEN"
    assert r.evidence["top_pct_applicants[0].name"].text == "NORD SUBSEA &amp; GRID"
    assert r.evidence["patent_collaboration.partners[1]"].text == "Bergen"


def test_an_ordinal_suffix_in_a_superscript_stays_with_its_number_a_footnote_goes() -> None:
    raw = (
        "# Nordhaven, Norway\n\nNordhaven filed 1,204<sup>2</sup> PCT applications.\n\n"
        "- 96<sup>th</sup> largest science and technology cluster in 2024\n"
        "- 31<sup>st</sup> S&T cluster by intensity in 2024\n"
    )
    r = extract(raw, "x.md", "markdown")
    assert (r.global_size_rank, r.global_intensity_rank, r.pct_applications) == (96, 31, 1204)
    assert r.evidence["global_size_rank"].text.startswith("96")


def test_semicolons_that_end_character_references_do_not_make_rows() -> None:
    raw = "Nordhaven, Norway\n\n" + BODY + "\n\nTop technology fields\n\nPatents\n\n"
    raw += "- Optics &mdash; 60%\n- Other &mdash; 40%\n"
    r = extract(raw, "x.md", "markdown")
    assert pairs(r.patent_fields) == [("Optics", 60), ("Other", 40)]
    assert r.evidence["patent_fields[0].field"].text == "Optics"


def test_angle_brackets_that_are_not_inline_tags_are_kept() -> None:
    from nlq.layout.document import MappedText
    from nlq.layout.inline import clean_inline

    t = "Desk <desk@example.org>, <Rank> and a<b>b</b> x<br/>y"
    assert clean_inline(MappedText.verbatim(t, 0, len(t))).text == (
        "Desk <desk@example.org>, <Rank> and ab x y"
    )


# --- text-browser dumps ---------------------------------------------------------------------

LYNX = (
    "   [1]Skip to main content [2]Clusters\n\n                  Nordhaven, Norway\n\n"
    f"   Global Innovation Index 2024\n\n   {BODY}\n\nTop PCT applicants\n\n"
    "   Rank Applicant                      Patents Share\n"
    "   1    [3]NORD SUBSEA                 146     12%\n"
    "   2    [4]NORD GRID                   74      6%\n\n"
    "   [5]Download PDF (2023 edition)\n\nReferences\n\n"
    "   1. file:///home/x/nordhaven.html#main\n   2. https://example.org/clusters/2023/\n"
    "   3. https://example.org/org/nord-subsea\n   4. https://example.org/org/grid\n"
    "   5. https://example.org/pdf/2023.pdf\n"
)


def test_text_browser_link_markers_and_reference_list_are_not_text() -> None:
    r = extract(LYNX)
    assert ranked(r.top_pct_applicants) == [
        (1, "NORD SUBSEA", 146, 12),
        (2, "NORD GRID", 74, 6),
    ]
    assert r.evidence["top_pct_applicants[0].name"].start == LYNX.index("NORD SUBSEA")
    assert r.edition == 2024


def test_bracketed_numbers_without_a_reference_list_are_kept() -> None:
    from nlq.layout.linkrefs import link_marker_edits

    assert link_marker_edits("See [1]Smith and [2]Jones.\n\nhttps://example.org/\n") == []
    unlisted = LYNX.replace("   5. https://example.org/pdf/2023.pdf\n", "")
    assert link_marker_edits(unlisted) == []  # [5] has no target: not a link dump
