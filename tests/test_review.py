"""`nlq review`: the page, checked in a real headless Chromium when one is installed."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlq.cli import app
from nlq.extractors.batch import extract_file
from nlq.layout.loader import load_source
from nlq.review import render_review

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.paths: set[str] = set()
        self.rows: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark":
            self.paths.update((a.get("data-paths") or "").split())
        if tag == "tr" and a.get("data-path"):
            self.rows.add(a["data-path"] or "")


def _marks(page: str) -> _Marks:
    m = _Marks()
    m.feed(page)
    return m


def test_every_evidence_entry_is_highlighted_and_golden_is_compared(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["review", "data/profiles/hefei_2024.txt", "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    record = extract_file(REPO / "data/profiles/hefei_2024.txt").record
    assert _marks(page).paths == set(record.evidence)
    assert "Golden comparison (0 mismatches)" in page
    assert "http" not in page.replace("http-equiv", "")  # self-contained: nothing fetched


def test_mismatches_and_unaligned_values_are_listed() -> None:
    path = REPO / "data/profiles/changsha_2024.txt"
    record = extract_file(path).record
    golden = record.model_copy(update={"pct_applications": 310})
    broken = record.model_copy(
        update={"evidence": {k: v for k, v in record.evidence.items() if k != "edition"}}
    )
    page = render_review(load_source(path)[0], broken, golden)
    assert "missing scalars: (&#x27;pct_applications&#x27;, 310)" in page
    assert "extra scalars: (&#x27;pct_applications&#x27;, 309)" in page
    assert "Unaligned values (1)" in page and "edition: no source span" in page


def test_a_two_megabyte_source_renders(tmp_path: Path) -> None:
    path = REPO / "data/profiles/hefei_2024.txt"
    raw = load_source(path)[0]
    record = extract_file(path).record
    big = raw + ("<filler & text>\n" * 130_000)
    page = render_review(big, record)
    assert len(big) > 2_000_000
    assert _marks(page).paths == set(record.evidence)
    assert "&lt;filler &amp; text&gt;" in page


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_review_page_in_headless_chromium(tmp_path: Path) -> None:
    path = REPO / "golden/layouts/hefei_2024.html"
    record = extract_file(path).record
    page = tmp_path / "review.html"
    page.write_text(render_review(load_source(path)[0], record), "utf-8")
    common = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [*common, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    marks = _marks(dom)
    assert marks.paths == set(record.evidence)
    assert {p for p in marks.rows} <= set(record.evidence)
    shot = tmp_path / "review.png"
    subprocess.run(
        [*common, "--window-size=1400,1000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
