"""The JSON twin of a bundled YAML rule file: the same data, written by ``scripts/gen_rule_data.py``.

Loading YAML costs tens of milliseconds of every run's start; ``json`` reads the twin in C.  The
twin records a digest of the YAML it was made from, so an edited rule file whose twin was not made
again is read as YAML (and a test asks for the twin to be made again).
"""
from __future__ import annotations

import os

from checker.read import regex_cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


def data_twin(path: Path) -> Path:
    """Where a bundled rule file's data is kept as JSON (``scripts/gen_rule_data.py``)."""
    return type(path)(_twin_of(os.fspath(path)))


def _twin_of(path: str) -> str:
    """:func:`data_twin` of a plain path."""
    return os.path.splitext(path)[0] + ".data.json"


def source_digest(text: str) -> str:
    """What a JSON twin records of the YAML it was made from: its length and CRC-32.  This tells a
    twin made from another text (a forgotten ``scripts/gen_rule_data.py``), not a forgery; a
    SHA-256 here imported hashlib and OpenSSL's library (~5 ms) on every run."""
    return _digest(text.encode("utf-8"))


def _digest(data: bytes) -> str:
    import zlib

    return f"{len(data)}:{zlib.crc32(data):08x}"


def _file_digest(raw: bytes) -> str:
    """:func:`source_digest` of a file's text, from its bytes: the text is only decoded (and its
    line ends made ``\\n``, as reading it as text does) when it has a carriage return."""
    if b"\r" in raw:
        return source_digest(raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"))
    return _digest(raw)


class _StaleTwin(Exception):
    """No usable JSON twin: the YAML itself is read."""


def twin_data(path: str) -> Any:
    """A bundled rule file's data from its JSON twin when the twin was made from this very
    text (its digest matches), else None.  Loading the YAML costs tens of milliseconds of
    every run's start (PyYAML builds the objects in Python); ``json`` does it in C.  Once
    checked, the data is kept in the pattern cache under the two files' sizes and times of change
    (as Python tells a ``.pyc`` from its source): a later run reads neither file, and imports
    neither ``json`` nor ``zlib``.  The data is shared: nothing may change it (:func:`_tag` copies)."""
    try:
        rules, twin = os.stat(path), os.stat(_twin_of(path))
        stamp = f"{rules.st_size}.{rules.st_mtime_ns}.{twin.st_size}.{twin.st_mtime_ns}"
        return regex_cache.remembered(f"rule data {os.path.realpath(path)}", stamp, 0, lambda: _twin_json(path),
                                      latest_only=True)  # per file: two installations do not displace each other
    except (_StaleTwin, OSError, ValueError):
        return None


def _twin_json(path: str) -> Any:
    """The twin's data, if the twin records the digest of the YAML file as it is."""
    import json

    try:
        with open(path, "rb") as handle:
            digest = _file_digest(handle.read())
        with open(_twin_of(path), "rb") as handle:
            twin = json.loads(handle.read())
    except (OSError, ValueError):
        raise _StaleTwin from None
    if not isinstance(twin, dict) or twin.get("source") != digest:
        raise _StaleTwin  # edited since: the YAML itself is read (and a test asks for the twin to be made again)
    return twin.get("data")
