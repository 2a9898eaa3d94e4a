"""A required statutory item is absent; the finding sits where the item belongs."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..hit import Hit

DEFAULTS: dict = {}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    present = {s.key for s in doc.sections}
    for item in sorted(ruleset.sections, key=lambda d: d.order):
        if item.required and item.key not in present:
            at = insertion_point(doc, item.order, ruleset)
            yield Hit(at, at, section=item.key, fields={"name": item.name, "description": item.description})


def insertion_point(doc: Document, order: int, ruleset) -> int:
    """The start of the first present item that should follow the missing one, else the end."""
    for sec in doc.sections:
        item = ruleset.section_def(sec.key)
        if item and item.order > order and not sec.embedded:
            return sec.heading_start
    return doc.body_end
