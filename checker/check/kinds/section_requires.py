"""A part that must contain at least one of some cue words, e.g. the problems part must give
a cause (原因, 主要是, 由于 …) because the regulation asks for 不足**和原因**.

The part's own heading does not count: a heading that says 不足和原因 over a list of
problems with no cause is exactly the defect.  Parts shorter than ``min_chars`` are left to
``section-thin``.
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document

DEFAULTS: dict = {"sections": [], "words": [], "patterns": [], "min_chars": 20, "embedded": False}


def prepare(params: dict) -> dict:
    if not params["sections"]:
        raise ValueError("sections: name at least one section key")
    patterns = [compile_safe(p, f"patterns[{i}]") for i, p in enumerate(params["patterns"])]
    if params["words"]:
        patterns.append(re.compile("|".join(map(re.escape, sorted(params["words"], key=len, reverse=True)))))
    if not patterns:
        raise ValueError("words: give at least one cue word or pattern")
    return {"patterns": patterns}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    for sec in doc.sections:
        if sec.key not in params["sections"] or (sec.embedded and not params["embedded"]) or runs_into_cut(doc, sec.end):
            continue
        text = "。".join(s.text for s in doc.part_sentences(sec))
        if len(text) < params["min_chars"]:
            continue
        if not any(p.search(text) for p in rule.compiled["patterns"]):
            yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                      fields={"name": ruleset.section_name(sec.key), "cues": "、".join(params["words"][:6])})
