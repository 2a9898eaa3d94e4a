"""Places a drafter marked as "do not report this here": suppression written in the report.

In .txt/.md a pair of HTML comments turns rules off for the lines between them::

    <!-- fzcheck: disable=claim-unquantified -->
    …
    <!-- fzcheck: enable=claim-unquantified -->

(several ids separated by commas; without ``enable`` the region runs to the end).  The
markers are blanked out of the text (spaces of the same length, so columns stay true).
In .docx a Word comment whose text is ``fzcheck: ignore claim-unquantified`` turns the rules
off for the paragraphs the comment covers (docx.py finds them).  What the markers hide is
counted and shown by ``--statistics``.
"""
from __future__ import annotations

import re

from checker.read.lazy_pattern import lazy
from checker.read.record import record

MARKER = lazy(r"<!--\s*fzcheck\s*:\s*(disable|enable)\s*=\s*([A-Za-z0-9_,\s-]+?)\s*-->")
IGNORE = lazy(r"^\s*fzcheck\s*[:：]\s*ignore\s+([A-Za-z0-9_,，\s-]+?)\s*$")


@record(frozen=True)
class Region:
    """Rules not reported on lines ``start``..``end`` (1-based, inclusive) of the extracted text."""

    rules: frozenset[str]
    start: int
    end: int


def rule_ids(text: str) -> frozenset[str]:
    return frozenset(part for part in re.split(r"[\s,，]+", text) if part)


def text_markers(lines: list[str]) -> tuple[list[str], list[Region]]:
    """The lines with the markers blanked out, and the regions they open and close."""
    if not any("fzcheck" in line for line in lines):
        return lines, []
    out = list(lines)
    open_at: dict[str, int] = {}
    regions: list[Region] = []
    for index, line in enumerate(lines, 1):
        matches = list(MARKER.finditer(line))
        if not matches:
            continue
        out[index - 1] = MARKER.sub(lambda m: " " * len(m.group(0)), line)
        for match in matches:
            for rule in rule_ids(match.group(2)):
                if match.group(1) == "disable":
                    open_at.setdefault(rule, index)
                elif rule in open_at:
                    regions.append(Region(frozenset({rule}), open_at.pop(rule), index))
    for rule, start in open_at.items():
        regions.append(Region(frozenset({rule}), start, max(1, len(lines))))
    return out, sorted(regions, key=lambda r: (r.start, r.end, sorted(r.rules)))


def ignore_comment(text: str) -> frozenset[str]:
    """The rule ids of a Word comment that says ``fzcheck: ignore <ids>`` (else empty)."""
    match = IGNORE.match(text)
    return rule_ids(match.group(1)) if match else frozenset()
