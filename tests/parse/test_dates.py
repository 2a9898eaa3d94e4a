"""The publication date read straight from a page's lines (``checker/parse/dates.py``); the
readings through the whole pipeline are in ``test_metadata.py``.  Synthetic lines (ours)."""
from __future__ import annotations

import pytest

from checker.parse.dates import published_date
from checker.run.pipeline import check_text
from tests.reportkit import DUTY, MEASURES, PLAN, PROBLEMS


# round 11: a reposting site's day-first date line, read only when it reads one way
@pytest.mark.parametrize("line, expected", [
    ("21.12.2017  21:39", "2017-12-21"),     # the day is over 12: day first
    ("21/12/2017", "2017-12-21"),
    ("5.5.2021", "2021-05-05"),              # either way the same day
    ("05.03.2021 10:02", None),              # 5 March or 3 May: no guess
    ("12.21.2017", None),                    # month first is not a layout we read
    ("32.12.2017", None),                    # no such day
    ("今天是 21.12.2017 星期四", None),       # a page-header clock
])
def test_a_day_first_date_line(line, expected):
    assert published_date([], ["某某网", line]) == expected


def test_an_ambiguous_day_first_line_read_when_another_date_agrees():
    assert published_date([], ["05.03.2021 10:02", "印发日期 2021年3月5日"]) == "2021-03-05"
    assert published_date([], ["05.03.2021 10:02", "2021-05-03 来源: 某某网"]) == "2021-05-03"  # the year-first line wins


def test_a_year_first_date_line_still_wins():
    assert published_date([], ["2017-12-20", "21.12.2017"]) == "2017-12-20"


def test_a_day_first_line_above_a_report(national):
    text = "\n".join(["云中市2017年推进法治政府建设情况报告", "", "21.12.2017  21:39", "",
                      "2017年，云中市坚持依法行政。现将有关情况报告如下：", "一、主要举措和成效", MEASURES,
                      "二、存在的不足和原因", PROBLEMS, "三、党政主要负责人履行推进法治建设第一责任人职责情况", DUTY,
                      "四、2018年工作安排", PLAN])
    assert check_text(text, national, "page.txt").metadata["published"] == "2017-12-21"


# round 12: a catalogue with the day the document was drawn up and the day it was sent out
@pytest.mark.parametrize("lines, expected", [
    (["成文日期: 2025-01-26", "发文日期: 2025-02-12"], "2025-02-12"),   # sent out, not drawn up
    (["发文日期: 2025-02-12", "成文日期: 2025-01-26"], "2025-02-12"),   # whatever the order
    (["成文日期: 2025-01-26", "印发日期 2025年2月3日"], "2025-02-03"),
    (["成文日期: 2025-01-26"], "2025-01-26"),                          # the only date still read
    (["成文日期: 2025-01-26", "发文日期: 2025-02-12", "发布日期: 2025-02-20"], "2025-02-20"),  # published wins
    (["生成日期: 2025-01-26", "日期: 2025-02-01"], "2025-02-01"),       # the page's own date line wins
])
def test_the_sent_out_date_wins_over_the_drawn_up_date(lines, expected):
    assert published_date(lines, lines) == expected


@pytest.mark.parametrize("line, expected", [
    ("发布时间：2025年3月25日 星期二", "2025-03-25"),  # a labelled date with its weekday after it
    ("今天是2025年11月30日 星期日", None),  # still a page-header clock
    ("（发布于:2025-03-25 18:00）", "2025-03-25"),  # 发布于 as the label
    ("作者：区司法局 | 发布于 2025-03-25", "2025-03-25"),
    ("来源：区司法局 | 2025-03-25", "2025-03-25"),  # a source line, its date after a bar
    ("来源:某市司法局2023-03-10 11:29", "2023-03-10"),  # …or run on to the source's name
])
def test_more_labelled_dates(line, expected):
    assert published_date([line], [line]) == expected


@pytest.mark.parametrize("line, expected", [
    ("2025-03-25 区司法局", "2025-03-25"),  # the date, then who posted it
    ("2025-03-25 10:20 某县人民政府", "2025-03-25"),
    ("2025-03-25 坚持依法行政", None),  # a date before words that name no body
    ("2024-04-02 点击 54 次 来源:某省司法厅", "2024-04-02"),  # the page's hit counter after the date
    ("2026-02-26 15:48 阅读人数:1", "2026-02-26"),
])
def test_a_date_line_above_the_body_that_names_who_posted_it(line, expected):
    assert published_date([], [line]) == expected
