"""Facts from records, and the SQLite fact store: upserts, filters, BM25 search, records."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from store_fixtures import HAND_TEXT, golden_inputs, hand_record

from nlq.errors import StoreError
from nlq.extractors.batch import Failure, extract_files
from nlq.fact_sentences import ordinal
from nlq.facts import METRICS, FactFilter, fact_id, facts_from_record
from nlq.layout.loader import load_source
from nlq.store import FactStore
from nlq.store_sql import ENTITY_NAMES_SQL, fts_query


@pytest.fixture
def store(tmp_path: Path) -> FactStore:
    with FactStore(tmp_path / "facts.sqlite3") as s:
        yield s


def _put(store: FactStore, record=None, text: str = HAND_TEXT, key: str = "/data/t.txt") -> list:
    record = record or hand_record(text)
    facts = facts_from_record(record, file_key=key, text=text)
    store.upsert(key, sha256="s1", backend="rules", text=text, record=record, facts=facts)
    return facts


def test_facts_of_a_hand_built_record() -> None:
    facts = facts_from_record(hand_record(), file_key="/data/t.txt", text=HAND_TEXT)
    rows = [(f.metric, f.entity, f.rank, f.value, f.unit, f.citation.quote) for f in facts]
    assert rows == [
        ("edition", None, None, 2024, "year", "2024"),
        ("cluster", "Testville", None, None, "name", "Testville"),
        ("economy", "Freedonia", None, None, "name", "Freedonia"),
        ("national_rank", None, None, 3, "rank", "third"),
        ("national_cluster_count", None, None, 7, "count", "7"),
        ("pct_applications", None, None, 1234, "count", "1,234"),
        ("top_pct_applicants.name", "ACME ROCKETS", 1, None, "name", "ACME ROCKETS"),
        ("top_pct_applicants.count", "ACME ROCKETS", 1, 500, "count", "500"),
        ("top_pct_applicants.share", "ACME ROCKETS", 1, 40, "percent", "40"),
        ("top_pct_applicants.name", "WIDGET WORKS", 2, None, "name", "WIDGET WORKS"),
        ("top_pct_applicants.count", "WIDGET WORKS", 2, 250, "count", "250"),
        ("top_pct_applicants.share", "WIDGET WORKS", 2, 20, "percent", "20"),
        ("publication_collaboration.share", None, None, 42, "percent", "42"),
        ("publication_collaboration.partner", "Gotham", 1, None, "name", "Gotham"),
        ("publication_collaboration.partner", "Metropolis", 2, None, "name", "Metropolis"),
    ]
    # The patent collaboration share (9) has no evidence, so it is not a fact.
    assert not [f for f in facts if f.metric == "patent_collaboration.share"]
    share = facts[8]
    # The name, count and share facts of one entry share its sentence (embedded once).
    assert share.sentence == (
        "Testville: ACME ROCKETS is the top PCT applicant (patent filer), with 500 PCT "
        "applications (40% share)."
    )
    assert facts[6].sentence == facts[7].sentence == share.sentence
    assert facts[9].sentence == (
        "Testville: WIDGET WORKS is the 2nd PCT applicant (patent filer), with 250 PCT "
        "applications (20% share)."
    )
    # So do the partners of one collaboration, the national rank with the count it is out of,
    # and the profile's heading (cluster and edition); the economy keeps its own sentence.
    partners = (
        "Testville's top collaborating locations (partners) for scientific publications "
        "(papers): Gotham and Metropolis."
    )
    national = (
        "Testville's national rank is 3: the 3rd-ranked cluster of Freedonia, out of 7 "
        "clusters of Freedonia, in the top 100 science and technology clusters (Global "
        "Innovation Index 2024)."
    )
    heading = (
        "Testville, Freedonia: science and technology (S&T) cluster profile from the 2024 "
        "edition of the Global Innovation Index (GII)."
    )
    assert facts[13].sentence == facts[14].sentence == partners
    assert facts[3].sentence == facts[4].sentence == national
    assert facts[0].sentence == facts[1].sentence == heading
    assert len({facts[i].sentence for i in (1, 2, 3, 5, 12)}) == 5
    assert share.citation.line == 8
    assert share.citation.line_text == "| 1 | ACME ROCKETS | 500 | 40% |"
    assert share.path == "top_pct_applicants[0].share"
    assert share.id == fact_id("/data/t.txt", "top_pct_applicants[0].share")
    assert len({f.id for f in facts}) == len(facts)
    assert all(f.sentence.startswith("Testville") for f in facts)


def test_fact_ids_are_stable_across_runs_and_differ_between_files() -> None:
    a = facts_from_record(hand_record(), file_key="/a/t.txt")
    again = facts_from_record(hand_record(), file_key="/a/t.txt")
    b = facts_from_record(hand_record(), file_key="/b/t.txt")
    assert [f.id for f in a] == [f.id for f in again]
    assert not {f.id for f in a} & {f.id for f in b}
    assert fact_id("/a/t.txt", "pct_applications") == "a3d320394728a98d"


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 33, 101, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "33rd", "101st",
        "112th",
    ]  # fmt: skip


@pytest.fixture(scope="module")
def extracted() -> list[tuple[Path, object, str]]:
    files = golden_inputs()
    out = []
    for path, result in zip(files, extract_files(files, backend="rules"), strict=True):
        assert not isinstance(result, Failure), result
        out.append((path, result.record, load_source(path)[0]))
    return out


def test_every_quote_equals_the_source_text_at_its_offsets(extracted, tmp_path) -> None:
    assert len(extracted) >= 12
    with FactStore(tmp_path / "facts.sqlite3") as store:
        for path, record, text in extracted:
            key = str(path)
            facts = facts_from_record(record, file_key=key, text=text)
            assert facts, path
            store.upsert(key, sha256="x", backend="rules", text=text, record=record, facts=facts)
        stored = store.facts()
        assert len(stored) > 600
        for fact in stored:
            c = fact.citation
            source = load_source(Path(fact.file))[0]  # the file on disk, decoded again
            assert source[c.start : c.end] == c.quote, (fact.file, fact.path)
            assert store.text(fact.file)[c.start : c.end] == c.quote
            assert source.count("\n", 0, c.start) + 1 == c.line
            assert c.quote in c.line_text
            assert fact.unit == METRICS[fact.metric]


def test_vocabulary_on_the_bundled_profiles(extracted) -> None:
    hefei = next(r for p, r, _ in extracted if p.name == "hefei_2024.txt")
    facts = {f.path: f for f in facts_from_record(hefei)}
    assert facts["top_pct_applicants[0].share"].value == 54
    assert facts["top_pct_applicants[0].count"].value == 2069
    assert facts["top_pct_applicants[0].count"].citation.quote == "2,069"
    assert facts["patent_fields[0].share"].entity == "Semiconductors"
    assert facts["publication_collaboration.partners[0]"].metric == (
        "publication_collaboration.partner"
    )
    assert facts["national_rank"].citation.quote == "twelfth"
    assert {f.metric for f in facts.values()} == set(METRICS)


def test_upsert_replaces_a_files_facts_and_their_text_index(store) -> None:
    first = _put(store)
    assert store.count() == len(first)
    assert [f.entity for f, _ in store.search_text("widget", 5)][:1] == ["WIDGET WORKS"]
    smaller = hand_record()
    smaller.top_pct_applicants.pop()
    smaller.evidence = {k: v for k, v in smaller.evidence.items() if "applicants[1]" not in k}
    second = _put(store, smaller)
    assert store.count() == len(second) == len(first) - 3
    assert store.search_text("widget", 5) == []
    assert {f.id for f in store.facts()} == {f.id for f in second}
    assert store.file("/data/t.txt").facts == len(second)
    assert store.file("/data/t.txt").vectors_sha256 is None


def test_a_failed_upsert_leaves_the_previous_facts(store) -> None:
    before = _put(store)
    record = hand_record()
    facts = facts_from_record(record, file_key="/data/t.txt", text=HAND_TEXT)
    broken = [*facts[:3], replace(facts[3], id=facts[0].id)]  # a duplicate id fails the insert
    with pytest.raises(StoreError, match="nothing was changed"):
        store.upsert("/data/t.txt", sha256="s2", backend="rules", text="", record=record,
                     facts=broken)  # fmt: skip
    assert {f.id for f in store.facts()} == {f.id for f in before}
    assert store.file("/data/t.txt").sha256 == "s1"
    assert store.text("/data/t.txt") == HAND_TEXT


def test_filters(store) -> None:
    _put(store)
    assert len(store.facts(FactFilter(cluster="TESTVILLE  "))) == 15
    assert store.facts(FactFilter(cluster="Elsewhere")) == []
    names = [f.entity for f in store.facts(FactFilter(metric="top_pct_applicants.name"))]
    assert names == ["ACME ROCKETS", "WIDGET WORKS"]
    group = store.facts(FactFilter(group="top_pct_applicants", entity="acme rockets"))
    assert [f.metric for f in group] == [
        "top_pct_applicants.name", "top_pct_applicants.count", "top_pct_applicants.share",
    ]  # fmt: skip
    percents = store.facts(FactFilter(unit="percent", edition=[2023, 2024]))
    assert sorted(f.value for f in percents) == [20, 40, 42]
    both = FactFilter(metric=("pct_applications", "national_rank"))
    assert sorted(f.metric for f in store.facts(both)) == ["national_rank", "pct_applications"]
    assert all(both.matches(f) for f in store.facts(both))
    assert not both.matches(store.facts(FactFilter(unit="year"))[0])


def test_search_text_ranks_by_bm25_and_ignores_query_syntax(store) -> None:
    _put(store)
    hits = store.search_text("How many patents did Acme file?", 3)
    assert {f.entity for f, _ in hits} == {"ACME ROCKETS"}
    assert "top_pct_applicants.count" in {f.metric for f, _ in hits}
    assert store.search_text("Acme share", 1)[0][0].metric == "top_pct_applicants.share"
    assert hits[0][1] <= hits[-1][1]  # bm25: lower is better
    assert [f.entity for f, _ in store.search_text("metropol", 1)] == ["Metropolis"]
    assert store.search_text('"AND OR NOT (* ^ :', 5) == []
    assert store.search_text("", 5) == []
    only = store.search_text("Gotham", 5, FactFilter(metric="pct_applications"))
    assert only == []
    assert fts_query("Is it ACME's share?") == '"acme"* OR "share"*'


def test_records_and_clusters(store) -> None:
    _put(store)
    other = hand_record().model_copy(update={"cluster": "Otherton", "source": "o.txt"})
    _put(store, other, key="/data/o.txt")
    assert store.clusters() == ["Otherton", "Testville"]
    assert [r.cluster for r in store.records()] == ["Otherton", "Testville"]
    assert store.records()[1] == hand_record()
    pairs = store.records_with_text()
    assert [(r.source, t == HAND_TEXT) for r, t in pairs] == [
        ("o.txt", True), ("testville_2024.txt", True),
    ]  # fmt: skip
    removed = store.remove("/data/o.txt")
    assert len(removed) == 15
    assert store.clusters() == ["Testville"]
    assert store.file("/data/o.txt") is None
    with pytest.raises(StoreError, match="not in the store"):
        store.text("/data/o.txt")


def test_entity_names_come_in_file_and_record_order_from_their_own_index(store) -> None:
    _put(store)
    _put(store, key="/data/a.txt")
    names = store.entity_names()
    assert [f for f, _, _ in names] == ["/data/a.txt"] * 4 + ["/data/t.txt"] * 4
    assert [(g, n) for _, g, n in names[:4]] == [
        ("top_pct_applicants", "ACME ROCKETS"), ("top_pct_applicants", "WIDGET WORKS"),
        ("publication_collaboration", "Gotham"), ("publication_collaboration", "Metropolis"),
    ]  # fmt: skip
    # Read from a partial index in that order: no table scan and no sort at start-up.
    plan = " ".join(map(str, store._db.execute(f"EXPLAIN QUERY PLAN {ENTITY_NAMES_SQL}")))
    assert "USING INDEX facts_names" in plan and "TEMP B-TREE" not in plan


def test_unreadable_or_foreign_store_files_raise_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="move the file away"):
        FactStore(junk)
    old = tmp_path / "old.sqlite3"
    FactStore(old).close()
    db = sqlite3.connect(old)
    db.execute("UPDATE meta SET value='0' WHERE key='schema'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="holds schema 0"):
        FactStore(old)


def test_store_id_is_kept_across_opens(tmp_path: Path) -> None:
    with FactStore(tmp_path / "f.sqlite3") as a:
        first = a.store_id
    with FactStore(tmp_path / "f.sqlite3") as b:
        assert b.store_id == first
    assert len(first) == 32
