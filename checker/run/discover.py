"""Which files a run checks: files as given, directories recursed for supported suffixes."""
from __future__ import annotations

import os

from checker.read.paths import spelled

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".wps", ".pdf", ".ofd")
# A folder of reports often carries its own notes; they are not reports (name them to check them).
NOT_REPORTS = ("readme", "changelog", "license", "contributing")
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


class UsageError(Exception):
    """A command-line problem: exit 2 with one line on stderr."""


def expand(paths: list[str], config=None, notes: list[str] | None = None) -> list[str]:
    """Files to check, in a stable order: each argument in turn, directories sorted inside.

    With a config, ``exclude`` globs drop files (named or found) and prune folders, and
    ``include`` globs, when given, limit the files found in folders (a file named on the
    command line is checked whatever ``include`` says, as pre-commit passes file names)."""
    files: list[str] = []
    for arg in paths:
        if arg == "-":
            files.append("-")
            continue
        path = spelled(arg)
        if os.path.isdir(path):
            files.extend(walk(path, config, notes))
        elif os.path.lexists(path):
            if config is None or not config.excluded(arg):
                files.append(arg)
        else:
            raise UsageError(f"{arg}：没有这个文件或目录")
    return files


def walk(root: str, config=None, notes: list[str] | None = None) -> list[str]:
    """Supported files under a directory, skipping hidden/VCS folders, Word lock files and READMEs.

    A symbolic link to a file outside ``root`` is checked (a shared folder of links is a real
    layout) and, with ``notes``, named there: its text lands in the output (HTML shows it)."""
    found: list[str] = []
    real_root = os.path.realpath(root)

    def unreadable(exc: OSError) -> None:
        """A folder os.walk cannot list is checked as an entry of its own: it gets an
        input-error (and the run a non-zero exit) instead of being skipped silently."""
        if exc.filename is not None:
            found.append(os.path.join(str(exc.filename), ""))  # the trailing / says "a folder"

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        prefix = _prefix(dirpath)
        if config is not None and config.exclude:
            dirnames[:] = [d for d in dirnames if not config.excluded(prefix + d)]
        for name in sorted(filenames):
            if name.startswith(("~$", ".")) or name.lower().startswith(NOT_REPORTS):
                continue
            if name.lower().endswith(SUPPORTED):
                full = prefix + name
                if config is not None and (config.excluded(full) or not config.included(full)):
                    continue
                if notes is not None and os.path.islink(full) and not _inside(os.path.realpath(full), real_root):
                    notes.append(f"{full} is a symbolic link to {os.path.realpath(full)}, outside {root}; checked")
                found.append(full)
    return found


def _prefix(dirpath: str) -> str:
    """What ``str(Path(dirpath) / name)`` puts before a file name, worked out once per folder
    (a Path per file was a fifth of a warm run over 2,000 files): Path's spelling of the folder
    (no ``./``, no doubled or trailing ``/``), nothing for ``.``."""
    folder = spelled(dirpath)
    if folder == ".":
        return ""
    return folder if folder.endswith(os.sep) else folder + os.sep


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
