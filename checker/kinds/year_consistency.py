"""The title, the measures heading and the plan heading must agree on the report year
(the plan names the year after).  The report year is what most of them say, so the one
that disagrees is the one reported."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..hit import Hit
from ..metadata import YEAR_RE

DEFAULTS: dict = {}
WHAT = {"title": "标题", "measures": "“主要举措和成效”部分标题", "plan": "“下一年度主要安排”部分标题"}
SHIFT = {"title": 0, "measures": 0, "plan": 1}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    meta = doc.metadata
    if meta.year is None:
        return
    for source, shift in SHIFT.items():
        stated = meta.year_sources.get(source)
        if stated is None or stated == meta.year:
            continue
        span = _year_span(doc, source)
        if span is None:
            continue
        yield Hit(span[0], span[1], section=None if source == "title" else source,
                  fields={"what": WHAT[source], "found": stated + shift, "year": meta.year,
                          "expected": meta.year + shift})


def _year_span(doc: Document, source: str) -> tuple[int, int] | None:
    """Offsets of the year as written in the title line or the section heading."""
    if source == "title":
        if doc.metadata.title_line is None:
            return None
        lo, hi = doc.line_span(doc.metadata.title_line)
    else:
        sec = doc.section(source)
        if sec is None:
            return None
        lo, hi = sec.heading_start, sec.heading_end
    match = YEAR_RE.search(doc.norm, lo, hi)
    if not match:
        return None
    end = match.end() + 1 if doc.norm[match.end():match.end() + 1] == "年" else match.end()
    return match.start(), end
