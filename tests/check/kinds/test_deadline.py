"""The ``deadline`` rule at its boundaries: 3月31日 / 4月1日 for governments, 3月1日 for a
department under the example province's rule set, impossible dates, missing dates."""
from __future__ import annotations

import pytest

from checker.check.kinds.deadline import level_of
from checker.check.ruleset import load
from checker.read.source import Source
from checker.run.pipeline import check_source

BODY = ["一、主要举措和成效", "全年审核规范性文件37件。", "二、存在的不足和原因", "执法规范化水平不高，主要是培训不足。",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责同志主持召开会议研究法治议题4次。",
        "四、2025年工作安排", "6月底前出台行政执法监督办法。"]


def report(issuer: str, published: str | None, web: bool = True, path: str = "r.html"):
    return Source(path=path, lines=[f"{issuer}2024年法治政府建设情况报告"] + BODY, published=published,
                  expects_date=web, kind="html" if web else "text")


def deadline(source, ruleset):
    return [(f.severity, f.message) for f in check_source(source, ruleset).findings if f.rule == "deadline"]


@pytest.mark.parametrize("published, expected", [
    ("2025-03-31", None),        # the last day on time
    ("2025-04-01", "warning"),   # “4月1日之前”: the day itself is disputed
    ("2025-04-02", "error"),
    ("2025-01-01", None),
    ("2024-12-31", None),        # the year has ended (T04: earlier than 12-31 is impossible)
    ("2024-12-30", "warning"),   # before the year ended, in its last weeks: a year-end summary published early
    ("2024-12-01", "warning"),
    ("2024-11-20", "warning"),   # session 17: real year-end summaries published in late November
    ("2024-11-01", "warning"),
    ("2024-10-31", "error"),     # earlier: the date or the report year is wrong
])
def test_government_boundaries(national, published, expected):
    got = deadline(report("云溪区人民政府", published), national)
    assert [s for s, _ in got] == ([expected] if expected else [])


def test_messages_say_what_is_wrong(national):
    (_, late), = deadline(report("云溪区人民政府", "2025-04-08"), national)
    assert "2025年3月31日" in late and "逾期8天" in late
    (_, edge), = deadline(report("云溪区人民政府", "2025-04-01"), national)
    assert "4月1日" in edge and "争议" in edge
    (_, early), = deadline(report("云溪区人民政府", "2024-06-01"), national)
    assert "不可能" in early
    (_, year_end), = deadline(report("云溪区人民政府", "2024-12-28"), national)
    assert "尚未结束" in year_end and "截止日期" in year_end and "不可能" not in year_end


def test_national_departments_share_the_government_deadline_and_its_edge_day(national):
    """第二十四条's "4月1日之前" binds departments as well: the disputed day is a warning for them too."""
    assert deadline(report("云溪区司法局", "2025-03-31"), national) == []
    assert [s for s, _ in deadline(report("云溪区司法局", "2025-04-01"), national)] == ["warning"]
    assert [s for s, _ in deadline(report("云溪区司法局", "2025-04-02"), national)] == ["error"]


@pytest.fixture(scope="module")
def province():
    return load("example-province")


@pytest.mark.parametrize("issuer, published, expected", [
    ("云溪区司法局", "2025-02-28", None),
    ("云溪区司法局", "2025-03-01", None),          # 3月1日 is the department deadline (inclusive)
    ("云溪区司法局", "2025-03-02", "error"),
    ("云溪区人民政府办公室", "2025-03-02", "error"),  # 府办 / 办公室 are departments
    ("云溪区发展和改革委员会", "2025-03-05", "error"),
    ("云溪区人民政府", "2025-03-02", None),         # governments keep 3月31日 in the province
    ("云溪区人民政府", "2025-03-31", None),
    ("云溪区人民政府", "2025-04-01", "warning"),
])
def test_department_deadline_under_the_local_rule_set(province, issuer, published, expected):
    got = deadline(report(issuer, published), province)
    assert [s for s, _ in got] == ([expected] if expected else [])


def test_missing_date_is_said_once_at_info_level(national):
    """A web page, the text of a saved page, or a bare draft with no date: the reviewer must
    know the check did not run (a run on drafts says so: see the next test)."""
    assert [s for s, _ in deadline(report("云溪区人民政府", None, web=True), national)] == ["info"]
    saved = report("云溪区人民政府", None, web=False, path="r.txt")
    saved.lines = ["首页 > 政务公开 > 法治政府建设", "来源：云溪区司法局  浏览次数：12"] + saved.lines
    got = deadline(saved, national)
    assert [s for s, _ in got] == ["info"] and "无法判断是否按时公开" in got[0][1]
    for bare in ("r.docx", "r.txt"):
        got = deadline(report("云溪区人民政府", None, web=False, path=bare), national)
        assert [s for s, _ in got] == ["info"] and got[0][1].startswith("公开时间：文中没有找到发布日期")


def test_a_draft_is_not_told_it_has_no_date(national):
    """Config ``draft: true`` (shorthand for missing_date: false): a draft has no date yet."""
    from checker.run.config import parse as parse_config
    from checker.run.rulesets import RuleSets

    config = parse_config({"draft": True}, "/x/.fzcheck.yaml", "/x")
    drafts = RuleSets(national, config).for_path("/x/r.html")[0]
    assert deadline(report("云溪区人民政府", None, path="/x/r.html"), drafts) == []
    override = parse_config({"overrides": [{"files": "drafts/*", "draft": True}]}, "/x/.fzcheck.yaml", "/x")
    sets = RuleSets(national, override)
    assert deadline(report("云溪区人民政府", None), sets.for_path("/x/drafts/a.html")[0]) == []
    assert len(deadline(report("云溪区人民政府", None), sets.for_path("/x/final/a.html")[0])) == 1


def test_level_from_the_issuer():
    params = load("national").rule("deadline").params
    assert level_of("云溪区人民政府", params) == "government"
    assert level_of("中共云溪区委 云溪区人民政府", params) == "government"
    assert level_of("云溪区政府", params) == "government"
    assert level_of("云溪区人民政府办公室", params) == "department"
    assert level_of("长宁区府办", params) == "department"
    assert level_of("云溪区卫生健康委", params) == "department"
    assert level_of("云溪区政务服务中心", params) == "department"
    assert level_of("云溪区", params) is None
    assert level_of(None, params) is None


def test_config_shorthand_and_level_per_path(tmp_path, national):
    """``deadline: "03-01"`` in an override is this file's deadline whatever its level; the
    ``level`` param set per path overrides the issuer's suffix."""
    from checker.run import config as cfg
    from checker.run.rulesets import RuleSets

    (tmp_path / ".fzcheck.yaml").write_text(
        "overrides:\n  - files: 'dept/**'\n    deadline: '03-01'\n"
        "  - files: 'odd/**'\n    params: {deadline: {level: department}}\n", encoding="utf-8")
    conf = cfg.load(tmp_path / ".fzcheck.yaml")
    sets = RuleSets(national, conf)
    sets.check()
    dept, _ = sets.for_path(str(tmp_path / "dept" / "a.html"))
    assert [s for s, _ in deadline(report("云溪区人民政府", "2025-03-02"), dept)] == ["error"]
    assert deadline(report("云溪区人民政府", "2025-03-01"), dept) == []
    province = load("example-province")
    odd, _ = RuleSets(province, conf).for_path(str(tmp_path / "odd" / "a.html"))
    assert [s for s, _ in deadline(report("云溪区人民政府", "2025-03-02"), odd)] == ["error"]


@pytest.mark.parametrize("value", ["3-1", "13-01", "03-32", 301])
def test_bad_deadline_params_are_rejected(tmp_path, value):
    from checker.check.ruleset import RuleSetError

    (tmp_path / "r.yaml").write_text(f"extends: national\nrules:\n  - id: deadline\n    params: {{deadline: {value!r}}}\n",
                                     encoding="utf-8")
    with pytest.raises(RuleSetError) as err:
        load(str(tmp_path / "r.yaml"))
    assert "deadline" in str(err.value)


def test_dashboard_deadline_column_follows_the_rule(national):
    from checker.formats.html import deadline_status

    def status(issuer, published, ruleset=national):
        return deadline_status(check_source(report(issuer, published), ruleset), ruleset)["key"]

    assert status("云溪区人民政府", "2025-03-31") == "ontime"
    assert status("云溪区人民政府", "2025-04-01") == "edge"
    assert status("云溪区人民政府", "2025-04-03") == "late"
    assert status("云溪区人民政府", "2024-05-01") == "invalid"
    assert status("云溪区人民政府", None) == "unknown"
    assert status("云溪区司法局", "2025-03-05", load("example-province")) == "late"


def test_month_day_params_are_checked_as_dates_of_a_leap_year():
    """The params are checked without importing datetime; the verdicts are datetime's."""
    import datetime

    from checker.check.kinds.deadline import _month_day

    for month in range(0, 14):
        for day in range(0, 33):
            value = f"{month:02d}-{day:02d}"
            try:
                datetime.date(2024, month, day)
                valid = True
            except ValueError:
                valid = False
            try:
                _month_day(value, "deadline")
                accepted = True
            except ValueError:
                accepted = False
            assert accepted == valid, value
    for wrong in ("3-31", "03-31 ", "0331", "03/31", "ab-cd", "03-3a"):
        with pytest.raises(ValueError):
            _month_day(wrong, "deadline")


def test_the_day_a_report_was_made_to_a_congress_is_not_its_publication(national):
    """A report delivered at a 人大常委会 meeting after the deadline (a held-out page of session 17):
    the occasion line dates the meeting, not the publication, so it is not called late."""
    text = ["（2025年4月27日在云溪区第十届人民代表大会常务委员会第十次会议上）", "云溪区人民政府",
            "主任、副主任、秘书长、各位委员：", "现将2024年法治政府建设情况报告如下："] + BODY
    got = check_source(Source(path="r.txt", lines=text), national)
    assert got.metadata["published"] == "2025-04-27"
    found = [(f.severity, f.message) for f in got.findings if f.rule == "deadline"]
    assert [s for s, _ in found] == ["info"] and "作报告的日期" in found[0][1]
    # the same date on a publication line is judged
    text[0] = "发布时间：2025-04-27"
    found = [f.severity for f in check_source(Source(path="r.txt", lines=text), national).findings if f.rule == "deadline"]
    assert found == ["error"]
