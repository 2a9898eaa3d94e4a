"""duty_elements kind (duty-elements): the 第一责任人 checklist, one finding naming what is missing."""
from __future__ import annotations

import pytest

from checker.check.kinds import duty_elements
from tests.reportkit import findings, report

RULE = "duty-elements"
FULL = ("区长主持召开区政府常务会议专题研究法治议题4次。组织会前学法12次，在区委全会上述法。"
        "区长带头出庭应诉2次，督促整改法治督察反馈问题5个。")


def test_a_full_duty_part_passes(national):
    assert findings(report(duty=FULL), national, RULE) == []


def test_a_meeting_on_rule_of_law_counts_as_studying_it(national):
    # a 法治建设专题会议 is a meeting that studies rule-of-law matters; its count is the figure
    meeting = FULL.replace("主持召开区政府常务会议专题研究法治议题4次", "全年主持召开4次法治建设专题会议")
    assert findings(report(duty=meeting), national, RULE) == []
    other = FULL.replace("主持召开区政府常务会议专题研究法治议题4次", "全年主持召开4次安全生产专题会议")
    assert "未写明：研究法治议题。" in findings(report(duty=other), national, RULE)[0].message


def test_one_finding_names_every_missing_element(national):
    got = findings(report(duty="区长高度重视法治政府建设，坚持会前学法，在区委全会上述法。"), national, RULE)
    assert len(got) == 1 and got[0].section == "duty"
    assert "未写明：研究法治议题、学法次数、出庭应诉、督察整改。" in got[0].message


def test_a_counted_element_needs_its_figure_in_the_same_sentence(national):
    text = FULL.replace("组织会前学法12次", "坚持会前学法") + "全年培训12期。"
    got = findings(report(duty=text), national, RULE)
    assert len(got) == 1 and "未写明：学法次数。" in got[0].message


def test_an_embedded_duty_item_is_checked(national):
    measures = ("（一）规范执法。全年审核规范性文件37件。\n"
                "（二）压实第一责任人职责。区长认真履行推进法治建设第一责任人职责，主持召开常务会议研究法治议题4次。")
    text = "\n".join(["云溪区人民政府2024年法治政府建设情况报告", "一、2024年主要举措和成效", measures,
                      "二、存在的不足和原因", "执法规范化水平不高，主要是培训不足。", "三、2025年工作安排", "6月底前出台监督办法。"])
    got = findings(text, national, RULE)
    assert len(got) == 1 and "会前学法、述法、出庭应诉、督察整改" in got[0].message


def test_elements_must_have_names_and_words():
    with pytest.raises(ValueError, match="elements"):
        duty_elements.prepare({**duty_elements.DEFAULTS, "elements": []})
    with pytest.raises(ValueError, match=r"elements\[0\]"):
        duty_elements.prepare({**duty_elements.DEFAULTS, "elements": [{"name": "述法", "words": []}]})
