"""File paths spelled as ``pathlib`` spells them, without importing it.

``pathlib`` imports ``urllib.parse`` and, through it, ``ipaddress``: ~22M instructions, 8 % of a
one-report run, for a few path manipulations.  These helpers give the same strings on POSIX
(tests/read/test_paths.py compares them with ``pathlib`` on many spellings)."""
from __future__ import annotations

import os


def spelled(path: str) -> str:
    """``str(pathlib.Path(path))``: no ``.`` parts, no doubled or trailing separator (two leading
    ones are kept, as POSIX allows them a meaning), ``.`` for an empty path."""
    path = os.fspath(path)
    if os.sep != "/":  # Windows spellings have drives and two separators: ask pathlib itself
        from pathlib import Path

        return str(Path(path))
    lead = "//" if path.startswith("//") and not path.startswith("///") else "/" if path.startswith("/") else ""
    parts = [part for part in path.split("/") if part and part != "."]
    return lead + "/".join(parts) or "."


def posix(path: str) -> str:
    """``pathlib.Path(path).as_posix()`` of a path :func:`os.path.relpath` or :func:`os.path.abspath`
    made (already without ``.`` parts or doubled separators)."""
    return spelled(path).replace(os.sep, "/")


def suffix(path: str) -> str:
    """``pathlib.Path(path).suffix``: the last ``.xxx`` of the final name; none for ``.bashrc``
    or a name ending in a dot."""
    name = spelled(path).rsplit(os.sep, 1)[-1]
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""
