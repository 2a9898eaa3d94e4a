"""A part largely the same as last year's (``copied-from-previous``): stock problems and
plans carried over year after year.

Needs ``doc.previous`` (see ``plan_followup``).  For each part in ``sections`` present in both
reports, the character 5-gram Jaccard index of the two parts' body text (headings excluded)
is the score; at ``warning`` or above the rule fires with its severity, at ``error`` or above
as an error.  The HTML page shows this year's sentences beside last year's most similar ones.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.check import crossyear
from checker.check.hit import Hit
from checker.parse.document import Document

CROSS_YEAR = True
DEFAULTS: dict = {"sections": ["problems", "plan"], "warning": 0.8, "error": 0.95, "ngram": 5,
                  "pair_min": 0.5, "min_chars": 30}


def prepare(params: dict) -> None:
    for name in ("warning", "error", "pair_min"):
        value = params[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise ValueError(f"{name}: must be a number in (0, 1]")
    if params["error"] < params["warning"]:
        raise ValueError("error: must not be below warning")
    if not isinstance(params["ngram"], int) or not 2 <= params["ngram"] <= 12:
        raise ValueError("ngram: must be a whole number from 2 to 12")


def view(doc: Document, rule, ruleset) -> list[dict]:
    return crossyear.copies(doc, rule.params)


def check(doc: Document, rule, ruleset) -> Iterator[Hit]:
    params = rule.params
    year = doc.previous.metadata.year if doc.previous is not None else None
    for part in crossyear.copies(doc, params):
        if part["score"] < params["warning"]:
            continue
        yield Hit(part["heading_start"], part["heading_end"], section=part["section"],
                  severity="error" if part["score"] >= params["error"] else None,
                  fields={"name": ruleset.section_name(part["section"]), "score": f"{part['score']:.0%}",
                          "same": part["same"], "sentences": part["sentences"],
                          "previous_year": f"{year}年" if year else "上一年度"})
