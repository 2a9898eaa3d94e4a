"""Text that looks garbled (乱码): said once per report, naming the lines.

A report whose text was mis-decoded (a mirror site, a file saved in one encoding and opened in
another) cannot be checked where it is garbled: numbers, headings and words there mean nothing.
The drafter or reviewer is told once, at the first garbled stretch, with the lines listed, rather
than once per stretch (a wholly garbled file has hundreds).  The signatures are the rule set's
``patterns`` (see :mod:`checker.check.garbled`).
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check import garbled
from checker.check.hit import Hit
from checker.check.scope import section_of
from checker.parse.document import Document

DEFAULTS: dict = {"patterns": [], "max_lines": 5}
EXCERPT = 6  # characters of context after a stretch, so the quote shows what the garbling looks like


def prepare(params: dict) -> dict:
    if not params["patterns"]:
        raise ValueError("patterns: give the signatures of garbled text")
    if not isinstance(params["max_lines"], int) or params["max_lines"] < 1:
        raise ValueError("max_lines: must be a whole number ≥ 1")
    return {"patterns": garbled.compile_patterns(params["patterns"], "patterns")}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    found = garbled.of(doc, rule.compiled["patterns"])
    if not found:
        return
    lines = sorted({doc.position(start)[0] for start, _ in found})
    shown = "、".join(str(n) for n in lines[:rule.params["max_lines"]]) + ("等" if len(lines) > rule.params["max_lines"] else "")
    start, end = found[0]
    line_start = doc.line_starts[doc.position(start)[0] - 1]
    if len(doc.text[line_start:start].strip()) < garbled.LINE_HEAD:
        start = line_start + (len(doc.text[line_start:start]) - len(doc.text[line_start:start].lstrip()))
    line_end = doc.text.find("\n", end)
    end = min(end + EXCERPT, len(doc.text) if line_end < 0 else line_end)
    yield Hit(start, end, section=section_of(doc, start),
              fields={"lines": shown, "count": len(lines), "match": doc.text[start:end]})
