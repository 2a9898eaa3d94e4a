"""problems_in_plan kind (problem-unaddressed): each shortcoming should meet a measure in the plan."""
from __future__ import annotations

import pytest

from checker.check.kinds import problems_in_plan
from tests.reportkit import findings, report

RULE = "problem-unaddressed"
PLAN = "6月底前出台街道执法工作规范，案卷评查优秀率达到85%。"


def test_one_problem_of_a_run_is_not_taken_up(national):
    problems = "一是街道执法案卷优秀率偏低。二是普法方式单一，针对性不强。"
    got = findings(report(problems=problems, plan=PLAN), national, RULE)
    assert len(got) == 1 and got[0].excerpt == "二是普法方式单一，针对性不强。"
    assert "“普法”" in got[0].message and got[0].severity == "info"


def test_numbered_problems(national):
    problems = "（一）执法案卷质量不高。全年评查优秀率仅72%。\n（二）行政复议纠错率偏高。纠错34件。"
    got = findings(report(problems=problems, plan=PLAN), national, RULE)
    assert [f.excerpt for f in got] == ["（二）行政复议纠错率偏高"]


def test_synonyms_count_as_taken_up(national):
    problems = "一是街道执法案卷优秀率偏低。二是普法方式单一。"
    plan = PLAN + "面向新业态从业人员开展法治宣传活动60场。"
    assert findings(report(problems=problems, plan=plan), national, RULE) == []


@pytest.mark.parametrize("problems", [
    "执法标准不统一是主要问题，普法形式单一。",                       # 统一是 is no enumeration; no run to judge
    "一是执法案卷优秀率偏低。二是执法人员不足。\n究其原因，一是普法投入少，二是宣传形式单一。",  # causes are not judged
    "一是工作作风有待改进。二是思想认识不够到位。",                   # no topic named: cannot judge
])
def test_not_judged(national, problems):
    assert findings(report(problems=problems, plan=PLAN), national, RULE) == []


def test_without_a_plan_part_nothing_is_said(national):
    text = report(problems="一是执法案卷优秀率偏低。二是普法方式单一。").replace("四、2025年工作安排\n", "")
    assert findings(text, national, RULE) == []


@pytest.mark.parametrize("topics", [[], ["普法"], [["普法"], []], [[""]]])
def test_topics_must_be_groups_of_words(topics):
    with pytest.raises(ValueError, match="topics"):
        problems_in_plan.prepare({"topics": topics, "cause_cues": []})


# ENUMERATION was rewritten so that it starts with the numeral (faster); same matches.
import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

OLD_ENUMERATION = re.compile(r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]是")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="一二三是统，。\n a1", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_enumeration_pattern_matches_as_the_look_behind_form(text, lo, hi):
    new = [m.span() for m in problems_in_plan.ENUMERATION.finditer(text, lo, hi)]
    assert new == [m.span() for m in OLD_ENUMERATION.finditer(text, lo, hi)]
