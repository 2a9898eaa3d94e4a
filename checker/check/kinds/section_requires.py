"""A part that must contain at least one of some cue words, e.g. the problems part must give
a cause (原因, 主要是, 由于 …) because the regulation asks for 不足**和原因**.

The part's own heading does not count: a heading that says 不足和原因 over a list of
problems with no cause is exactly the defect.  Parts shorter than ``min_chars`` are left to
``section-thin``.

With ``thin`` the kind reports the opposite case, softer: a cause is given, but it is thin — a
reviewer would sign "原因分析不充分", not "没有原因".  Thin means either that nothing but cue
phrases and fillers follows the first cue (原因是多方面的), or that ``thin_items`` problems or more
share a single cause statement (三个问题，一句“主要是培训不足”).  The problems are the part's
items (numbered headings, 一是/二是 …) that start before the first cue; the cause statements are
the clauses after it, split at semicolons, full stops and enumerations (一方面, 二是, 此外 …).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.kinds.stock_phrases import items
from checker.check.regex_safety import compile_safe
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document, Section
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"sections": [], "words": [], "patterns": [], "min_chars": 20, "embedded": False,
                  "thin": False, "thin_min_chars": 4, "thin_items": 3, "fillers": [], "reasons": {}}
# Where one cause statement ends and the next begins.
CAUSE_SPLIT = lazy(r"[;；。]|(?:一方面|另一方面|此外|同时|其次|再次|[一二三四五六七八九十]是|\d{1,2}[.、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])")
MARKS = lazy(r"[\s,，、:：;；。.!！?？“”\"'‘’()（）]")


def prepare(params: dict) -> dict:
    if not params["sections"]:
        raise ValueError("sections: name at least one section key")
    patterns = [compile_safe(p, f"patterns[{i}]") for i, p in enumerate(params["patterns"])]
    if params["words"]:
        patterns.append(lazy("|".join(map(re.escape, sorted(params["words"], key=len, reverse=True)))))
    if not patterns:
        raise ValueError("words: give at least one cue word or pattern")
    if params["thin"] and not {"cue_only", "one_for_many"} <= set(params["reasons"]):
        raise ValueError("reasons: with thin, give the cue_only and one_for_many texts")
    fillers = lazy("|".join(map(re.escape, sorted(params["fillers"], key=len, reverse=True)))) if params["fillers"] else None
    return {"patterns": patterns, "fillers": fillers}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    for sec in doc.sections:
        if sec.key not in params["sections"] or (sec.embedded and not params["embedded"]) or runs_into_cut(doc, sec.end):
            continue
        text = "。".join(s.text for s in doc.part_sentences(sec))
        if len(text) < params["min_chars"]:
            continue
        first = _first_cue(text, rule.compiled["patterns"])
        if not params["thin"]:
            if first is None:
                yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                          fields={"name": ruleset.section_name(sec.key), "cues": "、".join(params["words"][:6])})
        elif first is not None:
            reason = _thinness(doc, sec, text, first, rule)
            if reason:
                yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                          fields={"name": ruleset.section_name(sec.key), "reason": reason})


def _first_cue(text: str, patterns: list[re.Pattern]) -> re.Match | None:
    found = [m for m in (p.search(text) for p in patterns) if m]
    return min(found, key=lambda m: m.start()) if found else None


def _substance(text: str, compiled: dict) -> str:
    """What is left of a cause once cue words, fillers and marks are taken out."""
    for pattern in compiled["patterns"] + ([compiled["fillers"]] if compiled["fillers"] else []):
        text = pattern.sub("", text)
    return MARKS.sub("", text)


def _thinness(doc: Document, sec: Section, text: str, first: re.Match, rule) -> str | None:
    """Why the causes are thin (the rule's reason text, filled in), or None when they are not."""
    params, compiled = rule.params, rule.compiled
    causes = text[first.start():]
    if len(_substance(causes, compiled)) < params["thin_min_chars"]:
        return params["reasons"]["cue_only"].format(cue=first.group())
    # Problems: the items before the first one that states a cause, plus that one when a
    # problem comes before its cue (四是……。究其原因，……).  Causes in two items or more are
    # causes per problem, never one cause for many.
    found = items(doc, sec)
    with_cue = [(i, m) for i, (_, t) in enumerate(found) for m in [_first_cue(t, compiled["patterns"])] if m]
    if len(with_cue) != 1:
        return None
    index, cue = with_cue[0]
    lead = found[index][1][:cue.start()]
    problems = index + (1 if len(_substance(lead, compiled)) >= params["thin_min_chars"] else 0)
    if problems < params["thin_items"]:
        return None  # too few problems for "one cause for many": the statements need not be weighed
    # Statements are weighed (several substitutions each) only until a second one is found.
    statements = (s for s in CAUSE_SPLIT.split(causes) if len(_substance(s, compiled)) >= params["thin_min_chars"])
    if next(statements, None) is None or next(statements, None) is None:
        return params["reasons"]["one_for_many"].format(problems=problems)
    return None
