"""checker.parse.page_issuer: the body a page names around the report (source line, column
path, site), taken only with its place and only when the text can speak as it.  Synthetic
lines (ours)."""
from __future__ import annotations

import pytest

from checker.parse.page_issuer import issuer_from_breadcrumb, issuer_from_site, issuer_from_source_line, speaks_as

BUREAU_TEXT = "2024年，我局坚持依法行政，全年审核执法文书37件。"
COUNTY_TEXT = "2024年，我县坚持依法行政，全年审核规范性文件37件。"


@pytest.mark.parametrize("name, text, want", [
    ("桐庐县人民政府", COUNTY_TEXT, True),
    ("桐庐县人民政府", BUREAU_TEXT, False),  # a government's page holding a bureau's report
    ("桐庐县教育局", BUREAU_TEXT, True),
    ("桐庐县教育局", COUNTY_TEXT, False),  # a justice bureau's column holding its government's report
    ("桐庐县教育局", "全年审核执法文书37件。", True),  # the text says nothing of itself
    ("杭锦旗教育局", "2024年，我旗坚持依法行政。", False),  # a banner's government speaks
    ("杭锦旗教育局", "2024年，我们旗帜鲜明地坚持依法行政，我局全年培训3期。", True),
])
def test_speaks_as(name, text, want):
    assert speaks_as(name, text) is want


@pytest.mark.parametrize("names, text, want", [
    (("桐庐县人民政府门户网站",), COUNTY_TEXT, "桐庐县人民政府"),
    (("桐庐县政府网",), COUNTY_TEXT, "桐庐县人民政府"),
    (("桐庐县人民政府网站",), COUNTY_TEXT, "桐庐县人民政府"),
    (("桐庐县人民政府门户网站",), BUREAU_TEXT, None),
    (("中国政府网",), COUNTY_TEXT, None),  # no place
    (("首页", "桐庐县教育局官网"), BUREAU_TEXT, "桐庐县教育局"),
])
def test_issuer_from_site(names, text, want):
    assert issuer_from_site(names, text) == want


@pytest.mark.parametrize("line, text, head, want", [
    ("首页 > 部门信息公开 > 桐庐县教育局 > 法治政府建设年度报告", BUREAU_TEXT, "", "桐庐县教育局"),
    ("当前位置：首页 > 政务公开 > 县教育局 > 年度报告", BUREAU_TEXT, "桐庐县人民政府门户网站\n", "桐庐县教育局"),
    ("首页 / 政务公开 / 桐庐县教育局 / 年度报告", BUREAU_TEXT, "", "桐庐县教育局"),
    # the government's column for a text that says 我局
    ("首页 > 桐庐县人民政府 > 年度报告", BUREAU_TEXT, "", None),
    # a short form no line of the page places
    ("首页 > 县教育局 > 年度报告", BUREAU_TEXT, "", None),
    ("桐庐县教育局", BUREAU_TEXT, "", None),  # not a column path
])
def test_issuer_from_breadcrumb(line, text, head, want):
    assert issuer_from_breadcrumb([line], text, head) == want


@pytest.mark.parametrize("line, text, head, want", [
    ("来源：桐庐县人民政府", COUNTY_TEXT, "", "桐庐县人民政府"),
    ("发布机构 | 桐庐县教育局 | 发布日期 | 2025-03-10", BUREAU_TEXT, "", "桐庐县教育局"),
    ("来源：县教育局", BUREAU_TEXT, "桐庐县人民政府门户网站\n", "桐庐县教育局"),
    ("来源：司法局", BUREAU_TEXT, "", None),  # no place, no level
    ("来源：县教育局", BUREAU_TEXT, "", None),  # a level the page does not place
    ("来源：浙江日报", COUNTY_TEXT, "", None),  # a newspaper
    # session 15: a town or street by its name alone, when the text speaks at its level
    ("发布机构 | 云岭街道 | 主题分类 | 其他 |", "2023年，街道在区委区政府的领导下推进依法行政。", "", "云岭街道办事处"),
    ("发布机构 | 云岭镇 |", "2023年，镇党委、镇政府推进依法行政。", "", "云岭镇人民政府"),
    ("发布机构 | 云岭镇 |", "2023年，区政府推进依法行政。", "", None),  # the text speaks as no town
    # session 16: an encyclopedia's lead sentence names the publisher
    ("《桐庐县人民政府2018年度法治政府建设工作报告》是2019年桐庐县人民政府发布的通知。", COUNTY_TEXT, "", "桐庐县人民政府"),
])
def test_issuer_from_source_line(line, text, head, want):
    assert issuer_from_source_line([line], text, head) == want
