"""Skip a regex over text it cannot match, the way grep-like tools skip by literals.

Python's ``re`` tries a pattern that starts with a look-behind or a character class at every
position of the text; over a 4,000-character report that costs 50–100 µs per pattern, and the
national rule set has dozens of such patterns (``(?<![A-Za-z\\d])[Xx]{2,}``, ``(?<!19)(?<!20)×{2,}``)
whose characters most reports never contain.  From the parsed pattern we take a small set of
characters at least one of which every match must contain; when none occurs in the text, the
pattern is not run.  The answer never changes, only the time: the set is derived from the
pattern's own structure, and a pattern we cannot reason about (case-insensitive, back
references, classes such as ``\\d`` or ``[^…]``) simply gets no prefilter.
"""
from __future__ import annotations

import functools
import os
import operator
import re
from collections.abc import Callable

from checker.read import regex_cache
from checker.read.lazy_pattern import LazyPattern, lazy, source

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

MAX_CHARS = 24
FIND_LIMIT = 6  # up to this many characters, str.find per character beats a class search
# Characters nearly every report holds (digits, spaces, the common marks of Chinese text): a
# prefilter made of them would almost never skip its pattern.
COMMON = frozenset("0123456789 \t\n（）()，,。.、：:；;“”‘’《》！!？?—…·×%-/")


class Prefilter:
    """``may_match(text, lo, hi)`` is False only when the pattern cannot match in text[lo:hi]."""

    __slots__ = ("chars", "_chars", "_class")

    def __init__(self, chars: frozenset[str]):
        self.chars = chars
        self._chars = tuple(sorted(chars))
        self._class = None if len(chars) <= FIND_LIMIT else lazy(
            "[" + "".join(re.escape(c) for c in self._chars) + "]")

    def may_match(self, text: str, lo: int = 0, hi: int | None = None) -> bool:
        if hi is None:
            hi = len(text)
        if self._class is not None:
            return self._class.search(text, lo, hi) is not None
        for char in self._chars:  # a plain loop: called ~100 times per report, a generator costs more
            if text.find(char, lo, hi) >= 0:
                return True
        return False


def build(pattern: re.Pattern[str] | LazyPattern) -> Prefilter | None:
    """The prefilter for a pattern, or None when no useful one can be derived (a lazy pattern
    stays uncompiled: a rule whose characters a report lacks never compiles its regex)."""
    chars = _derived("prefilter.chars", pattern, lambda items: _sequence(items) if items is not None else None)
    return Prefilter(chars) if chars else None


def _derived(name: str, pattern: re.Pattern[str] | LazyPattern, derive: Callable[[list | None], Any]) -> Any:
    """``derive(items)`` of a pattern's parsed items, kept between runs with the compiled
    patterns (checker/read/regex_cache.py): parsing ~60 patterns again cost ~6 ms a run.  The
    fact is named with this module's own version: a fact derived by other code (another
    COMMON, a fixed ``_item``) is never used, or a prefilter could skip a pattern that matches."""
    tag = _facts_tag()
    if tag is None:
        return derive(_items(pattern))
    text, flags = source(pattern)
    return regex_cache.remembered(f"{name}@{tag}", text, flags, lambda: derive(_items(pattern)))


@functools.cache
def _facts_tag() -> str | None:
    """This module's version: its source file's size and time of change, as Python tells a
    ``.pyc`` from its source (a checksum imported ``zlib``, a shared library, on every run); None
    when the file cannot be seen."""
    try:
        status = os.stat(__file__)
    except OSError:
        return None
    return f"{status.st_size:x}.{status.st_mtime_ns:x}"


def _items(pattern: re.Pattern[str] | LazyPattern) -> list | None:
    """A pattern's parsed top-level items, or None when none of them tells which characters a
    match holds: the text does not parse (a parser quirk: the pattern compiled) or case is
    ignored, given or inline (?i) — what the compiled pattern's flags hold."""
    text, flags = source(pattern)
    try:
        tree = sre_parse.parse(text, flags)
    except Exception:  # noqa: BLE001 - see the docstring
        return None
    return None if tree.state.flags & re.IGNORECASE else list(tree)


def _sequence(items: list) -> frozenset[str] | None:
    """The cheapest of the sets that the sequence's mandatory items require (None: none does)."""
    best: frozenset[str] | None = None
    for op, av in items:
        needed = _item(op, av)
        if needed is not None and (best is None or _cost(needed) < _cost(best)):
            best = needed
    return best


def _cost(chars: frozenset[str]) -> int:
    """Fewer characters, and no digits or spaces (which every report contains), test faster."""
    return len(chars) + 50 * len(chars & COMMON)


def _item(op, av) -> frozenset[str] | None:  # noqa: ANN001 - sre parse nodes
    """Characters one of which any match of this item contains; None when it may match empty
    or when the set is unknown or too large."""
    c = sre_parse
    if op is c.LITERAL:
        return frozenset(chr(av))
    if op is c.IN:
        return _charset(av)
    if op is c.SUBPATTERN:
        add_flags = av[1]
        return None if add_flags & re.IGNORECASE else _sequence(list(av[-1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            needed = _sequence(list(branch))
            if needed is None:
                return None
            union |= needed
        return frozenset(union) if len(union) <= MAX_CHARS else None
    return None  # AT, ASSERT, ASSERT_NOT (zero width), ANY, NOT_LITERAL, GROUPREF …


def _charset(members) -> frozenset[str] | None:  # noqa: ANN001 - sre parse nodes
    """A small positive class ([Xx×], [月日号]); None for classes, ranges that are large, or negation."""
    c = sre_parse
    chars: set[str] = set()
    for op, av in members:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < MAX_CHARS:
            chars.update(chr(i) for i in range(av[0], av[1] + 1))
        else:
            return None
        if len(chars) > MAX_CHARS:
            return None
    return frozenset(chars) if chars else None


class Guards:
    """Several patterns run over the same short texts (a kind's triggers, sentence by sentence):
    one scan for the union of their prefilter characters tells which of them may match, instead
    of one ``finditer`` per pattern and text (a call costs about a microsecond even when it finds
    nothing, and most sentences hold none of a trigger's characters).  A pattern is kept only when
    the text holds a character of *each* of its mandatory items (的良好… needs 的, 良 and 好: 的
    alone is in nearly every sentence).  :meth:`candidates` keeps the patterns' order and drops
    only patterns that cannot match: the same matches."""

    __slots__ = ("patterns", "_bits", "_masks", "_class", "_memo")

    MEMO = 4096  # distinct combinations remembered; a text's combination is looked up, not recomputed

    def __init__(self, patterns: list) -> None:
        self.patterns = tuple(patterns)
        needs = [requirements(p) for p in self.patterns]
        sets = list(dict.fromkeys(chars for each in needs for chars in each))  # bit i: sets[i] is met
        self._bits = {c: sum(1 << i for i, chars in enumerate(sets) if c in chars) for chars in sets for c in chars}
        self._masks = tuple((p, sum(1 << sets.index(chars) for chars in each)) for p, each in zip(self.patterns, needs))
        self._class = lazy("[" + "".join(re.escape(c) for c in sorted(self._bits)) + "]") if self._bits else None
        self._memo: dict[int, tuple] = {}

    def candidates(self, text: str) -> tuple:
        """The patterns that may match somewhere in ``text``, in their order."""
        if self._class is None:
            return self.patterns
        met = functools.reduce(operator.or_, map(self._bits.__getitem__, set(self._class.findall(text))), 0)
        found = self._memo.get(met)
        if found is None:
            if len(self._memo) >= self.MEMO:
                self._memo.clear()
            found = self._memo[met] = tuple(p for p, mask in self._masks if mask & met == mask)
        return found


def requirements(pattern: re.Pattern[str] | LazyPattern) -> tuple[frozenset[str], ...]:
    """Sets of characters, each of which a match must hold one of: one per mandatory top-level
    item that has such a set (see :func:`build`); empty when nothing is certain."""
    return _derived("prefilter.requirements", pattern, _requirements)


def _requirements(items: list | None) -> tuple[frozenset[str], ...]:
    if items is None:
        return ()
    return tuple(dict.fromkeys(chars for op, av in items if (chars := _item(op, av)) is not None))


def first_class(patterns) -> LazyPattern | None:
    """One character class holding every character that a match of any of ``patterns`` can
    start with, or None when some pattern's first character is not known (a ``\\d``, a negated
    class, an optional first item, case-insensitive matching).  Unlike :func:`build` the class
    may hold wide ranges (the Latin-1 block of a mis-decoded page): one search for it tells that
    none of the patterns can match anywhere in a text, instead of one full scan per pattern."""
    ranges: list[tuple[int, int]] = []
    for pattern in patterns:
        first = _derived("prefilter.first", pattern, lambda items: _first(items) if items is not None else None)
        if first is None:
            return None
        ranges += first
    if not ranges:
        return None
    return lazy("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in sorted(set(ranges))) + "]")


ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


def _first(items: list) -> list[tuple[int, int]] | None:  # noqa: ANN001 - sre parse nodes
    """The code point ranges a match of the sequence ``items`` starts with (its first consuming
    item must be mandatory and of known characters); None when unknown."""
    c = sre_parse
    for op, av in items:
        if str(op) in ZERO_WIDTH:
            continue  # anchors and look-arounds consume nothing: the next item gives the first character
        if op is c.LITERAL:
            return [(av, av)]
        if op is c.IN:
            out = []
            for member, value in av:
                if member is c.LITERAL:
                    out.append((value, value))
                elif member is c.RANGE:
                    out.append(value)
                else:
                    return None  # NEGATE, CATEGORY (\d, \w …)
            return out or None
        if op is c.SUBPATTERN:
            return None if av[1] & re.IGNORECASE else _first(list(av[-1]))
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            return _first(list(av[2])) if av[0] >= 1 else None
        if op is c.BRANCH:
            out = []
            for branch in av[1]:
                got = _first(list(branch))
                if got is None:
                    return None
                out += got
            return out
        return None
    return None  # a sequence that may match empty
