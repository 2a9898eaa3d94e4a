"""An opening or closing mark (“ ” 《 》 （ ） 【 】 …) without its partner in the same paragraph.

Quotations in Chinese reports often run over several sentences, so the unit is the
paragraph (one line); a mark closed in a later paragraph is still reported, because
official style closes quotes where they open.  The excerpt is a few characters either side
of the stray mark.
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.check.hit import Hit
from checker.check.scope import section_of, spans
from checker.parse.document import Document

DEFAULTS: dict = {"pairs": ["“”", "‘’", "《》", "()", "【】", "〔〕", "[]"], "context": 8}


def prepare(params: dict) -> dict:
    opener_of: dict[str, str] = {}
    closer_of: dict[str, str] = {}
    for i, pair in enumerate(params["pairs"]):
        if len(pair) != 2 or pair[0] == pair[1]:
            raise ValueError(f"pairs[{i}]: give two different characters, the opening and the closing mark")
        closer_of[pair[0]] = pair[1]
        opener_of[pair[1]] = pair[0]
    if not isinstance(params["context"], int) or params["context"] < 0:
        raise ValueError("context: must be a whole number ≥ 0")
    return {"closer_of": closer_of, "opener_of": opener_of, "marks": marks_regex(closer_of, opener_of)}


def marks_regex(closer_of: dict[str, str], opener_of: dict[str, str]) -> re.Pattern[str]:
    """One character class of every mark: the scan jumps from mark to mark in C instead of
    visiting each character of the report in Python."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted({*closer_of, *opener_of})) + "]")


def strays(text: str, lo: int, hi: int, closer_of: dict[str, str], opener_of: dict[str, str],
           marks: re.Pattern[str] | None = None) -> list[int]:
    """Offsets of unmatched marks in ``text[lo:hi]`` (a stack; a closer skips over unclosed
    openers of other kinds, which are then stray)."""
    stack: list[int] = []
    out: list[int] = []
    for found in (marks or marks_regex(closer_of, opener_of)).finditer(text, lo, hi):
        i = found.start()
        ch = text[i]
        if ch in closer_of:
            stack.append(i)
        elif ch in opener_of:
            want = opener_of[ch]
            match = next((k for k in range(len(stack) - 1, -1, -1) if text[stack[k]] == want), None)
            if match is None:
                out.append(i)
            else:
                out.extend(stack[match + 1:])
                del stack[match:]
    return sorted(out + stack)


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    closer_of, opener_of, marks = rule.compiled["closer_of"], rule.compiled["opener_of"], rule.compiled["marks"]
    width = rule.params["context"]
    done: set[int] = set()
    for lo, hi, key in spans(doc, rule.scope):
        for a, b in doc.lines_in(lo, hi):
            for at in strays(doc.norm, a, b, closer_of, opener_of, marks):
                if at in done:
                    continue
                done.add(at)
                mark = doc.text[at]
                partner = closer_of.get(doc.norm[at]) or opener_of.get(doc.norm[at])
                yield Hit(max(a, at - width), min(b, at + 1 + width), section=key or section_of(doc, at),
                          fields={"mark": mark, "partner": _display(partner, mark)})


def _display(partner: str | None, mark: str) -> str:
    """Show the partner in the width the drafter used (（ → ）, not ')')."""
    full = {"(": "（", ")": "）", "[": "［", "]": "］"}
    if partner and mark in "（）［］":
        return full.get(partner, partner)
    return partner or ""
