"""Global options: --verbose logs each step on stderr; shell completion comes from typer."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from nlq.cli import app

REPO = Path(__file__).resolve().parent.parent
PROFILES = [
    str(REPO / "data/profiles/changsha_2024.txt"),
    str(REPO / "data/profiles/hefei_2024.txt"),
]
runner = CliRunner()


def test_verbose_logs_one_line_per_file_and_keeps_stdout_clean() -> None:
    result = runner.invoke(app, ["--verbose", "extract", *PROFILES, "--json", "--backend", "rules"])
    assert result.exit_code == 0, result.output
    assert [r["cluster"] for r in json.loads(result.stdout)] == ["Changsha", "Hefei"]
    lines = [line for line in result.stderr.splitlines() if "extracted with rules" in line]
    assert len(lines) == 2, result.stderr
    assert "changsha_2024.txt: Changsha (China)" in lines[0]
    assert "hefei_2024.txt: Hefei (China)" in lines[1] and "73 figures" in lines[1]


def test_without_verbose_nothing_is_logged() -> None:
    result = runner.invoke(app, ["extract", *PROFILES, "--json", "--backend", "rules"])
    assert result.exit_code == 0, result.output
    assert "extracted with" not in result.stderr


def test_verbose_ask_logs_the_plan(monkeypatch) -> None:
    monkeypatch.chdir(REPO)  # a fresh NLQ_HOME: the bundled profiles are indexed first
    result = runner.invoke(app, ["-v", "ask", "How many papers does Hefei publish?"])
    assert result.exit_code == 0, result.output
    assert "7,921" in result.stdout
    plan_lines = [line for line in result.stderr.splitlines() if line.startswith("nlq: plan")]
    assert len(plan_lines) == 1, result.stderr
    plan = json.loads(plan_lines[0].split(": ", 2)[2])
    assert plan["clusters"] == ["Hefei"] and plan["metrics"] == ["scientific_articles"]


def test_shell_completion_script_is_offered(monkeypatch) -> None:
    # typer detects the shell from the parent processes; pytest's parent may be no shell.
    monkeypatch.setattr("typer.completion._get_shell_name", lambda: "bash")
    result = runner.invoke(app, ["--show-completion"])
    assert result.exit_code == 0, result.output
    assert "_NLQ_COMPLETE" in result.stdout and "complete " in result.stdout
