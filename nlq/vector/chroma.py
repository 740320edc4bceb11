"""The vector index: fact sentences embedded in a chromadb collection. The one chromadb import.

chromadb is imported on first use (it takes about a second). The collection lives in
`NLQ_HOME/chroma` (`PersistentClient`), or on a Chroma server when `NLQ_CHROMA_URL` is set
(`HttpClient`); telemetry is off either way. The embedding function is nlq's own offline
MiniLM (`nlq.vector.embedding`), registered with chromadb under `nlq-minilm-int8` and passed
every time the collection is opened, so chromadb never falls back to its downloading default.

The collection is named after the fact store's id, so two homes never share one collection on
a server. Each item's id is the fact id, its document the fact sentence, its metadata the
filterable columns of `nlq.facts.fact_keys` plus `file`.
"""

from __future__ import annotations

import functools
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from nlq.config import Settings
from nlq.errors import StoreError, disk_full_hint
from nlq.facts import Fact, FactFilter, fact_keys
from nlq.vector.embedding import MODEL_ID, MODEL_SHA256, shared_embedder
from nlq.vector.int8_compute import COMPUTE, COMPUTE_PREFIX, REWRITE_VERSION

EMBEDDING_FUNCTION_NAME = "nlq-minilm-int8"
CHROMA_DIR = "chroma"
_BATCH = 2048
"""Items per chromadb call (chromadb refuses more than about 5,000 at once)."""


@functools.cache
def embedding_function_class() -> type:
    """The chromadb `EmbeddingFunction` class wrapping nlq's embedder, registered once."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

    @register_embedding_function
    class NlqMiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
        """all-MiniLM-L6-v2 int8 ONNX, offline, sha256-pinned (see nlq.vector.embedding)."""

        def __init__(self) -> None:
            # The model loads on the first embedding, so opening the collection to list or
            # delete ids costs nothing.
            pass

        def __call__(self, input: Documents) -> Embeddings:
            return list(shared_embedder().embed(list(input)))

        @staticmethod
        def name() -> str:
            return EMBEDDING_FUNCTION_NAME

        def get_config(self) -> dict[str, Any]:
            return {"model": MODEL_ID, "sha256": MODEL_SHA256}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> NlqMiniLMEmbeddingFunction:
            if config.get("sha256", MODEL_SHA256) != MODEL_SHA256:
                raise StoreError(
                    f"the vector collection was built with model {config}; this nlq embeds with "
                    f"{MODEL_ID} ({MODEL_SHA256[:12]}...): delete NLQ_HOME/chroma and re-index"
                )
            return NlqMiniLMEmbeddingFunction()

        def default_space(self) -> str:  # type: ignore[override]
            return "cosine"

        def supported_spaces(self) -> list[str]:  # type: ignore[override]
            return ["cosine", "l2", "ip"]

    return NlqMiniLMEmbeddingFunction


def collection_name(store_id: str) -> str:
    """The collection of the store with id `store_id` (3-512 characters of [a-zA-Z0-9._-])."""
    return f"nlq-facts-{store_id}"


def make_client(settings: Settings) -> Any:
    """A chromadb client: `HttpClient` for `settings.chroma_url`, else a `PersistentClient` in
    `settings.home/chroma`. Raises `StoreError` when the server cannot be reached."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urllib.parse.urlsplit(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise StoreError(
                f"NLQ_CHROMA_URL={settings.chroma_url!r} is not an http(s) URL; set it like "
                "http://127.0.0.1:8000"
            )
        port = url.port or (443 if url.scheme == "https" else 8000)
        try:
            return chromadb.HttpClient(
                host=url.hostname, port=port, ssl=url.scheme == "https", settings=chroma_settings
            )
        except Exception as e:  # chromadb raises plain ValueError/ConnectError here
            raise StoreError(
                f"cannot reach the Chroma server at {settings.chroma_url} ({e}); start it with "
                "'chroma run --path DIR --port N' or unset NLQ_CHROMA_URL"
            ) from e
    path = Path(settings.home) / CHROMA_DIR
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as e:
        raise StoreError(
            f"cannot open the vector index in {path} ({e}){disk_full_hint(e)}; check NLQ_HOME "
            "is writable, or "
            "delete that folder and run 'nlq index' to rebuild it"
        ) from e


class VectorIndex:
    """Fact sentences and their vectors. Every method raises `StoreError` on chromadb errors."""

    def __init__(self, client: Any, *, store_id: str, rebuild_stale: bool = False) -> None:
        self._client = client
        self.name = collection_name(store_id)
        self._collection = self._open()
        self.rebuilt = False
        """True when this open emptied a collection of vectors computed the older way."""
        built_with = (self._collection.metadata or {}).get("nlq_compute")
        if built_with == COMPUTE:
            return
        held = self.count()
        if not (rebuild_stale or held):
            return
        if built_with is not None and not _older(built_with):
            self.close()
            raise StoreError(
                f"the vector index was built by a newer nlq (vectors computed {built_with}, this "
                f"nlq computes {COMPUTE}); upgrade nlq, or use another NLQ_HOME"
            )
        if not rebuild_stale:
            self.close()
            raise StoreError(
                f"the vector index was built by an older nlq (vectors computed "
                f"{built_with or 'in fp32'}, this nlq computes {COMPUTE}); run 'nlq index' to "
                "rebuild it"
            )
        # Vectors computed another way are not comparable with this nlq's query vectors: the
        # indexer starts the collection again (an empty one too, so it gets this nlq's mark)
        # and re-embeds every fact.
        self.rebuilt = bool(held)
        self._call(self._client.delete_collection, self.name)
        self._collection = self._open()

    def _open(self) -> Any:
        try:
            return self._client.get_or_create_collection(
                self.name,
                embedding_function=embedding_function_class()(),
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"nlq_model": MODEL_ID, "nlq_compute": COMPUTE},
            )
        except StoreError:
            raise
        except Exception as e:
            raise StoreError(
                f"cannot open the vector collection {self.name} ({e}){disk_full_hint(e)}; "
                "delete NLQ_HOME/chroma "
                "(or the collection on the server) and run 'nlq index' to rebuild it"
            ) from e

    @classmethod
    def open(cls, settings: Settings, *, store_id: str, rebuild_stale: bool = False) -> VectorIndex:
        """The collection of store `store_id`, on the client `settings` asks for. A collection
        whose vectors were computed another way raises `StoreError`, or with `rebuild_stale`
        is emptied (the indexer then re-embeds every fact)."""
        return cls(make_client(settings), store_id=store_id, rebuild_stale=rebuild_stale)

    def close(self) -> None:
        """Release the client (a server's HTTP connections, the embedded store's files)."""
        # chromadb 1.5's Client.close() leaves the HTTP connection pools of the client and of
        # its admin client open (chroma-core/chroma#2702, fix pending in #7533), so their
        # sessions are closed here too.
        closers = [getattr(self._client, "close", None)]
        for client in (self._client, getattr(self._client, "_admin_client", None)):
            session = getattr(getattr(client, "_server", None), "_session", None)
            closers.append(getattr(session, "close", None))
        for close in closers:
            try:
                if close is not None:
                    close()
            except Exception:  # closing is best effort; nothing is written here
                pass

    def __enter__(self) -> VectorIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def count(self) -> int:
        """How many items the collection holds."""
        return self._call(self._collection.count)

    def ids(self) -> set[str]:
        """Every item id in the collection."""
        return set(self._call(self._collection.get, include=[])["ids"])

    def add(self, facts: Sequence[Fact]) -> None:
        """Embed and store `facts` (an existing id is overwritten)."""
        for i in range(0, len(facts), _BATCH):
            chunk = facts[i : i + _BATCH]
            self._call(
                self._collection.upsert,
                ids=[f.id for f in chunk],
                documents=[f.sentence for f in chunk],
                metadatas=[_metadata(f) for f in chunk],
            )

    def delete(self, ids: Iterable[str]) -> None:
        """Remove the items with these ids (unknown ids are ignored)."""
        ids = list(ids)
        for i in range(0, len(ids), _BATCH):
            self._call(self._collection.delete, ids=ids[i : i + _BATCH])

    def delete_file(self, file: str) -> None:
        """Remove every item of stored file `file`."""
        self._call(self._collection.delete, where={"file": file})

    def query(
        self, text: str, k: int = 10, filters: FactFilter | None = None
    ) -> list[tuple[str, float]]:
        """Up to `k` `(fact id, cosine distance)` pairs nearest to `text`, nearest first."""
        n = min(k, self.count())
        if n <= 0 or not text.strip():
            return []
        result = self._call(
            self._collection.query,
            query_texts=[text],
            n_results=n,
            where=chroma_where(filters),
            include=["distances"],
        )
        return list(zip(result["ids"][0], result["distances"][0], strict=True))

    def _call(self, method: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except StoreError:
            raise
        except Exception as e:
            raise StoreError(
                f"the vector index failed ({type(e).__name__}: {e}){disk_full_hint(e)}; run "
                "'nlq index' to repair "
                "it, or delete NLQ_HOME/chroma to rebuild it"
            ) from e


def _older(mark: str) -> bool:
    """Whether vectors marked `mark` come from an earlier version of this computation."""
    version = mark.removeprefix(COMPUTE_PREFIX)
    return version != mark and version.isdigit() and int(version) < REWRITE_VERSION


def chroma_where(filters: FactFilter | None) -> dict[str, Any] | None:
    """A chromadb `where` clause for `filters`, or None when nothing is filtered."""
    clauses: list[dict[str, Any]] = []
    for column, allowed in filters.conditions() if filters else []:
        values = list(allowed)
        clauses.append({column: values[0]} if len(values) == 1 else {column: {"$in": values}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _metadata(fact: Fact) -> dict[str, str | int | float]:
    meta: dict[str, str | int | float] = {"file": fact.file}
    meta.update({k: v for k, v in fact_keys(fact).items() if v is not None})
    if fact.rank is not None:
        meta["rank"] = fact.rank
    return meta
