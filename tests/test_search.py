"""Fused search: reciprocal rank fusion, the three modes, filters and leftovers of crashes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_fixtures import PROFILES, REPO, settings_for

from nlq.facts import FactFilter
from nlq.indexer import index_paths
from nlq.search import RRF_K, Searcher, reciprocal_rank_fusion, reset_searchers, search
from nlq.vector.chroma import VectorIndex

LAYOUTS = REPO / "golden" / "layouts"


def test_reciprocal_rank_fusion() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "a", "d"]])
    assert [i for i, _ in fused] == ["a", "c", "b", "d"]
    assert fused[0][1] == pytest.approx(1 / (RRF_K + 1) + 1 / (RRF_K + 2))
    assert fused[-1][1] == pytest.approx(1 / (RRF_K + 3))
    assert reciprocal_rank_fusion([]) == []
    # ties keep first appearance
    assert [i for i, _ in reciprocal_rank_fusion([["x"], ["y"]])] == ["x", "y"]


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    """The bundled profiles and two synthetic ones, indexed once."""
    home = tmp_path_factory.mktemp("search-home")
    s = settings_for(home)
    synthetic = [LAYOUTS / "vellmora_osterkyst_2025.txt", LAYOUTS / "sorakaze_omizuchi_2024.txt"]
    summary = index_paths([*PROFILES.glob("*.txt"), *synthetic], backend="rules", settings=s)
    assert not summary.failed
    yield s
    reset_searchers()


@pytest.fixture(scope="module")
def searcher(settings) -> Searcher:
    s = Searcher(settings=settings)
    yield s
    s.close()


@pytest.mark.parametrize(
    ("query", "cluster", "metric", "entity"),
    [
        ("What share of Hefei's PCT applications comes from Changxin Memory?", "Hefei",
         "top_pct_applicants.share", "CHANGXIN MEMORY TECHNOLOGIES"),
        ("Is Beijing a top partner for Changsha's publications?", "Changsha",
         "publication_collaboration.partner", "Beijing"),
        ("How many scientific articles does Changsha publish per million inhabitants?",
         "Changsha", "scientific_articles", None),
        ("Hunan University articles", "Changsha", "top_publishers.count", "HUNAN UNIVERSITY"),
        ("Hefei semiconductors share of patents", "Hefei", "patent_fields.share",
         "Semiconductors"),
    ],
)  # fmt: skip
def test_fused_search_finds_the_fact(searcher, query, cluster, metric, entity) -> None:
    """The asked-for fact is among the first three (an organization's name, count and share
    facts share a sentence), and the first hit is about the right cluster and entity."""
    only = FactFilter(source=("hefei_2024.txt", "changsha_2024.txt"))
    hits = [h.fact for h in searcher.search(query, 3, only)]
    assert (hits[0].cluster, hits[0].entity) == (cluster, entity)
    assert (cluster, metric, entity) in {(f.cluster, f.metric, f.entity) for f in hits}


@pytest.mark.parametrize("mode", ["fused", "vector", "bm25"])
@pytest.mark.parametrize(
    ("query", "metric"),
    [
        ("CHANGXIN MEMORY TECHNOLOGIES share of Hefei's PCT applications", "share"),
        ("How many PCT applications did CHANGXIN MEMORY TECHNOLOGIES file?", "count"),
        ("CHANGXIN MEMORY TECHNOLOGIES", "name"),
    ],
)
def test_the_asked_for_fact_of_an_entry_comes_first(searcher, mode, query, metric) -> None:
    """An entry's name, count and share facts share one sentence (one vector), so they tie in
    every retriever; the one the query asks for is put first."""
    hits = [h.fact for h in searcher.search(query, 3, FactFilter(cluster="Hefei"), mode=mode)]
    assert len({f.sentence for f in hits}) == 1  # the three facts of one entry
    assert hits[0].metric == f"top_pct_applicants.{metric}"
    assert hits[0].entity == "CHANGXIN MEMORY TECHNOLOGIES"


@pytest.mark.parametrize("mode", ["fused", "vector", "bm25"])
@pytest.mark.parametrize(
    ("query", "metric"),
    [
        ("How many Chinese clusters are in the top 100?", "national_cluster_count"),
        ("Hefei's national rank among Chinese clusters", "national_rank"),
    ],
)
def test_the_asked_for_fact_of_a_statement_comes_first(searcher, mode, query, metric) -> None:
    """The national rank and the count it is out of share a sentence, and so do a
    collaboration's partners (in the vector index they tie and come in source order; BM25 also
    matches each partner's name)."""
    only = FactFilter(cluster="Hefei", group=("national_rank", "national_cluster_count"))
    hits = [h.fact for h in searcher.search(query, 2, only, mode=mode)]
    assert len({f.sentence for f in hits}) == 1 and hits[0].metric == metric
    partners = searcher.search("partner locations", 3, FactFilter(cluster="Hefei",
                               metric="patent_collaboration.partner"), mode=mode)  # fmt: skip
    ranks = [h.fact.rank for h in partners]
    assert ranks == [1, 2, 3] if mode == "vector" else sorted(ranks) == [1, 2, 3]
    assert len({h.fact.sentence for h in partners}) == 1


def test_hits_carry_both_ranks_and_citations(searcher) -> None:
    hits = searcher.search("Sungrow Power Supply", 3)
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    first = hits[0]
    assert first.fact.entity == "SUNGROW POWER SUPPLY CO., LTD"
    assert first.vector_rank is not None and first.bm25_rank is not None
    c = first.fact.citation
    assert c.source.startswith("hefei_2024") and c.line > 0 and c.quote


def test_modes_and_filters(searcher) -> None:
    q = "top publishing organization"
    only = FactFilter(cluster="changsha", metric="top_publishers.name")
    for mode in ("fused", "vector", "bm25"):
        hits = searcher.search(q, 10, only, mode=mode)
        assert hits and all(h.fact.cluster == "Changsha" for h in hits), mode
        assert all(h.fact.metric == "top_publishers.name" for h in hits), mode
    assert all(h.bm25_rank is None for h in searcher.search(q, 3, mode="vector"))
    assert all(h.vector_rank is None for h in searcher.search(q, 3, mode="bm25"))
    assert len(searcher.search(q, 7)) == 7
    assert searcher.search("  ", 5) == []
    assert searcher.search(q, 0) == []
    with pytest.raises(ValueError, match="unknown search mode"):
        searcher.search(q, 3, mode="magic")  # type: ignore[arg-type]


def test_bm25_mode_does_not_open_the_vector_index(settings) -> None:
    s = Searcher(settings=settings)
    assert s.search("Central South University", 2, mode="bm25")
    assert s._index is None
    s.close()


def test_a_vector_the_store_does_not_hold_is_ignored(settings, searcher) -> None:
    real = searcher.store.facts(FactFilter(cluster="Hefei", metric="pct_applications"))[0]
    ghost = replace(real, id="ghost-of-a-crash", sentence="Zyxwv filed 999 PCT applications.")
    index = VectorIndex.open(settings, store_id=searcher.store.store_id)
    index.add([ghost])
    try:
        hits = searcher.search("Zyxwv filed 999 PCT applications", 10, mode="vector")
        assert hits and "ghost-of-a-crash" not in {h.fact.id for h in hits}
    finally:
        index.delete(["ghost-of-a-crash"])


def test_module_search_uses_nlq_home(tmp_path, monkeypatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("NLQ_HOME", str(home))
    index_paths([PROFILES / "changsha_2024.txt"], backend="rules", settings=settings_for(home))
    try:
        hits = search("China Tobacco patents", 2)
        assert hits[0].fact.entity == "CHINA TOBACCO"
    finally:
        reset_searchers()
