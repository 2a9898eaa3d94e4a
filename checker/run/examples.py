"""A rule's examples as runnable cases: a plain string is a whole report; a mapping gives the
report (``text``) with what a single text cannot carry — last year's report (``previous``,
for the cross-year rules), the publication date (``published``, YYYY-MM-DD, as a web page's
metadata would give it), whether the input is a web page (``expects_date``) and whether the run
is on drafts (``draft``: the config's ``draft: true``)."""
from __future__ import annotations

from checker.parse.parser import parse
from checker.read.source import Source

from .result import ReportResult


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _with_enabled(ruleset, rule_id: str | None):
    rule = ruleset.rule(rule_id) if rule_id else None
    if rule is None or rule.enabled:
        return ruleset
    from .config import RuleChanges
    from .rulesets import derive

    return derive(ruleset, RuleChanges(enable=(rule_id,)), "<example>", "")


def _as_draft(ruleset):
    from .config import RuleChanges, with_shorthands
    from .rulesets import derive

    return derive(ruleset, with_shorthands(RuleChanges(), ruleset, draft=True), "<example>", "")


def example_text(example) -> str:
    """The report text of an example (string or mapping)."""
    return example["text"] if isinstance(example, dict) else str(example)


def check_example(example, ruleset, path: str = "<example>", rule_id: str | None = None) -> ReportResult:
    """Check one example as the rule-example tests and the docs do.  ``rule_id``: the rule the
    example illustrates, run even when the rule set switches it off by default."""
    from .pipeline import check_source

    ruleset = _with_enabled(ruleset, rule_id)
    if not isinstance(example, dict):
        return check_source(Source(path=path, lines=_lines(str(example))), ruleset)
    if example.get("draft"):
        ruleset = _as_draft(ruleset)
    previous = None
    if example.get("previous"):
        previous = parse(Source(path="上一年度报告.txt", lines=_lines(example["previous"])), ruleset.sections)
    source = Source(path=path, lines=_lines(example["text"]), published=example.get("published"),
                    expects_date=bool(example.get("expects_date", False)))
    return check_source(source, ruleset, previous=previous)
