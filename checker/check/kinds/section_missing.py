"""A statutory item is absent; the finding sits where the item belongs.

By default the items the rule set marks ``required``; ``sections`` names others instead (the
optional fifth item, 其他需要报告的情况, in a rule that a province may switch on)."""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.parse.document import Document

DEFAULTS: dict = {"sections": []}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    present = {s.key for s in doc.sections}
    wanted = set(rule.params["sections"])
    for item in sorted(ruleset.sections, key=lambda d: d.order):
        if (item.key in wanted if wanted else item.required) and item.key not in present:
            at = insertion_point(doc, item.order, ruleset)
            yield Hit(at, at, section=item.key, fields={"name": item.name, "description": item.description})


def insertion_point(doc: Document, order: int, ruleset) -> int:
    """The start of the first present item that should follow the missing one, else the end."""
    for sec in doc.sections:
        item = ruleset.section_def(sec.key)
        if item and item.order > order and not sec.embedded:
            return sec.heading_start
    return doc.body_end
