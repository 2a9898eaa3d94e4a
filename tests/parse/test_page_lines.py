"""checker.parse.page_lines: a saved page's furniture lines and the text's own prose.  Synthetic lines (ours)."""
from __future__ import annotations

import pytest

from checker.parse.page_lines import is_furniture, is_prose


@pytest.mark.parametrize("line", [
    "索引号：0001-2025-00011",
    "| 发布机构 | 云溪区司法局 | 成文日期 | 2025-03-10 |",
    "首页 > 政务公开 > 法治政府建设",
    "字体大小：【大 中 小】 打印 分享至",
    "2025-03-10 09:30 来源：云溪区司法局",
    "发布时间：2025-03-10",
    "|---|---|",
    "相关链接",
    "• 政务公开",
    "主办单位：云溪区人民政府办公室 技术支持：云溪区大数据中心 网站标识码：1234567890",
    # session 13: a document-sharing site's banner
    "《云溪区2024年度法治政府建设情况报告.docx》由会员分享,可在线阅读,更多相关请在某某文库上搜索。",
    "更换或升级浏览器以获得最佳体验。",
    "当前浏览器版本过低,可能会有安全风险且无法正常显示。建议您升级或使用其他浏览器。",
    # session 15: an image a page converted to Markdown left (its "!" is no sentence mark)
    "![]() |",
    "![图片](images/a.png)",
    # session 16: an encyclopedia's lead sentence about the report
    "《云溪区人民政府2016年度法治政府建设情况报告》是2017年云溪区人民政府发布的报告。",
    # session 17 (a held-out page): a catalogue that sets its labels in square brackets, two to a line
    "[ 索引号 ] 11500000MB1234567X/2021-00403 [ 发文字号 ] 云卫文〔2021〕82号",
    "[ 发布机构 ] 云溪区卫生健康委 [ 发布日期 ] 2021-11-30",
    "【 主题分类 】 卫生 【 体裁分类 】 工作报告",
])
def test_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "云溪区人民政府2024年法治政府建设情况报告",
    "一、2024年主要举措和成效",
    "全年审核规范性文件37件。",
    "无障碍环境建设纳入年度执法检查计划。",  # a widget's word inside a sentence
    # session 13 (a held-out page): a footer's word inside the opening sentence
    "2024年，市数据局依法履行职能，为全面依法治市提供技术支持和数据支撑。现将有关情况报告如下。",
])
def test_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line, want", [
    ("全年审核规范性文件37件。", True),
    ("现将有关情况报告如下：", True),  # an announcement, however short
    ("区长主持召开常务会议研究法治议题，全年共召开4次，审议规范性文件草案12件并提出修改意见", True),  # long
    ("云溪区人民政府", False),
    ("关于2024年度法治政府建设情况的报告", False),
])
def test_prose(line, want):
    assert is_prose(line) is want
