"""Layout mechanisms added for the testers' round AF/AG layouts of developer ag1: each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import ev, extract, pairs, ranked

_CARD = (
    "# 🇵🇹 Vila Nova — card\n\n"
    "⏱️ Updated: 12 Jan 2026 · 👀 Views: 1,204\n\n"
    "- 📍 **Cluster:** Vila Nova\n"
    "- 🌍 **Economy:** Portugal\n"
    "- 📏 **Size:** 94th largest science and technology cluster in 2024\n\n"
    "## 🧪 Top PCT applicants\n"
    "- 🥇 1 · UNIVERSIDADE NOVA: 58 patents (14%)\n"
    "- 🥈 2 · CORTIÇAS, S.A.: 37 patents (9%)\n\n"
    "## 🛠️ Top technology fields — patents\n"
    "- ⚙️ Materials, metallurgy: 54%\n"
    "- ➕ Other: 46%\n\n"
    "👍 12 · 🔁 3\n"
)


def test_emoji_before_keys_ranks_and_fields_are_not_part_of_them() -> None:
    r = extract(_CARD, "x.md", "markdown")
    assert (r.cluster, r.economy, r.global_size_rank) == ("Vila Nova", "Portugal", 94)
    assert ev(r, "cluster") == "Vila Nova"
    assert ranked(r.top_pct_applicants) == [
        (1, "UNIVERSIDADE NOVA", 58, 14),
        (2, "CORTIÇAS, S.A.", 37, 9),
    ]
    assert ev(r, "top_pct_applicants[1].rank") == "2"
    assert ev(r, "top_pct_applicants[1].name") == "CORTIÇAS, S.A."
    assert pairs(r.patent_fields) == [("Materials, metallurgy", 54), ("Other", 46)]
    assert ev(r, "patent_fields[0].field") == "Materials, metallurgy"


def test_emoji_edits_only_lead_marks_and_a_bulleted_middle_dot_rank() -> None:
    from nlq.layout.emoji_marks import emoji_mark_edits

    assert emoji_mark_edits("- 1 · NAME: 3 patents\nplain text 12 · 3\n") == []
    text = "👍 12 · 🔁 3\n- 🥇 1 · NAME: 3\n"
    edits = emoji_mark_edits(text)
    assert [text[e.start : e.end] for e in edits] == ["👍 ", "🥇 ", " · "]
    assert [e.text for e in edits] == ["", "", ". "]


_YAML = """\
defaults: &d
  basis: per 1 million inhabitants
profile:
  title: "Hefei, China"
  figures:
    <<: *d
    pct_applications: 692
  top_publishers:
    - {rank: 1, name: &u "UNIV. OF SCIENCE & TECH.", articles: 10938, share_pct: 25}
    - {rank: 2, name: *u, articles: 5986, share_pct: 14}
  patent_fields:
    Semiconductors: 35
    Computer tech.: 40
    Other: 25
  collaboration:
    patents:
      share_pct: 3
      partners: [&bj Beijing, &sh Shanghai-Suzhou]
    publications:
      share_pct: 61
      partners: [*sh, *bj]
"""


def test_yaml_anchors_aliases_merge_keys_and_bare_shares() -> None:
    r = extract(_YAML, "x.yaml", "yaml")
    assert (r.cluster, r.pct_applications) == ("Hefei", 692)
    assert ranked(r.top_publishers) == [
        (1, "UNIV. OF SCIENCE & TECH.", 10938, 25),
        (2, "UNIV. OF SCIENCE & TECH.", 5986, 14),
    ]
    # the anchor is no part of the name; an alias quotes the anchored value
    assert ev(r, "top_publishers[0].name") == "UNIV. OF SCIENCE & TECH."
    assert ev(r, "top_publishers[1].name") == "UNIV. OF SCIENCE & TECH."
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Computer tech.", 40), ("Other", 25)]
    assert ev(r, "patent_fields[1].share") == "40"
    assert r.publication_collaboration.partners == ["Shanghai-Suzhou", "Beijing"]
    assert ev(r, "publication_collaboration.partners[1]") == "Beijing"


def test_bare_numbers_that_do_not_add_up_to_100_are_not_shares() -> None:
    from nlq.layout.document import MappedText
    from nlq.layout.yaml_tree import _bare_shares

    def rows(*kv):
        return [(MappedText(k, []), MappedText(v, [])) for k, v in kv]

    assert _bare_shares(rows(("a", "35"), ("b", "40"), ("c", "25")))
    assert not _bare_shares(rows(("a", "692"), ("b", "7921"), ("c", "12")))
    assert not _bare_shares(rows(("a", "35"), ("b", "65")))
    assert not _bare_shares(rows(("1", "35"), ("2", "40"), ("3", "25")))


_NOTE = (
    "Changsha, China\n\n"
    "Changsha is the tenth-ranked cluster, out of 26 Chinese clusters, in 2024.\n\n"
    "1) Leading PCT applicants (patents, share of the cluster's applications)\n"
    "   a) CENTRAL SOUTH UNIVERSITY ........................... 146 patents, 12%\n"
    "   b) CHANGSHA UNIVERSITY OF SCIENCE AND TECH. ............ 74 patents, 6%\n\n"
    "2) Leading publishing organizations (articles, share of the cluster's articles)\n"
    "   a) HUNAN UNIVERSITY .................................. 9,957 articles, 16%\n"
    "   b) NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY - CHINA . 7,290 articles, 12%\n"
)


def test_lettered_items_under_numbered_sections_are_ranked_by_their_letters() -> None:
    r = extract(_NOTE)
    assert r.national_rank == 10
    assert ranked(r.top_pct_applicants) == [
        (1, "CENTRAL SOUTH UNIVERSITY", 146, 12),
        (2, "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", 74, 6),
    ]
    assert ev(r, "top_pct_applicants[1].rank") == "b"
    assert ev(r, "top_pct_applicants[1].name") == "CHANGSHA UNIVERSITY OF SCIENCE AND TECH."
    # a leader cut to one dot by a long name is no part of it
    assert ranked(r.top_publishers)[1] == (
        2,
        "NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY - CHINA",
        7290,
        12,
    )
    assert ev(r, "top_publishers[1].count") == "7,290"


def test_letters_out_of_order_or_alone_are_left_alone() -> None:
    from nlq.layout.letter_items import letter_item_edits

    assert letter_item_edits("   a) one\n   c) two\n") == []
    assert letter_item_edits("b) alone\n") == []
    text = "1) Heading\n   a) one\n   b) two\n"
    edits = letter_item_edits(text)
    assert [(text[e.start : e.end], e.text) for e in edits] == [
        ("a", "1"),
        (")", "."),
        ("b", "2"),
        (")", "."),
        ("1) ", ""),
    ]


def test_a_lone_dot_before_a_figure_is_a_leader_only_next_to_leaders() -> None:
    from nlq.layout.leaders import leader_edits

    assert leader_edits("Size . 7 of them\nnothing here\n") == []
    text = "A ........ 9 x\nB . 7 x\n"
    cut = [e for e in leader_edits(text) if text[e.start : e.end] == "."]
    assert len(cut) == 1 and cut[0].start == text.index(" . ") + 1


def test_the_llm_path_grounds_a_rank_on_the_item_letter_that_starts_its_quote() -> None:
    from nlq.extractors.align import SourceView
    from nlq.extractors.grounding import ClusterFacts, ground
    from nlq.layout import parse

    doc = parse("x.txt", _NOTE, "text")
    row = {"name": "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", "count": 74, "share": 6}
    quote = "b) CHANGSHA UNIVERSITY OF SCIENCE AND TECH. ............ 74 patents, 6%"
    good = ClusterFacts.model_validate({"top_pct_applicants": [{**row, "rank": 2, "quote": quote}]})
    out = ground(good, SourceView.of(doc))
    assert out.problems == []
    a, b = out.spans["top_pct_applicants[0].rank"]
    assert _NOTE[a:b] == "b"
    wrong = ClusterFacts.model_validate(
        {"top_pct_applicants": [{**row, "rank": 3, "quote": quote}]}
    )
    assert ground(wrong, SourceView.of(doc)).problems
