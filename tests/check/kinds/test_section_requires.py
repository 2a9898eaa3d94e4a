"""section_requires kind (cause-missing): the problems part must give a cause."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "cause-missing"


def test_problems_without_cause(national):
    got = findings(report(problems="一是街道执法案卷优秀率偏低。二是复议纠错案件集中在征收领域。"), national, RULE)
    assert len(got) == 1 and got[0].section == "problems" and got[0].excerpt == "二、存在的不足和原因"


@pytest.mark.parametrize("cause", ["究其原因，主要是法制审核力量不足。", "这主要是由于培训经费有限。", "问题的根源在于考核导向。"])
def test_cause_cues_pass(national, cause):
    text = report(problems="一是街道执法案卷优秀率偏低。二是复议纠错案件集中在征收领域。" + cause)
    assert findings(text, national, RULE) == []


def test_heading_word_does_not_count(national):
    text = report(problems="执法案卷优秀率偏低，复议纠错案件集中在征收领域，队伍力量薄弱。")
    assert "原因" in text and len(findings(text, national, RULE)) == 1


@pytest.mark.parametrize("problems", [
    "一是街道执法案卷优秀率偏低。二是部分干部对依法行政认识不足，执法程序意识淡薄。",
    "复议纠错案件集中在征收领域，受历史遗留问题影响，化解难度较大。",
    "人员调整频繁，造成执法案卷质量波动。",
])
def test_causes_stated_without_a_cue_phrase_count(national, problems):
    """A cause named outright (认识不足, 受…影响, 造成…) is a cause analysis, not a missing one."""
    assert findings(report(problems=problems), national, "cause-missing") == []


def test_cause_resource_shortage_counts_as_cause(national):
    """执法人员较少 names a cause without a cue word (tuned on live 051)."""
    assert findings(report(problems="执法队伍建设需要加强。我局执法人员较少，依法行政水平需要提高。"), national, RULE) == []


THIN = "cause-thin"


@pytest.mark.parametrize("problems", [
    "一是街道执法案卷优秀率偏低。二是复议纠错案件集中在征收领域。三是普法活动针对性不强。究其原因，主要是培训不足。",
    "街道执法案卷优秀率偏低，复议纠错案件集中在征收领域。产生这些问题的原因是多方面的。",
    "街道执法案卷优秀率偏低。究其原因，既有主观方面的，也有客观方面的。",
])
def test_thin_causes_get_the_softer_rule(national, problems):
    text = report(problems=problems)
    got = findings(text, national, THIN)
    assert len(got) == 1 and got[0].severity == "info"
    assert findings(text, national, RULE) == []


def test_thin_names_the_reason(national):
    one = findings(report(problems="一是案卷优秀率偏低。二是复议纠错较多。三是普法针对性不强。主要是培训不足。"), national, THIN)
    assert "3项问题只对应一条原因" in one[0].message
    cue = findings(report(problems="案卷优秀率偏低，复议纠错较多。原因是多方面的。"), national, THIN)
    assert "只有“原因”这样的提示语" in cue[0].message


@pytest.mark.parametrize("problems", [
    "一是案卷优秀率偏低，主要是法制审核人员多为兼职。二是复议纠错较多，主要是征收程序培训不足。三是普法针对性不强，由于需求调研不够。",
    "一是案卷优秀率偏低。二是复议纠错较多。三是普法针对性不强。究其原因，一方面法制审核人员多为兼职，另一方面征收程序培训不足；此外普法需求调研不够。",
    "一是案卷优秀率偏低。二是复议纠错较多。究其原因，主要是法制审核人员多为兼职。",
])
def test_causes_per_problem_or_several_causes_are_not_thin(national, problems):
    assert findings(report(problems=problems), national, THIN) == []


def test_no_cause_is_not_thin(national):
    """No cause at all is cause-missing's finding, not a softer one."""
    assert findings(report(problems="一是案卷优秀率偏低。二是复议纠错较多。"), national, THIN) == []
