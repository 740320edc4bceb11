"""`nlq export`, `nlq show` and the Python API over an indexed store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import nlq
from nlq.cli import app
from nlq.export import FACT_COLUMNS, RECORD_COLUMNS

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()
FOREGROUND = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])(?:;\d+)*m")  # an SGR colour code


@pytest.fixture
def indexed(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    summary = nlq.index(["data/profiles"], backend="rules")
    assert len(summary.added) == 2


def _fact_count() -> int:
    from nlq.config import load_settings
    from nlq.store import FactStore

    with FactStore.open(load_settings()) as store:
        return store.count()


def test_csv_export_loads_in_pandas_with_the_documented_columns(indexed, tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out)
    assert tuple(df.columns) == FACT_COLUMNS
    assert len(df) == _fact_count() > 100
    row = df[(df.path == "top_pct_applicants[0].count") & (df.cluster == "Hefei")].iloc[0]
    assert (row.value, row.quote, row.line, row.source) == (2069, "2,069", 21, "hefei_2024.txt")


def test_records_export_in_every_format(indexed, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--what", "records", "--format", "jsonl"])
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert sorted(r["cluster"] for r in records) == ["Changsha", "Hefei"]
    out = tmp_path / "records.parquet"
    assert (
        runner.invoke(
            app, ["export", "--what", "records", "--format", "parquet", "--out", str(out)]
        ).exit_code
        == 0
    )
    df = pd.read_parquet(out)
    assert tuple(df.columns) == RECORD_COLUMNS
    assert sorted(df.pct_applications) == [309, 692]
    csv_text = runner.invoke(app, ["export", "--what", "records"]).stdout
    assert csv_text.splitlines()[0] == ",".join(RECORD_COLUMNS)


def test_export_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 1 and "run 'nlq index' first" in result.stderr
    result = runner.invoke(app, ["export", "--format", "xlsx"])
    assert result.exit_code == 1 and "unknown format 'xlsx'" in result.stderr


def test_show_a_cluster_with_a_typo(indexed) -> None:
    result = runner.invoke(app, ["show", "hefie"])
    assert result.exit_code == 0, result.output
    assert "Hefei, China" in result.stdout and "CHANGXIN MEMORY TECHNOLOGIES" in result.stdout
    assert "appears at ranks 1 and 3" in result.stdout
    result = runner.invoke(app, ["show", "Munich"])
    assert result.exit_code == 1 and "not an indexed cluster" in result.stderr


def test_python_api(indexed) -> None:
    record = nlq.extract("data/profiles/changsha_2024.txt", backend="rules")
    assert record.scientific_articles == 14953
    answer = nlq.ask("Top 3 publishing organizations in Changsha")
    assert [f.value for f in answer.figures if f.unit == "count"] == [27449, 9957, 7290]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"nlq {nlq.__version__}"


def test_show_respects_no_color(indexed) -> None:
    colored = runner.invoke(app, ["show", "Hefei"], env={"FORCE_COLOR": "1"})
    plain = runner.invoke(app, ["show", "Hefei"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert colored.exit_code == 0 and plain.exit_code == 0, colored.output + plain.output
    assert FOREGROUND.search(colored.stdout)  # the warning is yellow on a colour terminal
    assert not FOREGROUND.search(plain.stdout)  # no foreground colour at all with NO_COLOR
    assert "appears at ranks 1 and 3" in plain.stdout
