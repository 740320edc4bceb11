"""nlq: innovation-cluster profiles turned into trustworthy, queryable data.

`nlq.extract(path)`, `nlq.index(paths)` and `nlq.ask(question)` are loaded on first use, so
`import nlq` stays fast (see nlq/api.py).
"""

__version__ = "0.1.0"
__all__ = ["ask", "extract", "index"]


def __getattr__(name: str):
    if name in __all__:
        from nlq import api

        return getattr(api, name)
    raise AttributeError(f"module 'nlq' has no attribute {name!r}")
