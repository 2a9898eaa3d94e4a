"""score(): severity weights, per-rule weights, the global cap and per-rule caps."""
from __future__ import annotations

from checker.check.engine import score
from checker.check.finding import Finding


def _f(rule: str, severity: str = "warning") -> Finding:
    return Finding(rule=rule, severity=severity, message="m", line=1, column=1, end_line=1, end_column=1)


def test_rule_caps_limit_per_sentence_rules():
    scoring = {"start": 100, "weights": {"warning": 4}, "rule_weights": {"claim-unquantified": 2},
               "rule_caps": {"claim-unquantified": 12}, "rule_cap": 30}
    assert score([_f("claim-unquantified")] * 20, scoring) == 88


def test_global_cap_applies_without_a_rule_cap():
    assert score([_f("x", "error")] * 5, {"weights": {"error": 15}, "rule_cap": 30}) == 70


def test_national_weights(national):
    s = national.scoring
    assert s["rule_weights"]["section-missing"] > s["rule_weights"]["claim-unquantified"]
    assert score([_f("claim-unquantified")] * 40, s) == 100 - s["rule_caps"]["claim-unquantified"]
