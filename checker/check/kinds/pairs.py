"""An opening or closing mark (“ ” 《 》 （ ） 【 】 …) without its partner in the same paragraph.

Quotations in Chinese reports often run over several sentences, so the unit is the
paragraph (one line); a mark closed in a later paragraph is still reported, because
official style closes quotes where they open.  The finding points at the stray mark itself
(its excerpt is the mark); the message names the marks in words (右引号, 左书名号), since
"“””没有对应的““”" is unreadable, and quotes a few characters either side to find it by.
An opening mark still open where the last paragraph of a cut-off text stops is not
reported (its partner may follow the cut); one that an outer closing mark skipped over is.
A short line that is a web page's furniture (a font-size bar 【字体:, a date line) is not the
report's text: when the page's title was not recognised it can fall inside the body.
A line that holds garbled text (``garbled_patterns``: a mirror's 乱码 or inserted pinyin) is not
judged: its brackets are the garbling's, and ``text-garbled`` already says so.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checker.check import garbled
from checker.check.hit import Hit
from checker.check.scope import section_of, spans
from checker.check.truncation import runs_into_cut
from checker.parse.document import Document
from checker.parse.page_lines import is_furniture
from checker.read.lazy_pattern import lazy

FURNITURE_MAX = 40  # characters: a longer line is the report's own text, whatever words it holds
DEFAULTS: dict = {"pairs": ["“”", "‘’", "《》", "()", "【】", "〔〕", "[]"], "context": 8, "garbled_patterns": []}

# What a drafter calls each mark (GB/T 15834 names); a mark not listed is shown as itself.
NAMES = {"“": "左引号", "”": "右引号", "‘": "左单引号", "’": "右单引号", "《": "左书名号", "》": "右书名号",
         "〈": "左书名号", "〉": "右书名号", "(": "左括号", ")": "右括号", "（": "左括号", "）": "右括号",
         "[": "左方括号", "]": "右方括号", "［": "左方括号", "］": "右方括号", "【": "左方头括号", "】": "右方头括号",
         "〔": "左六角括号", "〕": "右六角括号", "「": "左直角引号", "」": "右直角引号"}


def mark_name(mark: str) -> str:
    """A mark in words (右引号), or the mark itself when it has no common name."""
    return NAMES.get(mark, f"符号“{mark}”")


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
    return {"closer_of": closer_of, "opener_of": opener_of, "marks": marks_regex(closer_of, opener_of),
            "garbled": garbled.compile_patterns(params["garbled_patterns"])}


def marks_regex(closer_of: dict[str, str], opener_of: dict[str, str]) -> re.Pattern[str]:
    """One character class of every mark: the scan jumps from mark to mark in C instead of
    visiting each character of the report in Python."""
    return lazy("[" + "".join(re.escape(ch) for ch in sorted({*closer_of, *opener_of})) + "]")


def strays(text: str, lo: int, hi: int, closer_of: dict[str, str], opener_of: dict[str, str],
           marks: re.Pattern[str] | None = None) -> list[int]:
    """Offsets of unmatched marks in ``text[lo:hi]`` (a stack; a closer skips over unclosed
    openers of other kinds, which are then stray)."""
    closed_over, open_at_end = stray_kinds(text, lo, hi, closer_of, opener_of, marks)
    return sorted(closed_over + open_at_end)


def stray_kinds(text: str, lo: int, hi: int, closer_of: dict[str, str], opener_of: dict[str, str],
                marks: re.Pattern[str] | None = None) -> tuple[list[int], list[int]]:
    """The unmatched marks in two lists: those certainly stray (a closer without opener, an opener
    an outer closer skipped over: 《…规划(2021—2025年》), and the openers still open where the
    paragraph ends — which, in a paragraph a cut broke off, may close after the cut."""
    marks = marks or marks_regex(closer_of, opener_of)
    if _nested("".join(marks.findall(text, lo, hi)), closer_of, opener_of):
        return [], []  # most lines: every mark closes in order, nothing to walk in Python
    stack: list[int] = []
    out: list[int] = []
    for found in marks.finditer(text, lo, hi):
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
    return out, stack


NESTED_PASSES = 4  # deeper nesting than this is left to the stack walk


def _nested(marks: str, closer_of: dict[str, str], opener_of: dict[str, str]) -> bool:
    """Whether the marks of a line pair up in order, so that :func:`stray_kinds` finds nothing:
    a string of brackets is well nested exactly when removing adjacent pairs (“”, 《》 …) again
    and again leaves nothing, and ``str.replace`` does that in C.  False means "not shown" (a
    stray mark, deep nesting, or a mark that both opens and closes): the stack walk decides."""
    if not marks:
        return True
    if not closer_of.keys().isdisjoint(opener_of):
        return False
    pairs = [opener + closer for opener, closer in closer_of.items()]
    for _ in range(NESTED_PASSES):
        before = marks
        for pair in pairs:
            marks = marks.replace(pair, "")
        if not marks:
            return True
        if marks == before:
            return False
    return False


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    closer_of, opener_of, marks = rule.compiled["closer_of"], rule.compiled["opener_of"], rule.compiled["marks"]
    width = rule.params["context"]
    done: set[int] = set()
    garbled_at = [start for start, _ in garbled.of(doc, rule.compiled["garbled"])]
    for lo, hi, key in spans(doc, rule.scope):
        for a, b in _lines_with_marks(doc.norm, lo, hi, marks):
            closed_over, open_at_end = stray_kinds(doc.norm, a, b, closer_of, opener_of, marks)
            if not closed_over and not open_at_end:
                continue
            if _holds_garbled(garbled_at, a, b):
                continue  # a mirror's 乱码 or inserted pinyin (?zhèn)鬟_(dá)): its marks are no one's punctuation
            if b - a <= FURNITURE_MAX and is_furniture(doc.norm[a:b]):
                continue  # 【字体:  大 中 小 — a page's widget bar, not a sentence of the report
            if runs_into_cut(doc, b) or _ends_in_ellipsis(doc.norm, a, b):
                open_at_end = []  # in a paragraph a cut (or a page's "...") broke off, they may close after it
            for at in sorted(closed_over + open_at_end):
                if at in done:
                    continue
                done.add(at)
                mark = doc.text[at]
                partner = _display(closer_of.get(doc.norm[at]) or opener_of.get(doc.norm[at]), mark)
                context = doc.text[max(a, at - width):min(b, at + 1 + width)].strip()
                yield Hit(at, at + 1, section=key or section_of(doc, at),
                          fields={"mark": mark, "partner": partner, "mark_name": mark_name(mark),
                                  "partner_name": mark_name(partner), "context": context})


def _holds_garbled(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a garbled stretch starts within the line [lo, hi) (``starts`` sorted)."""
    at = bisect.bisect_left(starts, lo)
    return at < len(starts) and starts[at] < hi


def _lines_with_marks(norm: str, lo: int, hi: int, marks: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The pieces of :meth:`Document.lines_in` that hold a mark, in order: one scan of the
    whole span finds the marks, and a line without any (most) costs nothing."""
    end = lo
    for found in marks.finditer(norm, lo, hi):
        at = found.start()
        if at < end:
            continue  # in the line just given
        start = norm.rfind("\n", lo, at) + 1 or lo
        end = norm.find("\n", at, hi)
        end = hi if end < 0 else end
        yield max(start, lo), end
        end += 1


ELLIPSIS = lazy(r"(?:\.{3,}|…+)\s*$")


def _ends_in_ellipsis(text: str, lo: int, hi: int) -> bool:
    """A line ending in an ellipsis was shortened (a page shows “开展法治建设“...” and leaves out
    the rest): a mark still open there may close in the part left out."""
    return ELLIPSIS.search(text, lo, hi) is not None


def _display(partner: str | None, mark: str) -> str:
    """Show the partner in the width the drafter used (（ → ）, not ')')."""
    full = {"(": "（", ")": "）", "[": "［", "]": "］"}
    if partner and mark in "（）［］":
        return full.get(partner, partner)
    return partner or ""
