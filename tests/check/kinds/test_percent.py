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
                                  "适用简易程序复议案件2044件，占64.9%。", "出庭应诉率100%。",
                                  # more than a plan or target was done
                                  "全年完成投资6.1亿元，占年计划的112.5%。", "年度目标任务完成率105%。"])
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


@pytest.mark.parametrize("text", ["全年受理信访事项50件，办结48件，办结率100%。", "全年受理信访事项50件，办结48件。办结率为100%。"])
def test_a_named_rate_that_contradicts_its_counts(national, text):
    """办结 48 of 50 is 96%, not 100% (issue #13): the rate's name finds its numerator."""
    got = findings(report(measures=text), national, RULE)
    assert len(got) == 1 and "前文写明办结48件、总数50件" in got[0].message and "96.0%" in got[0].message


@pytest.mark.parametrize("text", ["全年受理信访事项50件，办结48件，办结率96%。", "受理50件，办结50件，办结率100%。",
                                  "新收复议案件60件，审结50件，纠错5件，纠错率10%。", "办结48件，办结率100%。",
                                  "办结信访事项1.2万余件，办结率98%。", "全年受理案件50件，结案48件，办结率100%。"])
def test_named_rates_that_fit_or_cannot_be_checked(national, text):
    """Any earlier total that fits excuses the rate; no total, or no count named like the rate, is no check."""
    assert findings(report(measures=text), national, RULE) == []


def test_a_rate_after_a_nearer_count_without_a_base_word_is_not_checked(national):
    """全年办理200件，其中信访50件：办结48件 may be of the 50, so 200 is no safe total."""
    text = "全年办理各类事项200件，其中信访事项50件，办结48件，办结率96%。"
    assert findings(report(measures=text), national, RULE) == []


def test_a_rate_far_from_a_count_of_the_same_name_is_not_checked(national):
    """采纳41条 of 263 public comments, then 审查意见采纳率97.4% much later: a different rate."""
    text = ("收到公众意见建议263条，采纳41条。全年审核规范性文件37件，提出修改意见126条。"
            "街道重大决策、合同和文件合法性审查1,318件，审查意见采纳率97.4%。")
    assert findings(report(measures=text), national, RULE) == []


# FIRST_NUMBER puts the look-behinds of START after the number's first digit (faster): the
# patterns built on it must match exactly as the START + NUMBER forms did.
import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from checker.check.kinds import percent  # noqa: E402

FORMS = [r"({n})\s*%", r"({n})\s*([\u4e00-\u9fff]{{1,2}}?)[,，、]?\s*(?:约)?占[^,;。%\d]{{0,12}}?(\d+)\s*%",
         r"办结[^,，;；。\d%]{{0,4}}?({n})\s*(件|人)", r"({n})\s*件"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="1203,.% 件人办结占约率共", max_size=40), st.sampled_from(FORMS))
def test_first_number_matches_as_start_and_number(text, form):
    old = re.compile(form.format(n=percent.START + "(?:" + percent.NUMBER + ")"))
    new = re.compile(form.format(n=percent.FIRST_NUMBER))
    assert [(m.span(), m.groups()) for m in new.finditer(text)] == [(m.span(), m.groups()) for m in old.finditer(text)]


def test_the_module_patterns_use_first_number():
    assert percent.PERCENT.pattern == rf"({percent.FIRST_NUMBER})\s*%"


def _regex_counts(pattern: str, text: str) -> list[tuple[int, int, str, str]]:
    import re

    return [(m.start(), m.end(), m.group(1), m.group(2) if m.re.groups > 1 else "") for m in re.finditer(pattern, text)]


def test_counts_found_without_a_pattern_per_stem_or_unit_match_the_regex_engine():
    """_after_stem and _with_unit stand for finditer of a pattern built from the stem or unit;
    on random text over the characters that matter they find exactly what the engine finds."""
    import random
    import re

    from checker.check.kinds.percent import COUNT_UNIT, FIRST_NUMBER, _after_stem, _with_unit

    alphabet = list("0123456789,.. 　%，。件项个起办结率共计") + ["办结", "1,234", "12.5", "3,00"]
    rng = random.Random(17)
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        for stem in ("办结", "结率"):
            want = _regex_counts(rf"{re.escape(stem)}[^,，;；。\d%]{{0,4}}?({FIRST_NUMBER})\s*({COUNT_UNIT})", text)
            assert [(c.start, c.end, c.number, c.unit) for c in _after_stem(text, stem)] == want, (text, stem)
        for unit in ("件", "项", "件项"):
            want = [(s, e, n, unit) for s, e, n, _ in _regex_counts(rf"({FIRST_NUMBER})\s*{re.escape(unit)}", text)]
            assert [(c.start, c.end, c.number, c.unit) for c in _with_unit(text, unit)] == want, (text, unit)


def test_one_finding_for_a_share_over_a_hundred(national):
    """After round 18: a share over 100 % is reported once, as impossible; no second finding
    recomputes it from a total that may not be its own."""
    text = "全年受理行政复议案件66件。全年涉诉案件83件，其中负责人出庭应诉81件，占比976，正职负责人出庭27件，占比325%。"
    got = findings(report(measures=text), national, RULE)
    assert len(got) == 1 and "不可能超过100%" in got[0].message
