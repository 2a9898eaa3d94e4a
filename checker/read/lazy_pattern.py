"""Regular expressions compiled the first time they are used, not when their module is imported.

fzcheck holds ~300 patterns (the readers', the parser's, the kinds' and the rule set's); one
report uses about half of them, a warm batch (every result from ``--cache``) none, and compiling
them all cost ~100 ms of every start.  ``lazy(pattern, flags)`` stands in for
``re.compile(pattern, flags)``: the first attribute asked of it compiles the pattern and puts
the compiled pattern's methods on the object itself, so later calls (``P.search(text)``) cost
what they cost on the compiled pattern — no wrapper call in between.

It is not an ``re.Pattern``: pass it only where a pattern's methods are called, not to
``re.sub(P, …)`` or ``isinstance`` tests (``compiled(P)`` gives the real one).  A bad pattern
raises ``re.error`` at first use, so patterns from a user's rule file are compiled at once
(``checker/check/regex_safety.py``); the bundled ones are compiled by the tests.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _compiler
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~5 ms of every run)
if TYPE_CHECKING:
    from typing import Any


# What code asks of a compiled pattern: copied onto the object once it is compiled.
ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # called only while the attribute is not set
        if name.startswith("__") or name == "source":
            raise AttributeError(name)
        return getattr(self.compile(), name)

    def compile(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet), by ``re``'s compiler itself (the
        pattern cache's, once checker/read/regex_cache.py is installed): ``re.compile``'s own memo
        only costs here (its key, and flag tests that build ``RegexFlag`` objects: ~40 % of a
        pattern's first use), as the object keeps what it compiled."""
        pattern, flags = self.source
        compiled = _compiler.compile(pattern, int(flags))
        for name in ATTRIBUTES:
            self.__dict__[name] = getattr(compiled, name)
        self.__dict__["compiled"] = compiled
        return compiled

    def __repr__(self) -> str:
        return f"lazy({self.source[0]!r}, {self.source[1]!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled on first use; stands in for ``re.compile(pattern, flags)``."""
    return LazyPattern(pattern, flags)


def compiled(pattern: LazyPattern | re.Pattern[str]) -> re.Pattern[str]:
    """The real ``re.Pattern`` of a lazy or compiled pattern."""
    if isinstance(pattern, LazyPattern):
        return pattern.__dict__.get("compiled") or pattern.compile()
    return pattern


def source(pattern: LazyPattern | re.Pattern[str]) -> tuple[str, int]:
    """(pattern text, flags) without compiling it: the flags it was given, not those ``re``
    adds (UNICODE, inline ``(?m)``), which parsing the text with them gives back."""
    if isinstance(pattern, LazyPattern):
        return pattern.source
    return pattern.pattern, pattern.flags
