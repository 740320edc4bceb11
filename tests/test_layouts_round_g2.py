"""Layouts of tester round G (second half): a presentation outline, a notebook exported to
markdown, two-column PDF text and a reply quoting a forwarded mail. Each test is a small inline
input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import parse
from nlq.layout.document import BlockKind
from nlq.schema import ClusterProfile


def extract(raw: str, name: str = "x.txt", fmt: str = "text") -> ClusterProfile:
    record = RulesExtractor().extract(parse(name, raw, fmt)).record
    assert check_evidence(record, raw) == []
    return record


def ev(record: ClusterProfile, path: str) -> str:
    return record.evidence[path].text


def blocks(raw: str, fmt: str = "text"):
    out = []
    for b in parse("x", raw, fmt).blocks:
        if b.kind is BlockKind.TABLE:
            out.append(("table", [[c.text for c in r] for r in b.rows]))
        else:
            out.append((b.kind.value, b.text.text))
    return out


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
