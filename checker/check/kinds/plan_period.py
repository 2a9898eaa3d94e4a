"""A plan cited as the basis of the year's work outside its period: a report for 2022 that
still "贯彻落实《法治政府建设实施纲要（2015—2020年）》" — usually a sentence carried over from an
old report or template — or a plan that only starts after the year following the report year.

A citation is judged only when a cue word before it, in the same clause, presents it as the
basis (贯彻、落实、按照、对照 …), and not when its sentence looks back on it (完成、收官、总结 …):
"全面完成《纲要（2015—2020年）》确定的目标任务" in a 2021 report is history, not a stale basis.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check.hit import Hit
from checker.check.scope import section_of, spans
from checker.parse.document import Document
from checker.read.lazy_pattern import lazy

DEFAULTS: dict = {"cues": [], "historic": [], "window": 16}
# 《name（2021—2025年）》 on normalised text: full-width brackets and dashes are folded already.
TITLE_PERIOD = lazy(r"《([^《》\n]{2,80}?)\(\s*((?:19|20)\d{2})\s*[-—–~至]+\s*((?:19|20)\d{2})\s*年?度?\s*\)"
                    r"[^《》\n]{0,20}》")
CLAUSE_MARKS = "。;!?,:"
LIST_JOINERS = "、和及与 "  # between titles of one list
LIST_MAX = 8  # titles looked through before the cue


def prepare(params: dict) -> dict:
    if not params["cues"]:
        raise ValueError("cues: give the words that present a plan as the basis (贯彻, 落实 …)")
    if not isinstance(params["window"], int) or params["window"] < 1:
        raise ValueError("window: must be a whole number ≥ 1")
    return {}


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    year = doc.metadata.year
    if year is None:
        return
    params = rule.params
    for lo, hi, key in spans(doc, rule.scope):
        for match in TITLE_PERIOD.finditer(doc.norm, lo, hi):
            first, last = int(match.group(2)), int(match.group(3))
            detail = _out_of_period(first, last, year)
            if detail is None or not _cited_as_basis(doc, match.start(), lo, params):
                continue
            yield Hit(match.start(), match.end(), section=key or section_of(doc, match.start()),
                      fields={"title": doc.text[match.start() + 1:match.end() - 1], "start": first, "end": last,
                              "year": year, "detail": detail})


def _list_start(text: str, start: int, lo: int) -> int:
    """Where a run of titles that ends at ``start`` begins: 《甲》《乙》, 《甲》、《乙》, 《甲》和《乙》."""
    for _ in range(LIST_MAX):
        end = start
        while end > lo and text[end - 1] in LIST_JOINERS:
            end -= 1
        if end <= lo or text[end - 1] != "》":
            return start
        opening = text.rfind("《", lo, end)
        if opening < 0:
            return start
        start = opening
    return start


def _out_of_period(first: int, last: int, year: int) -> str | None:
    """Why a plan for ``first``–``last`` cannot be the basis of a report for ``year`` (None: it can).
    The plan part speaks of the next year, so a plan starting then is in time."""
    if first > last:
        return None  # a reversed range is a typo for another rule, not a period
    if last < year:
        return f"已于{last}年到期"
    if first > year + 1:
        return f"要到{first}年才开始实施"
    return None


def _cited_as_basis(doc: Document, start: int, lo: int, params: dict) -> bool:
    """A cue word in the clause before the title — or before the list of titles it closes
    (全面落实《纲要》《规划》) — and no look-back word in its sentence."""
    start = _list_start(doc.norm, start, lo)
    before = doc.norm[max(lo, start - params["window"]):start]
    cut = max(before.rfind(mark) for mark in CLAUSE_MARKS)
    if not any(cue in before[cut + 1:] for cue in params["cues"]):
        return False
    sentence = doc.sentence_at(start)
    text = sentence.text if sentence is not None else before
    return not any(word in text for word in params["historic"])
