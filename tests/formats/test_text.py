"""--format text: the per-report overview line."""
from __future__ import annotations

from checker.formats import text
from checker.run.pipeline import check_text, input_error_result
from checker.run.result import RunResult
from tests.conftest import SAMPLES


def test_overview_names_the_rule_sets_parts_in_its_order(national):
    report = check_text((SAMPLES / "missing-duty-2024.txt").read_text(encoding="utf-8"), national, "a.txt")
    out = text.render(RunResult(ruleset="national", reports=[report]), national)
    overview = out.split("\n")[1]
    assert overview.startswith("  各部分：举措和成效✓第5行  不足和原因✓第31行  第一责任人职责✗  下一年度安排✓")
    assert overview.endswith(f"得分：{report.score}")


def test_an_unreadable_file_is_not_shown_as_five_missing_parts(national):
    report = input_error_result("old.pdf", "不支持 PDF 格式")
    out = text.render(RunResult(ruleset="national", reports=[report]), national).split("\n")
    assert out[:3] == ["old.pdf", "  未能读取，没有检查", "old.pdf:1:1: error input-error 不支持 PDF 格式"]


def test_each_rules_advice_is_printed_once_above_its_places(national):
    report = check_text((SAMPLES / "unquantified-2024.txt").read_text(encoding="utf-8"), national, "a.txt")
    out = text.render(RunResult(ruleset="national", reports=[report]), national)
    fix = national.rule("claim-unquantified").fix
    assert out.count(fix) == 1
    block = out[out.index(f"如何修改：{fix}"):]
    places = [line for line in block.split("\n") if line.startswith("a.txt:")][:9]
    assert len(places) == 9 and all(" claim-unquantified " in line for line in places)
    assert "  ■ 断言成效却没有数据（“成效显著”“明显提升”而无数字）（9处）" in out
    assert not any("办结率98%" in line for line in places)  # the example figures live in the advice, once


def test_text_lists_where_each_rule_is_explained(capsys, monkeypatch):
    from checker.cli import main as cli

    monkeypatch.setenv("FZCHECK_DOCS_URL", "https://docs.example.org/rules.md")
    cli([str(SAMPLES / "missing-duty-2024.txt"), "--no-config", "--draft"])  # a draft: no note on the date
    out = capsys.readouterr().out.splitlines()
    at = out.index("规则说明：")
    assert out[at + 1].split() == ["section-missing", "https://docs.example.org/rules.md#section-missing"]
    assert out[-1].startswith("共检查 1 份报告")  # the summary stays the last line
