"""section_thin kind (section-thin): a part with too little in it gets advice for that part."""
from __future__ import annotations

from tests.reportkit import findings, report

RULE = "section-thin"


def test_a_thin_duty_part_gets_duty_advice(national):
    got = [f for f in findings(report(duty="高度重视。"), national, RULE) if f.section == "duty"]
    assert len(got) == 1 and "会前学法" in got[0].message


def test_a_thin_plan_gets_plan_advice(national):
    got = [f for f in findings(report(plan="持续推进。"), national, RULE) if f.section == "plan"]
    assert len(got) == 1 and "时限和责任单位" in got[0].message
    assert "会前学法" not in got[0].message
