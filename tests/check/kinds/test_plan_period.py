"""plan_period kind (plan-out-of-period): a plan cited as the basis outside its period."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "plan-out-of-period"
OLD = "《法治政府建设实施纲要（2015—2020年）》"


def test_an_expired_plan_cited_as_the_basis(national):
    got = findings(report(opening=f"2024年，区政府全面贯彻落实{OLD}，审核文件37件。"), national, RULE)
    assert len(got) == 1 and got[0].excerpt == OLD
    assert "2015—2020年" in got[0].message and "已于2020年到期" in got[0].message and "2024年度" in got[0].message


def test_a_plan_not_yet_in_force(national):
    text = report(measures="按照《江澜市法治政府建设规划（2027—2030年）》要求，审核文件37件。")
    got = findings(text, national, RULE)
    assert len(got) == 1 and "要到2027年才开始实施" in got[0].message


@pytest.mark.parametrize("where, text", [
    ("measures", "全面落实《法治政府建设实施纲要（2021—2025年）》，审核文件37件。"),   # in force
    ("plan", "2025年，贯彻落实《江澜市法治政府建设规划（2025—2027年）》。"),          # starts next year: the plan's year
    ("measures", f"在全面完成{OLD}确定的目标任务基础上，审核文件37件。"),            # looking back
    ("measures", f"{OLD}实施以来，审核文件37件。"),                                   # no cue before it
    ("measures", f"深入落实各项部署，{OLD}中的任务已纳入考核。"),                     # the cue is in another clause
    ("measures", "落实《江澜市法治政府建设规划（2025—2016年）》，审核文件37件。"),      # a reversed range is not a period
])
def test_in_period_or_not_a_basis(national, where, text):
    assert findings(report(**{where: text}), national, RULE) == []


def test_half_width_brackets_and_dash(national):
    got = findings(report(measures="贯彻落实《法治政府建设实施纲要(2015-2020年)》，审核文件37件。"), national, RULE)
    assert len(got) == 1


def test_no_report_year_no_check(national):
    text = report(title="云溪区人民政府法治政府建设情况报告", measures=f"贯彻落实{OLD}。").replace("2024年", "").replace("2025年", "")
    assert findings(text, national, RULE) == []


@pytest.mark.parametrize("joiner", ["", "、", "和"])
def test_a_title_in_a_list_takes_the_cue_before_the_list(national, joiner):
    text = f"全面落实《法治政府建设实施纲要（2021—2025年）》{joiner}《江澜市法治政府建设规划（2016—2020年）》，审核文件37件。"
    got = findings(report(measures=text), national, RULE)
    assert [f.excerpt for f in got] == ["《江澜市法治政府建设规划（2016—2020年）》"]
