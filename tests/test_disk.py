"""A full disk and a read-only NLQ_HOME, on real file systems: a tmpfs of a few hundred
kilobytes, and a read-only mount, each in a private mount namespace (`unshare -m`, as root).

A full disk gives one line naming what failed and what to do, never a traceback; nothing
stored is half-written, so once space is freed the next `nlq index` completes and answers are
right. A read-only NLQ_HOME cannot be indexed (one line saying so) but an index already on it
can still be read by `nlq ask`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NLQ = f"{shlex.quote(sys.executable)} -c 'from nlq.cli import main; main()'"
QUESTION = "How many PCT applications does Hefei file per million inhabitants?"


def _mounts_ok() -> str | None:
    """Why tmpfs mounts in a private namespace are impossible here, or None."""
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"cannot mount a tmpfs in a mount namespace: {probe.stderr.strip()}"
    return None


@pytest.fixture
def mounts() -> None:
    reason = _mounts_ok()
    if reason:
        print(f"skipping the file-system test: {reason}")
        pytest.skip(reason)


def _script(tmp_path: Path, body: str) -> dict[str, str]:
    """Run `body` (sh) in a new mount namespace; each `step NAME CMD...` records NAME's exit
    code, stdout and stderr in files under tmp_path, read back as {NAME.rc/out/err: text}."""
    out = tmp_path / "steps"
    out.mkdir()
    prelude = (
        "set -u\n"
        f'step() {{ n=$1; shift; "$@" > {out}/$n.out 2> {out}/$n.err; echo $? > {out}/$n.rc; }}\n'
    )
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    env.pop("NLQ_HOME", None)
    run = subprocess.run(
        ["unshare", "-m", "sh", "-c", prelude + body],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    return {p.name: p.read_text() for p in sorted(out.iterdir())}


def _one_line_error(steps: dict[str, str], name: str) -> str:
    assert steps[f"{name}.rc"].strip() == "1", steps
    err = steps[f"{name}.err"]
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.startswith("nlq: error:")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("size", ["64k", "400k", "800k"])
def test_a_full_disk_gives_one_line_and_after_freeing_space_the_next_run_completes(
    tmp_path: Path, mounts, size: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    nlq = f"env NLQ_HOME={home} {NLQ}"
    steps = _script(
        tmp_path,
        f"mount -t tmpfs -o size={size} tmpfs {home}\n"
        f'step full sh -c "{nlq} index data/profiles --backend rules"\n'
        f"mount -o remount,size=64m {home}\n"
        f'step again sh -c "{nlq} index data/profiles --backend rules"\n'
        f"step ask sh -c \"{nlq} ask '{QUESTION}'\"\n",
    )
    line = _one_line_error(steps, "full")
    assert "the disk is full, free some space" in line, line
    assert steps["again.rc"].strip() == "0", steps["again.err"]
    assert "0 failed; 102 facts" in steps["again.out"], steps["again.out"]
    assert steps["ask.rc"].strip() == "0", steps["ask.err"]
    assert steps["ask.out"].startswith("Hefei: 692 [1] PCT applications per million inhabitants.")


def test_a_read_only_home_cannot_be_indexed_but_its_index_can_be_read(
    tmp_path: Path, mounts
) -> None:
    empty, built = tmp_path / "empty", tmp_path / "built"
    empty.mkdir()
    built.mkdir()
    steps = _script(
        tmp_path,
        f'step build sh -c "env NLQ_HOME={built} {NLQ} index data/profiles --backend rules"\n'
        f"mount -t tmpfs -o ro tmpfs {empty}\n"
        f"mount --bind {built} {built}\nmount -o remount,ro,bind {built}\n"
        f'step index_empty sh -c "env NLQ_HOME={empty} {NLQ} index data/profiles"\n'
        f'step index_built sh -c "env NLQ_HOME={built} {NLQ} index data/profiles"\n'
        f"step ask sh -c \"env NLQ_HOME={built} {NLQ} ask '{QUESTION}'\"\n",
    )
    assert steps["build.rc"].strip() == "0", steps["build.err"]
    for name in ("index_empty", "index_built"):
        line = _one_line_error(steps, name)
        assert "NLQ_HOME must be a writable folder" in line, line
    assert steps["ask.rc"].strip() == "0", steps["ask.err"]
    assert steps["ask.out"].startswith("Hefei: 692 [1] PCT applications per million inhabitants.")
