"""`nlq extract` and `nlq eval` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from nlq.cli import app
from nlq.schema import ClusterProfile

runner = CliRunner()
CONTRACT_KEYS = [
    "source",
    "edition",
    "cluster",
    "economy",
    "national_rank",
    "national_cluster_count",
    "global_size_rank",
    "global_intensity_rank",
    "pct_applications",
    "scientific_articles",
    "top_pct_applicants",
    "top_publishers",
    "patent_fields",
    "publication_fields",
    "patent_collaboration",
    "publication_collaboration",
    "evidence",
    "warnings",
]


def test_extract_json_prints_one_contract_record_per_file_in_order(repo: Path) -> None:
    files = [repo / "data/profiles/hefei_2024.txt", repo / "data/profiles/changsha_2024.txt"]
    result = runner.invoke(app, ["extract", *map(str, files), "--json", "--backend", "rules"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == ["hefei_2024.txt", "changsha_2024.txt"]
    assert all(list(r) == CONTRACT_KEYS for r in records)
    hefei = ClusterProfile.model_validate(records[0])
    assert hefei.top_pct_applicants[0].model_dump() == {
        "rank": 1,
        "name": "CHANGXIN MEMORY TECHNOLOGIES",
        "count": 2069,
        "share": 54,
    }
    ev = records[0]["evidence"]["top_pct_applicants[0].count"]
    raw = files[0].read_text("utf-8")
    assert ev["text"] == "2,069" == raw[ev["start"] : ev["end"]]
    assert ev["line"] == raw.count("\n", 0, ev["start"]) + 1


def test_a_bad_file_is_reported_on_one_line_and_the_batch_goes_on(
    repo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(repo / "data/profiles/hefei_2024.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\xff\xfe\x00bad\x00\x00binary")
    (folder / "c.txt").write_bytes(b"caf\xe9 latin-1 text\n")
    (folder / "d.txt").write_text("")
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "--backend", "rules", "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line]
    assert len(errors) == 3, result.stderr
    assert all(line.startswith("nlq: error: ") for line in errors)
    assert (
        "b.txt" in errors[0]
        and "c.txt: not valid UTF-8" in errors[1]
        and "d.txt: the file is empty" in errors[2]
    )
    assert "Traceback" not in result.output
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(x)["source"] for x in lines] == ["a.txt"]
    assert "a.txt: Hefei, China" in result.stdout


def test_missing_path_and_unknown_backend_are_one_line_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "--backend", "rules"])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"nlq: error: {tmp_path / 'nope.txt'}: no such file or directory; check the path"
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--backend", "magic"])
    assert result.exit_code == 1
    assert "unknown backend 'magic'" in result.stderr


def test_utf16_with_bom_is_read(repo: Path, tmp_path: Path) -> None:
    raw = (repo / "data/profiles/changsha_2024.txt").read_text("utf-8")
    path = tmp_path / "changsha16.txt"
    path.write_bytes(raw.encode("utf-16"))
    result = runner.invoke(app, ["extract", str(path), "--json", "--backend", "rules"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)[0]
    assert record["scientific_articles"] == 14953
    ev = record["evidence"]["scientific_articles"]
    assert raw[ev["start"] : ev["end"]] == "14,953"


def test_a_bug_on_one_file_is_a_one_line_error_and_the_batch_goes_on(
    repo: Path, tmp_path: Path, monkeypatch
) -> None:
    from nlq.extractors.rules import RulesExtractor

    real = RulesExtractor.extract

    def flaky(self, doc):  # an extractor bug on one file's layout
        if doc.source == "b.txt":
            raise IndexError("tuple index out of range")
        return real(self, doc)

    monkeypatch.setattr(RulesExtractor, "extract", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(repo / "data/profiles/hefei_2024.txt", folder / name)
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "--backend", "rules", "--out", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line]
    assert len(errors) == 1 and errors[0].startswith("nlq: error: b.txt: nlq failed on this file")
    assert "IndexError" in errors[0] and "bug in nlq" in errors[0]
    assert "Traceback" not in result.output
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(x)["source"] for x in lines] == ["a.txt", "c.txt"]


def test_eval_scores_a_case_that_hits_a_bug_as_an_error_and_goes_on(repo: Path) -> None:
    from nlq.evaluate import evaluate_case, load_cases

    (path, case), *_ = load_cases(repo / "golden")

    def broken(source: Path):
        raise IndexError("tuple index out of range")

    scored = evaluate_case(path, case, broken)
    assert scored.error is not None and "IndexError" in scored.error
    assert "bug in nlq" in scored.error and scored.total.f1 == 0.0
