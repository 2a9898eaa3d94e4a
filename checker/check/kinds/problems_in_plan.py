"""A shortcoming the plan does not take up: the problems part names 普法 as a weakness, and the
next year's plan never mentions 普法 or 法治宣传 at all.

The problems part is cut into its problems — numbered items (1. / （一）), else the
``一是 … 二是 …`` run of a paragraph — and each problem's topics are the ``topics`` groups
(synonyms: [普法, 法治宣传, 宣传教育]) it mentions.  A problem is taken up when any word of any of
its groups occurs in the plan part.  Problems that name no topic, and cause analysis (a
paragraph opening with a ``cause_cues`` word), are not judged.  Matching is literal: a plan
that answers a problem in other words is reported, which is why the rule is only a hint.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.parse.document import Document, Node, Section
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"topics": [], "cause_cues": []}
# 二是, not 统一是.  The look-behind follows the numeral (a pattern that starts with one is tried at
# every position): it tests the same character before the numeral.
ENUMERATION = lazy(r"[一二三四五六七八九十](?<![\u4e00-\u9fff][一二三四五六七八九十])是")


def prepare(params: dict) -> dict:
    groups = params["topics"]
    if not groups or not all(isinstance(g, list) and g and all(isinstance(w, str) and w for w in g) for g in groups):
        raise ValueError("topics: give a list of word groups, e.g. [[普法, 法治宣传], [复议]]")
    return {"groups": [tuple(g) for g in groups]}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    problems, plan = doc.section("problems"), doc.section("plan")
    if problems is None or plan is None or problems.embedded or plan.embedded:
        return
    plan_text = doc.norm[plan.start:plan.end]
    groups = rule.compiled["groups"]
    in_plan = {g for g in groups if any(word in plan_text for word in g)}  # once: a plan may be long
    for start, end in _problems(doc, problems, rule.params["cause_cues"]):
        text = doc.norm[start:end]
        named = [g for g in groups if any(word in text for word in g)]
        if not named or any(g in in_plan for g in named):
            continue
        words = [next(word for word in g if word in text) for g in named]
        first = doc.sentence_at(start)
        hit_end = min(end, first.end) if first is not None and first.start <= start < first.end else end
        yield Hit(start, hit_end, section="problems",
                  fields={"topics": "、".join(f"“{w}”" for w in words), "name": ruleset.section_name("plan")})


def _problems(doc: Document, sec: Section, cause_cues: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each problem: the part's numbered items, else its 一是 … 二是 … runs."""
    items = [child for node in sec.nodes for child in node.children if child.heading is not None]
    if len(items) >= 2:
        return [(n.start, n.end) for n in items if not _is_cause(n, cause_cues)]
    body_start = max((n.heading.end for n in sec.nodes if n.heading is not None), default=sec.start)
    out: list[tuple[int, int]] = []
    for line_start, line_end in doc.lines_in(body_start, sec.end):
        paragraph = doc.norm[line_start:line_end].strip()
        if not paragraph or any(paragraph.startswith(cue) for cue in cause_cues):
            continue
        marks = [m.start() for m in ENUMERATION.finditer(doc.norm, line_start, line_end)]
        if len(marks) >= 2:
            out.extend(zip(marks, marks[1:] + [line_end]))
    return out


def _is_cause(node: Node, cause_cues: list[str]) -> bool:
    """An item titled as the causes (（三）原因分析) is not a problem."""
    title = node.heading.title if node.heading is not None else ""
    return any(cue in title for cue in cause_cues)
