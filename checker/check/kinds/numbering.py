"""Outline numbers that skip (一、二、四、) or repeat ((三)(三)), and mixed label styles at one
level (1. next to 1、).

A list may start at 1 or continue the numbering of the previous list at the same level
(many reports number 1.–26. straight through the (一)…(八) groups), so both are accepted.

A line that begins garbled (``garbled_patterns``, see :mod:`checker.check.garbled`) may hide the
missing number — a mirror site turned （一） into ?。ㄒ唬 — so no skip is inferred across one.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.check import garbled
from checker.check.hit import Hit
from checker.check.scope import section_of
from checker.parse.document import Document, Node
from checker.read.numerals import chinese_counting
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"continuous_ok": True, "mixed_styles": True, "garbled_patterns": []}
NUMERAL = lazy(r"[一二三四五六七八九十百零〇两]+|\d+|[①-⑳]")


def label_shape(label: str) -> str:
    """A label with its numeral replaced, e.g. '(N)', 'N.', 'N、'."""
    return NUMERAL.sub("N", label.strip(" *_"), count=1)


def cn_numeral(n: int) -> str:
    """11 → 十一, 101 → 一百零一; 0 → 零 (a 零、 heading)."""
    return "零" if n == 0 else chinese_counting(n)


def expected_label(example: str, number: int) -> str:
    """The label the drafter meant, written in the same style as a sibling's label."""
    match = NUMERAL.search(example)
    if not match:
        return str(number)
    numeral = str(number) if match.group().isdigit() else cn_numeral(number)
    return example[:match.start()] + numeral + example[match.end():]


def prepare(params: dict) -> dict:
    return {"garbled": garbled.compile_patterns(params["garbled_patterns"])}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    if doc.root is None:
        return
    last_at_level: dict[int, int] = {}
    heads = garbled.line_head_offsets(doc, rule.compiled["garbled"])
    for parent in doc.root.walk():
        children = [c for c in parent.children if c.heading is not None and c.heading.label]  # unnumbered parts have no number
        if not children:
            continue
        skips = _sequence(doc, children, last_at_level, rule.params["continuous_ok"], parent.start)
        yield from (hit for hit, since in skips if not garbled.garbled_line_between(heads, since, hit.start))
        if rule.params["mixed_styles"]:
            yield from _mixed(doc, children)


def _sequence(doc: Document, children: list[Node], last_at_level: dict[int, int], continuous_ok: bool,
              since: int) -> Iterator[tuple[Hit, int]]:
    """Skips and repeats, each with where the text that could hide a missing number begins (the
    previous sibling, or the parent for the first child); a repeat hides nothing (``hit.start``)."""
    level = children[0].heading.level
    first = children[0].heading.number
    allowed = {1}
    if continuous_ok and level in last_at_level:
        allowed.add(last_at_level[level] + 1)
    previous = None
    for node in children:
        h = node.heading
        if previous is None:
            if h.number not in allowed:
                yield _hit(doc, h, "跳号", _label(doc, h), min(allowed, key=lambda n: abs(n - first))), since
        elif h.number == previous:
            yield _hit(doc, h, "重号", _label(doc, h), previous + 1), h.start
        elif h.number != previous + 1:
            yield _hit(doc, h, "跳号", _label(doc, h), previous + 1), since
        previous = h.number
        since = node.start
        last_at_level[h.level] = h.number


def _mixed(doc: Document, children: list[Node]) -> Iterator[Hit]:
    shapes = Counter(label_shape(c.heading.label) for c in children)
    if len(shapes) < 2:
        return
    usual = shapes.most_common(1)[0][0]
    model = next(_label(doc, c.heading) for c in children if label_shape(c.heading.label) == usual)
    for node in children:
        h = node.heading
        if label_shape(h.label) != usual:
            yield _hit(doc, h, "编号格式与同级不一致", model, h.number)


def _label(doc: Document, h) -> str:
    """A heading's label as the drafter wrote it (full-width marks kept)."""
    return doc.text[h.start:h.start + len(h.label)].strip(" *_\u3000")


def _hit(doc: Document, h, problem: str, model: str, number: int) -> Hit:
    return Hit(h.start, h.end, section=section_of(doc, h.start),
               fields={"label": _label(doc, h), "problem": problem,
                       "expected": expected_label(model, number), "line": h.line})
