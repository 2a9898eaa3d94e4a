"""title_format kind: the body + 法治政府建设 + year + 报告, and not 工作总结."""
from __future__ import annotations

import pytest

from tests.reportkit import findings, report

RULE = "title-format"


@pytest.mark.parametrize("title", ["云溪区人民政府2024年法治政府建设情况报告", "2024年闵行区法治政府建设工作情况报告",
                                   "云溪区司法局关于2024年度法治政府建设情况的报告"])
def test_good_titles(national, title):
    assert findings(report(title=title), national, RULE) == []


@pytest.mark.parametrize("title,problem", [("云溪区城市管理局2024年法治政府建设工作总结", "工作总结"),
                                           ("云溪区人民政府法治政府建设情况报告", "年份"),
                                           ("2024年度法治政府建设工作报告", "单位名称"),
                                           ("关于2024年度法治政府建设情况的报告", "单位名称")])
def test_bad_titles(national, title, problem):
    got = findings(report(title=title), national, RULE)
    assert len(got) == 1 and problem in got[0].message and got[0].line == 1


def test_missing_title_is_reported_at_line_one(national):
    got = findings(report(title="") , national, RULE)
    assert len(got) == 1 and got[0].line == 1 and "找不到" in got[0].message


@pytest.mark.parametrize("head", [
    "云溪区司法局\n关于2024年度法治政府建设情况的报告",          # 公文: the body on its own line above the title
    "2024年法治政府建设情况报告\n2024年法治政府建设情况报告\n云溪区司法局",  # a headline, the title again, the body under it
])
def test_the_body_on_a_short_line_of_the_heading_block_counts(national, head):
    assert findings(report(title=head), national, RULE) == []


def test_a_record_field_does_not_name_the_body_of_the_title(national):
    """发文单位：… is the page's record, not the title block: the title itself still lacks the body."""
    got = findings(report(title="2024年度法治政府建设工作报告\n发文单位：云溪区司法局"), national, RULE)
    assert len(got) == 1 and "单位名称" in got[0].message
