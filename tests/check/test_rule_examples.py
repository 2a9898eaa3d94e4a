"""Every rule's examples are its tests: a fail example must trip the rule, a pass example not."""
from __future__ import annotations

import pytest

from checker.check.ruleset import bundled_names, load
from checker.run.examples import check_example


def _cases():
    seen = set()
    for name in bundled_names():
        ruleset = load(name)
        for rule in ruleset.rules:
            for verdict in ("pass", "fail"):
                for index, example in enumerate(rule.examples.get(verdict, [])):
                    key = (rule.id, verdict, repr(example))  # an example may be a mapping
                    if key in seen:
                        continue  # a local set inherits the national examples
                    seen.add(key)
                    yield pytest.param(name, rule.id, verdict, example, id=f"{name}:{rule.id}:{verdict}{index}")


@pytest.mark.parametrize("ruleset_name,rule_id,verdict,example", list(_cases()))
def test_example(ruleset_name, rule_id, verdict, example):
    ruleset = load(ruleset_name)
    result = check_example(example, ruleset, path=f"{rule_id}-{verdict}.txt", rule_id=rule_id)
    hits = [f for f in result.findings if f.rule == rule_id]
    if verdict == "fail":
        assert hits, f"{rule_id}: fail example gave no finding"
    else:
        assert not hits, f"{rule_id}: pass example gave {[(f.line, f.message) for f in hits]}"


def test_every_rule_has_both_kinds_of_example():
    for rule in load("national").rules:
        assert rule.examples.get("pass") and rule.examples.get("fail"), rule.id


def test_examples_trip_no_internal_error():
    ruleset = load("national")
    for rule in ruleset.rules:
        for example in rule.examples.get("pass", []) + rule.examples.get("fail", []):
            result = check_example(example, ruleset)
            assert not [f for f in result.findings if f.rule == "internal-error"], rule.id
