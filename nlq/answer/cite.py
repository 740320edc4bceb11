"""Writing answer text in which every number is registered as a cited (or computed) figure."""

from __future__ import annotations

from nlq.answer.corpus import Corpus
from nlq.schema import Citation, ClusterProfile, Figure

_QUOTE_MAX = 160


def fmt(value: float, unit: str) -> str:
    """How a figure is written: 2,069 / 54% / 12 / 500.5 / 0.00532."""
    if unit == "percent":
        return f"{value:g}%"
    if unit in ("rank", "year"):
        return f"{value:g}"
    if float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) < 1:
        return f"{value:.3g}"  # 0.00532, not 0.01
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _window(raw: str, line_start: int, line_end: int, start: int, end: int) -> str:
    """About _QUOTE_MAX characters of a long line around a span, cut at spaces, with '…'."""
    half = max(20, (_QUOTE_MAX - (end - start)) // 2)
    lo, hi = max(line_start, start - half), min(line_end, end + half)
    if lo > line_start:
        space = raw.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < line_end:
        space = raw.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    text = raw[lo:hi].strip()
    return ("…" if lo > line_start else "") + text + ("…" if hi < line_end else "")


class Writer:
    """Collects citations and figures while an answer's text is written."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.citations: list[Citation] = []
        self.figures: list[Figure] = []
        self._shown: set[tuple[float, str, int]] = set()
        self._ids: dict[tuple[str, int, int], int] = {}

    def cite(self, record: ClusterProfile, path: str) -> int | None:
        """The citation id for the evidence at `path`, or None if the record has none."""
        ev = record.evidence.get(path)
        raw = self.corpus.raws.get(record.source)
        if ev is None or raw is None or raw[ev.start : ev.end] != ev.text:
            return None
        key = (record.source, ev.start, ev.end)
        if key not in self._ids:
            line_start = raw.rfind("\n", 0, ev.start) + 1
            line_end = raw.find("\n", ev.end)
            line_end = len(raw) if line_end < 0 else line_end
            quote = raw[line_start:line_end].strip()
            if len(quote) > _QUOTE_MAX:
                quote = _window(raw, line_start, line_end, ev.start, ev.end)
            cid = len(self.citations) + 1
            self.citations.append(
                Citation(
                    id=cid,
                    source=record.source,
                    line=ev.line,
                    start=ev.start,
                    end=ev.end,
                    quote=quote,
                )
            )
            self._ids[key] = cid
        return self._ids[key]

    def fig(self, record: ClusterProfile, path: str, value: float, unit: str) -> str:
        """`value` written with its citation marker; '' if it cannot be cited (never shown)."""
        cid = self.cite(record, path)
        if cid is None:
            return ""
        if (value, unit, cid) not in self._shown:  # a figure shown twice is listed once
            self._shown.add((value, unit, cid))
            self.figures.append(Figure(value=value, unit=unit, citation=cid))
        return f"{fmt(value, unit)} [{cid}]"

    def computed(self, value: float, unit: str, inputs: list[int], operation: str) -> str:
        """A figure computed from cited figures (their citation ids in `inputs`)."""
        self.figures.append(Figure(value=value, unit=unit, inputs=inputs, operation=operation))
        return fmt(value, unit)

    def cite_name(self, record: ClusterProfile, path: str) -> str:
        """A citation marker for a name (no figure), e.g. a partner list."""
        cid = self.cite(record, path)
        return f" [{cid}]" if cid else ""
