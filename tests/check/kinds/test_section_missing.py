"""section_missing kind: required parts by default, named parts when ``sections`` is set."""
from __future__ import annotations

from checker.run.config import RuleChanges
from checker.run.pipeline import check_text
from checker.run.rulesets import derive
from tests.reportkit import report


def _rules(result) -> list[tuple[str, str]]:
    return [(f.rule, f.section) for f in result.findings if f.rule in ("section-missing", "other-missing")]


def test_the_fifth_item_is_not_asked_for_by_default(national):
    assert _rules(check_text(report(), national)) == []


def test_a_province_can_ask_for_the_fifth_item(national):
    strict = derive(national, RuleChanges(enable=("other-missing",)), "<test>", "")
    got = check_text(report(), strict)
    assert _rules(got) == [("other-missing", "other")]
    assert [f.severity for f in got.findings if f.rule == "other-missing"] == ["info"]
    assert _rules(check_text(report(tail="五、其他需要报告的情况\n无。"), strict)) == []


def test_required_parts_are_still_reported(national):
    text = report().replace("三、履行推进法治建设第一责任人职责情况\n区长主持召开常务会议研究法治议题4次。\n", "")
    assert _rules(check_text(text, national)) == [("section-missing", "duty")]
