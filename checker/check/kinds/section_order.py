"""Parts out of the canonical order.  The parts outside the longest run already in order
are the ones reported, so one misplaced part gives one finding, not a cascade."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from checker.check.hit import Hit
from checker.parse.document import Document

DEFAULTS: dict = {}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    parts = [s for s in doc.sections if not s.embedded and s.key in ruleset.order]
    ranks = [ruleset.order.index(s.key) for s in parts]
    keep = longest_in_order(ranks)
    actual = " → ".join(ruleset.section_short(s.key) for s in parts)
    expected = " → ".join(ruleset.section_short(k) for k in ruleset.order if k in {s.key for s in parts})
    for index, sec in enumerate(parts):
        if index not in keep:
            after = ruleset.section_short(parts[index - 1].key) if index else "报告开头"
            where = f"排在“{after}”之后" if index else "排在最前面"
            yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                      fields={"name": ruleset.section_name(sec.key), "after": after, "where": where,
                              "actual": actual, "expected": expected})


def longest_in_order(ranks: list[int]) -> set[int]:
    """Indices of the longest increasing subsequence, preferring earlier positions (n ≤ 10)."""
    n = len(ranks)
    for size in range(n, 0, -1):
        for combo in combinations(range(n), size):
            if all(ranks[a] < ranks[b] for a, b in zip(combo, combo[1:])):
                return set(combo)
    return set()
