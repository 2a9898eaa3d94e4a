"""Which parts are the statutory items (checker/parse/sections.py): a heading that says work was
carried out (开展情况, 完成情况 …) is not the plan, although it names 重点工作."""
from __future__ import annotations

from checker.read.record import replace

import pytest

from checker.parse.sections import heading_key, heading_keys
from checker.run.pipeline import check_text
from tests.reportkit import DUTY, MEASURES, PLAN, PROBLEMS, TITLE


def _keys(first: str, last: str, national) -> list[str]:
    text = "\n".join([TITLE, f"一、{first}", MEASURES, "二、存在的不足和原因", PROBLEMS,
                      "三、履行推进法治建设第一责任人职责情况", DUTY, f"四、{last}", PLAN])
    return [s["key"] for s in check_text(text, national, "r.txt").sections]


@pytest.mark.parametrize("first", ["重点工作开展情况", "2024年重点工作推进情况", "重点工作完成情况", "重点工作落实情况",
                                   "重点工作及成效"])  # session 16: a part that names its results
def test_a_part_on_key_work_carried_out_is_the_measures(first, national):
    assert _keys(first, "2025年工作安排", national) == ["measures", "problems", "duty", "plan"]


@pytest.mark.parametrize("last", ["2025年重点工作", "下一步重点工作", "2025年重点工作安排"])
def test_a_part_on_key_work_ahead_is_still_the_plan(last, national):
    assert _keys("2024年主要举措和成效", last, national) == ["measures", "problems", "duty", "plan"]


def test_not_with_words_come_from_the_rule_set(national):
    plan = next(d for d in national.sections if d.key == "plan")
    assert "开展情况" in plan.not_with
    assert heading_key("二、重点工作开展情况", national.sections) is None
    assert heading_key("二、重点工作", national.sections) == "plan"
    assert heading_key("二、重点工作开展情况", [replace(d, not_with=()) for d in national.sections]) == "plan"


# round 11: 重点工作 after a comma in a slogan heading with no year reports the work pushed on
@pytest.mark.parametrize("first", ["紧抓顶层谋划，高站位推进重点工作", "贯彻法治建设决策部署，推动立法重点工作任务"])
def test_key_work_in_a_slogans_later_clause_is_the_measures(first, national):
    assert _keys(first, "2025年工作安排", national) == ["measures", "problems", "duty", "plan"]


@pytest.mark.parametrize("last", ["坚持问题导向，谋划2025年重点工作", "2025年重点工作", "下一步重点工作",
                                  "坚持问题导向，做好下一步工作安排"])
def test_key_work_with_a_year_or_before_any_comma_is_still_the_plan(last, national):
    assert _keys("2024年主要举措和成效", last, national) == ["measures", "problems", "duty", "plan"]


def test_not_after_comma_comes_from_the_rule_set(national):
    plan = next(d for d in national.sections if d.key == "plan")
    assert "重点工作" in plan.not_after_comma
    assert heading_key("一、紧抓顶层谋划，高站位推进重点工作", national.sections) is None
    assert heading_key("一、紧抓顶层谋划，高站位推进重点工作",
                       [replace(d, not_after_comma=()) for d in national.sections]) == "plan"


# session 12, after live-extra24's first run: a part title that joins two items holds both
@pytest.mark.parametrize("title, want", [
    ("一、主要举措、成效及存在的问题与原因分析", ["measures", "problems"]),
    ("二、存在的不足和下一步工作打算", ["problems", "plan"]),
    # the item's own wording going on (……职责工作情况), a later clause, a long run-in line: one item
    ("一、2021年党政主要负责人履行推进法治建设第一责任人职责工作情况", ["duty"]),
    ("一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", ["duty"]),
    ("一、主要工作及成效（一）加强组织领导，定期研究法治建设中遇到的困难和问题，统筹推进依法行政工作", ["measures"]),
    ("四、2025年工作安排", ["plan"]),
    # session 13: words between the leaders and their duty (the rule set's heading_patterns)
    ("一、党政主要负责人认真履职情况", ["duty"]),
    ("一、坚持依法行政，主要领导切实履行职责", ["duty"]),
    ("一、主要领导高度重视法治建设", []),
    # session 14 (round 36's first run): a superior's arrangements are no plan; 落实……职责 is the duty item
    ("一、紧密围绕省委部署和市委工作安排，推动法治政府建设的举措和成效", ["measures"]),
    ("一、坚持以习近平法治思想为引领，全面落实法治政府建设工作职责", ["duty"]),
])
def test_heading_keys(title, want, national):
    assert heading_keys(title, national.sections) == want
    assert heading_key(title, national.sections) == (want[0] if want else None)


def test_heading_patterns_come_from_the_rule_set(national):
    duty = next(d for d in national.sections if d.key == "duty")
    assert duty.heading_patterns
    plain = [replace(d, heading_patterns=()) for d in national.sections]
    assert heading_key("一、党政主要负责人认真履职情况", plain) is None


def test_a_part_holding_the_measures_and_the_problems_lacks_neither(national):
    text = "\n".join([TITLE, "一、主要举措、成效及存在的问题与原因分析", MEASURES, PROBLEMS,
                      "二、履行推进法治建设第一责任人职责情况", DUTY, "三、2025年工作安排", PLAN])
    result = check_text(text, national, "r.txt")
    assert [(s["key"], s["embedded"]) for s in result.sections] == [
        ("measures", False), ("problems", True), ("duty", False), ("plan", False)]
    assert "section-missing" not in {f.rule for f in result.findings}
