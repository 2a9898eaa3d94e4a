"""checker/read/regex_charset.py: the faster character-class step gives Python's own compiled
programs, byte for byte, for every pattern fzcheck compiles and for random classes."""
from __future__ import annotations

import gc
import random
import re
import sys

import pytest

from checker.check.ruleset import load
from checker.read import regex_charset
from checker.read.lazy_pattern import LazyPattern, source

try:
    from re import _compiler, _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]


def program(pattern: str, flags: int, fast: bool) -> list[int]:
    """The code ``re`` would hand to the regex engine, with the fast step or Python's own."""
    if fast:
        regex_charset.install()
        regex_charset._MEMO.clear()
    else:
        regex_charset.uninstall()
    try:
        return _compiler._code(_parser.parse(pattern, flags), flags)
    finally:
        regex_charset.install()


def fzcheck_patterns() -> set[tuple[str, int]]:
    """(text, flags) of every pattern, compiled or waiting for first use (checker/read/
    lazy_pattern.py), alive once the modules and the bundled rule set are loaded."""
    import checker.cli  # noqa: F401 - imports every stage the command line needs
    import checker.formats  # noqa: F401
    import checker.web.wsgi  # noqa: F401

    load("national")
    found = {source(o) for o in gc.get_objects() if isinstance(o, (re.Pattern, LazyPattern))}
    return {(text, flags) for text, flags in found if isinstance(text, str)}


def test_it_is_installed_on_this_python():
    assert regex_charset.install() is (sys.version_info[:2] in regex_charset.VERSIONS)


@pytest.mark.skipif(sys.version_info[:2] not in regex_charset.VERSIONS, reason="not installed on this Python")
def test_every_fzcheck_pattern_compiles_to_the_same_program():
    patterns = fzcheck_patterns()
    assert len(patterns) > 150  # the rule set, the parser, the readers and the kinds
    big = [text for text, _ in patterns if re.search(r"[^\x00-\xff]-|\\u[0-9a-f]{4}-", text)]
    assert len(big) > 20  # ranges past Latin-1, the case this is for
    for text, flags in patterns:
        assert program(text, flags, True) == program(text, flags, False), text


def _random_class(rng: random.Random) -> str:
    """A character class of literals, ranges and escapes from Latin-1, the CJK blocks and beyond."""
    def char() -> int:
        return rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0x100), rng.randrange(0x100, 0x3000),
                           rng.randrange(0x3000, 0xa000), rng.randrange(0xff00, 0x10000),
                           rng.randrange(0x10000, 0x30000)])

    items = []
    for _ in range(rng.randrange(1, 8)):
        kind = rng.random()
        if kind < 0.45:
            items.append(f"\\U{char():08x}")
        elif kind < 0.9:
            low = char()
            high = min(0x10FFFF, low + rng.choice([1, 5, 200, 3000, 30000, 70000]))
            items.append(f"\\U{low:08x}-\\U{high:08x}")
        else:
            items.append(rng.choice([r"\d", r"\w", r"\s", r"\D"]))
    return ("[^" if rng.random() < 0.2 else "[") + "".join(items) + "]"


@pytest.mark.skipif(sys.version_info[:2] not in regex_charset.VERSIONS, reason="not installed on this Python")
@pytest.mark.parametrize("seed", range(4))
def test_random_classes_compile_to_the_same_program(seed):
    rng = random.Random(seed)
    for _ in range(150):
        pattern = _random_class(rng) + rng.choice(["", "+", "{2,5}", "x", _random_class(rng)])
        flags = rng.choice([0, re.IGNORECASE, re.ASCII, re.MULTILINE])
        if flags == re.ASCII and re.search(r"\\U0000(?!00)", pattern) is None:
            flags = 0
        assert program(pattern, flags, True) == program(pattern, flags, False), (pattern, flags)


def test_a_compiled_class_still_matches_what_it_should():
    regex_charset._MEMO.clear()
    han = re.compile(r"[\u4e00-\u9fff，。]+(?=[^\u4e00-\u9fff])")
    assert han.search("abc法治政府，建设。x").group() == "法治政府，建设。"
    assert re.compile(r"[\U00020000-\U0002a6df]").search("a\U00020001") is not None
