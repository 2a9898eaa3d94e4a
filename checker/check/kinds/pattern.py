"""Words or regexes that must not appear in the scoped text (Vale's "existence" check).

A match that lies inside a match of one of ``exceptions`` is not reported, which is how
legitimate look-alikes (7×24小时 next to a ×× placeholder) are kept quiet.

``notes`` say in words how a match differs from the right form when one pattern catches
several wrong forms ("推进法治政府建设…" adds 政府, "法治政府建设…" also drops 推进): the first
note whose ``when`` regex is found in the matched text fills the message's ``{note}``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checker.check import prefilter
from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.check.scope import section_of, spans
from checker.parse.document import Document
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"words": [], "patterns": [], "exceptions": [], "excerpt": "match", "notes": []}


def prepare(params: dict) -> dict:
    """Compile words and patterns once, at load time; bad ones fail the rule file."""
    if params["excerpt"] not in ("match", "sentence"):
        raise ValueError("excerpt: must be 'match' or 'sentence'")
    alternatives = [re.escape(w) for w in params["words"]]
    compiled = [compile_safe(p, f"patterns[{i}]") for i, p in enumerate(params["patterns"])]
    if alternatives:
        compiled.append(lazy("|".join(sorted(alternatives, key=len, reverse=True))))
    if not compiled:
        raise ValueError("words: give at least one word or pattern")
    exceptions = [compile_safe(p, f"exceptions[{i}]") for i, p in enumerate(params["exceptions"])]
    notes = [(compile_safe(n["when"], f"notes[{i}].when"), n["note"]) for i, n in enumerate(params["notes"])]
    return {"matchers": [(p, prefilter.build(p)) for p in compiled], "exceptions": exceptions, "notes": notes}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    matchers, exceptions = rule.compiled["matchers"], rule.compiled["exceptions"]
    seen: set[tuple[int, int]] = set()
    for lo, hi, key in spans(doc, rule.scope):
        excepted: Exceptions | None = None  # found on the first match only: most spans have none
        for matcher, guard in matchers:
            if guard is not None and not guard.may_match(doc.norm, lo, hi):
                continue
            for match in matcher.finditer(doc.norm, lo, hi):
                if match.end() == match.start() or (match.start(), match.end()) in seen:
                    continue
                if excepted is None:
                    excepted = Exceptions(doc.norm, lo, hi, exceptions)
                if excepted.covers(match.start(), match.end()):
                    continue
                seen.add((match.start(), match.end()))
                yield _hit(doc, rule, match, key)


class Exceptions:
    """The matches of the exception patterns in one span, to test whether one covers a hit.

    Found once per span, not in a window around each hit: a fixed window cut off longer
    exceptions (a 30-character **bold heading** around its own ``**``)."""

    def __init__(self, text: str, lo: int, hi: int, patterns: list[re.Pattern[str]]):
        self.found = [[m.span() for m in p.finditer(text, lo, hi)] for p in patterns]
        self.starts = [[start for start, _ in found] for found in self.found]

    def covers(self, start: int, end: int) -> bool:
        for found, starts in zip(self.found, self.starts):
            index = bisect.bisect_right(starts, start) - 1  # one pattern's matches do not overlap
            if index >= 0 and found[index][1] >= end:
                return True
        return False


def _hit(doc: Document, rule, match: re.Match[str], key: str | None) -> Hit:
    start, end = match.start(), match.end()
    if rule.params["excerpt"] == "sentence":
        sentence = doc.sentence_at(start)  # binary search: a scan per match was quadratic on big files
        if sentence is not None:
            start, end = sentence.start, max(end, sentence.end)
    fields = {"match": doc.text[match.start():match.end()]}
    if rule.compiled["notes"]:
        fields["note"] = next((note for when, note in rule.compiled["notes"] if when.search(match.group())), "")
    return Hit(start, end, section=key or section_of(doc, match.start()), fields=fields)
