"""Turning the paths a user names into the profile files to read, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

PROFILE_SUFFIXES = {
    ".txt", ".text", ".md", ".markdown", ".htm", ".html", ".xhtml", ".pdf", ".csv", ".tsv",
    ".rst", ".adoc", ".asciidoc", ".tex", ".wiki", ".org", ".yaml", ".yml",
    ".toml", ".docx", ".xlsx", ".pptx", ".rtf", ".eml",
}  # fmt: skip
NO_FILES = (
    "no profile files found in the given paths (looked for "
    + ", ".join(sorted(PROFILE_SUFFIXES))
    + "); name the files or a folder that holds them"
)


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Files named directly, plus profile files found by walking directories (sorted).

    Returns `(files, problems)`: a problem is a one-line message for a path that does not
    exist. Directory walks skip hidden entries, do not follow symbolic links to directories
    (so a link loop cannot trap them) and keep only known profile suffixes.
    """
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in names:
                    p = Path(root, name)
                    if not name.startswith(".") and p.suffix.lower() in PROFILE_SUFFIXES:
                        found.append(p)
            files.extend(sorted(found))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or directory; check the path")
    return files, problems
