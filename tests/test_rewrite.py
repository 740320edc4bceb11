"""Rewriting a source before it is read (quote marks, ligatures, box drawing, page furniture):
what is read changes, and every evidence span still points at the characters in the file."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from layout_fixtures import OPENING, extract

from nlq.errors import ExtractionError
from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse
from nlq.layout.document import BlockKind, MappedText
from nlq.layout.furniture import furniture_edits
from nlq.layout.rewrite import Edit, apply, remap


def texts(raw: str, fmt: str = "text") -> list:
    out = []
    for b in parse("x", raw, fmt).blocks:
        if b.kind is BlockKind.TABLE:
            out.append([[c.text for c in r] for r in b.rows])
        else:
            out.append(b.text.text)
    return out


def test_edits_map_every_kept_character_back_and_replacements_as_a_whole() -> None:
    raw = "> a\ufb01b\n> cd"
    base = apply(raw, [Edit(0, 2, ""), Edit(3, 4, "fi"), Edit(6, 8, "")])
    assert base.text == "afib\ncd"
    assert base.raw_span(1, 3) == (3, 4)  # "fi" is the ligature
    assert base.raw_span(0, 4) == (2, 5)
    # A text read from the rewritten source maps through it onto the raw source.
    inner = MappedText.verbatim(base.text, 5, 7)
    assert remap(inner, base).raw_span(0, 2) == (8, 10)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4), st.text(max_size=3))))
def test_any_edits_keep_spans_inside_the_source(spec) -> None:
    raw = "0123456789abcdefghijklmnopqrstuvwxyz"
    edits = [Edit(a, min(a + n, len(raw)), t) for a, n, t in spec]
    base = apply(raw, edits)
    for i in range(len(base.text)):
        s, e = base.raw_span(i, i + 1)
        assert 0 <= s <= e <= len(raw)


def test_quote_marks_of_a_forwarded_mail_are_not_part_of_the_profile() -> None:
    raw = (
        "From: Li <li@example.org>\n\nsee below\n\n"
        + "".join(f"> {line}\n" if line else ">\n" for line in OPENING.splitlines())
        + ">\n> Top PCT applicants\n>\n> No. 1 - NORD SUBSEA (146 patents; 12 %)\n\nThanks,\nLi\n"
    )
    r = extract(raw)
    assert (r.cluster, r.economy, r.pct_applications) == ("Nordhaven", "Norway", 1204)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD SUBSEA", 146, 12)
    ]
    assert r.evidence["cluster"].text == "Nordhaven"


def test_ligatures_are_read_as_their_letters_and_cited_as_written() -> None:
    raw = OPENING.replace("scientific", "scienti\ufb01c") + (
        "Top technology \ufb01elds\n\nPatents\n\nSemiconductors (60%)\nOptics (40%)\n"
    )
    r = extract(raw)
    assert r.scientific_articles == 12345
    assert [(f.field, f.share) for f in r.patent_fields] == [("Semiconductors", 60), ("Optics", 40)]


def test_running_headers_and_slide_numbers_are_not_rows() -> None:
    raw = (
        "Slide 1\n"
        + OPENING
        + "GII 2025 · Science and technology cluster profiles 57\n"
        + "Top publishing organizations\n"
        + "1 UNIVERSITY OF NORDHAVEN 2,210 38%\n"
        + "GII 2025 · Science and technology cluster profiles 58\n"
        + "2 NORDHAVEN HOSPITAL 1,047 18%\n"
        + "Draft – not for circulation | 3\n\nSlide 2\nDraft – not for circulation | 4\n"
    )
    r = extract(raw)
    assert [(e.rank, e.name, e.count) for e in r.top_publishers] == [
        (1, "UNIVERSITY OF NORDHAVEN", 2210),
        (2, "NORDHAVEN HOSPITAL", 1047),
    ]


def test_repeated_names_with_numbers_are_not_furniture() -> None:
    # A field in both breakdowns, a ranked row twice, a count that rises: all kept.
    raw = "Other 40\nOther 41\n1 UNIVERSITY OF X 114\n3 UNIVERSITY OF X 116\nPatents: 3\nPatents: 4"
    assert furniture_edits(raw) == []
    assert furniture_edits("Page 3 of 12\nFoo\nPage 4 of 12\n")


def test_box_drawing_tables_are_read_as_tables() -> None:
    raw = (
        "                          Top PCT applicants\n"
        "┏━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━┓\n"
        "┃ Rank ┃ Applicant     ┃ Patents ┃ Share ┃\n"
        "┡━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━┩\n"
        "│    1 │ NORD SUBSEA   │   1,062 │   18% │\n"
        "│    2 │ BEN-ARI, KATZ │     354 │    6% │\n"
        "│      │ & CO.         │         │       │\n"
        "└──────┴───────────────┴─────────┴───────┘\n"
    )
    r = extract(OPENING + raw)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD SUBSEA", 1062, 18),
        (2, "BEN-ARI, KATZ & CO.", 354, 6),
    ]
    assert r.evidence["top_pct_applicants[1].name"].text.startswith("BEN-ARI, KATZ")


LATEX = r"""% Template last used for the 2023 edition (Wuhan, China)
\documentclass[11pt]{article}
\usepackage{booktabs,siunitx,multicol}
\newcommand{\gii}{Global Innovation Index}
\title{Nordhaven, Norway}
\date{\gii{} 2024}
\begin{document}
\maketitle
\section*{Overview}
Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 S\&T
clusters. It filed \textbf{309 PCT applications} and published \textbf{14{,}953 scientific
articles}, both per 1~million inhabitants.
\section*{Top PCT applicants}
\begin{tabular}{r l r r}
\toprule
Rank & Applicant & Patents & Share \\
\midrule
1 & NORD SUBSEA \& SONS & 146 & 12\% \\
2 & ILSBY YARD          &  74 &  6\% \\
\bottomrule
\end{tabular}
\section*{Collaboration}
6\% of Nordhaven's PCT patent applications are filed in collaboration with other
inventors, with \textbf{Oslo, Bergen} and \textbf{Tromsø} emerging as the top collaborative
locations.
\end{document}
"""


def test_latex_is_read_as_the_text_it_typesets() -> None:
    r = extract(LATEX, "x.tex")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.pct_applications, r.scientific_articles) == (309, 14953)
    assert r.evidence["scientific_articles"].text == "14{,}953"
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD SUBSEA & SONS", 146, 12),
        (2, "ILSBY YARD", 74, 6),
    ]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Tromsø"]


_PIECES = st.sampled_from(
    [
        "\\textbf{", "}", "{", "&", "\\\\", "%", "\\%", "{,}", "~", "\\item ", "\\section*{",
        "\\begin{tabular}{rl}", "\\end{tabular}", "|", "│", "┏━┓", "> ", "\ufb01", "|===",
        "\n", "\n\n", "Slide 3", "Page 2 of 9", " ", "12", "2,069", "54%", "Hefei, China",
        "Top PCT applicants", "CENTRAL SOUTH UNIVERSITY", "filed 309 PCT applications",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=40), st.sampled_from(["", "\\documentclass{article}\n"]))
def test_any_mix_of_markup_reads_or_fails_cleanly_with_exact_spans(pieces, head) -> None:
    raw = head + "".join(pieces)
    try:
        record = RulesExtractor().extract(parse("x.txt", raw, "text")).record
    except ExtractionError:
        return
    assert check_evidence(record, raw) == []


WIKI = """{{Short description|Science and technology cluster in Norway}}
{{Infobox S&T cluster
| name                 = Nordhaven
| economy              = [[Norway]]
| edition              = [[Global Innovation Index]] 2025
| size_rank            = 97
| pct_per_million      = 3
| articles_per_million = 1,204
}}
'''Nordhaven''' is a science and technology (S&T) cluster in [[Norway]].<ref>WIPO.</ref>

== Top PCT applicants ==
{| class="wikitable sortable"
! Rank !! Applicant !! Patents !! Share
|-
| 1 || [[University of Nordhaven|UNIVERSITY OF NORDHAVEN]] || 9 || 36%
|-
| 2 || NORD DAIRY CO-OPERATIVE & SONS || 5 || 20%
|}

[[Category:Norway]]
"""


def test_mediawiki_source_is_read_as_its_text() -> None:
    r = extract(WIKI, "x.wiki")
    assert (r.cluster, r.economy, r.edition, r.global_size_rank) == (
        "Nordhaven",
        "Norway",
        2025,
        97,
    )
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "UNIVERSITY OF NORDHAVEN", 9, 36),
        (2, "NORD DAIRY CO-OPERATIVE & SONS", 5, 20),
    ]
    # "pct per million: 3" and "articles per million: 1,204" are two lines, never "3 articles".
    assert r.scientific_articles == 1204


YAML = """# exported from the dashboard -- previous export: edition 2024
---
profile:
  edition: 2025
  cluster: Nordhaven
  economy: Norway
  summary: >-
    Nordhaven is the third-ranked cluster, out of 5 Norwegian clusters,
    that falls within the top 100 S&T clusters in 2025.
  ranks:
    global_by_size: 78
    global_by_intensity: 85
  per_million_inhabitants_last_5y:
    pct_applications: 41
    scientific_articles: "2,873"
top_pct_applicants:
  - rank: 1
    name: "NORD SUBSEA, AS"
    patents: 212
    share: 18%
  - {rank: 2, name: ILSBY YARD, patents: 95, share: 8%}
technology_fields:
  patents:
    Transport: 60%
    "Electrical machinery, apparatus, energy": 40%
collaboration:
  patents:
    share: 14%
    top_locations: [Oslo, Bergen, Munich]
  publications: ~   # not reported
"""


def test_a_yaml_export_is_read_through_its_node_tree() -> None:
    r = extract(YAML, "x.yaml", "yaml")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2025)
    assert (r.national_rank, r.national_cluster_count) == (3, 5)
    assert (r.global_size_rank, r.global_intensity_rank) == (78, 85)
    assert (r.pct_applications, r.scientific_articles) == (41, 2873)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "NORD SUBSEA, AS", 212, 18),
        (2, "ILSBY YARD", 95, 8),
    ]
    assert [(f.field, f.share) for f in r.patent_fields] == [
        ("Transport", 60),
        ("Electrical machinery, apparatus, energy", 40),
    ]
    assert r.patent_collaboration is not None
    assert r.patent_collaboration.share == 14
    assert r.patent_collaboration.partners == ["Oslo", "Bergen", "Munich"]
    assert r.publication_collaboration is None
    assert r.evidence["top_pct_applicants[0].name"].text == "NORD SUBSEA, AS"


def test_a_yaml_file_that_does_not_parse_is_read_as_text() -> None:
    r = extract(OPENING + "Notes: [unclosed\n", "x.yaml", "yaml")
    assert (r.cluster, r.national_rank) == ("Nordhaven", 3)


def test_a_line_ending_in_a_superscript_digit_is_not_a_page_number() -> None:
    assert furniture_edits("Note A¹\nNote B²\n") == []


def test_a_json_export_with_escapes_is_read_as_yaml() -> None:
    raw = (
        '{"profile": {"edition": 2024, "cluster": "Z\\u00fcrichsee", "economy": "Switzerland",'
        ' "summary": "Z\\u00fcrichsee is the 2nd-ranked cluster, out of 4 Swiss clusters."},'
        ' "top_pct_applicants": [{"rank": 1, "name": "H\\u00d6FE AG", "patents": 2876,'
        ' "share": "24.5%"}]}'
    )
    r = extract(raw, "x.json", "yaml")
    assert (r.cluster, r.economy, r.national_rank) == ("Zürichsee", "Switzerland", 2)
    assert [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants] == [
        (1, "HÖFE AG", 2876, 24.5)
    ]
    assert r.evidence["cluster"].text == "Z\\u00fcrichsee"
