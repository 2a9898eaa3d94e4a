"""Refuse user regexes that can backtrack catastrophically, before they meet a 50 MB file.

Python's ``re`` has no timeout, so a rule file's pattern with a quantified group that is
itself quantified (``(a+)+``, ``(\\w*)*``, ``(a|aa)+`` …) is rejected at load time.
"""
from __future__ import annotations

import re

NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")
ALTERNATION_REPEAT = re.compile(r"\((?:\?:)?((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*)\)[+*{]")
MAX_PATTERN = 2000


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
                shapes = [str(list(b)) for b in inner_av[1]]
                if len(set(shapes)) < len(shapes):
                    return True  # identical alternatives inside a repeat
    return False


def compile_safe(pattern: str, field: str) -> re.Pattern[str]:
    """Compile a rule's regex or raise ``ValueError('field: problem')``."""
    if not isinstance(pattern, str):
        raise ValueError(f"{field}: a pattern must be a string")
    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"{field}: pattern longer than {MAX_PATTERN} characters")
    if NESTED.search(pattern) or _overlapping_alternation(pattern) or _nested_repeat(pattern):
        raise ValueError(f"{field}: pattern has a repeated group that repeats inside (catastrophic backtracking risk): {pattern}")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{field}: regex does not compile ({exc}): {pattern}") from None
