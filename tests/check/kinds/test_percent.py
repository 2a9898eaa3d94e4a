"""percent kind (percent-invalid): rates over 100%, and shares that contradict their base."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "percent-invalid"


@pytest.mark.parametrize("text", ["行政机关负责人出庭应诉率达120%。", "全年受理复议案件412件，其中调解结案76件，占30%。",
                                  "案卷占比达到105.2%。"])
def test_impossible_percentages(national, text):
    assert len(findings(report(measures=text), national, RULE)) == 1


@pytest.mark.parametrize("text", ["新收复议案件3146件，同比上升106.4%。", "全年受理复议案件412件，其中调解结案76件，占18.4%。",
                                  "全年受理412件，调解76件，占18%。", "办理事项4万余件，其中网办3.1万件，占80%。",
                                  "适用简易程序复议案件2044件，占64.9%。", "出庭应诉率100%。"])
def test_valid_percentages(national, text):
    assert findings(report(measures=text), national, RULE) == []


def test_a_share_against_the_count_in_the_sentence_before(national):
    got = findings(report(measures="全年受理案件412件。其中调解结案76件，占30%。"), national, "percent-invalid")
    assert len(got) == 1 and "按同一段前文中的总数412件计算应为18.4%" in got[0].message
    assert findings(report(measures="全年受理案件412件。其中调解结案76件，占18.4%。"), national, "percent-invalid") == []
    # the sentence before gives two totals; the share fits one of them
    two = "新收案件3146件；全年审结案件3024件。适用简易程序2044件，占65.0%。"
    assert findings(report(measures=two), national, "percent-invalid") == []
    # a count in another paragraph is not this share's base
    assert findings(report(measures="全年受理案件412件。\n其中调解结案76件，占30%。"), national, "percent-invalid") == []
