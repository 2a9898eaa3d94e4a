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
