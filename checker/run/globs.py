"""Which files a glob names: gitignore-style patterns (``*.docx``, ``2024/**``, ``dept/``),
matched by pathspec, the library pre-commit and black users already know.

Paths are relative to the config file's directory and use ``/``.  A pattern without ``/``
matches a name at any depth; a pattern that matches a folder matches everything below it;
``!pattern`` re-includes what an earlier pattern of the same list matched.
"""
from __future__ import annotations

import os
from functools import lru_cache

from checker.read.lazy_pattern import lazy
from checker.read.paths import posix


class GlobError(ValueError):
    """A pattern that cannot be used (an unclosed or reversed ``[...]`` range, say)."""


# pathspec compiles a glob to a backtracking regex: each ``*`` in one path segment multiplies the
# work on a long name (``*a*a*a*a*a*a*a*a*c`` on a 60-character name ran > 30 s).  A real glob
# has one or two; more than MAX_STARS in one segment is refused with the others of a bad pattern.
MAX_STARS = 4
_STARS = lazy(r"\*+")


@lru_cache(maxsize=256)
def compile_globs(patterns: tuple[str, ...]):
    import pathspec

    for pattern in patterns:
        _check_stars(pattern)
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(patterns)
        spec.match_file("probe")  # a bad [...] range only shows when the pattern is used
        return spec
    except Exception as exc:  # noqa: BLE001 - pathspec raises several kinds for a bad pattern
        bad = next((p for p in patterns if not _usable(p)), patterns[0] if patterns else "")
        raise GlobError(f"not a usable glob: {bad!r} ({exc})") from None


def _check_stars(pattern: str) -> None:
    for segment in str(pattern).split("/"):
        if segment != "**" and len(_STARS.findall(segment)) > MAX_STARS:
            raise GlobError(f"not a usable glob: {pattern!r} (more than {MAX_STARS} '*' in one path segment)")


def _usable(pattern: str) -> bool:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern]).match_file("probe")
    except Exception:  # noqa: BLE001
        return False
    return True


def matches_any(rel: str, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether a relative posix path is named by any of the patterns."""
    if not patterns:
        return False
    return compile_globs(tuple(patterns)).match_file(rel)


def relative_to(path: str, root: str) -> str:
    """A path relative to ``root``, posix style (``-`` stays ``-``)."""
    if path == "-":
        return "-"
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        return posix(absolute)
    return posix(rel)
