"""Words or regexes that must not appear in the scoped text (Vale's "existence" check).

A match that lies inside a match of one of ``exceptions`` is not reported, which is how
legitimate look-alikes (7×24小时 next to a ×× placeholder) are kept quiet.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..document import Document
from .. import prefilter
from ..hit import Hit
from ..regex_safety import compile_safe
from ..scope import section_of, spans

DEFAULTS: dict = {"words": [], "patterns": [], "exceptions": [], "excerpt": "match"}


def prepare(params: dict) -> dict:
    """Compile words and patterns once, at load time; bad ones fail the rule file."""
    if params["excerpt"] not in ("match", "sentence"):
        raise ValueError("excerpt: must be 'match' or 'sentence'")
    alternatives = [re.escape(w) for w in params["words"]]
    compiled = [compile_safe(p, f"patterns[{i}]") for i, p in enumerate(params["patterns"])]
    if alternatives:
        compiled.append(re.compile("|".join(sorted(alternatives, key=len, reverse=True))))
    if not compiled:
        raise ValueError("words: give at least one word or pattern")
    exceptions = [compile_safe(p, f"exceptions[{i}]") for i, p in enumerate(params["exceptions"])]
    return {"matchers": [(p, prefilter.build(p)) for p in compiled], "exceptions": exceptions}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    matchers, exceptions = rule.compiled["matchers"], rule.compiled["exceptions"]
    seen: set[tuple[int, int]] = set()
    for lo, hi, key in spans(doc, rule.scope):
        for matcher, guard in matchers:
            if guard is not None and not guard.may_match(doc.norm, lo, hi):
                continue
            for match in matcher.finditer(doc.norm, lo, hi):
                if match.end() == match.start() or (match.start(), match.end()) in seen:
                    continue
                if _excepted(doc.norm, match.start(), match.end(), exceptions, lo, hi):
                    continue
                seen.add((match.start(), match.end()))
                yield _hit(doc, rule, match, key)


def _excepted(text: str, start: int, end: int, exceptions: list[re.Pattern[str]], lo: int, hi: int) -> bool:
    window_lo, window_hi = max(lo, start - 20), min(hi, end + 20)
    for pattern in exceptions:
        for match in pattern.finditer(text, window_lo, window_hi):
            if match.start() <= start and end <= match.end():
                return True
    return False


def _hit(doc: Document, rule, match: re.Match[str], key: str | None) -> Hit:
    start, end = match.start(), match.end()
    if rule.params["excerpt"] == "sentence":
        sentence = doc.sentence_at(start)  # binary search: a scan per match was quadratic on big files
        if sentence is not None:
            start, end = sentence.start, max(end, sentence.end)
    return Hit(start, end, section=key or section_of(doc, match.start()),
               fields={"match": doc.text[match.start():match.end()]})
