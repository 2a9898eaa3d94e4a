"""An item found only inside another part (a sub-item or a sentence), not as a part of its own."""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.parse.document import Document

DEFAULTS: dict = {"sections": ["duty"]}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    for sec in doc.sections:
        if sec.embedded and sec.key in rule.params["sections"]:
            yield Hit(sec.heading_start, sec.heading_end, section=sec.key,
                      fields={"name": ruleset.section_name(sec.key), "line": sec.line})
