"""A part written in stock phrases: it uses some (有待加强, 持续推进 …) and names nothing
concrete — no domain noun or deliverable, no figure, no date, no named document.

One kind serves two rules: ``problems-generic`` (concrete = a domain noun or a figure) and
``plan-vague`` (concrete = a deadline, a count, a document to issue or a responsible unit).

With ``per_item`` the part is judged item by item, as a reviewer reads it: the items are the
part's numbered headings, else its 一是/二是/1. enumerations, else its paragraphs.  An item is
vague when it has at least ``min_stock`` stock phrases and nothing concrete; the part is
reported when the share of concrete items is below ``min_concrete_share``, and the finding
lists the vague items.  Why per item: one 制定 anywhere must not excuse nine undated tasks.

``broad`` nouns (执法, 普法 …) name a field too wide to locate a problem: they make an item
concrete only in a clause that is not itself stock phrasing — no stock phrase, no ``abstract``
noun (意识, 能力, 水平 …) — so "执法人员业务水平还需提升" and "在执法程序等方面还需发力" stay stock
phrasing while "非强制性执法手段运用偏少" does not.  A clause that states a cause (``causes``,
``cause_patterns``: 主要是…, 执法人员较少) says why, not what is wrong where, so its broad noun
does not count either.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.check import figures
from checker.check.hit import Hit
from checker.check.kinds.item_figures import item_text
from checker.check.regex_safety import compile_safe
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document, Section
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"sections": [], "stock": [], "concrete": [], "concrete_patterns": [], "min_stock": 1,
                  "figures_count": True, "per_item": False, "min_concrete_share": 0.5, "min_items": 2,
                  "list_items": 5, "broad": [], "abstract": [], "causes": [], "cause_patterns": [], **figures.FIGURE_DEFAULTS}

# 一是 / 二是 …, 1. / 2、, (1) / （二） at the start of a clause: the enumerations a part lists its items with.
ENUMERATION = lazy(r"(?:^|(?<=[。;:!?\s]))(?:[一二三四五六七八九十]{1,3}是|\d{1,2}[.、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])")
ITEM_NAME_CHARS = 24
CLAUSE = lazy(r"[,，;；。:：!！?？]")


def prepare(params: dict) -> dict:
    if not params["sections"]:
        raise ValueError("sections: name at least one section key")
    if not params["stock"]:
        raise ValueError("stock: give the stock phrases to look for")
    if not 0 <= params["min_concrete_share"] <= 1:
        raise ValueError("min_concrete_share: a share between 0 and 1")
    concrete = [compile_safe(p, f"concrete_patterns[{i}]") for i, p in enumerate(params["concrete_patterns"])]
    if params["concrete"]:
        concrete.append(lazy("|".join(map(re.escape, sorted(params["concrete"], key=len, reverse=True)))))
    spec = figures.spec_from(params) if params["figures_count"] else None
    stock = _alternation(params["stock"])
    return {"stock": stock, "concrete": concrete, "figures": spec,
            "broad": _alternation(params["broad"]), "abstract": _alternation(params["abstract"]),
            "causes": [compile_safe(p, f"cause_patterns[{i}]") for i, p in enumerate(params["cause_patterns"])]
            + ([_alternation(params["causes"])] if params["causes"] else [])}


def _alternation(words: list[str]) -> re.Pattern | None:
    return lazy("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None


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
    return _broad_in(text, compiled)


def _broad_in(text: str, compiled: dict) -> str | None:
    """A broad field (执法, 人员 …) named in a clause that is not stock phrasing, or None."""
    if compiled.get("broad") is not None:
        for clause in CLAUSE.split(text):
            m = compiled["broad"].search(clause)
            if m and not _stock_clause(clause, compiled):
                return m.group()
    return None


def has_concrete(text: str, compiled: dict) -> bool:
    """Whether :func:`concrete_in` finds something: the cheap patterns first, then a figure,
    stopping at the first one (no list of every figure in the text), then a broad field."""
    if any(pattern.search(text) for pattern in compiled["concrete"]):
        return True
    if compiled["figures"] is not None and figures.has_figure(text, compiled["figures"]):
        return True
    return _broad_in(text, compiled) is not None


def _stock_clause(clause: str, compiled: dict) -> bool:
    """A clause that cannot locate a problem: stock phrasing, an abstract noun, or a cause."""
    checks = [compiled["stock"], compiled.get("abstract"), *compiled.get("causes", [])]
    return any(p is not None and p.search(clause) for p in checks)


def items(doc: Document, sec: Section) -> list[tuple[str, str]]:
    """(name, text) of each item of a part: numbered headings, else enumerations, else paragraphs."""
    nodes = [n for top in sec.nodes for n in top.children if n.heading is not None]
    if len(nodes) >= 2:
        return [(_name(doc.text[n.heading.start:n.heading.end]), item_text(doc, n)) for n in nodes]
    body = [s for s in doc.part_sentences(sec)]
    if not body:
        return []
    lo, hi = body[0].start, body[-1].end
    text = doc.norm[lo:hi]
    cuts = [m.start() for m in ENUMERATION.finditer(text)]
    if len(cuts) >= 2:
        bounds = [0 if i == 0 and text[:cut].strip() == "" else cut for i, cut in enumerate(cuts)]
        return [(_name(doc.text[lo + a:lo + b]), text[a:b]) for a, b in zip(bounds, bounds[1:] + [len(text)])]
    return [(_name(doc.text[a:b]), doc.norm[a:b]) for a, b in doc.lines_in(lo, hi) if doc.norm[a:b].strip()]


def _name(text: str) -> str:
    """An item as a reader recognises it: its first clause, cut short."""
    first = re.split(r"[。;,，；]", text.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= ITEM_NAME_CHARS else first[:ITEM_NAME_CHARS] + "……"


def _per_item(doc: Document, sec: Section, rule, ruleset) -> Iterator[Hit]:
    params, compiled = rule.params, rule.compiled
    found = items(doc, sec)
    if len(found) < params["min_items"]:
        whole = "。".join(s.text for s in doc.part_sentences(sec))
        if not whole.strip():
            return  # an empty part is section-thin's finding, not a list of one nameless vague item
        found = [(_name(whole), whole)]
    vague = [(name, text) for name, text in found
             if len(compiled["stock"].findall(text)) >= params["min_stock"] and not has_concrete(text, compiled)]
    concrete_share = 1 - len(vague) / len(found) if found else 1.0
    if not vague or concrete_share >= params["min_concrete_share"]:
        return
    stock = list(dict.fromkeys(m.group() for _, t in vague for m in compiled["stock"].finditer(t)))
    listed = "；".join(f"“{name}”" for name, _ in vague[:params["list_items"]])
    more = f"等{len(vague)}项" if len(vague) > params["list_items"] else ""
    yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
              fields={"name": ruleset.section_name(sec.key), "phrases": "、".join(f"“{w}”" for w in stock[:5]),
                      "items": listed + more, "vague": len(vague), "total": len(found)})


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    for sec in doc.sections:
        if sec.key not in params["sections"] or sec.embedded or runs_into_cut(doc, sec.end):
            continue  # a cut-off part may give its deadlines or domain nouns in the missing text
        if params["per_item"]:
            yield from _per_item(doc, sec, rule, ruleset)
            continue
        # Item titles count; the part's own title does not (its year would count as a date).
        text = "。".join(s.text for s in doc.part_sentences(sec, item_titles=True))
        stock = list(dict.fromkeys(m.group() for m in rule.compiled["stock"].finditer(text)))
        if len(stock) < params["min_stock"] or has_concrete(text, rule.compiled):
            continue
        yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                  fields={"name": ruleset.section_name(sec.key), "phrases": "、".join(f"“{w}”" for w in stock[:5])})
