"""title_format kind: 法治政府建设 + year + 报告, and not 工作总结."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "title-format"


@pytest.mark.parametrize("title", ["云溪区人民政府2024年法治政府建设情况报告", "2024年闵行区法治政府建设工作情况报告",
                                   "云溪区司法局关于2024年度法治政府建设情况的报告"])
def test_good_titles(national, title):
    assert findings(report(title=title), national, RULE) == []


@pytest.mark.parametrize("title,problem", [("云溪区城市管理局2024年法治政府建设工作总结", "工作总结"),
                                           ("云溪区人民政府法治政府建设情况报告", "年份")])
def test_bad_titles(national, title, problem):
    got = findings(report(title=title), national, RULE)
    assert len(got) == 1 and problem in got[0].message and got[0].line == 1


def test_missing_title_is_reported_at_line_one(national):
    got = findings(report(title="") , national, RULE)
    assert len(got) == 1 and got[0].line == 1 and "找不到" in got[0].message
