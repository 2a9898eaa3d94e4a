"""What counts as a figure: counts, percentages, money, durations, ranks — not years, dates,
ordinals, 《titles》 or slogans."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.check import figures
from checker.read.normalize import normalize


@pytest.fixture(scope="module")
def spec(national):
    return national.rule("claim-unquantified").compiled["figures"]


@pytest.mark.parametrize("text", [
    "59名行政机关负责人出庭应诉", "举办法务沙龙7期", "办理事项4万余件", "培训815人次", "推出十个项目",
    "首批59名法律明白人", "出庭应诉率达100%", "好评率92.74%", "整改问题资金4814.32万元", "平均用时压缩至25.6天",
    "连续位列全市各区第一", "审查合同1,318件", "占纠错案件总数的六成以上", "较上年下降1.9个百分点", "近9000件轻微免罚案件",
    "与十余所高校建立合作", "三个改革试点业态", "召开全会三次", "开展四个专项行动",
    "满意度测评中位列全市各项民生实事工作的第一位", "考评排名在全省同类县区中居第三名",
    # session 17 (a held-out page): 大/小 between the digits and the measure word
    "组织实施9大项工作任务和28小项具体措施", "分为5大类",
])
def test_figures(spec, text):
    assert figures.has_figure(normalize(text), spec), text


@pytest.mark.parametrize("text", [
    "2024年推进法治政府建设", "2025年3月28日前公开", "区委全面依法治区委员会第三次会议",
    "贯彻《江澜市法治政府建设三年行动计划（2023—2025年）》", "坚持“一网通办”改革方向", "全面推行“双随机、一公开”监管",
    "全面落实行政执法三项制度", "深化“一业一证”改革", "深入推进“高效办成一件事”", "构建“1+N”普法工作模式",
    "深入推进“三所联动”工作", "推行7×24小时自助服务", "党的二十届三中全会精神", "十分重视法治建设", "千家万户",
    "形成一批特色工作法", "实现“一支队伍管执法”", "截至11月底", "“12345”转办差评应改尽改", "打造政务服务进楼宇2.0版",
    "严格落实重大行政决策“2+8”制度规定", "合法性两级审查机制和公平竞争三级审查机制",
    "贯彻市委六届三次全会精神", "县十八届二次人代会", "贯彻市委六届五次、六次全会精神", "增强四个意识、坚定四个自信、做到两个维护",
    "列出整改问题清单并明确要在第三季度全部完成", "深入贯彻中央八项规定精神学习教育", "开展党章、中央八项规定及其实施细则学习",
    "全面履行“一个统筹、四大职能”", "打好三大攻坚战",
])
def test_not_figures(spec, text):
    assert not figures.has_figure(normalize(text), spec), (text, figures.find(normalize(text), spec))


def test_mask_keeps_length(spec):
    text = normalize("《条例（2023—2025年）》第三次会议“一网通办”")
    assert len(figures.mask(text, spec)) == len(text)


def test_measure_words_are_required():
    with pytest.raises(ValueError, match="measure_words"):
        figures.spec_from(dict(figures.FIGURE_DEFAULTS))


# The year and date patterns put their look-behinds after the first matched character (for
# speed); they must find exactly what the plainly written forms find.
PLAIN_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{2}\s*年度?")
PLAIN_DATE = re.compile(r"(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|(?<![\d.])\d{1,2}\s*[日号](?![\d])")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0129. 年度月日号-至", max_size=30))
def test_fast_year_and_date_patterns_match_the_plain_ones(text):
    for fast, plain in ((figures.YEAR, PLAIN_YEAR), (figures.DATE, PLAIN_DATE)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
