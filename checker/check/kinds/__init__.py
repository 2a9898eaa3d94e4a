"""The registry of rule kinds: each kind is one module with ``DEFAULTS`` and ``check()``.

A kind is Python; a rule is YAML that names a kind and sets its params.  To add a kind, write
``checker/check/kinds/<name>.py``, list it here, describe its params in ``rules/schema.json`` and
test it (see docs/architecture.md, "Rules and kinds").
"""
from __future__ import annotations

from . import (  # cross-year and timeliness (issue #7)
    claim,
    copied,
    coverage,
    deadline,
    duty_elements,
    garbled,
    issuer_consistency,
    item_figures,
    not_a_report,
    numbering,
    pairs,
    pattern,
    percent,
    plan_followup,
    plan_period,
    problems_in_plan,
    repeated_word,
    section_embedded,
    section_missing,
    section_order,
    section_requires,
    section_thin,
    stock_phrases,
    title_format,
    year_consistency,
)

KINDS = {
    "section_missing": section_missing,
    "section_embedded": section_embedded,
    "section_order": section_order,
    "section_thin": section_thin,
    "year_consistency": year_consistency,
    "pattern": pattern,
    "claim": claim,
    "item_figures": item_figures,
    "pairs": pairs,
    "numbering": numbering,
    "repeated_word": repeated_word,
    "section_requires": section_requires,
    "stock_phrases": stock_phrases,
    "title_format": title_format,
    "issuer_consistency": issuer_consistency,
    "percent": percent,
    "plan_period": plan_period,
    "problems_in_plan": problems_in_plan,
    "plan_followup": plan_followup,
    "copied": copied,
    "coverage": coverage,
    "deadline": deadline,
    "duty_elements": duty_elements,
    "not_a_report": not_a_report,
    "garbled": garbled,
}
