"""year_consistency kind (year-mismatch): the extensions — measures sub-headings, future events,
glued years — and the traps (year ranges in titles, 截至 next year)."""
from __future__ import annotations

from tests.reportkit import findings, report

RULE = "year-mismatch"


def test_measures_subheading_naming_another_year(national):
    got = findings(report(measures="（一）2023年规范执法成效。审核文件37件。"), national, RULE)
    assert len(got) == 1 and got[0].excerpt == "2023年" and got[0].severity == "error"


def test_future_event_in_measures_is_a_warning(national):
    got = findings(report(measures="2025年5月出台行政执法监督办法，审核文件37件。"), national, RULE)
    assert len(got) == 1 and got[0].severity == "warning" and got[0].section == "measures"


def test_glued_years_inside_a_title(national):
    """The dash lost inside 《…》: "(20242026)" with no 年 after it is still two years glued."""
    got = findings(report(measures="落实《云溪区法治政府建设规划(20242026)》，完成任务31项。"), national, RULE)
    assert [f.excerpt for f in got] == ["20242026"]


def test_glued_years(national):
    """A draft that writes its other ranges with a dash and glues one: an error, a typing slip."""
    measures = "落实《三年行动计划（2023—2025年）》。对照20242025年任务清单，完成任务31项。"
    got = findings(report(measures=measures), national, RULE)
    assert len(got) == 1 and got[0].excerpt == "20242025" and "2024—2025年" in got[0].message
    assert got[0].severity == "error"


def test_glued_years_in_a_text_without_any_dash_are_told_as_a_lost_dash(national):
    """A copy that dropped every “—” (session 16: 25 real pages, all their ranges glued): info, said
    as the dash the copy most likely lost."""
    got = findings(report(measures="对照20242025年任务清单，完成任务31项。"), national, RULE)
    assert len(got) == 1 and got[0].severity == "info" and "复制时丢了" in got[0].message


def test_traps_pass(national):
    measures = ("（一）落实《三年行动计划（2023—2025年）》。截至2025年2月，已完成任务31项。"
                "2024年3月28日前公开上年度报告。计划于2025年6月前完成评估。")
    assert findings(report(measures=measures), national, RULE) == []


def test_plan_years_are_not_future_events(national):
    assert findings(report(plan="2025年6月底前出台监督办法。"), national, RULE) == []


def test_a_range_with_equal_ends_is_flagged(national):
    """"纲要(2023-2023)": the ends of a span of years must differ (a retyped template range)."""
    got = findings(report(measures="根据法治政府建设实施纲要(2024-2024)的规定，全年审核规范性文件37件。"), national, RULE)
    assert [f.excerpt for f in got] == ["2024-2024"] and "起止年份都是2024年" in got[0].message


def test_a_reversed_range_is_flagged_also_inside_a_title(national):
    got = findings(report(measures="落实《云溪区法治政府建设规划（2025—2021年）》，完成任务31项。"), national, RULE)
    assert [f.excerpt for f in got] == ["2025—2021"] and "晚于" in got[0].message


def test_ranges_in_order_and_dates_pass(national):
    measures = ("落实《三年行动计划（2023—2025年）》和2021年至2025年的规划，"
                "于2024-03-28公开上年度报告，统计2023-2024年度案件12件。")
    assert findings(report(measures=measures), national, RULE) == []


# The year-range pattern was rewritten so that it starts with text (faster); it must find what
# the form with a leading look-behind found, wherever a scan starts and stops.
import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from checker.check.kinds import year_consistency  # noqa: E402

OLD_RANGE = re.compile(r"(?<![\d\-./])((?:19|20)\d{2})\s*年?\s*(?:[-—–~～]{1,2}|至|到)\s*((?:19|20)\d{2})(?![\d\-./])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="1920234年至到-—.~/ 纲要（）", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_range_pattern_matches_as_the_look_behind_form(text, lo, hi):
    new = [(m.span(), m.groups()) for m in year_consistency.RANGE.finditer(text, lo, hi)]
    assert new == [(m.span(), m.groups()) for m in OLD_RANGE.finditer(text, lo, hi)]


def test_next_years_plan_named_in_measures_is_not_a_future_event(national):
    """纳入2026年…项目: this year's work put something into next year's plan."""
    measures = "推动《云溪区养犬管理规定》修订纳入区人大2026年立法调研项目，审核文件37件。"
    assert findings(report(measures=measures), national, RULE) == []


def test_next_year_without_a_plan_name_is_still_a_future_event(national):
    """The plan word must close the year's own clause: a later 计划 does not exempt it."""
    measures = "2026年3月出台执法监督办法，完成年度计划。"
    assert len(findings(report(measures=measures), national, RULE)) == 1


def test_the_day_a_rule_takes_effect_next_year_is_not_a_future_event(national):
    """自2026年3月1日起施行: a rule passed this year that takes effect next year."""
    measures = "《云溪区养犬管理规定》经区政府常务会议审议通过，自2026年3月1日起施行。审核文件37件。"
    assert findings(report(measures=measures), national, RULE) == []


CUT_PAGE = """云溪区人力资源和社会保障局2025年法治政府建设情况报告
一、2025年主要举措和成效
（一）推进立法。全年审核规范性文件12件。2025年11月，《江澜市就业服务条例》经市人大常委会审议通过，自2026年3月1日起施
"""


def test_a_next_year_clause_cut_off_by_the_page_is_not_judged(national):
    """The page stops inside the year's clause (…自2026年3月1日起施|): what names the year is lost."""
    assert findings(CUT_PAGE, national, RULE) == []


def test_a_next_year_clause_closed_before_the_cut_is_still_judged(national):
    """A closed clause with a later year before the cut is still a future event."""
    text = CUT_PAGE.replace("自2026年3月1日起施", "2026年1月出台实施办法，并在全区推")
    assert len(findings(text, national, RULE)) == 1


def test_a_next_year_clause_at_the_end_of_a_whole_text_is_judged(national):
    """Only a cut-off text loses the words after the year: a finished sentence is judged as before."""
    text = CUT_PAGE.replace("自2026年3月1日起施", "2026年3月出台实施办法。")
    assert len(findings(text, national, RULE)) == 1


def test_other_ways_of_writing_the_day_a_rule_takes_effect(national):
    """正式施行, 开始施行, 起生效: the same fixed formula of an entry into force as 起施行."""
    for tail in ("于2026年1月1日正式施行", "2026年3月开始施行", "自2026年1月1日起生效"):
        measures = f"《云溪区养犬管理规定》经区政府常务会议审议通过，{tail}。审核文件37件。"
        assert findings(report(measures=measures), national, RULE) == [], tail


def test_named_plans_and_goals_are_not_future_events(national):
    """A plan's or outline's name (……规划和2035年远景目标纲要, 起草2026年政府工作报告) and a goal
    (为2026年……奠定基础, 在2035年基本建成……) name a later year without dating an event."""
    for sentence in ("将法治思想列入“十四五”规划和2035年远景目标纲要",
                     "围绕起草2026年区政府工作报告，多次召开常务会议征求意见",
                     "组织各单位参加示范项目申报，为2026年申报省级示范奠定良好基础",
                     "对在2035年基本建成法治政府提出了时间表和路线图"):
        measures = f"{sentence}。审核文件37件。"
        assert findings(report(measures=measures), national, RULE) == [], sentence


def test_a_learners_copys_pinyin_does_not_hide_a_plans_name(national):
    """推进(jìn)项目: the inserted pinyin does not push 项目 beyond the words read after the year."""
    measures = "制定《云溪区非物质文化遗产保护办法》为2026年政府规章重点推(tuī)进(jìn)项目。审核文件37件。"
    assert findings(report(measures=measures), national, RULE) == []


def test_a_purpose_for_a_later_year_is_not_a_future_event(national):
    """为2026年创建示范区、……奠定基础 (session 16): a goal set after 为, its verb beyond the comma."""
    measures = "制定实施方案，为2026年创建“全国法治政府建设示范区”，2035年基本建成法治政府奠定基础。审核文件37件。"
    assert findings(report(measures=measures), national, RULE) == []
