"""A self-contained HTML review page: the source with every extracted value highlighted, the
record as tables beside it, its warnings, and (when a golden case exists) each mismatch.

No network: CSS and JS are inline. The source is split once at every evidence boundary, so a
2 MB file renders in linear time, and overlapping spans (a wrapped name that encloses other
columns' figures) simply give a segment several field paths.
"""

from __future__ import annotations

import html
import json

from nlq.evaluate import compare, value_paths
from nlq.schema import ClusterProfile

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:10px 16px;background:#243b55;color:#fff}
header h1{font-size:18px;margin:0}
main{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:12px;padding:12px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px;overflow:auto}
#source{max-height:88vh}
pre{white-space:pre-wrap;word-break:break-word;font:12.5px/1.5 ui-monospace,monospace;margin:0}
mark{background:#ffe58a;border-radius:2px;cursor:pointer}
mark.multi{background:#ffc76b}
mark.flash{outline:2px solid #d33}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
td,th{border:1px solid #e2e2e2;padding:3px 6px;text-align:left;vertical-align:top}
tr[data-path]{cursor:pointer}
tr[data-path]:hover{background:#f0f6ff}
.warn{color:#8a4b00}.missing{color:#b00020}.extra{color:#6a1b9a}.ok{color:#1b5e20}
h2{font-size:15px;margin:10px 0 4px}
"""

_JS = """
function show(path){
  var m=document.querySelector('mark[data-paths~="'+CSS.escape(path)+'"]');
  if(!m)return;
  document.querySelectorAll('mark.flash').forEach(function(x){x.classList.remove('flash')});
  m.classList.add('flash');m.scrollIntoView({block:'center'});
}
document.addEventListener('click',function(e){
  var r=e.target.closest('tr[data-path]');if(r){show(r.getAttribute('data-path'));}
});
"""


def _highlighted(raw: str, record: ClusterProfile) -> str:
    spans = [(ev.start, ev.end, path) for path, ev in record.evidence.items() if ev.end > ev.start]
    cuts = sorted({0, len(raw), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts: dict[int, list[tuple[int, str]]] = {}
    for s, e, path in spans:
        starts.setdefault(s, []).append((e, path))
    open_spans: list[tuple[int, str]] = []
    out: list[str] = []
    values = _values(record)
    for a, b in zip(cuts, cuts[1:], strict=False):
        open_spans = [(e, p) for e, p in open_spans if e > a] + starts.get(a, [])
        text = html.escape(raw[a:b])
        if not open_spans:
            out.append(text)
            continue
        paths = [p for _, p in open_spans]
        title = "; ".join(f"{p} = {values.get(p, '')}" for p in paths)
        cls = ' class="multi"' if len(paths) > 1 else ""
        out.append(
            f'<mark{cls} data-paths="{html.escape(" ".join(paths))}" '
            f'title="{html.escape(title)}">{text}</mark>'
        )
    return "".join(out)


def _values(record: ClusterProfile) -> dict[str, object]:
    data = record.model_dump()
    out: dict[str, object] = {}
    for path in value_paths(record):
        node: object = data
        for part in path.replace("]", "").replace("[", ".").split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]  # type: ignore[index]
        out[path] = node
    return out


def _row(path: str, cells: list[object]) -> str:
    tds = "".join(f"<td>{html.escape('' if c is None else str(c))}</td>" for c in cells)
    return f'<tr data-path="{html.escape(path)}">{tds}</tr>'


def _tables(record: ClusterProfile) -> str:
    parts = ["<h2>Scalars</h2><table><tr><th>field</th><th>value</th><th>quote</th></tr>"]
    for path, value in _values(record).items():
        if "[" not in path and "." not in path:
            ev = record.evidence.get(path)
            parts.append(_row(path, [path, value, ev.text if ev else "(no evidence)"]))
    parts.append("</table>")
    for name in ("top_pct_applicants", "top_publishers"):
        parts.append(
            f"<h2>{name}</h2><table><tr><th>rank</th><th>name</th><th>count</th>"
            "<th>share %</th></tr>"
        )
        for i, e in enumerate(getattr(record, name)):
            parts.append(_row(f"{name}[{i}].name", [e.rank, e.name, e.count, e.share]))
        parts.append("</table>")
    for name in ("patent_fields", "publication_fields"):
        parts.append(f"<h2>{name}</h2><table><tr><th>field</th><th>share %</th></tr>")
        for i, f in enumerate(getattr(record, name)):
            parts.append(_row(f"{name}[{i}].field", [f.field, f.share]))
        parts.append("</table>")
    for name in ("patent_collaboration", "publication_collaboration"):
        c = getattr(record, name)
        parts.append(f"<h2>{name}</h2><table><tr><th>share %</th><th>partners</th></tr>")
        if c is not None:
            parts.append(_row(f"{name}.share", [c.share, ", ".join(c.partners)]))
        parts.append("</table>")
    return "".join(parts)


def render_review(raw: str, record: ClusterProfile, golden: ClusterProfile | None = None) -> str:
    """The review page for `record`, whose evidence points into `raw`."""
    unaligned = [p for p in value_paths(record) if p not in record.evidence]
    bad = [p for p, ev in record.evidence.items() if raw[ev.start : ev.end] != ev.text]
    side = [f"<h2>Warnings ({len(record.warnings)})</h2><ul>"]
    side += [f'<li class="warn">{html.escape(w)}</li>' for w in record.warnings]
    side.append("</ul>")
    if golden is not None:
        _, mismatches = compare(golden, record)
        side.append(f"<h2>Golden comparison ({len(mismatches)} mismatches)</h2><ul>")
        if not mismatches:
            side.append('<li class="ok">matches the golden record</li>')
        for m in mismatches:
            cls = "missing" if m.startswith("missing") else "extra"
            side.append(f'<li class="{cls}">{html.escape(m)}</li>')
        side.append("</ul>")
    side.append(f"<h2>Unaligned values ({len(unaligned) + len(bad)})</h2><ul>")
    side += [f'<li class="missing">{html.escape(p)}: no source span</li>' for p in unaligned]
    side += [
        f'<li class="missing">{html.escape(p)}: span text differs from source</li>' for p in bad
    ]
    side.append("</ul>")
    side.append(_tables(record))
    title = f"{record.cluster}, {record.economy} - {record.source}"
    meta = html.escape(json.dumps({"source": record.source, "evidence": len(record.evidence)}))
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>nlq review: {html.escape(title)}</title><style>{_CSS}</style></head>"
        f'<body data-meta="{meta}"><header><h1>nlq review: {html.escape(title)}</h1>'
        f"<div>{len(record.evidence)} highlighted values; click a row to find it in the source"
        f"</div></header><main><section id=source><pre>{_highlighted(raw, record)}</pre></section>"
        f"<section id=record>{''.join(side)}</section></main><script>{_JS}</script></body></html>"
    )
