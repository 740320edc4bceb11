"""Offline embeddings, the chromadb vector index, `index_paths` and `nlq index`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from filelock import FileLock
from store_fixtures import PROFILES, copy_profiles, settings_for
from typer.testing import CliRunner

import nlq.cli.index_cmd  # noqa: F401  (registers `nlq index` until nlq.cli imports it)
from nlq.cli.app import app
from nlq.errors import StoreError
from nlq.facts import FactFilter
from nlq.indexer import LOCK_NAME, index_paths
from nlq.search import Searcher
from nlq.store import FactStore
from nlq.vector.chroma import VectorIndex, chroma_where
from nlq.vector.embedding import MODEL_FILE, MODEL_PACKAGE, MiniLMEmbedder, package_file
from nlq.vector.embedding import shared_embedder as embedder

RUN_NLQ = "import nlq.cli.index_cmd; from nlq.cli import main; main()"


def _agree(settings) -> int:
    """Assert SQLite and chroma hold the same fact ids; return how many."""
    with FactStore.open(settings) as store:
        ids = store.fact_ids()
        with VectorIndex.open(settings, store_id=store.store_id) as index:
            assert index.ids() == ids
    return len(ids)


# -- embeddings ---------------------------------------------------------------------------


def test_embeddings_are_unit_vectors_in_input_order() -> None:
    texts = ["chips", "Hefei: Semiconductors has a 35% share of the cluster's PCT patents.", "x"]
    uncached = MiniLMEmbedder(cache_size=0)
    vectors = uncached.embed(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    alone = uncached.embed([texts[1]])[0]  # padded alone vs. with shorter inputs
    assert float(alone @ vectors[1]) > 0.9999
    assert uncached.embed([]).shape == (0, 384)
    assert np.array_equal(embedder().embed(texts), embedder().embed(texts))  # cached


def test_a_text_given_twice_is_embedded_once() -> None:
    batches: list[list[str]] = []

    class Counting(MiniLMEmbedder):
        def _embed_batch(self, texts: list[str], session: object) -> np.ndarray:
            batches.append(list(texts))
            return super()._embed_batch(texts, session)

    model = Counting(cache_size=0, batch_size=2)
    texts = ["Acme: the top applicant.", "Gotham", "Acme: the top applicant.", "x", "Gotham"]
    vectors = model.embed(texts)
    assert sorted(t for b in batches for t in b) == ["Acme: the top applicant.", "Gotham", "x"]
    assert np.array_equal(vectors[0], vectors[2]) and np.array_equal(vectors[1], vectors[4])
    alone = MiniLMEmbedder(cache_size=0).embed(["x"])[0]
    assert float(alone @ vectors[3]) > 0.9999


def test_many_batches_run_on_parallel_sessions_with_the_same_vectors() -> None:
    texts = [f"Testville: ORGANIZATION {i} is the {i}th PCT applicant." for i in range(40)]
    parallel = MiniLMEmbedder(cache_size=0, batch_size=4, workers=2)
    serial = MiniLMEmbedder(cache_size=0, batch_size=4, workers=1)
    got, want = parallel.embed(texts), serial.embed(texts)
    assert len(parallel._sessions) == 2 and len(serial._sessions) == 1  # 10 batches: pooled
    assert np.allclose(got, want, atol=1e-5)
    assert np.allclose(got[7], serial.embed([texts[7]])[0], atol=1e-5)  # order is kept


def test_embeddings_put_related_sentences_closer() -> None:
    a, b, c = embedder().embed(
        [
            "Which organization publishes the most scientific articles?",
            "HUNAN UNIVERSITY is the 2nd publishing organization with 9,957 articles.",
            "6% of the cluster's patents are filed in collaboration with other inventors.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.1


def test_a_model_file_that_fails_its_sha256_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the model")
    with pytest.raises(StoreError, match="expected 8199be6f"):
        MiniLMEmbedder(model_path=fake)
    with pytest.raises(StoreError, match="damaged or not the pinned model"):
        MiniLMEmbedder(model_sha256="0" * 64)
    with pytest.raises(StoreError, match="pip install"):
        package_file("nlq_no_such_package", "model.onnx")
    assert package_file(MODEL_PACKAGE, MODEL_FILE).stat().st_size == 22_928_619


# -- vector index -------------------------------------------------------------------------


def test_chroma_where_clauses() -> None:
    assert chroma_where(None) is None
    assert chroma_where(FactFilter(cluster="Hefei")) == {"cluster_key": "hefei"}
    assert chroma_where(FactFilter(cluster="Hefei", metric=["a", "b"])) == {
        "$and": [{"cluster_key": "hefei"}, {"metric": {"$in": ["a", "b"]}}]
    }


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> object:
    """The bundled profiles indexed once, into a home of this module's own."""
    home = tmp_path_factory.mktemp("indexed-home")
    settings = settings_for(home)
    summary = index_paths(sorted(PROFILES.glob("*.txt")), backend="rules", settings=settings)
    assert len(summary.added) == 2 and summary.facts == 102
    return settings


def test_vector_index_queries_with_filters(indexed) -> None:
    with FactStore.open(indexed) as store:
        index = VectorIndex.open(indexed, store_id=store.store_id)
        assert index.count() == 102
        (best_id, distance), *_ = index.query("Changxin Memory share of PCT applications", 3)
        best = store.get([best_id])[best_id]
        assert best.entity == "CHANGXIN MEMORY TECHNOLOGIES"
        assert 0 <= distance < 0.5
        only = FactFilter(cluster="changsha", group="top_publishers")
        hits = index.query("Changxin Memory", 50, only)
        assert len(hits) == 9
        assert all(only.matches(f) for f in store.get(i for i, _ in hits).values())
        assert index.query("   ", 5) == []


def test_index_add_and_delete(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home")
    index = VectorIndex.open(settings, store_id="t1")
    assert index.count() == 0 and index.query("anything", 5) == []
    from store_fixtures import hand_record

    from nlq.facts import facts_from_record

    facts = facts_from_record(hand_record(), file_key="/x/t.txt")
    index.add(facts)
    index.add(facts[:3])  # upsert: no duplicates
    assert index.ids() == {f.id for f in facts}
    index.delete([facts[0].id, "no-such-id"])
    assert index.count() == len(facts) - 1
    index.delete_file("/x/t.txt")
    assert index.count() == 0


# -- index_paths --------------------------------------------------------------------------


def test_added_unchanged_updated_removed(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home")
    files = copy_profiles(tmp_path / "data")
    first = index_paths(files, backend="rules", settings=settings)
    assert (len(first.added), first.unchanged, first.failed, first.facts) == (2, [], [], 102)
    assert first.line() == "2 added, 0 updated, 0 unchanged, 0 failed; 102 facts"

    again = index_paths(files, backend="rules", settings=settings)
    assert len(again.unchanged) == 2 and not again.added and not again.updated

    hefei = tmp_path / "data" / "hefei_2024.txt"
    hefei.write_text(hefei.read_text().replace("**692 PCT", "**693 PCT"))
    changed = index_paths(files, backend="rules", settings=settings)
    assert changed.updated == [str(hefei.resolve())] and len(changed.unchanged) == 1
    with FactStore.open(settings) as store:
        (fact,) = store.facts(FactFilter(cluster="Hefei", metric="pct_applications"))
        assert (fact.value, fact.citation.quote) == (693, "693")
        assert store.file(str(hefei.resolve())).vectors_current
    assert _agree(settings) == 102

    (tmp_path / "data" / "changsha_2024.txt").unlink()
    pruned = index_paths([hefei], backend="rules", settings=settings, prune=True)
    assert [Path(p).name for p in pruned.removed] == ["changsha_2024.txt"]
    assert pruned.facts == 67 and _agree(settings) == 67
    assert pruned.line().endswith("1 removed; 67 facts")


def test_prune_keeps_files_outside_the_walked_folders(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home")
    a = copy_profiles(tmp_path / "a")
    index_paths(a, backend="rules", settings=settings)
    b = tmp_path / "b"
    b.mkdir()
    shutil.copy(a[0], b / "other.txt")
    summary = index_paths([b / "other.txt"], backend="rules", settings=settings, prune=True,
                          prune_roots=[b])  # fmt: skip
    assert summary.removed == [] and summary.facts == 102 + 35


def test_a_failing_file_does_not_stop_the_others(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home")
    files = copy_profiles(tmp_path / "data")
    binary = tmp_path / "data" / "broken.txt"
    binary.write_bytes(b"\x00\x01binary")
    summary = index_paths([binary, *files], backend="rules", settings=settings)
    assert len(summary.added) == 2
    assert summary.failed[0][0] == str(binary.resolve())
    assert "binary file" in summary.failed[0][1]


def test_a_crash_between_sqlite_and_chroma_is_repaired(tmp_path, monkeypatch) -> None:
    settings = settings_for(tmp_path / "home")
    files = copy_profiles(tmp_path / "data")
    index_paths(files, backend="rules", settings=settings)
    hefei = files[1]
    hefei.write_text(hefei.read_text().replace("**692 PCT", "**777 PCT"))

    real_add = VectorIndex.add

    def crash(self, facts):
        raise StoreError("simulated crash while embedding")

    monkeypatch.setattr(VectorIndex, "add", crash)
    with pytest.raises(StoreError, match="simulated crash"):
        index_paths(files, backend="rules", settings=settings)
    # The store already holds the new facts, marked pending; search still answers from it.
    with FactStore.open(settings) as store:
        assert not store.file(str(hefei.resolve())).vectors_current
        searcher = Searcher(settings=settings, store=store)
        hits = searcher.search("PCT applications per million", 3, FactFilter(cluster="Hefei"))
        assert hits[0].fact.value == 777

    monkeypatch.setattr(VectorIndex, "add", real_add)
    repaired = index_paths(files, backend="rules", settings=settings)
    assert len(repaired.unchanged) == 2 and repaired.repaired == 1
    assert _agree(settings) == 102


@pytest.mark.parametrize("batch", [1, 10_000])
def test_vectors_are_written_in_batches_across_files(tmp_path, monkeypatch, batch) -> None:
    import nlq.indexer

    writes: list[int] = []
    real_add = VectorIndex.add

    def counting_add(self, facts):
        writes.append(len(facts))
        real_add(self, facts)

    monkeypatch.setattr(nlq.indexer, "VECTOR_BATCH", batch)
    monkeypatch.setattr(VectorIndex, "add", counting_add)
    settings = settings_for(tmp_path / "home")
    summary = index_paths(copy_profiles(tmp_path / "data"), backend="rules", settings=settings)
    assert len(summary.added) == 2 and summary.repaired == 0
    assert _agree(settings) == 102
    with FactStore.open(settings) as store:
        assert all(f.vectors_current for f in store.files())
        per_file = sorted(f.facts for f in store.files())
    # One write per file when each file fills a batch; one write for both otherwise.
    assert sorted(writes) == (per_file if batch == 1 else [102])


def test_leftover_vectors_are_deleted_and_missing_ones_added(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home")
    files = copy_profiles(tmp_path / "data")
    index_paths(files, backend="rules", settings=settings)
    with FactStore.open(settings) as store:
        index = VectorIndex.open(settings, store_id=store.store_id)
        some = store.facts(FactFilter(cluster="Hefei"))[:5]
        index.delete(f.id for f in some)
        from dataclasses import replace

        index.add([replace(some[0], id="leftover-from-a-crash")])
    assert index_paths(files, backend="rules", settings=settings).repaired == 0
    assert _agree(settings) == 102


def test_a_second_run_waits_for_the_lock(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home")
    settings.home.mkdir(parents=True)
    with FileLock(str(settings.home / LOCK_NAME)):
        with pytest.raises(StoreError, match="another 'nlq index' holds"):
            index_paths([PROFILES / "hefei_2024.txt"], backend="rules", settings=settings,
                        lock_timeout=0.2)  # fmt: skip


# -- the command --------------------------------------------------------------------------


def test_cli_index_prints_one_summary_line(tmp_path: Path, monkeypatch) -> None:
    home = Path(os.environ["NLQ_HOME"])
    monkeypatch.chdir(tmp_path)
    copy_profiles(tmp_path / "data" / "profiles")
    runner = CliRunner()
    first = runner.invoke(app, ["index", "--backend", "rules"])
    assert first.exit_code == 0, first.output
    assert first.output == (
        f"indexed 2 file(s) into {home}: 2 added, 0 updated, 0 unchanged, 0 failed; 102 facts\n"
    )
    (tmp_path / "data" / "profiles" / "empty.md").write_text("")
    second = runner.invoke(app, ["index", "--backend", "rules"])
    assert second.exit_code == 1
    assert "empty.md: the file is empty" in second.output
    assert "0 added, 0 updated, 2 unchanged, 1 failed; 102 facts" in second.output


def test_cli_index_errors(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    nothing = runner.invoke(app, ["index", "--backend", "rules"])
    assert nothing.exit_code == 1
    assert "no data/profiles folder here" in nothing.output
    bad = runner.invoke(app, ["index", "--backend", "magic", str(PROFILES)])
    assert bad.exit_code == 1 and "unknown backend 'magic'" in bad.output


def _unshare_ok() -> str | None:
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"unshare -n is not permitted here: {probe.stderr.strip()}"
    return None


def test_nlq_index_offline_twice_at_once_then_unchanged(tmp_path: Path) -> None:
    """Two `nlq index` at once with no network and no LLM configured (the default `auto`
    backend falls back to rules); then a third run finds nothing to do."""
    reason = _unshare_ok()
    if reason:
        print(f"skipping the offline test: {reason}")
        pytest.skip(reason)
    env = {**os.environ, "NLQ_HOME": str(tmp_path / "home"), "PYTHONWARNINGS": "error"}
    cmd = ["unshare", "-n", sys.executable, "-c", RUN_NLQ, "index"]  # default backend: auto
    runs = [
        subprocess.Popen(cmd, cwd=PROFILES.parent.parent, env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]  # fmt: skip
    outputs = [p.communicate(timeout=120) for p in runs]
    for p, (_out, err) in zip(runs, outputs, strict=True):
        assert p.returncode == 0, err
    tails = sorted(out.split(": ", 1)[1] for out, _ in outputs)
    assert tails == [
        "0 added, 0 updated, 2 unchanged, 0 failed; 102 facts\n",
        "2 added, 0 updated, 0 unchanged, 0 failed; 102 facts\n",
    ]
    third = subprocess.run(cmd, cwd=PROFILES.parent.parent, env=env, text=True,
                           capture_output=True, timeout=120)  # fmt: skip
    assert third.returncode == 0, third.stderr
    assert third.stdout.endswith(": 0 added, 0 updated, 2 unchanged, 0 failed; 102 facts\n")
    assert _agree(settings_for(tmp_path / "home")) == 102


# -- a Chroma server ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path: Path):
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma command is not installed next to this python")
    port = _free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"chroma run did not start: {(tmp_path / 'chroma.log').read_text()}"
                    )
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_index_and_search_through_a_chroma_server(chroma_server: str, tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home", chroma_url=chroma_server)
    summary = index_paths(sorted(PROFILES.glob("*.txt")), backend="rules", settings=settings)
    assert len(summary.added) == 2
    assert not (settings.home / "chroma").exists()  # nothing embedded locally
    assert _agree(settings) == 102
    searcher = Searcher(settings=settings)
    try:
        hits = searcher.search("Is Beijing a top partner for Changsha's papers?", 3)
    finally:
        searcher.close()
    top = hits[0].fact
    assert (top.cluster, top.entity, top.metric) == (
        "Changsha", "Beijing", "publication_collaboration.partner",
    )  # fmt: skip
    assert hits[0].vector_rank is not None and hits[0].bm25_rank is not None


def test_an_unreachable_chroma_server_is_a_store_error(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "home", chroma_url=f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(StoreError, match="cannot reach the Chroma server"):
        index_paths([PROFILES / "hefei_2024.txt"], backend="rules", settings=settings)
    bad = settings_for(tmp_path / "home", chroma_url="localhost:8000")
    with pytest.raises(StoreError, match="not an http"):
        VectorIndex.open(bad, store_id="x")
