"""Refuse user regexes that can backtrack catastrophically, before they meet a 50 MB file.

Python's ``re`` has no timeout, so a rule file's pattern with a quantified group that is
itself quantified (``(a+)+``, ``(\\w*)*``, ``(a|aa)+`` …) is rejected at load time.
"""
from __future__ import annotations

import re

NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")
ALTERNATION_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)[+*]\+?")
MAX_PATTERN = 2000


def compile_safe(pattern: str, field: str) -> re.Pattern[str]:
    """Compile a rule's regex or raise ``ValueError('field: problem')``."""
    if not isinstance(pattern, str):
        raise ValueError(f"{field}: a pattern must be a string")
    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"{field}: pattern longer than {MAX_PATTERN} characters")
    if NESTED.search(pattern) or ALTERNATION_REPEAT.search(pattern):
        raise ValueError(f"{field}: pattern has a repeated group that repeats inside (catastrophic backtracking risk): {pattern}")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{field}: regex does not compile ({exc}): {pattern}") from None
