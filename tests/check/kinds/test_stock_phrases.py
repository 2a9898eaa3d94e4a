"""stock_phrases kind: problems-generic and plan-vague."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report


def test_generic_problems(national):
    text = report(problems="法治意识有待加强，工作水平与上级要求还有差距，主要是重视不够。")
    got = findings(text, national, "problems-generic")
    assert len(got) == 1 and "有待加强" in got[0].message


@pytest.mark.parametrize("problems", ["行政执法规范化水平有待提高，主要是培训不足。",
                                      "工作水平还有差距，3个街道未配备法制审核人员，主要是编制不足。"])
def test_domain_noun_or_figure_makes_problems_concrete(national, problems):
    assert findings(report(problems=problems), national, "problems-generic") == []


def test_vague_plan(national):
    text = report(plan="（一）持续推进执法规范化。进一步加强执法监督，不断提升依法行政水平。")
    got = findings(text, national, "plan-vague")
    assert len(got) == 1 and got[0].section == "plan"


@pytest.mark.parametrize("plan", ["持续推进执法规范化，6月底前出台监督办法。", "进一步加强执法监督，年内培训执法人员4期。",
                                  "深入贯彻《加快推动法务区建设实施方案(2024-2026年)》。", "持续推进执法规范化，制定常态化专业培训机制。"])
def test_deadline_count_document_or_deliverable_makes_plan_concrete(national, plan):
    assert findings(report(plan=plan), national, "plan-vague") == []


def test_plan_heading_year_is_not_a_date(national):
    text = report(plan="持续推进执法规范化，进一步加强执法监督。")
    assert "2025年工作安排" in text and len(findings(text, national, "plan-vague")) == 1
