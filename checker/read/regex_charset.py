"""A faster equivalent of the step of Python's ``re`` compiler that turns a character class
into its compiled form, for classes without IGNORECASE.

CPython's ``re._compiler._optimize_charset`` marks every character of a range one at a time in
a Python loop: a class such as ``[\\u4e00-\\u9fff]`` (every common Chinese character) costs
20,992 iterations, about 1 ms, and fzcheck's patterns hold some 300 such classes — over 100 ms
of every start.  :func:`optimize_charset` marks a range with one slice assignment and is
otherwise the same code, so the compiled programs are identical (``tests/read/
test_regex_charset.py`` compares both on every bundled pattern and on random classes).

It is installed only on the Python versions whose function it was checked against (3.10–3.13
have the same source); on any other version ``re`` is left alone and only slower.  Classes with
IGNORECASE go to the original function (none of ours has a large one).
"""
from __future__ import annotations

import sys

try:  # Python 3.11+
    from re import _compiler as _sre_compile
    from re._constants import BIGCHARSET, CHARSET, LITERAL, NEGATE, RANGE
except ImportError:  # Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    from sre_constants import BIGCHARSET, CHARSET, LITERAL, NEGATE, RANGE  # type: ignore[no-redef]

VERSIONS = {(3, 10), (3, 11), (3, 12), (3, 13)}  # same _optimize_charset source in each
ORIGINAL = _sre_compile._optimize_charset
MEMO_SIZE = 2048  # distinct classes remembered: fzcheck's ~300 patterns hold ~200
_MEMO: dict[tuple, tuple[list, bool]] = {}
_ONES = b"\x01" * 0x10000


def install() -> bool:
    """Use :func:`optimize_charset` in ``re`` from now on (idempotent); False when this Python is
    not one it was checked against."""
    if sys.version_info[:2] not in VERSIONS or sys.implementation.name != "cpython":
        return False
    _sre_compile._optimize_charset = optimize_charset
    return True


def uninstall() -> None:
    """Back to Python's own function (tests compare the two)."""
    _sre_compile._optimize_charset = ORIGINAL


def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
    """``re._compiler._optimize_charset`` with ranges marked by slice: same arguments, same result."""
    if fixup is not None:
        return ORIGINAL(charset, iscased, fixup, fixes)
    key = tuple(charset)
    known = _MEMO.get(key)
    if known is None:
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.clear()
        known = _MEMO[key] = _optimize(charset)
    return list(known[0]), False


def _optimize(charset):
    """The class's compiled form (the lists in it are only read by ``re``'s compiler)."""
    out = []
    tail = []
    charmap = bytearray(256)
    for op, av in charset:
        if op is LITERAL and av < len(charmap):
            charmap[av] = 1
        elif op is LITERAL or op is RANGE:
            low, high = (av, av) if op is LITERAL else av
            if high > 0xFF and len(charmap) == 256:
                charmap += b"\0" * 0xFF00  # the set holds characters past Latin-1
            top = min(high, 0xFFFF)
            if low <= top:
                charmap[low:top + 1] = _ONES[:top + 1 - low]
            if high > 0xFFFF:  # characters past the BMP stay as they are, after the map
                tail.append((op, av))
        elif op is NEGATE:
            out.append((op, av))
        else:
            tail.append((op, av))
    return _finish(charset, out, tail, charmap)


def _finish(charset, out, tail, charmap):
    """The rest of CPython's function, unchanged: runs, a bitmap or a big charset."""
    runs = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:
        for p, q in runs:
            if q - p == 1:
                out.append((LITERAL, p))
            else:
                out.append((RANGE, (p, q - 1)))
        out += tail
        if len(out) < len(charset):
            return out, False
        return charset, False
    if len(charmap) == 256:
        data = _sre_compile._mk_bitmap(charmap)
        out.append((CHARSET, data))
        out += tail
        return out, False
    whole = bytes(charmap)
    chunks = [whole[i: i + 256] for i in range(0, 65536, 256)]
    comps = {chunk: block for block, chunk in enumerate(dict.fromkeys(chunks))}  # first-seen order
    mapping = bytearray(map(comps.__getitem__, chunks))
    data = _sre_compile._mk_bitmap(bytearray(b"".join(comps)))
    data[0:0] = [len(comps)] + _sre_compile._bytes_to_codes(mapping)
    out.append((BIGCHARSET, data))
    out += tail
    return out, False
