"""The JSON text of the run's contract objects: ``json.dumps(value, ensure_ascii=False, indent=2)``,
byte for byte, written faster, and a report's object written on its own at the depth it has in
the run's object.

It lives in the run layer (not in ``checker/formats/json.py``, which uses it) so that a batch can
write a report's object where the report is checked (a worker) or keep it in the cache: a run
of 10⁵ reports then writes ``--format json`` from those texts without holding or re-reading the
results (checker/run/spill.py).
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring

REPORT_NEWLINE = "\n    "  # a report's lines in the run's object: {"reports": [ {…} ]}
_PATH_HEAD = "{" + REPORT_NEWLINE + "  " + '"path": '


def report_text(report_dict: dict) -> str:
    """A report's contract object as it appears inside the run's ``reports`` list."""
    return dumps(report_dict, REPORT_NEWLINE)


def without_path(text: str, path: str) -> str | None:
    """The part of :func:`report_text` after the path (the cache keeps results without their
    path); None when ``text`` does not start with that path."""
    head = _PATH_HEAD + encode_basestring(path)
    return text[len(head):] if text.startswith(head) else None


def with_path(tail: str, path: str) -> str:
    """:func:`report_text` again from :func:`without_path`'s tail and a path."""
    return _PATH_HEAD + encode_basestring(path) + tail


class _Unsupported(Exception):
    """A value :func:`dumps` leaves to the json module."""


def dumps(value, newline: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, about three times faster.

    With ``indent`` the json module gives up its C encoder and walks the data with Python
    generators; on a 2,000-report batch that took a quarter of a second, half of a run that
    finds every result in the cache.  This walks the same data with plain recursion and lets
    the C string encoder escape the strings.  Anything but str/int/float/bool/None, lists,
    tuples and dicts with string keys goes to the json module unchanged.  ``newline`` is what
    starts each line: ``"\n    "`` writes a value nested two levels deep (a report of the run)."""
    parts: list[str] = []
    try:
        _write(value, parts, newline)
    except _Unsupported:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", newline) if newline != "\n" else text
    return "".join(parts)


def _write(value, parts: list[str], newline: str) -> None:
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, dict):
        _write_dict(value, parts, newline)
    elif isinstance(value, (list, tuple)):
        _write_list(value, parts, newline)
    else:
        raise _Unsupported


def _write_dict(value: dict, parts: list[str], newline: str) -> None:
    if not value:
        parts.append("{}")
        return
    inner = newline + "  "
    separator = "{" + inner
    for key, item in value.items():
        if not isinstance(key, str):
            raise _Unsupported
        parts.append(separator + encode_basestring(key) + ": ")
        separator = "," + inner
        _write(item, parts, inner)
    parts.append(newline + "}")


def _write_list(value: list | tuple, parts: list[str], newline: str) -> None:
    if not value:
        parts.append("[]")
        return
    inner = newline + "  "
    separator = "[" + inner
    for item in value:
        parts.append(separator)
        separator = "," + inner
        _write(item, parts, inner)
    parts.append(newline + "]")


def _float(value: float) -> str:
    """As the json module writes a float (NaN and infinities as JavaScript names)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
