"""A real crash: `nlq index` killed with SIGKILL part-way leaves a usable store, and the next
run completes it with SQLite and the vector index in agreement."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_fixtures import PROFILES, settings_for

from nlq.facts import facts_from_record
from nlq.indexer import index_paths
from nlq.store import DB_NAME, FactStore
from nlq.vector.chroma import VectorIndex

RUN_NLQ = "from nlq.cli import main; main()"
COPIES = 6


def _profiles(dest: Path) -> dict[str, str]:
    """COPIES copies of each bundled profile, each with its own content hash; name -> source."""
    dest.mkdir(parents=True)
    made = {}
    for src in sorted(PROFILES.glob("*.txt")):
        for i in range(COPIES):
            path = dest / f"{src.stem}_copy{i}.txt"
            path.write_text(src.read_text(encoding="utf-8") + "\n" * (i + 1), encoding="utf-8")
            made[str(path.resolve())] = src.name
    return made


def _facts_per_file(db: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        stored = {p: 0 for (p,) in con.execute("SELECT path FROM files")}
        stored.update(con.execute("SELECT file, count(*) FROM facts GROUP BY file"))
    return stored


def test_sigkill_mid_index_then_a_rerun_completes(tmp_path: Path) -> None:
    from nlq.extractors.batch import extract_file

    made = _profiles(tmp_path / "data")
    expected = {
        src.name: len(
            facts_from_record(
                extract_file(src, backend="rules").record,
                text=src.read_text(encoding="utf-8"),
            )
        )
        for src in PROFILES.glob("*.txt")
    }
    home = tmp_path / "home"
    db = home / DB_NAME
    env = {**os.environ, "NLQ_HOME": str(home)}
    cmd = [sys.executable, "-c", RUN_NLQ, "index", str(tmp_path / "data"), "--backend", "rules"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                if _facts_per_file(db):
                    break  # at least one file is in SQLite: kill now, mid-run
            except sqlite3.Error:
                pass  # the schema is being created
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "nlq index finished before it could be killed"

    # What the killed run left: every stored file has all of its facts or none were committed.
    partial = _facts_per_file(db)
    print(f"killed with {len(partial)} of {len(made)} files in SQLite")
    assert 0 < len(partial) <= len(made)
    for path, count in partial.items():
        assert count == expected[made[path]], (path, count)
    settings = settings_for(home)
    with FactStore.open(settings) as store:
        assert len(store.records_with_text()) == len(partial)

    rerun = index_paths([Path(p) for p in made], backend="rules", settings=settings)
    assert not rerun.failed
    assert len(rerun.added) + len(rerun.unchanged) == len(made)
    with FactStore.open(settings) as store:
        ids = store.fact_ids()
        with VectorIndex.open(settings, store_id=store.store_id) as index:
            assert index.ids() == ids
    assert len(ids) == COPIES * sum(expected.values())
