"""Shared helpers for the store, index and search tests (imported, not a conftest)."""

from __future__ import annotations

import shutil
from pathlib import Path

from nlq.config import Settings, load_settings
from nlq.schema import ClusterProfile, Collaboration, Evidence, RankedEntry

REPO = Path(__file__).resolve().parent.parent
PROFILES = REPO / "data" / "profiles"

HAND_TEXT = (
    "Global Innovation Index 2024\n"
    "\n"
    "Testville, Freedonia\n"
    "\n"
    "Testville is the third-ranked cluster, out of 7 Freedonian clusters. "
    "It filed **1,234 PCT applications**.\n"
    "\n"
    "Top PCT applicants\n"
    "| 1 | ACME ROCKETS | 500 | 40% |\n"
    "| 2 | WIDGET WORKS | 250 | 20% |\n"
    "\n"
    "42% of Testville's scientific articles are published in collaboration, "
    "with **Gotham** and **Metropolis**.\n"
)


def ev(text: str, quote: str, nth: int = 0) -> Evidence:
    """Evidence for the `nth` occurrence of `quote` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return Evidence(
        start=start, end=start + len(quote), line=text.count("\n", 0, start) + 1, text=quote
    )


def hand_record(text: str = HAND_TEXT, source: str = "testville_2024.txt") -> ClusterProfile:
    """A record of `HAND_TEXT` built by hand, with exact evidence for every value but the
    collaboration share of patents (left without evidence on purpose)."""
    t = text
    return ClusterProfile(
        source=source,
        edition=2024,
        cluster="Testville",
        economy="Freedonia",
        national_rank=3,
        national_cluster_count=7,
        pct_applications=1234,
        top_pct_applicants=[
            RankedEntry(rank=1, name="ACME ROCKETS", count=500, share=40),
            RankedEntry(rank=2, name="WIDGET WORKS", count=250, share=20),
        ],
        patent_collaboration=Collaboration(share=9, partners=[]),
        publication_collaboration=Collaboration(share=42, partners=["Gotham", "Metropolis"]),
        evidence={
            "edition": ev(t, "2024"),
            "cluster": ev(t, "Testville"),
            "economy": ev(t, "Freedonia"),
            "national_rank": ev(t, "third"),
            "national_cluster_count": ev(t, "7"),
            "pct_applications": ev(t, "1,234"),
            "top_pct_applicants[0].rank": ev(t, "1", 1),
            "top_pct_applicants[0].name": ev(t, "ACME ROCKETS"),
            "top_pct_applicants[0].count": ev(t, "500"),
            "top_pct_applicants[0].share": ev(t, "40"),
            "top_pct_applicants[1].name": ev(t, "WIDGET WORKS"),
            "top_pct_applicants[1].count": ev(t, "250"),
            "top_pct_applicants[1].share": ev(t, "20", 1),
            "publication_collaboration.share": ev(t, "42"),
            "publication_collaboration.partners[0]": ev(t, "Gotham"),
            "publication_collaboration.partners[1]": ev(t, "Metropolis"),
        },
    )


def settings_for(home: Path, **overrides: object) -> Settings:
    """Settings with `home` as NLQ_HOME (and no chroma server unless given)."""
    return load_settings(home=home, **overrides)


def copy_profiles(dest: Path) -> list[Path]:
    """Copy the bundled profiles into `dest` (so tests may edit or delete them)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for p in sorted(PROFILES.glob("*.txt")):
        shutil.copy(p, dest / p.name)
        out.append(dest / p.name)
    return out


def golden_inputs() -> list[Path]:
    """Every profile the rules extractor reads in the repo: bundled data and golden layouts."""
    files = sorted(PROFILES.glob("*"))
    files += sorted(p for p in (REPO / "golden" / "layouts").glob("*") if p.is_file())
    return files
