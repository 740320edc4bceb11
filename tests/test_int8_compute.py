"""The pinned model's int8 weights multiplied in int8 (nlq.vector.int8_compute), its cache, and
the vector index refusing (or, for the indexer, rebuilding) vectors computed another way."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from store_fixtures import copy_profiles, settings_for

from nlq.errors import StoreError
from nlq.indexer import index_paths
from nlq.store import FactStore
from nlq.vector import int8_compute
from nlq.vector.chroma import VectorIndex, collection_name, embedding_function_class, make_client
from nlq.vector.embedding import MODEL_FILE, MODEL_PACKAGE, MODEL_SHA256, MiniLMEmbedder
from nlq.vector.embedding import package_file as _package_file
from nlq.vector.int8_compute import COMPUTE, KERNELS, int8_model, kernel, rewrite

PINNED = _package_file(MODEL_PACKAGE, MODEL_FILE)
SENTENCES = [
    "Hefei: CHANGXIN MEMORY TECHNOLOGIES is the top PCT applicant (patent filer), with 2,069 PCT "
    "applications (54% share).",
    "Changsha: Computer technology is the No. 3 technology field of PCT patent applications.",
    "Hefei's top collaborating locations (partners) for patents: Shenzhen-Hong Kong-Guangzhou, "
    "Shanghai-Suzhou and Beijing.",
    "what country is Changsha in",
    "x",
]


@pytest.mark.parametrize("kind", KERNELS)
def test_every_int8_weight_product_is_rewritten_and_the_dequantizations_are_gone(kind) -> None:
    model = onnx.load(str(PINNED))
    int8 = {t.name for t in model.graph.initializer if t.data_type == onnx.TensorProto.INT8}
    original = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    assert rewrite(model, kind) == 36
    nodes = model.graph.node
    ops = [n.op_type for n in nodes]
    # 48 MatMuls before: 36 by weights (now integer), 12 of attention (scores and values)
    assert ops.count("MatMulInteger") == 36 and ops.count("MatMul") == 12
    products = [n for n in nodes if n.op_type == "MatMulInteger"]
    multiplied = {n.input[1].removesuffix("_u8") for n in products}
    cast = {n.input[0] for n in nodes if n.op_type == "Cast" and n.input[0] in int8}
    assert len(multiplied) == 36 and multiplied <= int8
    # only the two embedding tables (looked up, not multiplied) are still cast to float
    assert cast == int8 - multiplied and len(cast) == 2
    assert all("embeddings" in name for name in cast)
    kept = {t.name: t for t in model.graph.initializer}
    if kind == "u8u8":  # the same weights, shifted by 128 and stored once (not next to int8)
        assert all(len(n.input) == 4 and n.input[3] == n.input[2] for n in products)
        for name in multiplied:
            shifted = onnx.numpy_helper.to_array(kept[name + "_u8"]).astype(np.int16) - 128
            assert name not in kept and np.array_equal(shifted, original[name])
    else:
        assert all(len(n.input) == 3 for n in products) and multiplied <= set(kept)
    onnx.checker.check_model(model)


def _exact(weights_kind: str) -> bool:
    """Whether onnxruntime's uint8 x `weights_kind` product is exact here, on random data of the
    model's shapes (without VNNI the uint8 x int8 kernel's int16 pair sums saturate)."""
    rng = np.random.default_rng(0)
    a = rng.integers(0, 256, (64, 384)).astype(np.uint8)
    b = rng.integers(-127, 128, (384, 384)).astype(np.int8)
    if weights_kind == "int8":
        model = int8_compute.matmul_integer_model(b, None)
    else:  # stored shifted by 128, with zero point 128, as rewrite(model, "u8u8") does
        shifted = (b.astype(np.int16) + 128).astype(np.uint8)
        model = int8_compute.matmul_integer_model(shifted, None, b_zero=128)
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    got = session.run(None, {"a": a})[0]
    return np.array_equal(got, (a.astype(np.int64) - 128) @ b.astype(np.int64))


def test_the_kernel_probe_tells_where_the_uint8_by_int8_product_is_exact() -> None:
    assert kernel() == ("u8s8" if _exact("int8") else "u8u8")
    stored = zlib.decompress(base64.b64decode(int8_compute._PROBE_ONNX))
    assert stored == int8_compute.probe_model()


def test_the_uint8_by_uint8_product_is_exact_on_this_cpu() -> None:
    # the fallback kernel: with it, or with u8s8 where the probe finds that exact, every CPU
    # gets the same int32 products, hence the same vectors under one COMPUTE mark
    assert _exact("uint8")


def test_int8_vectors_stay_close_to_the_fp32_computation() -> None:
    int8 = MiniLMEmbedder(cache_size=0).embed(SENTENCES)
    fp32 = MiniLMEmbedder(cache_size=0, compute="fp32").embed(SENTENCES)
    cosines = (int8 * fp32).sum(axis=1)
    assert cosines[:-1].min() > 0.996 and cosines[-1] > 0.99, cosines  # "x": one token
    assert not np.allclose(int8, fp32, atol=1e-4)  # it really is another computation


def test_a_vector_does_not_depend_on_the_rest_of_its_batch() -> None:
    model = MiniLMEmbedder(cache_size=0)
    loud = "ZZZZ " * 60 + "9,999,999 !!!! 100% 100% 100%"  # long, with large activations
    together = model.embed([SENTENCES[0], loud, SENTENCES[3]])
    assert np.allclose(model.embed([SENTENCES[0]])[0], together[0], atol=1e-5)
    assert np.allclose(model.embed([SENTENCES[3]])[0], together[2], atol=1e-5)


def test_the_derived_model_is_cached_and_a_damaged_copy_is_derived_again(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("NLQ_CACHE_DIR", str(tmp_path / "cache"))
    first = int8_model(PINNED, MODEL_SHA256)
    assert isinstance(first, Path) and first.parent == tmp_path / "cache"
    assert first.name.endswith(f"-int8v{int8_compute.REWRITE_VERSION}-{kernel()}.onnx")
    data = first.read_bytes()

    def no_derive(source: Path, kind: str) -> bytes:
        raise AssertionError("derived again although the cached copy is intact")

    monkeypatch.setattr(int8_compute, "_derive", no_derive)
    assert int8_model(PINNED, MODEL_SHA256) == first

    first.write_bytes(data[:-10] + b"0123456789")  # damaged in place
    monkeypatch.undo()
    monkeypatch.setenv("NLQ_CACHE_DIR", str(tmp_path / "cache"))
    again = int8_model(PINNED, MODEL_SHA256)
    assert again == first and first.read_bytes() == data
    assert sorted(p.name for p in first.parent.iterdir()) == [first.name, first.stem + ".sha256"]


def test_an_unwritable_cache_gives_the_model_from_memory(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("NLQ_CACHE_DIR", str(blocker / "nlq"))
    model = int8_model(PINNED, MODEL_SHA256)
    assert isinstance(model, bytes) and len(model) > 20_000_000
    embedder = MiniLMEmbedder(cache_size=0)
    assert isinstance(embedder._model, bytes) and not (blocker / "nlq").exists()
    vectors = embedder.embed(SENTENCES[:2])
    monkeypatch.delenv("NLQ_CACHE_DIR")
    monkeypatch.setenv("NLQ_CACHE_DIR", str(tmp_path / "cache"))
    cached = MiniLMEmbedder(cache_size=0).embed(SENTENCES[:2])
    assert np.allclose(vectors, cached, atol=1e-6)  # the same int8 model, from memory


def test_an_unknown_compute_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown compute 'fp16'"):
        MiniLMEmbedder(compute="fp16")


def test_vectors_of_another_computation_are_refused_then_rebuilt_by_the_indexer(
    tmp_path: Path,
) -> None:
    settings = settings_for(tmp_path / "home")
    files = copy_profiles(tmp_path / "data")
    index_paths(files, backend="rules", settings=settings)
    with FactStore.open(settings) as store:
        store_id, ids = store.store_id, store.fact_ids()
    # What an nlq of before the int8 computation left: a collection without `nlq_compute`.
    client = make_client(settings)
    name = collection_name(store_id)
    old = client.get_collection(name, embedding_function=embedding_function_class()())
    got = old.get(include=["embeddings", "documents", "metadatas"])
    client.delete_collection(name)
    old = client.create_collection(
        name,
        embedding_function=embedding_function_class()(),
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"nlq_model": "all-MiniLM-L6-v2-onnx-int8"},
    )
    stale = [list(np.roll(v, 1)) for v in got["embeddings"]]  # not this nlq's vectors
    old.add(ids=got["ids"], embeddings=stale, documents=got["documents"],
            metadatas=got["metadatas"])  # fmt: skip
    with pytest.raises(StoreError, match="built by an older nlq .*in fp32.*run 'nlq index'"):
        VectorIndex.open(settings, store_id=store_id)

    again = index_paths(files, backend="rules", settings=settings)
    assert len(again.unchanged) == 2  # the store is untouched; only the vectors are redone
    assert again.repaired == 2 and again.line().endswith("2 file(s) re-embedded")
    with VectorIndex.open(settings, store_id=store_id) as index:
        assert index.ids() == ids
        item = index._collection.get(ids=[got["ids"][0]], include=["embeddings", "documents"])
        fresh = MiniLMEmbedder(cache_size=0).embed(item["documents"])[0]
        assert np.allclose(item["embeddings"][0], fresh, atol=1e-5)
        assert index._collection.metadata["nlq_compute"] == COMPUTE


def test_an_empty_collection_of_an_older_nlq_gets_this_nlqs_mark(tmp_path: Path) -> None:
    # Else vectors added to it would be taken for old ones, and rebuilt on every run.
    settings = settings_for(tmp_path / "home")
    client = make_client(settings)
    client.create_collection(
        collection_name("s1"),
        embedding_function=embedding_function_class()(),
        metadata={"nlq_model": "all-MiniLM-L6-v2-onnx-int8"},
    )
    with VectorIndex.open(settings, store_id="s1") as reader:  # empty: nothing to refuse
        assert reader.count() == 0
    with VectorIndex.open(settings, store_id="s1", rebuild_stale=True) as writer:
        assert writer._collection.metadata["nlq_compute"] == COMPUTE


def test_a_collection_of_a_newer_nlq_is_refused_and_kept(tmp_path: Path) -> None:
    # Two versions sharing one NLQ_HOME must not rebuild each other's vectors on every run.
    settings = settings_for(tmp_path / "home")
    client = make_client(settings)
    newer = client.create_collection(
        collection_name("s2"),
        embedding_function=embedding_function_class()(),
        metadata={"nlq_model": "m", "nlq_compute": "int8-per-token-99"},
    )
    newer.add(ids=["a"], embeddings=[[1.0] + [0.0] * 383], documents=["x"])
    for rebuild in (False, True):
        with pytest.raises(StoreError, match="built by a newer nlq .*int8-per-token-99"):
            VectorIndex.open(settings, store_id="s2", rebuild_stale=rebuild)
    assert client.get_collection(collection_name("s2")).count() == 1
