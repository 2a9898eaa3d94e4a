"""The report title must name the report as the guidelines do: 法治政府建设 + a year + 报告,
and not call itself a 工作总结.  A report with no recognisable title is reported at line 1.
"""
from __future__ import annotations

from typing import Iterator

from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.parse.document import Document
from checker.read.normalize import normalize

DEFAULTS: dict = {"required": {}, "forbidden": [], "missing": True}


def prepare(params: dict) -> dict:
    if not isinstance(params["required"], dict):
        raise ValueError("required: a mapping from what is needed (shown to the drafter) to a regex")
    required = {label: compile_safe(p, f"required.{label}") for label, p in params["required"].items()}
    return {"required": required, "forbidden": [normalize(w) for w in params["forbidden"]]}


def problems(title: str, compiled: dict) -> list[str]:
    """What is wrong with a (normalised) title, in Chinese, for the message."""
    out = [f"缺少{label}" for label, p in compiled["required"].items() if not p.search(title)]
    out += [f"不应称“{w}”" for w in compiled["forbidden"] if w in title]
    return out


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    line = doc.metadata.title_line
    if line is None and doc.metadata.title:
        found = problems(normalize(doc.metadata.title), rule.compiled)
        if found:
            yield Hit(doc.body_start, doc.body_start, fields={"title": doc.metadata.title, "problems": "，".join(found)})
        return
    if line is None:
        if rule.params["missing"] and doc.text.strip():
            start = len(doc.text) - len(doc.text.lstrip())
            end = doc.text.find("\n", start)
            end = len(doc.text) if end < 0 else end
            yield Hit(start, min(end, start + 30), fields={"title": "（无）", "problems": "找不到报告标题"})
        return
    lo, hi = doc.line_span(line)
    title = doc.metadata.title or doc.text[lo:hi].strip()
    found = problems(normalize(title), rule.compiled)
    if found:
        offset = doc.text.find(title, lo, hi)
        start = offset if offset >= 0 else lo
        yield Hit(start, start + len(title) if offset >= 0 else hi,
                  fields={"title": title, "problems": "，".join(found)})
