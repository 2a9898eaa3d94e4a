"""A word typed twice in a row (工作工作, 推进推进).

Only runs of two or more Chinese characters repeated at once are reported by default:
reduplication of one character (常常, 一一, 层层) is ordinary Chinese.  Single characters
that are never doubled on purpose (的的, 了了) can be listed in ``single``; legitimate
doubled words (研究研究) go in ``exceptions``.  A verb before a noun that starts with the same
word (规范规范性文件 = 规范 + 规范性文件) is no repeat: the longer words go in ``compounds``.
An enumeration that pairs one character with different words (一案一卷一审, 一户一档, 共建共享,
边查边改) repeats that character by design: the characters that form such pairs go in
``enumerators``; the same pair twice running (一是一是, 共建共建) is still a repeat.
A doubled single character that is one half of an AABB reduplication (实实在在, 的的确确,
认认真真) is ordinary Chinese too: a doubled character right before or after it makes the pair.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.scope import section_of, spans
from checker.parse.document import Document
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"min_length": 2, "max_length": 6, "single": [], "exceptions": [], "compounds": [],
                  "enumerators": []}
HAN = "\u4e00-\u9fff"


def prepare(params: dict) -> dict:
    lo, hi = params["min_length"], params["max_length"]
    if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi <= 20):
        raise ValueError("min_length: need 1 ≤ min_length ≤ max_length ≤ 20")
    patterns = [lazy(rf"([{HAN}]{{{lo},{hi}}}?)\1")]
    singles = [c for c in params["single"] if len(c) == 1]
    if singles:
        patterns.append(lazy(f"([{''.join(map(re.escape, singles))}])\\1"))
    enumerators = "".join(re.escape(c) for c in params["enumerators"] if len(c) == 1)
    enumeration = lazy(f"(?:[{enumerators}][{HAN}]){{2,}}") if enumerators else None
    return {"patterns": patterns, "exceptions": set(params["exceptions"]),
            "compounds": tuple(sorted(set(params["compounds"]), key=len, reverse=True)),
            "enumeration": enumeration}


def _in_enumeration(text: str, start: int, end: int, enumeration: re.Pattern[str] | None) -> bool:
    """Whether the repeat at ``start:end`` overlaps a run like 一案一卷一审 that pairs the counting
    character with a different word each time (一是一是, 共建共建共享 pair it with one word twice running)."""
    if enumeration is None:
        return False
    lo = max(0, start - 12)
    for run in enumeration.finditer(text, lo, end + 12):
        words = run.group()[1::2]
        if run.start() < end and start < run.end() and all(a != b for a, b in zip(words, words[1:])):
            return True
    return False


def _begins_compound(text: str, at: int, word: str, compounds: tuple[str, ...]) -> bool:
    """Whether the copy of ``word`` at ``at`` begins a longer listed word (规范 in 规范性文件)."""
    return any(len(c) > len(word) and c.startswith(word) and text.startswith(c, at) for c in compounds)


def _in_aabb(text: str, start: int, word: str) -> bool:
    """Whether the one-character double ``word word`` at ``start`` is half of an AABB reduplication:
    the two characters before it (实实 in 实实在在) or after it (确确 in 的的确确) are a double of
    another Chinese character."""
    if len(word) != 1:
        return False
    before, after = text[max(0, start - 2):start], text[start + 2:start + 4]
    return any(len(pair) == 2 and pair[0] == pair[1] != word and "\u4e00" <= pair[0] <= "\u9fff"
               for pair in (before, after))


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    exceptions = rule.compiled["exceptions"]
    seen: set[int] = set()
    for lo, hi, key in spans(doc, rule.scope):
        for pattern in rule.compiled["patterns"]:
            for m in pattern.finditer(doc.norm, lo, hi):
                word = m.group(1)
                if m.group() in exceptions or word in exceptions or m.start() in seen:
                    continue
                if _begins_compound(doc.norm, m.start() + len(word), word, rule.compiled["compounds"]):
                    continue
                if _in_enumeration(doc.norm, m.start(), m.end(), rule.compiled["enumeration"]):
                    continue
                if _in_aabb(doc.norm, m.start(), word):
                    continue
                seen.add(m.start())
                yield Hit(m.start(), m.end(), section=key or section_of(doc, m.start()),
                          fields={"word": doc.text[m.start():m.start() + len(word)], "match": doc.text[m.start():m.end()]})
