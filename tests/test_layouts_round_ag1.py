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
