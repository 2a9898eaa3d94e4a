"""A fixed run and rule set for the CI-format golden tests (independent of the bundled rules,
which change as rules are added).  Set FZCHECK_UPDATE_GOLDEN=1 to rewrite the golden files."""
from __future__ import annotations

import os
from pathlib import Path

from checker.check.finding import Finding
from checker.check.ruleset import Rule, RuleSet
from checker.run.result import ReportResult, RunResult

GOLDEN = Path(__file__).resolve().parent / "golden"
META = {"title": None, "issuer": None, "year": 2024, "published": None}


def ruleset() -> RuleSet:
    rules = [
        Rule(id="section-missing", kind="section_missing", severity="error", message="缺少“{name}”部分",
             summary="缺少规定必须报告的部分", basis="《法治政府建设与责任落实督察工作规定》规定年度报告应当包括五项内容。",
             fix="按规定的五项内容补写该部分。"),
        Rule(id="section-thin", kind="section_thin", severity="warning", message="内容单薄",
             summary="某一部分内容过于单薄", basis="", fix="补充具体做法、次数或成果。", limits="按字数估计。"),
        Rule(id="placeholder", kind="pattern", severity="error", message="占位符未替换",
             summary="残留占位符", basis="公开的报告不应有占位符。", fix="填入实际内容。"),
        Rule(id="section-order", kind="section_order", severity="info", message="顺序不符",
             summary="各部分顺序与规定不一致", enabled=False),
    ]
    return RuleSet(name="national", title="测试", path="national.yaml", sections=[], order=[], scoring={},
                   rules=rules)


def run() -> RunResult:
    a = "reports/2024/区司法局 报告.txt"
    b = "reports/2024/clean.md"
    c = "reports/2023/broken.docx"
    findings_a = [
        Finding(rule="placeholder", severity="error", message="占位符“××”未替换: 100%, <b>&\"'",
                line=3, column=5, end_line=3, end_column=7, excerpt="××", section="measures", path=a),
        Finding(rule="section-thin", severity="warning", message="“第一责任人”部分内容单薄（74字）",
                line=12, column=1, end_line=12, end_column=27, excerpt="三、党政主要负责人履行推进法治建设第一责任人职责情况",
                section="duty", path=a),
        Finding(rule="placeholder", severity="error", message="占位符“××”未替换: 100%, <b>&\"'",
                line=20, column=2, end_line=21, end_column=3, excerpt="××\n年\x0b", section="plan", path=a),
        Finding(rule="section-order", severity="info", message="顺序与规定不符：a,b:c", line=30, column=1,
                end_line=30, end_column=9, excerpt="四、下一年度安排", section="plan", path=a),
    ]
    findings_c = [Finding(rule="input-error", severity="error", message="无法读取 .docx 文件（不是 zip）",
                          line=1, column=1, end_line=1, end_column=1, path=c)]
    return RunResult(ruleset="national", reports=[
        ReportResult(path=a, metadata=dict(META), sections=[], findings=findings_a, score=60),
        ReportResult(path=b, metadata=dict(META), sections=[], findings=[], score=100),
        ReportResult(path=c, metadata=dict(META), sections=[], findings=findings_c, score=0),
    ])


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FZCHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from the golden file (FZCHECK_UPDATE_GOLDEN=1 rewrites it)"


class Options:
    def __init__(self, fail_on: str = "error", fmt: str = "text"):
        self.fail_on = fail_on
        self.format = fmt
        self.quiet = False
        self.colour = False
