"""stock_phrases kind: problems-generic and plan-vague."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report


def test_generic_problems(national):
    text = report(problems="法治意识有待加强，工作水平与上级要求还有差距，主要是重视不够。")
    got = findings(text, national, "problems-generic")
    assert len(got) == 1 and "有待加强" in got[0].message


@pytest.mark.parametrize("problems", ["行政复议纠错案件有待减少，主要是培训不足。",
                                      "工作水平还有差距，3个街道未配备法制审核人员，主要是编制不足。",
                                      "非强制性执法手段运用偏少，主要是培训不足。"])
def test_specific_noun_figure_or_plain_field_makes_problems_concrete(national, problems):
    assert findings(report(problems=problems), national, "problems-generic") == []


@pytest.mark.parametrize("problems", ["行政执法规范化水平有待提高，主要是培训不足。",
                                      "部分执法人员法律素养仍需提升，普法方式和途径有待创新。",
                                      "普法工作与日常工作结合不够紧密。"])
def test_broad_field_with_an_abstract_noun_is_still_stock(national, problems):
    """不够/有待/仍需 + 意识/能力/水平 is stock phrasing even where 执法 or 普法 is named (issue #13)."""
    assert len(findings(report(problems=problems), national, "problems-generic")) == 1


def test_vague_plan(national):
    text = report(plan="（一）持续推进执法规范化。进一步加强执法监督，不断提升依法行政水平。")
    got = findings(text, national, "plan-vague")
    assert len(got) == 1 and got[0].section == "plan"


@pytest.mark.parametrize("plan", ["持续推进执法规范化，6月底前出台监督办法。", "进一步加强执法监督，年内培训执法人员4期。",
                                  "修订《云溪区行政规范性文件管理办法》。", "持续推进执法规范化，由区司法局牵头组织执法案卷评查。",
                                  "制定区政府重大行政决策事项目录。"])
def test_deadline_count_document_or_responsible_unit_makes_plan_concrete(national, plan):
    assert findings(report(plan=plan), national, "plan-vague") == []


@pytest.mark.parametrize("plan", ["深入贯彻《加快推动法务区建设实施方案(2024-2026年)》。",
                                  "持续推进执法规范化，健全常态化专业培训机制。"])
def test_citing_a_document_or_naming_a_mechanism_is_not_a_task(national, plan):
    """Implementing an existing 《…》 is no document to issue; 健全…机制 has no deadline or count."""
    assert len(findings(report(plan=plan), national, "plan-vague")) == 1


def test_plan_is_judged_item_by_item(national):
    """One dated item does not excuse the others: 1 of 3 concrete is below the half the rule asks."""
    plan = ("（一）完善执法监督。6月底前出台《云溪区行政执法监督办法》。\n"
            "（二）深化政务公开。持续推进政务公开标准化。\n（三）提升复议质效。进一步规范行政复议工作。")
    got = findings(report(plan=plan), national, "plan-vague")
    assert len(got) == 1
    assert "3项安排中有2项" in got[0].message and "“（二）深化政务公开”；“（三）提升复议质效”" in got[0].message


def test_half_concrete_plan_passes(national):
    plan = "（一）完善执法监督。6月底前出台监督办法。\n（二）深化政务公开。持续推进政务公开标准化。"
    assert findings(report(plan=plan), national, "plan-vague") == []


def test_problems_are_judged_one_by_one(national):
    problems = "一是行政执法案卷优秀率偏低。二是法治意识有待加强。三是工作水平与先进地区还有差距。主要是培训不足。"
    got = findings(report(problems=problems), national, "problems-generic")
    assert len(got) == 1 and "有2项问题" in got[0].message
    assert "“二是法治意识有待加强”" in got[0].message and "“三是工作水平与先进地区还有差距”" in got[0].message


def test_plan_heading_year_is_not_a_date(national):
    text = report(plan="持续推进执法规范化，进一步加强执法监督。")
    assert "2025年工作安排" in text and len(findings(text, national, "plan-vague")) == 1


def test_an_empty_part_is_not_one_vague_item(national):
    """An empty plan is section-thin's finding; plan-vague must not list a nameless item “”."""
    text = "云溪区人民政府2024年法治政府建设情况报告\n一、2024年主要举措和成效\n二、存在的不足和原因\n三、履行推进法治建设第一责任人职责情况\n四、2025年工作安排"
    assert findings(text, national, "plan-vague") == [] and findings(text, national, "problems-generic") == []
