"""coverage kind (indicator-coverage): the 纲要 task areas and key indicators the measures part
never mentions, or mentions without a figure; a per-level list; the map the HTML page shows."""
from __future__ import annotations

import pytest

from checker.check.kinds import coverage
from checker.parse.parser import parse
from checker.read.source import Source
from tests.conftest import SAMPLES
from tests.reportkit import findings, report

RULE = "indicator-coverage"
CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")


def test_a_report_that_covers_everything_passes(national):
    assert findings(CLEAN, national, RULE) == []


def test_missing_areas_and_bare_indicators_are_named(national):
    text = CLEAN.replace("，行政机关负责人出庭应诉率100%", "").replace("修订区突发事件总体应急预案，组织应急演练26场，参演4,300人次。", "")
    got = findings(text, national, RULE)
    assert len(got) == 1 and got[0].severity == "info" and got[0].section == "measures"
    assert "没有提到突发事件应对、行政机关负责人出庭应诉率" in got[0].message


def test_an_indicator_named_without_a_figure(national):
    text = CLEAN.replace("，行政机关负责人出庭应诉率100%，败诉率4.3%，较上年下降1.9个百分点。",
                         "，败诉率4.3%，较上年下降1.9个百分点。行政机关负责人出庭应诉率稳步提高。")
    got = findings(text, national, RULE)
    assert len(got) == 1 and "提到了行政机关负责人出庭应诉率但没有给出数据" in got[0].message


def test_department_reports_get_their_own_list(national):
    """A bureau is not asked for a whole district's 出庭应诉率 or 突发事件应对."""
    text = CLEAN.replace("云溪区人民政府", "云溪区市场监督管理局").replace("，行政机关负责人出庭应诉率100%", "")
    text = text.replace("修订区突发事件总体应急预案，组织应急演练26场，参演4,300人次。", "")
    assert findings(text, national, RULE) == []


def test_a_short_part_is_not_judged(national):
    assert findings(report(), national, RULE) == []


def test_coverage_map_says_where_and_whether_with_a_figure(national):
    doc = parse(Source(path="clean.txt", lines=CLEAN.split("\n")), national.sections)
    table = {row["name"]: row for row in coverage.coverage_map(doc, national.rule(RULE))}
    row = table["行政机关负责人出庭应诉率"]
    assert row["mentioned"] and row["figure"] and row["line"] == 25 and row["group"] == "indicator"
    assert table["行政执法"]["group"] == "area" and "普法" not in table  # 普法 is on the department list only


def test_entries_are_checked_when_the_rule_set_loads():
    with pytest.raises(ValueError, match="entries"):
        coverage.prepare({**coverage.DEFAULTS, "entries": []})
    with pytest.raises(ValueError, match=r"entries\[0\]\.levels"):
        coverage.prepare({**coverage.DEFAULTS, "entries": [{"name": "x", "words": ["x"], "levels": ["province"]}]})


def _bureau(name: str) -> str:
    """The clean report as a department's, without its enforcement and review sentences."""
    return (CLEAN.replace("云溪区人民政府", name).replace("执法", "检查").replace("复议", "协商"))


def test_a_government_office_is_not_asked_for_enforcement(national):
    """A 区府办 does no 行政执法: its unit type skips the entry (issue #13)."""
    assert not any("行政执法" in f.message for f in findings(_bureau("云溪区人民政府办公室"), national, RULE))
    got = findings(_bureau("云溪区农业农村局"), national, RULE)
    assert len(got) == 1 and "没有提到行政执法" in got[0].message


def test_a_justice_bureau_is_asked_for_administrative_review(national):
    """A 司法局 handles 行政复议, which other departments are not asked for."""
    got = findings(_bureau("云溪区司法局"), national, RULE)
    assert len(got) == 1 and "行政复议收案和纠错" in got[0].message
    assert not any("行政复议" in f.message for f in findings(_bureau("云溪区农业农村局"), national, RULE))


def test_unit_types_must_name_known_entries():
    entries = [{"name": "行政执法", "words": ["执法"]}]
    with pytest.raises(ValueError, match=r"unit_types\[0\]"):
        coverage.prepare({**coverage.DEFAULTS, "entries": entries,
                          "unit_types": [{"name": "府办", "suffixes": ["府办"], "skip": ["执法监督"]}]})
