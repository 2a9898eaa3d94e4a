"""Last year's plan items that this year's measures do not take up (``plan-unaddressed``).

Needs the previous report of the same issuer (``doc.previous``: paired in a batch by issuer
and year, or by hand with ``--previous``); without it the kind says nothing.  Each numbered
item of last year's plan part (or each sentence, when the plan is not numbered) is compared
with this year's measures items and sentences by weighted character-bigram containment
(:mod:`checker.check.similarity`); an item whose best score is below ``threshold`` is reported at
this year's measures heading, quoting last year's wording.  The matched ones are shown in the
HTML page's table 去年的安排 → 今年的落实.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check import crossyear
from checker.check.hit import Hit
from checker.parse.document import Document

CROSS_YEAR = True
DEFAULTS: dict = {"stock": [], "threshold": 0.5}


def prepare(params: dict) -> None:
    threshold = params["threshold"]
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise ValueError("threshold: must be a number in (0, 1]")


def view(doc: Document, rule, ruleset) -> dict | None:
    return crossyear.followup(doc, rule.params)


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    data = crossyear.followup(doc, rule.params)
    if data is None:
        return
    start, end, section = crossyear.anchor(doc)
    year = data["previous_year"]
    for row in data["items"]:
        if row["matched"]:
            continue
        yield Hit(start, end, section=section,
                  fields={"label": row["label"], "wording": row["wording"], "line": row["line"],
                          "previous_year": f"{year}年" if year else "上一年度", "score": f"{row['score']:.2f}",
                          "matched": data["matched"], "total": data["total"]})
