"""Meaning-based matching of a loose word to the store's names ("chips" -> "Semiconductors"),
with the same offline embedding model the vector index uses. Loaded only when a question
needs it, so most questions never pay the model's start-up time."""

from __future__ import annotations

from nlq.answer.resolve import SemanticMatcher


def embedding_matcher() -> SemanticMatcher:
    """A matcher returning candidates by cosine similarity to the phrase, best first."""
    cache: dict[str, object] = {}

    def match(phrase: str, names: list[str]) -> list[tuple[str, float]]:
        from nlq.vector.embedding import shared_embedder

        embedder = shared_embedder()
        missing = [n for n in names if n not in cache]
        if missing:
            for name, vec in zip(missing, embedder.embed(missing), strict=True):
                cache[name] = vec
        query = embedder.embed([phrase])[0]
        scored = [(n, float(cache[n] @ query)) for n in names]  # type: ignore[operator]
        return sorted(scored, key=lambda s: -s[1])

    return match
