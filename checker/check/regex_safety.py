"""Refuse user regexes that can backtrack catastrophically, before they meet a 50 MB file.

Python's ``re`` has no timeout, so a rule file's pattern is rejected at load time when it has
a quantified group that is itself quantified (``(a+)+``, ``(\\w*)*``), a repeated alternation
whose branches can start with the same character (``(a|aa)+``, ``(?:.|(.))*``, ``(?:\\w|(\\d))+``,
``(?:法|(法))+``, ``(?:(?=a)a|a)+`` — a lookahead, class or category counts as overlapping
anything), or more than MAX_OVERLAPPING_STARS unbounded repeats over overlapping characters
(``.*.*.*.*X`` is O(n⁴)).  Every check also runs in a worker process with a time limit
(checker/run/isolate.py), so a pattern that slips through costs one file, not the batch.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from checker.read.lazy_pattern import lazy

NESTED = lazy(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")
ALTERNATION_REPEAT = lazy(r"\((?:\?:)?((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*)\)[+*{]")
MAX_PATTERN = 2000
MAX_OVERLAPPING_STARS = 3  # \d*\d*\d*x (cubic, bounded by the sentence) is allowed; a fourth is not
# Set while the bundled rule sets (and nothing else) compile: their patterns passed these checks
# in the tests (tests/check/test_ruleset.py), and analysing ninety patterns again costs ~10 ms of
# every run's start.
_TRUSTED: ContextVar[bool] = ContextVar("fzcheck_trusted_patterns", default=False)


@contextmanager
def trusted(yes: bool = True) -> Iterator[None]:
    """Within this block, :func:`compile_safe` only compiles (``yes``: the patterns come from
    the bundled rule files alone)."""
    token = _TRUSTED.set(yes)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def _overlapping_alternation(pattern: str) -> bool:
    """A repeated alternation whose branches overlap (``(a|aa)+``, ``(\\d|1)*``) backtracks badly;
    distinct literal words (``(认真|严格)+``) do not."""
    for match in ALTERNATION_REPEAT.finditer(pattern):
        branches = match.group(1).split("|")
        if any(not b or re.search(r"[\\.\[\]*+?{}]", b) for b in branches):
            return True
        for a in branches:
            for b in branches:
                if a is not b and b.startswith(a):
                    return True
    return False


def _nested_repeat(pattern: str) -> bool:
    """The same check on the parsed pattern, which sees through nested groups (``((a+))+``,
    ``(?:(?:a|b)+c?)+``, ``(a?){30}``) and repeated identical branches (``(a|a)+``)."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - re.compile reports the syntax error
        return False
    constants = sre_parse
    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT}

    def items(sub):  # noqa: ANN001, ANN202 - sre parse nodes
        """(op, av) pairs directly or indirectly inside a parsed subpattern."""
        for op, av in sub:
            yield op, av
            if op in repeats:
                yield from items(av[2])
            elif op is constants.SUBPATTERN:
                yield from items(av[-1])
            elif op is constants.BRANCH:
                for branch in av[1]:
                    yield from items(branch)

    for op, av in items(tree):
        if op not in repeats or av[1] <= 1:
            continue
        for inner_op, inner_av in items(av[2]):
            if inner_op in repeats and inner_av[1] != inner_av[0]:
                return True  # a variable repeat inside a repeat
            if inner_op is constants.BRANCH:
                starts = [_first_chars(list(b), constants) for b in inner_av[1]]
                if any(_overlap(a, b) for i, a in enumerate(starts) for b in starts[i + 1:]):
                    return True  # alternatives inside a repeat that can match the same text
    return _star_chain(list(tree), constants)


def _star_chain(sequence, constants) -> bool:
    """Unbounded repeats in a row over overlapping characters (``.*.*.*.*X``, ``\\d*\\d*\\d*\\d*x``):
    with k of them a failing match tries O(nᵏ) splits.  A required character that none of them
    can match (``\\d+\\s*×\\s*\\d+``) ends the row."""
    repeats = (constants.MAX_REPEAT, constants.MIN_REPEAT)
    row: list = []
    for op, av in sequence:
        if op in repeats and av[1] == constants.MAXREPEAT:
            row.append(_first_chars(av[2], constants))
            if any(sum(_overlap(a, b) for j, b in enumerate(row) if j != i) >= MAX_OVERLAPPING_STARS
                   for i, a in enumerate(row)):
                return True
        elif op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT) or (op in repeats and av[0] == 0):
            pass  # takes no character for sure: the row goes on
        else:
            first = _first_chars([(op, av)], constants)
            if not any(_overlap(first, a) for a in row):
                row = []
        for inner in _subsequences(op, av, constants):
            if _star_chain(inner, constants):
                return True
    return False


def _subsequences(op, av, constants) -> list:
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
        return [list(av[2])]
    if op is constants.SUBPATTERN:
        return [list(av[-1])]
    if op is constants.BRANCH:
        return [list(b) for b in av[1]]
    return []


def _first_chars(sub, constants) -> list[tuple[int, int]] | None:
    """The characters a parsed subpattern can start with, as ranges; None when that is not
    simply known (any character, a class with categories or negation, a lookaround, a group
    reference, an empty match): None overlaps everything."""
    for op, av in sub:
        if op is constants.LITERAL:
            return [(av, av)]
        if op is constants.IN:
            ranges = []
            for item_op, item_av in av:
                if item_op is constants.LITERAL:
                    ranges.append((item_av, item_av))
                elif item_op is constants.RANGE:
                    ranges.append(item_av)
                elif item_op is constants.CATEGORY and item_av in _CATEGORIES:
                    ranges += _CATEGORIES[item_av]
                else:
                    return None
            return ranges
        if op is constants.SUBPATTERN:
            return _first_chars(av[-1], constants)
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            return _first_chars(av[2], constants) if av[0] >= 1 else None
        if op is constants.BRANCH:
            ranges = []
            for branch in av[1]:
                first = _first_chars(list(branch), constants)
                if first is None:
                    return None
                ranges += first
            return ranges
        if op is constants.AT:
            continue  # ^ $ \b take no character
        return None
    return None


def _categories() -> dict:
    try:
        from re import _constants as c  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_constants as c  # type: ignore[no-redef]
    digits = [(0x30, 0x39), (0xFF10, 0xFF19), (0x660, 0x669), (0x6F0, 0x6F9), (0x966, 0x96F)]
    spaces = [(0x09, 0x0D), (0x1C, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
              (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000)]
    return {c.CATEGORY_DIGIT: digits, c.CATEGORY_UNI_DIGIT: digits, c.CATEGORY_SPACE: spaces,
            c.CATEGORY_UNI_SPACE: spaces}


_CATEGORIES = _categories()


def _overlap(a: list[tuple[int, int]] | None, b: list[tuple[int, int]] | None) -> bool:
    if a is None or b is None:
        return True
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a for lo2, hi2 in b)


def compile_safe(pattern: str, field: str) -> re.Pattern[str]:
    """Compile a rule's regex or raise ``ValueError('field: problem')``."""
    if not isinstance(pattern, str):
        raise ValueError(f"{field}: a pattern must be a string")
    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"{field}: pattern longer than {MAX_PATTERN} characters")
    if not _TRUSTED.get() and (NESTED.search(pattern) or _overlapping_alternation(pattern) or _nested_repeat(pattern)):
        raise ValueError(f"{field}: pattern has a repeated group that repeats inside, overlapping repeated "
                         f"alternatives or too many overlapping unbounded repeats (catastrophic backtracking risk): "
                         f"{pattern}")
    if _TRUSTED.get():  # the bundled rule set: compiled on first use (its tests compile every pattern)
        return lazy(pattern)
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{field}: regex does not compile ({exc}): {pattern}") from None
