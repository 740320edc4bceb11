"""nlq: innovation-cluster profiles turned into trustworthy, queryable data."""

__version__ = "0.1.0"
