"""A part written only in stock phrases: it uses some (有待加强, 持续推进 …) and names nothing
concrete — no domain noun or deliverable, no figure, no date, no named document.

One kind serves two rules: ``problems-generic`` (concrete = a domain noun or a figure) and
``plan-vague`` (concrete = a deliverable verb, a date or deadline, a count or a 《document》).
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.check import figures
from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.parse.document import Document

DEFAULTS: dict = {"sections": [], "stock": [], "concrete": [], "concrete_patterns": [], "min_stock": 1,
                  "figures_count": True, **figures.FIGURE_DEFAULTS}


def prepare(params: dict) -> dict:
    if not params["sections"]:
        raise ValueError("sections: name at least one section key")
    if not params["stock"]:
        raise ValueError("stock: give the stock phrases to look for")
    concrete = [compile_safe(p, f"concrete_patterns[{i}]") for i, p in enumerate(params["concrete_patterns"])]
    if params["concrete"]:
        concrete.append(re.compile("|".join(map(re.escape, sorted(params["concrete"], key=len, reverse=True)))))
    spec = figures.spec_from(params) if params["figures_count"] else None
    stock = re.compile("|".join(map(re.escape, sorted(params["stock"], key=len, reverse=True))))
    return {"stock": stock, "concrete": concrete, "figures": spec}


def concrete_in(text: str, compiled: dict) -> str | None:
    """The first concrete thing in a text (a figure, a domain noun, a date …), or None."""
    if compiled["figures"] is not None:
        found = figures.find(text, compiled["figures"])
        if found:
            return text[found[0][0]:found[0][1]]
    for pattern in compiled["concrete"]:
        m = pattern.search(text)
        if m:
            return m.group()
    return None


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    for sec in doc.sections:
        if sec.key not in params["sections"] or sec.embedded:
            continue
        # Item titles count; the part's own title does not (its year would count as a date).
        text = "。".join(s.text for s in doc.part_sentences(sec, item_titles=True))
        stock = list(dict.fromkeys(m.group() for m in rule.compiled["stock"].finditer(text)))
        if len(stock) < params["min_stock"] or concrete_in(text, rule.compiled) is not None:
            continue
        yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                  fields={"name": ruleset.section_name(sec.key), "phrases": "、".join(f"“{w}”" for w in stock[:5])})
