"""The vector side of the index: offline MiniLM embeddings and the chromadb collection."""
