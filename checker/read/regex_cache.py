"""Compiled pattern programs kept on disk between runs, like Python keeps bytecode.

Turning a pattern's text into the program the regex engine runs is done in Python by ``re``'s
parser and compiler: for the ~150 patterns one report uses, ~70 ms of a one-report run of
~350 ms, paid again by every run and every worker.  The engine itself takes a finished program
(``_sre.compile(pattern, flags, code, …)``, in C, microseconds), so this module remembers the
arguments ``re`` passed to it for each (pattern, flags) in a file under the user's cache folder
and passes them straight to the engine the next time.  The program is exactly the one ``re``
made (``tests/read/test_regex_cache.py`` compares them); the engine checks a program it is given
and refuses a malformed one, and any entry it refuses is compiled afresh.

Each entry carries the number of the save that last used it: a save drops the entries that no
run has used in the last KEEP_SAVES saves (patterns of an older fzcheck or of a rule file no longer
used) and keeps at most MAX_ENTRIES, the most recently used, so the file, read by every run, does
not grow with every change of the rule set.  Nothing is written by a run that compiled nothing new.

The file is keyed by Python's version and the engine's magic number: another Python ignores it.
A file that cannot be read is ignored and one that cannot be written is not written; two
processes writing at once each replace the file whole (the later one wins; what it lacked is
added by a later run).  ``FZCHECK_REGEX_CACHE`` names another file, or ``off`` to use none.

Installed only on the CPython versions whose compiler was checked (3.10–3.13: the same call to
the engine); elsewhere ``re`` is left alone.
"""
from __future__ import annotations

import contextvars
import marshal
import os
import re
import sys
from collections.abc import Callable

try:  # Python 3.11+
    from re import _compiler as _sre_compile
except ImportError:  # Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]

import _sre

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


VERSIONS = {(3, 10), (3, 11), (3, 12), (3, 13)}
MAX_ENTRIES = 1024  # kept in the file, the most recently used (the national rule set uses ~400)
KEEP_SAVES = 32  # an entry no run used in this many saves is dropped
MAX_HELD = 4 * MAX_ENTRIES  # held by one process (fzcheck serve runs for weeks): past this, nothing is added
FORMAT = 3
ENV = "FZCHECK_REGEX_CACHE"
CODE_TYPE = next(t for t in "IHLQ" if memoryview(bytes(8)).cast(t).itemsize == _sre.CODESIZE)  # an item as wide
# as the engine's code word (memoryview, not array: one shared library fewer to load on every run)
KEY = (FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)

ORIGINAL = _sre_compile.compile
_RECORDING: contextvars.ContextVar[list | None] = contextvars.ContextVar("fzcheck_regex_recording", default=None)
_TRANSIENT: contextvars.ContextVar[bool] = contextvars.ContextVar("fzcheck_regex_transient", default=False)
_entries: dict[tuple, tuple] = {}  # (pattern, flags) → (flags, program, groups, groupindex, indexgroup, save number),
# and (pattern, flags, name) → (a fact derived from the pattern's text, save number): see remembered()
_used: set[tuple] = set()  # entries this process used or added: they get the next save's number
_latest: dict[str, tuple] = {}  # a name whose facts replace each other → the key this process added
_added = 0
_loaded_from: str | None = None


class _Engine:
    """Stands in for the ``_sre`` module inside ``re``'s compiler: passes every call on and notes
    the arguments of ``compile`` while a pattern is being compiled for the cache."""

    def __getattr__(self, name: str):
        return getattr(_sre, name)

    @staticmethod
    def compile(*args):
        recording = _RECORDING.get()
        if recording is not None:
            recording.append(args)
        return _sre.compile(*args)


def location() -> str | None:
    """The cache file, or None when the user turned it off.  A plain path: ``pathlib`` (with the
    ``urllib.parse`` and ``ipaddress`` it imports) was ~8 % of a one-report run's instructions."""
    named = os.environ.get(ENV, "")
    if named.lower() in {"off", "0", "no", "false"}:
        return None
    if named:
        return named
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG spec says to ignore)
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "fzcheck", f"patterns-{FORMAT}-{sys.implementation.cache_tag}.marshal")  # two fzcheck
    # versions with different formats side by side would otherwise each discard the other's file


def install() -> bool:
    """Compile patterns through the cache from now on (idempotent); False when this Python's
    compiler is not one it was checked against or the cache is turned off."""
    if sys.version_info[:2] not in VERSIONS or sys.implementation.name != "cpython":
        return False
    path = location()
    if path is None:
        return False
    global _loaded_from
    if _loaded_from != path:
        _entries.clear()
        _used.clear()
        _latest.clear()
        _entries.update(_read(path))
        _loaded_from = path
    _sre_compile._sre = _Engine()
    _sre_compile.compile = compile_pattern
    return True


def uninstall() -> None:
    """Back to ``re``'s own compiler (tests compare the two); nothing is written."""
    global _loaded_from, _added
    _sre_compile.compile = ORIGINAL
    _sre_compile._sre = _sre
    _entries.clear()
    _used.clear()
    _latest.clear()
    _added = 0
    _loaded_from = None


def transient(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` for a pattern made from one document's words (a name, a unit): it is not
    kept, or the file would gain an entry for every report a batch reads."""
    token = _TRANSIENT.set(True)
    try:
        return re.compile(pattern, flags)
    finally:
        _TRANSIENT.reset(token)


def compile_pattern(p, flags=0):
    """``re``'s compiler with the cache in front: same arguments, same compiled pattern."""
    if not isinstance(p, (str, bytes)) or flags & _sre_compile.SRE_FLAG_DEBUG or _TRANSIENT.get():
        return ORIGINAL(p, flags)
    key = (p, int(flags))
    known = _entries.get(key)
    if known is not None:
        try:
            flags_out, program, groups, groupindex, indexgroup, _number = known
            _used.add(key)
            return _sre.compile(p, flags_out, memoryview(program).cast(CODE_TYPE).tolist(), groups, groupindex,
                                indexgroup)
        except Exception:  # noqa: BLE001 - a damaged entry: the engine refused it; compile afresh
            _entries.pop(key, None)
    recording: list = []
    token = _RECORDING.set(recording)
    try:
        compiled = ORIGINAL(p, flags)
    finally:
        _RECORDING.reset(token)
    if len(recording) == 1 and len(_entries) < MAX_HELD:
        global _added
        from array import array  # here: a run whose patterns all come from the file never needs it

        flags_out, code, groups, groupindex, indexgroup = recording[0][1:]
        # the program as machine words (marshal loads bytes at memory speed, a list of ints 15× slower)
        # and the flags as a plain int (marshal takes no RegexFlag)
        _entries[key] = (int(flags_out), array(CODE_TYPE, code).tobytes(), groups, dict(groupindex), tuple(indexgroup), 0)
        _used.add(key)
        _added += 1
    return compiled


def remembered(name: str, pattern: str | bytes, flags: int, compute: Callable[[], Any],
               latest_only: bool = False) -> Any:
    """``compute()``, a value derived from a text alone (``name`` says which: the characters
    every match of a pattern holds, for checker/check/prefilter.py; a record class's compiled
    methods, for checker/read/record.py), kept in the file with the programs.  Deriving them
    again cost ~6 and ~8 ms a run.  Values are what marshal stores (None, numbers, strings,
    code, and tuples, lists and frozensets of them); another value is computed every time.
    ``latest_only``: a new value under ``name`` replaces the file's older ones (a bundled rule
    file's data, named by the file and keyed by its version: the data of the version before an
    upgrade is never read again, and would otherwise be loaded with the file on every run until
    pruned)."""
    global _added
    key = (pattern, int(flags), name)
    known = _entries.get(key) if _loaded_from is not None else None
    if known is not None:
        _used.add(key)
        return known[0]
    value = compute()
    if _loaded_from is not None and len(_entries) < MAX_HELD and _storable(value):
        _entries[key] = (value, 0)
        _used.add(key)
        _added += 1
        if latest_only:
            _latest[name] = key
    return value


def _storable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def save() -> None:
    """Write what this process compiled to the cache file (with what other runs wrote there
    meanwhile); nothing when nothing was added or the folder is not writable."""
    global _added
    if not _added or _loaded_from is None:
        return
    path = _loaded_from
    ours = dict(_entries)  # one copy (atomic for a dict of strings and tuples): serve's threads may still compile
    used = set(_used)
    merged = _superseded_dropped(_pruned(_read(path), {key: ours[key] for key in used if key in ours}))
    try:
        data = marshal.dumps((KEY, merged))
        folder, name = os.path.split(os.path.abspath(path))
        if not os.path.isdir(folder):
            if not os.path.isdir(os.path.dirname(os.path.dirname(folder))):
                return  # ~/.cache/fzcheck is made, but never a home folder that does not exist
            os.makedirs(folder, exist_ok=True)
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")  # one per process: no tempfile import (~10 ms)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            try:
                os.unlink(temporary)
            except FileNotFoundError:
                pass
            raise
    except (OSError, ValueError, MemoryError):
        return  # a read-only home, a full disk: the next run compiles as Python does
    _added = 0


def _superseded_dropped(entries: dict[tuple, tuple]) -> dict[tuple, tuple]:
    """``entries`` less the facts that a ``latest_only`` fact this process added replaces (also
    one this process used before it added the new one: ``fzcheck serve`` across an upgrade)."""
    latest = dict(_latest)
    if not latest:
        return entries
    return {key: entry for key, entry in entries.items()
            if not (len(key) == 3 and key[2] in latest and key != latest[key[2]])}


def _pruned(entries: dict[tuple, tuple], used: dict[tuple, tuple]) -> dict[tuple, tuple]:
    """The file's ``entries`` with the ``used`` ones stamped with the next save number, less the
    entries unused for KEEP_SAVES saves, and at most MAX_ENTRIES of them, the latest used."""
    number = max((entry[-1] for entry in entries.values()), default=0) + 1
    merged = dict(entries)
    for key, entry in used.items():
        merged[key] = entry[:-1] + (number,)
    kept = [(key, entry) for key, entry in merged.items() if entry[-1] > number - KEEP_SAVES]
    if len(kept) > MAX_ENTRIES:
        kept.sort(key=lambda item: item[1][-1], reverse=True)  # stable: equal numbers keep their order
        kept = kept[:MAX_ENTRIES]
    return dict(kept)


def _read(path: str) -> dict[tuple, tuple]:
    """The file's entries when it is this Python's and well formed, else none."""
    try:
        with open(path, "rb") as handle:
            key, entries = marshal.loads(handle.read())  # marshal.load(handle) reads in small pieces: 20× slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if key != KEY or not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if _well_formed(k, v)}


def _well_formed(key, value) -> bool:
    if not (isinstance(key, tuple) and len(key) in (2, 3) and isinstance(key[0], (str, bytes))
            and isinstance(key[1], int) and isinstance(value, tuple) and value and isinstance(value[-1], int)):
        return False
    if len(key) == 3:  # a fact
        return isinstance(key[2], str) and len(value) == 2
    return len(value) == 6 and isinstance(value[1], bytes)
