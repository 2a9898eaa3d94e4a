"""The report title must name the report as the guidelines do: the body, 法治政府建设, a year and
报告, and not call itself a 工作总结.  A report with no recognisable title is reported at line 1.
A document laid out as 公文 puts the body on its own short line above the title (洛阳市人民政府 /
关于……的报告), or under a repeated title: the requirements listed in ``nearby`` are met by a short
line of the heading block too.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.parse.document import Document
from checker.read.normalize import normalize

HEAD_LINES = 15  # how far down a heading block may reach
DEFAULTS: dict = {"required": {}, "forbidden": [], "missing": True, "nearby": [], "nearby_chars": 25}


def prepare(params: dict) -> dict:
    if not isinstance(params["required"], dict):
        raise ValueError("required: a mapping from what is needed (shown to the drafter) to a regex")
    required = {label: compile_safe(p, f"required.{label}") for label, p in params["required"].items()}
    unknown = [label for label in params["nearby"] if label not in required]
    if unknown:
        raise ValueError(f"nearby: not a key of required: {unknown}")
    return {"required": required, "forbidden": [normalize(w) for w in params["forbidden"]],
            "nearby": list(params["nearby"]), "nearby_chars": params["nearby_chars"]}


def problems(title: str, compiled: dict, nearby: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with a (normalised) title, in Chinese, for the message.  ``nearby``: the
    short lines right above and below the title, which may meet the ``nearby`` requirements."""
    out = [f"缺少{label}" for label, p in compiled["required"].items()
           if not p.search(title) and not (label in compiled["nearby"] and any(p.search(n) for n in nearby))]
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
    found = problems(normalize(title), rule.compiled, _neighbours(doc, line, rule.compiled["nearby_chars"]))
    if found:
        offset = doc.text.find(title, lo, hi)
        start = offset if offset >= 0 else lo
        yield Hit(start, start + len(title) if offset >= 0 else hi,
                  fields={"title": title, "problems": "，".join(found)})


def _neighbours(doc: Document, line: int, limit: int) -> tuple[str, ...]:
    """Short lines of the heading block (the lines before the first part, at most HEAD_LINES) that
    may name the body the title leaves out: 洛阳市人民政府 above 关于……的报告, or 某某局 under a
    title repeated below the page headline.  Lines with a colon are record fields (发文单位：…,
    信息来源：…, 县委、县政府：), not the heading."""
    lines = doc.source.lines
    first_part = min((sec.line for sec in doc.sections if sec.line), default=len(lines) + 1)
    out = []
    for at in range(1, min(first_part - 1, HEAD_LINES) + 1):
        text = normalize(lines[at - 1].strip())
        if at != line and text and len(text) <= limit and ":" not in text:
            out.append(text)
    return tuple(out)
