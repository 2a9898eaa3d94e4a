"""pattern kind (placeholder, secrecy-marker …): exceptions, and that the prefilter changes nothing."""
from __future__ import annotations

from checker.read import record

import pytest

from checker.check.kinds import pattern
from checker.run.pipeline import read_document
from tests.conftest import SAMPLES
from tests.reportkit import findings, report

RULE = "placeholder"


def test_a_long_bold_title_is_not_a_placeholder(national):
    """The ``**`` of a bold line longer than a few characters is Markdown, however long the line."""
    text = "**健全法治政府建设推进机制的主要做法和取得的实际成效**\n全年召开常务会议12次。"
    assert findings(report(measures=text), national, RULE) == []


def test_stars_in_a_sentence_are_still_placeholders(national):
    text = "**健全推进机制**\n全年召开会议*次，审核规范性文件37件。"
    got = findings(report(measures=text), national, RULE)
    assert [f.excerpt for f in got] == ["*"]


def test_underscore_blanks_are_placeholders(national):
    """A template's fill-in blanks: "20__年", "以____思想为指导" (also split by a line break)."""
    text = "20__年，区政府坚持以____思想为指导，以__\n_法治思想为指引，全年审核规范性文件37件。"
    got = findings(report(measures=text), national, RULE)
    assert [f.excerpt for f in got] == ["20__", "____", "__"]


def test_single_underscores_and_identifiers_pass(national):
    text = "登录网址www.example.gov.cn/fz_2024，访问代码a__b，审核规范性文件37件。"
    assert findings(report(measures=text), national, RULE) == []


def _without_prefilter(rule):
    compiled = dict(rule.compiled, matchers=[(matcher, None) for matcher, _ in rule.compiled["matchers"]])
    return record.replace(rule, compiled=compiled)


def test_prefilter_changes_no_hit(national):
    for path in sorted(SAMPLES.glob("*.txt")):
        doc = read_document(str(path), national)
        for rule in national.active():
            if rule.kind != "pattern":
                continue
            fast = [(h.start, h.end) for h in pattern.check(doc, rule, national)]
            slow = [(h.start, h.end) for h in pattern.check(doc, _without_prefilter(rule), national)]
            assert fast == slow, (path.name, rule.id)


@pytest.mark.parametrize("text", [
    "联系人张某，电话13812345678。",
    "申请人身份证号43010219800101123X。",
    "身份证号码430102200012315678，已办结。",
])
def test_personal_data_is_flagged(national, text):
    assert len(findings(report(measures=text + "全年受理咨询1,380件。"), national, "personal-data")) == 1


@pytest.mark.parametrize("text", [
    "拨打12345、12348热线，或监督电话0731-88886666。",
    "联系电话138****5678（已隐去）。",
    "文号云政发〔2024〕12号，案件编号2024010112345678号。",   # 16 digits: not an ID number
    "一网通办事项13,826件，金额1.3812345678亿元。",            # decimals are figures, not phone numbers
    "身份证号430102198013321234无效。",                         # month 13: not a date, not an ID number
])
def test_personal_data_lookalikes_pass(national, text):
    assert findings(report(measures=text), national, "personal-data") == []


def test_a_paragraph_broken_before_its_percent_is_not_unclosed(national):
    """paragraph-unclosed: a line whose next line starts with %, punctuation or a placeholder is one
    paragraph broken in two (PDF and web text), not a paragraph without its full stop."""
    from tests.reportkit import findings, report

    line = "全年受理行政复议申请468件，审结398件，通过调解和解结案76件，占比"
    assert findings(report(measures=line + "\n××%。"), national, "paragraph-unclosed") == []
    assert len(findings(report(measures=line + "\n全年审核规范性文件37件。"), national, "paragraph-unclosed")) == 1


@pytest.mark.parametrize("text,hits", [
    ("今年8月出台行政执法监督办法，审核规范性文件37件。", ["今年"]),  # a bare 今年 names no year
    ("今年以来审核规范性文件37件。", ["今年以来"]),  # reported once, as 今年以来
    ("2024年8月出台行政执法监督办法，审核规范性文件37件。", []),
])
def test_a_bare_jinnian_in_the_measures_is_a_time_expression(national, text, hits):
    assert [f.excerpt for f in findings(report(measures=text), national, "time-expression")] == hits


def test_jinnian_in_the_plan_is_the_plan_year(national):
    assert findings(report(plan="今年6月底前出台监督办法。"), national, "time-expression") == []


@pytest.mark.parametrize("heading, message", [
    ("三、履行推进法治政府建设第一责任人职责情况", "“推进法治政府建设第一责任人”与法定用语不符：中央文件的提法是“推进法治建设第一责任人”，中间没有“政府”二字。"),
    ("三、履行法治政府建设第一责任人职责情况", "“法治政府建设第一责任人”与法定用语不符：中央文件的提法是“推进法治建设第一责任人”，这里少了前面的“推进”，多了中间的“政府”。"),
])
def test_the_duty_term_message_says_what_differs(national, heading, message):
    text = report().replace("三、履行推进法治建设第一责任人职责情况", heading)
    assert [f.message for f in findings(text, national, "duty-term-misquoted")] == [message]


@pytest.mark.parametrize("sentence, marked", [
    ("区长严格履行法治政府建设“第一责任人”职责。", "法治政府建设"),
    ("区长严格履行推进法治政府建设‘第一责任人’职责。", "推进法治政府建设"),
])
def test_quote_marks_around_first_responsible_person_do_not_hide_the_misquote(national, sentence, marked):
    # The quote marks change nothing in the term: only the wrong part, (推进)法治政府建设, is marked,
    # so the message does not carry half a pair of quotes.
    got = findings(report(duty=sentence + "主持召开常务会议研究法治议题4次。"), national, "duty-term-misquoted")
    assert [f.excerpt for f in got] == [marked]


def test_the_statutory_duty_term_in_quotes_passes(national):
    text = report(duty="区长严格履行推进法治建设“第一责任人”职责，主持召开常务会议研究法治议题4次。")
    assert findings(text, national, "duty-term-misquoted") == []


def test_the_statutory_duty_term_passes(national):
    for heading in ("三、履行推进法治建设第一责任人职责情况", "三、履行法治建设第一责任人职责情况"):
        assert findings(report().replace("三、履行推进法治建设第一责任人职责情况", heading), national, "duty-term-misquoted") == []


def test_a_note_is_chosen_by_the_first_matching_when(national):
    compiled = pattern.prepare({**pattern.DEFAULTS, "patterns": ["a+b"], "notes": [{"when": "^aa", "note": "two"}, {"when": "^a", "note": "one"}]})
    assert [note for when, note in compiled["notes"] if when.search("aab")][0] == "two"
    with pytest.raises(ValueError):
        pattern.prepare({**pattern.DEFAULTS, "patterns": ["a"], "notes": [{"when": "(", "note": "x"}]})
