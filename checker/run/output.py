"""Writing results: atomically (temp file + rename), never over a file the user gave us.

Every file fzcheck writes (``-o``, the pages of an HTML batch, ``--write-baseline``) goes through
:func:`write_atomic`, which refuses a target that is one of the *protected* files — the reports
being checked, ``--previous``, the rule file, the baseline and the config file (registered once
by the CLI with :func:`protect`) — compared by device and inode, so a symbolic or hard link to one
of them is refused too.  A FIFO or character device (``-o /dev/stdout``, ``-o /dev/null``) is
written into, never replaced by a regular file; a block device, socket or directory is refused.
An existing regular file keeps its permission bits.
"""
from __future__ import annotations

import os
import stat

from .discover import UsageError

INPUT = "an input file"
_PROTECTED: dict[tuple[int, int], tuple[str, str]] = {}  # (st_dev, st_ino) → (path given, its role)
_PROTECTED_LINKS: list[str] = []  # dangling symlinks given as inputs: resolved when compared


def protect(paths: list[str | None], role: str = INPUT) -> None:
    """Remember files no output may replace (one stat each, not a path resolution: a
    2,000-file batch spent 0.1 s resolving paths)."""
    for item in paths:
        if not item or item == "-":
            continue
        try:
            found = os.stat(item)
        except (OSError, ValueError):
            if os.path.islink(item):
                _PROTECTED_LINKS.append(item)
            continue
        if stat.S_ISREG(found.st_mode):
            _PROTECTED.setdefault((found.st_dev, found.st_ino), (item, role))


def unprotect() -> None:
    """Forget the protected files (the CLI calls this when a run ends; tests run many)."""
    _PROTECTED.clear()
    _PROTECTED_LINKS.clear()


def guard(output: str, inputs: list[str] | None = None, allow: tuple[str, ...] = ()) -> None:
    """Refuse an output path that is a protected file or one of ``inputs`` (the same path, a
    symlink, a hard link), before anything is checked; ``allow``: roles this output may replace
    (``--write-baseline`` rewrites the baseline)."""
    if inputs:
        protect(inputs)
    try:
        target = os.stat(output)
    except OSError:
        _guard_new(output)
        return
    found = _PROTECTED.get((target.st_dev, target.st_ino))
    if found is not None and found[1] not in allow:
        raise UsageError(f"{output}: refusing to write the output over {found[1]} ({found[0]})")


def _guard_new(output: str) -> None:
    if not _PROTECTED_LINKS:
        return
    target = os.path.realpath(output)
    for item in _PROTECTED_LINKS:
        if not os.path.exists(item) and os.path.realpath(item) == target:
            raise UsageError(f"{output}: refusing to write the output over an input file ({item})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str, text, allow: tuple[str, ...] = ()) -> None:
    """Write text (or the bytes of a .docx/.xlsx, or text in pieces: any iterable of str) so
    that an interrupted run leaves either the old file or the whole new one.

    A file name that is not valid UTF-8 reaches the text as lone surrogates; they are written as
    ``\\udcXX`` (in JSON the escape of that same character), never a crash or invalid UTF-8."""
    guard(path, allow=allow)
    try:
        existing = os.stat(path)
    except OSError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_special(path, text, existing.st_mode)
        return
    from pathlib import Path  # here: a run that writes to standard output does not need it

    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)  # keep the link
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    import tempfile  # here: a run that writes to standard output does not need it (with shutil: ~5 ms)

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent or "."))
    try:
        with _open_for(fd, text) as handle:
            _write_all(handle, text)
        os.chmod(tmp, mode)  # mkstemp makes 0600; a new output is shared like any file, an old keeps its mode
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_special(path: str, text: str | bytes, mode: int) -> None:
    """A FIFO or character device is written into (``-o /dev/stdout``); anything else that is
    not a regular file is refused rather than replaced."""
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path}: is a directory (give -o a file name)")
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise UsageError(f"{path}: is not a regular file (a block device or socket); refusing to write to it")
    with _open_for(path, text) as handle:
        _write_all(handle, text)


def _write_all(handle, data) -> None:
    if isinstance(data, (str, bytes)):
        handle.write(data)
        return
    for piece in data:  # a format's pieces, written as they are made
        handle.write(piece)


def _open_for(target, data: str | bytes):
    """A handle (on a path or a file descriptor) fit for what is written: bytes as they are, text
    as UTF-8 with lone surrogates escaped."""
    if isinstance(data, bytes):
        return open(target, "wb")  # noqa: SIM115 - the caller's with-block closes it
    return open(target, "w", encoding="utf-8", newline="\n", errors="backslashreplace")  # noqa: SIM115
