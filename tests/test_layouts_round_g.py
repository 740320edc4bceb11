"""Layout mechanisms added for the testers' round G layouts (a long-form TSV export with the
section in its first column, markdown definition lists, a German profile): each test is a small
inline input for one mechanism, checking the values, their exact evidence, and that no figure
lands in the wrong field."""

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


def ranked(entries) -> list[tuple]:
    return [(e.rank, e.name, e.count, e.share) for e in entries]


def span(record: ClusterProfile, raw: str, path: str) -> str:
    ev = record.evidence[path]
    return raw[ev.start : ev.end]


LONG_TSV = (
    "Section\tLabel\tValue\n"
    "Profile\tCluster\tNordhaven, Norway\n"
    "Profile\tSummary\tNordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters. It "
    "filed 1204 PCT applications.\n"
    "\n"
    "Section\tRank\tApplicant\tPatents\tShare\n"
    "Top PCT applicants\t1\tNORD SUBSEA\t146\t12%\n"
    "Top PCT applicants\t2\tILSBY YARD\t74\t6%\n"
    "Top publishing organizations\t1\tUNIVERSITY OF NORDHAVEN\t9957\t45%\n"
    "Top publishing organizations\t2\tNORD HOSPITAL\t7290\t33%\n"
    "\n"
    "Section\tBreakdown\tField\tShare\n"
    "Top technology fields\tPatents\t\t\n"
    "Top technology fields\tPublications\t\t\n"
    "\n"
    "Section\tKind\tShare\tTop locations\n"
    "Collaboration\tPCT patent applications filed with other inventors\t6%\tOslo, Bergen\n"
    "Collaboration\tScientific articles published with other organizations\t54%\tOslo, Lund\n"
)


def test_a_first_column_repeating_the_section_is_its_heading_not_a_name() -> None:
    blocks = parse("x.tsv", LONG_TSV, "csv").blocks
    heads = [b.text.text for b in blocks if b.kind is BlockKind.PARAGRAPH]
    assert heads[:4] == [
        "Profile",
        "Top PCT applicants",
        "Top publishing organizations",
        "Top technology fields",
    ]
    r = extract(LONG_TSV, "x.tsv", "csv")
    assert (r.cluster, r.economy, r.national_rank, r.pct_applications) == (
        "Nordhaven",
        "Norway",
        3,
        1204,
    )
    assert ranked(r.top_pct_applicants) == [(1, "NORD SUBSEA", 146, 12), (2, "ILSBY YARD", 74, 6)]
    assert ranked(r.top_publishers) == [
        (1, "UNIVERSITY OF NORDHAVEN", 9957, 45),
        (2, "NORD HOSPITAL", 7290, 33),
    ]
    assert span(r, LONG_TSV, "top_publishers[1].name") == "NORD HOSPITAL"
    assert span(r, LONG_TSV, "top_pct_applicants[0].count") == "146"
    assert r.patent_fields == [] and r.publication_fields == []


def test_a_collaboration_row_named_by_a_phrase_gives_its_kind() -> None:
    r = extract(LONG_TSV, "x.tsv", "csv")
    assert r.patent_collaboration is not None and r.publication_collaboration is not None
    assert (r.patent_collaboration.share, r.patent_collaboration.partners) == (
        6,
        ["Oslo", "Bergen"],
    )
    assert (r.publication_collaboration.share, r.publication_collaboration.partners) == (
        54,
        ["Oslo", "Lund"],
    )
    assert span(r, LONG_TSV, "publication_collaboration.share") == "54"
    assert span(r, LONG_TSV, "publication_collaboration.partners[1]") == "Lund"


def test_a_column_of_distinct_names_stays_a_column() -> None:
    raw = "Applicant\tPatents\tShare\nNORD SUBSEA\t146\t12%\nILSBY YARD\t74\t6%\n"
    blocks = parse("x.tsv", raw, "csv").blocks
    assert [b.kind for b in blocks] == [BlockKind.TABLE]
    assert blocks[0].rows[1][0].text == "NORD SUBSEA"
