"""Which files a run checks: files as given, directories recursed for supported suffixes."""
from __future__ import annotations

import os
from pathlib import Path

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


class UsageError(Exception):
    """A command-line problem: exit 2 with one line on stderr."""


def expand(paths: list[str]) -> list[str]:
    """Files to check, in a stable order: each argument in turn, directories sorted inside."""
    files: list[str] = []
    for arg in paths:
        if arg == "-":
            files.append("-")
            continue
        path = Path(arg)
        if path.is_dir():
            files.extend(walk(path))
        elif path.exists() or path.is_symlink():
            files.append(arg)
        else:
            raise UsageError(f"{arg}: no such file or directory")
    return files


def walk(root: Path) -> list[str]:
    """Supported files under a directory, skipping hidden/VCS folders and Word lock files."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(("~$", ".")):
                continue
            if name.lower().endswith(SUPPORTED):
                found.append(str(Path(dirpath) / name))
    return found
