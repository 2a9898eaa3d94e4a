"""A numbered item (（一）… / 1. …) whose whole text gives no figure at all.

Only the highest figure-less item of a subtree is reported, so an empty （一） does not also
report each of its 1. 2. 3.  Child heading labels are masked: "1." is a number, not a figure.
An item that names verifiable evidence instead of a figure (获评, 入选, 获得“十佳案卷”称号 — the
``evidence`` words and ``evidence_patterns``) is checkable too and is not reported.  Nor is an item that is only its title at the very end of the
text (二、规范): the text stops there, so what the item says is not known.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.check import figures
from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.check.scope import spans
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document, Node
from checker.read.normalize import normalize
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"min_level": 1, "evidence": [], "evidence_patterns": [], **figures.FIGURE_DEFAULTS}


def prepare(params: dict) -> dict:
    if not isinstance(params["min_level"], int) or params["min_level"] < 0:
        raise ValueError("min_level: must be a whole number ≥ 0")
    words = [re.escape(normalize(w)) for w in params["evidence"] if w]
    patterns = [compile_safe(p, f"evidence_patterns[{i}]").pattern for i, p in enumerate(params["evidence_patterns"])]
    evidence = lazy("|".join(sorted(words, key=len, reverse=True) + patterns)) if words or patterns else None
    return {"figures": figures.spec_from(params), "evidence": evidence}


def item_text(doc: Document, node: Node) -> str:
    """The item's text with every heading label inside it blanked."""
    text = doc.norm[node.start:node.end]
    labels = [(sub.heading.start - node.start, sub.heading.start - node.start + len(sub.heading.label))
              for sub in node.walk() if sub.heading is not None]
    return figures.blank_spans(text, labels)


def _items(doc: Document, lo: int, hi: int) -> list[Node]:
    """Nodes whose heading lies strictly inside a span (the part's own heading excluded)."""
    out = []
    for node in doc.root.walk() if doc.root else []:
        h = node.heading
        if h is not None and lo < h.start < hi:
            out.append(node)
    return out


NON_SPACE = lazy(r"\S")


def _title_at_end(doc: Document, node: Node) -> bool:
    """Whether the item is its heading alone and nothing of the body follows it: a text that
    stops right after a heading (a page's opening cut there) says nothing about that item.
    (Searched, not sliced: a slice to the body's end per item is quadratic on a big report.)"""
    if node.children or NON_SPACE.search(doc.norm, node.heading.end, node.end):
        return False
    return NON_SPACE.search(doc.norm, node.end, max(node.end, doc.body_end)) is None


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    spec = rule.compiled["figures"]
    for lo, hi, key in spans(doc, rule.scope):
        reported: list[Node] = []
        for node in _items(doc, lo, hi):
            if node.heading.level < rule.params["min_level"]:
                continue
            # Nodes come in document order and everything inside a reported item is skipped, so
            # only the last reported item can contain this one (a scan of all would be quadratic).
            if node.start == lo or (reported and reported[-1].start <= node.start < reported[-1].end):
                continue
            if runs_into_cut(doc, node.end) or _title_at_end(doc, node):
                continue  # the item's figures may be in the part of the text that is missing
            text = item_text(doc, node)
            evidence = rule.compiled["evidence"]
            if not figures.has_figure(text, spec) and (evidence is None or evidence.search(text) is None):
                reported.append(node)
                h = node.heading
                yield Hit(h.start, h.end, section=key,
                          fields={"item": doc.text[h.start:h.end], "section_name": ruleset.section_name(key)})
