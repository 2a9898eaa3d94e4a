"""A sentence that asserts a result or a quality (成效显著, 明显提升 …) but gives no figure.

Per sentence: a trigger word or pattern makes it a claim; a verifiable award or first
(获评, 入选 …) is evidence and clears it; otherwise it needs a figure in the sense of
:mod:`checker.check.figures`.  Headings are titles, not claims, and are skipped by default.
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.check import figures
from checker.check.hit import Hit
from checker.check.regex_safety import compile_safe
from checker.check.scope import spans
from checker.parse.document import Document
from checker.read.normalize import normalize

DEFAULTS: dict = {"words": [], "patterns": [], "evidence": [], "headings": False,
                  **figures.FIGURE_DEFAULTS}


def prepare(params: dict) -> dict:
    """Compile the trigger lexicon and the figure spec once per rule."""
    triggers = [compile_safe(p, f"patterns[{i}]") for i, p in enumerate(params["patterns"])]
    words = sorted({normalize(w) for w in params["words"]}, key=len, reverse=True)
    if words:
        triggers.append(re.compile("|".join(map(re.escape, words))))
    if not triggers:
        raise ValueError("words: give at least one claim word or pattern")
    evidence = sorted({normalize(w) for w in params["evidence"]}, key=len, reverse=True)
    return {"triggers": triggers, "evidence": evidence, "figures": figures.spec_from(params)}


def claim_in(text: str, compiled: dict) -> str | None:
    """The first trigger in a sentence (titles 《…》 masked), or None."""
    visible = figures.TITLE.sub(lambda m: figures.MASK * len(m.group()), text)
    hits = [m for t in compiled["triggers"] for m in [t.search(visible)] if m]
    if not hits:
        return None
    return min(hits, key=lambda m: m.start()).group()


def unquantified(text: str, compiled: dict) -> str | None:
    """The claim a sentence makes without figure or evidence, or None."""
    claim = claim_in(text, compiled)
    if claim is None or any(word in text for word in compiled["evidence"]):
        return None
    if figures.has_figure(text, compiled["figures"]):
        return None
    return claim


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    seen: set[int] = set()
    for lo, hi, key in spans(doc, rule.scope):
        for sentence in doc.sentences_in(lo, hi):
            if sentence.start in seen or (sentence.heading and not rule.params["headings"]):
                continue
            claim = unquantified(sentence.text, rule.compiled)
            if claim is not None:
                seen.add(sentence.start)
                yield Hit(sentence.start, sentence.end, section=key,
                          fields={"claim": claim, "section_name": ruleset.section_name(key)})
