#!/usr/bin/env python3
"""Which rule-set patterns cost the most (not a test: it prints figures, asserts nothing).

    python bench/patterns.py [--rules national] [--top 30]

Times every compiled pattern a rule keeps (``rule.compiled``: matchers, lexicon alternations,
exceptions …) over the text of each ``samples/*.txt`` report, normalised as the parser sees it,
and lists the slowest: microseconds per report for one full scan.  A kind may run a pattern
over less than the whole text (a sentence, an item) or skip it by its literal prefilter, so
this is an upper bound per pattern, not the rule's share of a run — it finds patterns written
so that the regex engine must try every position (a leading optional group such as
``(?:推进)?法治…``, a leading look-behind): rewrite those so that each branch starts with text.
"""
from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.check.ruleset import load  # noqa: E402
from checker.read.lazy_pattern import compiled  # noqa: E402
from checker.read.normalize import normalize  # noqa: E402


def patterns(value):
    """The patterns inside one entry of a rule's compiled parameters."""
    items = value if isinstance(value, (list, tuple)) else [value]
    for item in items:
        if isinstance(item, tuple) and item and hasattr(item[0], "finditer"):
            item = item[0]  # (pattern, prefilter)
        if hasattr(item, "finditer"):
            yield compiled(item)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default="national", help="rule set name or path (default national)")
    parser.add_argument("--top", type=int, default=30, help="how many to list (default 30)")
    args = parser.parse_args()
    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted((REPO / "samples").glob("*.txt"))]
    rows = []
    for rule in load(args.rules).rules:
        if not isinstance(rule.compiled, dict):
            continue
        for name, value in rule.compiled.items():
            for pattern in patterns(value):
                seconds = timeit.timeit(lambda p=pattern: [list(p.finditer(t)) for t in texts], number=5) / 5
                rows.append((seconds / len(texts) * 1e6, rule.id, name, pattern.pattern))
    rows.sort(reverse=True)
    print(f"{'µs/report':>10}  {'rule':<26}{'param':<14}pattern")
    for micro, rule_id, name, text in rows[:args.top]:
        print(f"{micro:>10.0f}  {rule_id:<26}{name:<14}{text[:90]}")


if __name__ == "__main__":
    main()
