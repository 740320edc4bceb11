"""Synthetic cluster profiles for benchmarks and tests: reproducible, clearly fictional.

`generate(n, seed)` yields `Synthetic(name, text, truth)`: a profile file's name and text in
one of the supported layouts (tab-separated text, markdown, HTML, PDF text with aligned
columns), and the record the generator put into it (`truth`, a `ClusterProfile` without
evidence), so extraction can be checked field by field. Cluster names start with "Synth" and
economies are fictional countries. Never written into data/.

Run `python bench/synth.py OUT_DIR [--n N] [--seed S]` to write N files.
"""

from __future__ import annotations

import argparse
import html
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nlq.numbers import ordinal_word
from nlq.schema import ClusterProfile

LAYOUTS = ("tab", "markdown", "html", "pdftext")
_SUFFIX = {"tab": ".txt", "markdown": ".md", "html": ".html", "pdftext": ".txt"}
FORMATS = {"tab": "text", "markdown": "markdown", "html": "html", "pdftext": "text"}
"""The `nlq.layout.parse` format of each layout."""
_ECONOMIES = {
    "Testland": "Testlandic",
    "Freedonia": "Freedonian",
    "Ruritania": "Ruritanian",
    "Syldavia": "Syldavian",
    "Borduria": "Bordurian",
    "Genovia": "Genovian",
    "Elbonia": "Elbonian",
    "Latveria": "Latverian",
}
_SYLLABLES = [
    "kal", "vor", "mira", "ost", "dun", "bel", "tar", "sen", "lum", "quar", "zel", "nor",
    "fen", "gra", "hal", "ist", "jor", "kev", "lan", "mor", "pel", "rin", "sol", "ulm",
]  # fmt: skip
_ORG_FORMS = [
    "{X} UNIVERSITY",
    "UNIVERSITY OF {X}",
    "{X} INSTITUTE OF TECHNOLOGY",
    "{X} ROBOTICS CO., LTD",
    "{X} MATERIALS & ENERGY GROUP",
    "NATIONAL LABORATORY OF {X}",
    "{X} MEDICAL CENTER",
    "{X}–{Y} POWER SUPPLY CO., LTD",
    "FUNDAÇÃO {X} DE PESQUISA",
    "{X} BIOTECH AB",
    "ÉCOLE POLYTECHNIQUE DE {X}",
    "{X} SEMICONDUCTOR CORP.",
]
_PATENT_FIELDS = [
    "Semiconductors", "Computer tech.", "Electrical machinery", "Measurement", "Optics",
    "Digital communication", "Pharmaceuticals", "Biotechnology", "Medical technology",
    "Engines, pumps, turbines", "Transport", "Civil engineering", "Organic fine chemistry",
    "Audio-visual tech.", "Control", "Materials, metallurgy",
]  # fmt: skip
_PUBLICATION_FIELDS = [
    "Chemistry", "Engineering", "Physics & math", "Technology", "Earth sciences",
    "Biochem. & biotech.", "Applied biology", "Clinical medicine", "Computer science",
    "Materials science", "Neuroscience", "Environmental sciences",
]  # fmt: skip
_ORG_LISTS = (
    ("Top PCT applicants", "top_pct_applicants", "Patents"),
    ("Top publishing organizations", "top_publishers", "Articles"),
)
_SEPARATORS = [",", ",", ",", " ", "\u202f", "\u00a0", ""]


@dataclass(frozen=True, slots=True)
class Synthetic:
    """One generated profile: file name, text, and the record it holds."""

    name: str
    layout: str
    text: str
    truth: ClusterProfile


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _cluster_name(i: int) -> str:
    """A unique name per index (24^3 = 13,824 before the names repeat with a suffix)."""
    a, b, c = i % 24, (i // 24) % 24, (i // 576) % 24
    name = "Synth " + (_SYLLABLES[a] + _SYLLABLES[b] + _SYLLABLES[c]).capitalize()
    extra = i // 13_824
    return name + (" " + _SYLLABLES[extra % 24].capitalize() if extra else "")


def _number(value: int, rng: random.Random) -> str:
    if value < 1000:
        return str(value)
    sep = rng.choice(_SEPARATORS)
    return f"{value:,}".replace(",", sep)


def _ordinal(n: int, rng: random.Random) -> str:
    word = ordinal_word(n)
    if word and rng.random() < 0.5:
        return word
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _entries(rng: random.Random, n: int, unit_total: int, forms: list[str]) -> list[dict]:
    """n organizations with descending counts and shares of one consistent total."""
    counts = sorted((rng.randint(unit_total // 60 + 5, unit_total // 3) for _ in range(n)),
                    reverse=True)  # fmt: skip
    names: list[str] = []
    while len(names) < n:
        form = rng.choice(forms)
        name = form.format(X=_word(rng, 2).upper(), Y=_word(rng, 2).upper())
        if name not in names:
            names.append(name)
    return [
        {"rank": k + 1, "name": names[k], "count": c, "share": max(1, round(100 * c / unit_total))}
        for k, c in enumerate(counts)
    ]


def _fields(rng: random.Random, pool: list[str]) -> list[dict]:
    chosen = rng.sample(pool, rng.randint(3, 7))
    shares = sorted((rng.randint(2, 20) for _ in chosen), reverse=True)
    while sum(shares) > 90:
        shares = [max(1, s - 1) for s in shares]
    out = [{"field": f, "share": s} for f, s in zip(chosen, shares, strict=True)]
    return out + [{"field": "Other", "share": 100 - sum(shares)}]


def _truth(i: int, rng: random.Random, name: str) -> dict:
    economy = rng.choice(sorted(_ECONOMIES))
    count = rng.randint(2, 30)
    partners = [f"{_word(rng, 2)}–{_word(rng, 2)}" if rng.random() < 0.3 else _word(rng, 2)
                for _ in range(3)]  # fmt: skip
    truth = {
        "source": name,
        "edition": rng.choice([2023, 2024, 2025]),
        "cluster": _cluster_name(i),
        "economy": economy,
        "national_rank": rng.randint(1, count),
        "national_cluster_count": count,
        "global_size_rank": rng.randint(1, 100),
        "global_intensity_rank": rng.randint(1, 100),
        "pct_applications": rng.randint(12, 3000),
        "scientific_articles": rng.randint(1200, 40000),
        "top_pct_applicants": _entries(rng, rng.randint(3, 8), rng.randint(400, 9000), _ORG_FORMS),
        "top_publishers": _entries(rng, rng.randint(3, 8), rng.randint(5000, 90000), _ORG_FORMS),
        "patent_fields": _fields(rng, _PATENT_FIELDS) if rng.random() > 0.15 else [],
        "publication_fields": _fields(rng, _PUBLICATION_FIELDS) if rng.random() > 0.15 else [],
        "patent_collaboration": {"share": rng.randint(1, 40), "partners": partners},
        "publication_collaboration": (
            {"share": rng.randint(20, 80), "partners": rng.sample(partners, 3)}
            if rng.random() > 0.1
            else None
        ),
    }
    return truth


# -- layouts ------------------------------------------------------------------------------


def _prose(t: dict, rng: random.Random) -> tuple[str, str, str, str]:
    """Overview sentence, the two rank lines, and the two collaboration sentences."""
    adjective = _ECONOMIES[t["economy"]]
    pct, art = _number(t["pct_applications"], rng), _number(t["scientific_articles"], rng)
    overview = (
        f"{t['cluster']} is the {_ordinal(t['national_rank'], rng)}-ranked cluster, out of "
        f"{t['national_cluster_count']} {adjective} clusters, that falls within the top 100 S&T "
        f"clusters in {t['edition']}. It filed **{pct} PCT applications** and published "
        f"**{art} scientific articles**, both per 1 million inhabitants over the last five "
        "years, making it the:"
    )
    size = (
        f"{_ordinal(t['global_size_rank'], rng)} largest science and technology cluster in "
        f"{t['edition']}"
    )
    intensity = (
        f"{_ordinal(t['global_intensity_rank'], rng)} S&T cluster by intensity (relative to "
        f"population density) in {t['edition']}"
    )
    collab = []
    pc = t["patent_collaboration"]
    p = pc["partners"]
    collab.append(
        f"{pc['share']}% of {t['cluster']}'s PCT patent applications are filed in collaboration "
        f"with other inventors, with **{p[0]}**, **{p[1]}** and **{p[2]}** emerging as the top "
        "collaborative locations."
    )
    uc = t["publication_collaboration"]
    if uc:
        q = uc["partners"]
        collab.append(
            f"{uc['share']}% of {t['cluster']}'s scientific articles are published in "
            "collaboration with other organizations, with the top three collaborating locations "
            f"being **{q[0]}**, **{q[1]}** and **{q[2]}**."
        )
    return overview, size, intensity, "\n\n".join(collab)


def _tab(t: dict, rng: random.Random) -> str:
    overview, size, intensity, collab = _prose(t, rng)
    parts = [f"Global Innovation Index {t['edition']}", f"{t['cluster']}, {t['economy']}",
             overview, size, intensity]  # fmt: skip
    for title, key, unit in _ORG_LISTS:
        rows = [f"\t\t{unit}\tShare"] + [
            f"{e['rank']}\t{e['name']}\t{_number(e['count'], rng)}\t{e['share']}%" for e in t[key]
        ]
        parts += [title, "\n".join(rows)]
    parts.append(f"Top technology fields in {t['cluster']}")
    for label, key in (("Patents", "patent_fields"), ("Publications", "publication_fields")):
        parts.append(label)
        if t[key]:
            parts.append("\n".join(f"{f['field']}\t{f['share']}%" for f in t[key]))
    parts.append(collab)
    return "\n\n".join(parts) + "\n"


def _markdown(t: dict, rng: random.Random) -> str:
    overview, size, intensity, collab = _prose(t, rng)
    parts = [f"# {t['cluster']}, {t['economy']}", f"*Global Innovation Index {t['edition']}*",
             overview, f"- {size}\n- {intensity}"]  # fmt: skip
    apps = ["| | Applicant | Patents | Share |", "|---|---|---:|---:|"] + [
        f"| {e['rank']} | {e['name']} | {_number(e['count'], rng)} | {e['share']}% |"
        for e in t["top_pct_applicants"]
    ]
    pubs = [
        f"{e['rank']}. {e['name']} — {_number(e['count'], rng)} articles ({e['share']}%)"
        for e in t["top_publishers"]
    ]
    sections = [["## Top PCT applicants", "\n".join(apps)],
                ["## Top publishing organizations", "\n".join(pubs)]]  # fmt: skip
    fields = [f"## Top technology fields in {t['cluster']}"]
    for label, key in (("Patents", "patent_fields"), ("Publications", "publication_fields")):
        fields.append(f"### {label}")
        if t[key]:
            fields.append("\n".join(f"- {f['field']}: {f['share']}%" for f in t[key]))
    sections.append(fields)
    sections.append(["## Collaboration", collab])
    rng.shuffle(sections)  # sections in any order
    for s in sections:
        parts += s
    return "\n\n".join(parts) + "\n"


def _html(t: dict, rng: random.Random) -> str:
    overview, size, intensity, collab = _prose(t, rng)
    e = html.escape

    def strong(text: str) -> str:
        out, bold = [], False
        for piece in e(text).split("**"):
            out.append(f"<strong>{piece}</strong>" if bold else piece)
            bold = not bold
        return "".join(out)

    body = [f"<h1>{e(t['cluster'])}, {e(t['economy'])}</h1>",
            f"<p class='edition'>Global Innovation Index {t['edition']}</p>",
            f"<p>{strong(overview)}</p>",
            f"<ul><li>{e(size)}</li><li>{e(intensity)}</li></ul>"]  # fmt: skip
    for title, key, unit in _ORG_LISTS:
        rows = "".join(
            f"<tr><td>{x['rank']}</td><td>{e(x['name'])}</td>"
            f"<td>{e(_number(x['count'], rng))}</td><td>{x['share']}%</td></tr>"
            for x in t[key]
        )
        body.append(
            f"<section><h2>{title}</h2><table><thead><tr><th></th><th>Name</th><th>{unit}</th>"
            f"<th>Share</th></tr></thead><tbody>{rows}</tbody></table></section>"
        )
    body.append(f"<section><h2>Top technology fields in {e(t['cluster'])}</h2>")
    for label, key in (("Patents", "patent_fields"), ("Publications", "publication_fields")):
        items = "".join(f"<li>{e(f['field'])} ({f['share']}%)</li>" for f in t[key])
        body.append(f"<h3>{label}</h3>" + (f"<ul>{items}</ul>" if items else ""))
    body.append("</section>")
    body += [f"<p>{strong(p)}</p>" for p in collab.split("\n\n")]
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>"
        f"{e(t['cluster'])} | GII cluster profile</title><script>var x = {{n: 999}};</script>"
        "</head><body><nav><a href='/'>WIPO</a></nav><main>\n"
        + "\n".join(body)
        + "\n</main><footer>© WIPO 2099</footer></body></html>\n"
    )


def _pdftext(t: dict, rng: random.Random) -> str:
    overview, size, intensity, collab = _prose(t, rng)
    overview, collab = overview.replace("**", ""), collab.replace("**", "")
    lines = [" " * 50 + f"Global Innovation Index {t['edition']}", "", "",
             f"{t['cluster']}, {t['economy']}", "", _wrap(overview), "",
             "      " + size, "", "      " + intensity, "", ""]  # fmt: skip
    for title, key, unit in _ORG_LISTS:
        lines += [title, "", " " * 44 + f"{unit:>8}   Share"]
        for x in t[key]:
            lines.append(f"{x['rank']:>2}   {x['name']:<38} {_number(x['count'], rng):>8}   "
                         f"{x['share']:>4}%")  # fmt: skip
        lines += ["", ""]
    lines += [f"Top technology fields in {t['cluster']}", ""]
    for label, key in (("Patents", "patent_fields"), ("Publications", "publication_fields")):
        lines += [label, ""]
        fs = [f"{f['field']} ({f['share']}%)" for f in t[key]]
        half = (len(fs) + 1) // 2
        right = fs[half:] + [""] * (half - len(fs[half:]))
        for a, b in zip(fs[:half], right, strict=True):
            lines.append(f"   {a:<40}{b}".rstrip())
        lines.append("")
    lines += ["", _wrap(collab)]
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 96) -> str:
    out = []
    for para in text.split("\n\n"):
        line = ""
        for word in para.split(" "):
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out += [line, ""]
    return "\n".join(out).rstrip("\n")


_RENDER = {"tab": _tab, "markdown": _markdown, "html": _html, "pdftext": _pdftext}


def generate(n: int, seed: int = 0, layouts: tuple[str, ...] = LAYOUTS) -> Iterator[Synthetic]:
    """`n` profiles, the i-th in layout `layouts[i % len(layouts)]`; the same for a seed."""
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        layout = layouts[i % len(layouts)]
        name = f"synth_{i:05d}_{layout}{_SUFFIX[layout]}"
        truth = _truth(i, rng, name)
        text = _RENDER[layout](truth, rng)
        yield Synthetic(name, layout, text, ClusterProfile.model_validate(truth))


def write(out: Path, n: int, seed: int = 0) -> list[Path]:
    """Write `n` profiles into `out`; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in generate(n, seed):
        path = out / s.name
        path.write_text(s.text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = write(args.out, args.n, args.seed)
    print(f"wrote {len(paths)} synthetic profiles to {args.out}")


if __name__ == "__main__":
    main()
