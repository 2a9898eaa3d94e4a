"""Traditional characters read as simplified, for analysis only, one code point for one.

Sites offer a 繁體 version of every page and some reports are pasted from it.  The rules'
lexicons are simplified (项, 个, 万, 报告), so a traditional report is converted before matching
with OpenCC's data (the converter every Chinese platform uses; a home-made table would miss
the variants).  Findings quote ``Document.text``, the text as read; only the analysis text
is converted, and it keeps every offset: a phrase that OpenCC would render with another
length is converted character by character instead.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.read.lazy_pattern import lazy

HAN = lazy(r"[\u4e00-\u9fff]")
TRADITIONAL_SHARE = 0.03  # of the Han characters: simplified text converts almost nothing
TRADITIONAL_MIN = 8  # characters that change, so a stray 乾 or 著 does not make a report traditional


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=1)
def _changing():
    """One character class of the Han characters OpenCC changes (checker/read/traditional_chars.py,
    generated from OpenCC): finding them is one regex scan, and a simplified report, almost every
    report, never loads OpenCC."""
    from .traditional_chars import CHARACTERS

    return re.compile(f"[{CHARACTERS}]")


def changing_characters() -> str:
    """The Han characters (U+4E00–U+9FFF) that t2s converts, one for one, to another one, in
    code-point order: the source of checker/read/traditional_chars.py."""
    return "".join(ch for ch in map(chr, range(0x4E00, 0xA000)) if _char(ch) != ch)


def is_traditional(text: str) -> bool:
    """Whether a text is written in traditional characters (the Han characters of its first
    20,000 characters): at least TRADITIONAL_MIN distinct characters that convert, making at
    least TRADITIONAL_SHARE of its Han characters.  This runs on every report, and almost every
    report is simplified: one scan for the convertible characters decides."""
    sample = text[:20000]
    changed = _changing().findall(sample)
    if len(set(changed)) < TRADITIONAL_MIN:
        return False
    return len(changed) >= TRADITIONAL_SHARE * len(HAN.findall(sample))


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, same length, same line ends."""
    out = _converter().convert(text)
    if len(out) == len(text) and out.count("\n") == text.count("\n"):
        return out
    return "".join(_char(ch) if HAN.match(ch) else ch for ch in text)


def analysis_form(text: str) -> str:
    """The text the rules match on: simplified when it is traditional, else unchanged."""
    return to_simplified(text) if is_traditional(text) else text
