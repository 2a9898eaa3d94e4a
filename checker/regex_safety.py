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


def compile_safe(pattern: str, field: str) -> re.Pattern[str]:
    """Compile a rule's regex or raise ``ValueError('field: problem')``."""
    if not isinstance(pattern, str):
        raise ValueError(f"{field}: a pattern must be a string")
    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"{field}: pattern longer than {MAX_PATTERN} characters")
    if NESTED.search(pattern) or _overlapping_alternation(pattern):
        raise ValueError(f"{field}: pattern has a repeated group that repeats inside (catastrophic backtracking risk): {pattern}")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{field}: regex does not compile ({exc}): {pattern}") from None
