"""Layouts of tester round M: an RTF file, an outline that is not YAML, a screen-reader
transcript. Each test is a small inline input for one mechanism, checking the values and their
exact evidence."""

from __future__ import annotations

from layout_fixtures import ev, extract

# --- RTF: the text a word processor shows, every character mapped to the file ---------------

RTF = (
    "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
    "{\\info{\\title Ranked 41st in 2023}{\\creatim\\yr2025}}{\\*\\generator Riched20}\n"
    "\\pard\\b\\fs28 Nordhaven, Norway\\b0\\par\n"
    "\\pard Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 "
    "in 2025. It filed {\\b 1,204 PCT applications} and published 12,345 scientific "
    "articles.\\par\n"
    "\\b Top PCT applicants\\b0\\par\n"
    "\\trowd\\trleft-108\\cellx600\\cellx6000\n"
    "\\pard\\intbl\\cell\\cell Patents\\cell Share\\cell\\row\n"
    "\\trowd\\cellx600\\cellx6000\n"
    "\\pard\\intbl 1\\cell NORD\\'c6 AS\\cell 146\\cell 12%\\cell\\row\n"
    "\\pard\\par\n"
    "41% of Nordhaven\\rquote s PCT patent applications are filed in collaboration with other "
    "inventors, with {\\b Oslo, Bergen} and {\\b Lima} emerging as the top collaborative "
    "locations.\\par\n}"
)


def test_rtf_is_read_as_the_text_it_shows() -> None:
    r = extract(RTF, name="x.rtf")
    assert r.cluster == "Nordhaven" and r.edition == 2025  # not the {\info} decoys
    assert r.national_rank == 3 and ev(r, "national_rank") == "3rd"
    assert r.pct_applications == 1204 and ev(r, "pct_applications") == "1,204"
    a = r.top_pct_applicants[0]
    assert (a.rank, a.name, a.count, a.share) == (1, "NORDÆ AS", 146, 12)
    assert ev(r, "top_pct_applicants[0].name") == "NORD\\'c6 AS"
    c = r.patent_collaboration
    assert c.share == 41 and c.partners == ["Oslo", "Bergen", "Lima"]


# --- an outline that is almost YAML: keys with values and children, numbered records --------

OUTLINE = (
    "# notes pasted from the 2023 page: 1,874 -- not a config file\n"
    "profile: Global Innovation Index 2025\n"
    "  page title: Nordhaven, Norway\n"
    "  overview:\n"
    "    text: Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in\n"
    "          the top 100.\n"
    "    filed: 1,204 PCT applications   # per 1 million inhabitants\n"
    "  Top PCT applicants:\n"
    "    1:\n"
    "      name: NORD AS, LTD   # sic\n"
    "      patents: 146\n"
    "      share: 12%\n"
    "    2:\n"
    "      name: HAVEN ASA\n"
    "      patents: 74\n"
    "      share: 6%\n"
    "  Top technology fields:\n"
    "    Patents:\n"
    "      - Computer tech.: 60%\n"
    "      - Other: 40%\n"
)


def test_an_almost_yaml_outline_is_read_through_the_yaml_reader() -> None:
    r = extract(OUTLINE)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "cluster") == "Nordhaven"
    assert r.edition == 2025 and r.national_rank == 3
    assert r.pct_applications == 1204 and ev(r, "pct_applications") == "1,204"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS, LTD", 146, 12), (2, "HAVEN ASA", 74, 6)]
    assert ev(r, "top_pct_applicants[0].name") == "NORD AS, LTD"
    assert [(f.field, f.share) for f in r.patent_fields] == [("Computer tech.", 60), ("Other", 40)]
    assert ev(r, "patent_fields[0].share") == "60"


def test_a_title_key_names_the_cluster_only_when_written_as_a_title() -> None:
    r = extract(OPENING_TITLE_KEY)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")
    assert ev(r, "economy") == "Norway"


OPENING_TITLE_KEY = (
    "title: Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100.\n"
)


# --- a screen reader's transcript: roles spoken before each element ---------------------------

SPOKEN = (
    "main landmark\n"
    "link, GII 2023\n"
    "heading level 1, Nordhaven, Norway\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It filed\n"
    "bold, 1,204 PCT applications\n"
    ", both per 1 million inhabitants.\n"
    "heading level 3, Top PCT applicants\n"
    "table, 4 columns, 3 rows\n"
    "row 1, column 1, blank, column 2, blank, column 3, Patents, column 4, Share\n"
    "row 2, column 1, 1, column 2, NORD, A.S., column 3, 17, column 4, 31%\n"
    "row 3, column 1, 2, column 2, HAVEN ASA, column 3, 9, column 4, 17%\n"
    "table end\n"
    "heading level 3, Top technology fields\n"
    "heading level 4, Patents\n"
    "list, 2 items\n"
    "bullet, Engines, pumps, turbines (60%)\n"
    "bullet, Other (40%)\n"
    "list end\n"
    "41% of Nordhaven's PCT patent applications are filed in collaboration with other "
    "inventors, with\n"
    "bold, Oslo\n"
    ",\n"
    "bold, Bergen\n"
    "and\n"
    "bold, Lima\n"
    "emerging as the top collaborative locations.\n"
    "content info landmark\n"
    "© 2025 WIPO. Page updated 14 March 2025\n"
)


def test_a_screen_reader_transcript_is_read_as_the_page() -> None:
    r = extract(SPOKEN)
    assert (r.cluster, r.economy, r.national_rank) == ("Nordhaven", "Norway", 3)
    assert r.pct_applications == 1204 and ev(r, "pct_applications") == "1,204"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD, A.S.", 17, 31), (2, "HAVEN ASA", 9, 17)]
    assert ev(r, "top_pct_applicants[0].name") == "NORD, A.S."
    assert ev(r, "top_pct_applicants[0].count") == "17"
    fields = [(f.field, f.share) for f in r.patent_fields]
    assert fields == [("Engines, pumps, turbines", 60), ("Other", 40)]
    c = r.patent_collaboration
    assert c.share == 41 and c.partners == ["Oslo", "Bergen", "Lima"]
    assert ev(r, "patent_collaboration.partners[1]") == "Bergen"


# --- Confluence wiki markup: hN. headings, macros, || header cells, *bold* ---------------------

CONFLUENCE = (
    "Labels: gii-2023-archive, norway\n"
    "{toc:maxLevel=3}\n\n"
    "h1. Global Innovation Index 2025\n\n"
    "h2. Nordhaven, Norway\n\n"
    "{panel:title=Overview|bgColor=#F4F5F7}\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It filed "
    "*1,204 PCT applications*, making it the:\n"
    "* 32nd largest science and technology cluster in 2025\n"
    "{panel}\n\n"
    "h3. Top PCT applicants\n"
    "||#|| ||Patents||Share||\n"
    "|1|NORD AS - NORWAY|146|12%|\n"
    "|2|HAVEN ASA|74|6%|\n\n"
    "h3. Collaboration\n"
    "41% of Nordhaven's PCT patent applications are filed in collaboration with other "
    "inventors, with *Oslo, Bergen* and *Lima* emerging as the top collaborative locations.\n"
)


def test_confluence_markup_is_read_as_its_text() -> None:
    r = extract(CONFLUENCE)
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert r.global_size_rank == 32 and ev(r, "global_size_rank") == "32nd"
    assert r.pct_applications == 1204 and ev(r, "pct_applications") == "1,204"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS - NORWAY", 146, 12), (2, "HAVEN ASA", 74, 6)]
    assert ev(r, "top_pct_applicants[0].name") == "NORD AS - NORWAY"
    c = r.patent_collaboration
    assert c.share == 41 and c.partners == ["Oslo", "Bergen", "Lima"]
    assert ev(r, "patent_collaboration.partners[1]") == "Bergen"


# --- a bilingual page: the English column kept, its translation beside it dropped ------------

BILINGUAL = (
    "FRANÇAIS                                          ENGLISH\n\n"
    "Nordhaven, Norvège                                Nordhaven, Norway\n\n"
    "Nordhaven est le 3e pôle, sur 9 pôles             Nordhaven is the 3rd-ranked cluster, out\n"
    "norvégiens, parmi les 100 premiers. Il a          of 9 Norwegian clusters, in the top 100.\n"
    "déposé 1 204 demandes PCT.                        It filed 1,204 PCT applications.\n\n"
    "Principaux déposants PCT                          Top PCT applicants\n"
    "1  NORD AS         146   12 %                     1  NORD AS         146   12%\n"
    "2  HAVEN ASA        74    6 %                     2  HAVEN ASA        74    6%\n"
)


def test_a_bilingual_page_is_read_in_its_english_column() -> None:
    r = extract(BILINGUAL)
    assert (r.cluster, r.economy, r.national_rank) == ("Nordhaven", "Norway", 3)
    assert r.national_cluster_count == 9
    assert r.pct_applications == 1204 and ev(r, "pct_applications") == "1,204"
    got = [(a.rank, a.name, a.count, a.share) for a in r.top_pct_applicants]
    assert got == [(1, "NORD AS", 146, 12), (2, "HAVEN ASA", 74, 6)]
    assert r.evidence["top_pct_applicants[0].share"].start > BILINGUAL.index("12 %")


def test_a_quote_wrapped_in_the_english_column_is_found_for_the_llm_path() -> None:
    from nlq.extractors.align import SourceView
    from nlq.layout import parse

    view = SourceView.of(parse("x.txt", BILINGUAL, "text"))
    hit = view.find_quote("cluster, out of 9 Norwegian clusters", set())
    assert hit is not None
    a, b = view.raw_span(*hit)
    assert BILINGUAL[a : a + 12] == "cluster, out" and BILINGUAL[b - 8 : b] == "clusters"


def test_rtf_unicode_escapes_skip_their_fallback_and_escaped_braces_are_text() -> None:
    from nlq.layout.rewrite import rewrite
    from nlq.layout.rtf import rtf_edits

    raw = "{\\rtf1\\uc1 Z\\u252?rich \\{x\\} \\'e9t\\'e9\\line end}"
    shown = rewrite(raw, [rtf_edits])
    assert shown is not None and shown.text == "Zürich {x} été\nend"
    i = shown.text.index("ü")
    assert raw[slice(*shown.raw_span(i, i + 1))] == "\\u252?"
