"""docs/rules.md is generated from the rule set and must not be stale."""
from __future__ import annotations

from checker.check.ruledocs import render_markdown
from checker.check.ruleset import load
from tests.conftest import REPO


def test_rules_doc_is_current():
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == render_markdown(load("national")), "docs/rules.md is stale: run python scripts/gen_rule_docs.py"


def test_every_rule_is_documented():
    text = render_markdown(load("national"))
    for rule in load("national").rules:
        assert f"## {rule.id}" in text
