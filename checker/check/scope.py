"""Where a rule looks, as spans of the document: section keys, or title/body/headings/opening/all.

Vale calls this a rule's scope.  Spans carry the section key so findings can name the part.
"""
from __future__ import annotations

from checker.parse.document import Document

Span = tuple[int, int, "str | None"]


def spans(doc: Document, scope: list[str]) -> list[Span]:
    """The spans a scope list selects, in document order, without overlaps of equal spans."""
    out: list[Span] = []
    for name in scope or ["title", "body"]:
        out.extend(_one(doc, name))
    unique = sorted(set(out), key=lambda s: (s[0], s[1]))
    return unique


def _one(doc: Document, name: str) -> list[Span]:
    if name == "all":
        return [(0, len(doc.text), None)]
    if name == "body":
        return [(doc.body_start, doc.body_end, None)]
    if name == "title":
        if doc.metadata.title_line is None:
            return []
        lo, hi = doc.line_span(doc.metadata.title_line)
        return [(lo, hi, None)]
    if name == "headings":
        return [(h.start, h.end, None) for h in doc.headings]
    if name == "opening":
        top = doc.root.children if doc.root else []
        return [(doc.body_start, top[0].start if top else doc.body_end, None)]
    return [(s.start, s.end, s.key) for s in doc.sections if s.key == name]


def section_of(doc: Document, offset: int) -> str | None:
    """The key of the section an offset falls in (embedded parts win), or None."""
    sec = doc.section_at(offset)
    return sec.key if sec else None
