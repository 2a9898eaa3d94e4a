"""Fixed inputs for the HTML format's tests: a small report with hand-placed findings
(overlapping, crossing lines, a missing part, a finding outside the text) and a fixed rule
set, so the page's structure does not move when the bundled rules change; and the
injected-script sample."""
from __future__ import annotations

from checker.check.finding import Finding
from checker.check.ruleset import Rule, RuleSet
from checker.parse.sections import SectionDef
from checker.run.result import ReportResult, RunResult

PWN_SCRIPT = "<script>window.__pwned=1</script>"
PWN_IMG = '<img src=x onerror="window.__pwned=1">'
INJECTED_NAME = "<b>注入报告2024.txt"
INJECTED_TEXT = "\n".join([
    f"{PWN_SCRIPT}云溪区人民政府2024年法治政府建设情况报告",
    "",
    f"2024年，我区坚持依法行政。{PWN_IMG}现报告如下。",
    f"一、主要举措和成效{PWN_SCRIPT}",
    f"全年审核规范性文件37件，{PWN_IMG}提出修改意见126条。取得明显成效。",
    "二、存在的不足和原因",
    "执法规范化水平不高，主要是培训不足。",
    f"三、党政主要负责人履行推进法治建设第一责任人职责情况{PWN_IMG}",
    "区长主持召开常务会议研究法治议题4次。",
    "四、2025年推进法治政府建设主要安排",
    f"6月底前出台行政执法监督办法。{PWN_SCRIPT}",
    "",
])

LINES = [
    "云溪区人民政府2024年法治政府建设情况报告",                      # 1 title
    "",                                                              # 2
    "2024年，我区坚持以习近平法治思想为指导，取得明显成效。现将有关情况报告如下。",  # 3
    "一、2024年推进法治政府建设主要举措和成效",                        # 4
    "（一）健全依法决策机制。全年审核规范性文件37件，提出修改意见126条。",  # 5 run-in heading
    "各项工作取得显著成效，群众满意度大幅提升。",                        # 6
    "执法水平不断提高，",                                              # 7 (cross-line span 7→8)
    "队伍素质明显增强。",                                              # 8
    "二、存在的不足和原因",                                            # 9
    "执法规范化水平不高，主要是培训不足。",                              # 10
    "三、2025年推进法治政府建设主要安排",                               # 11
    "6月底前出台XX办法，年内完成【待补充】项任务。",                     # 12
]


def _finding(rule, severity, message, line, column, end_line, end_column, excerpt="", section=None):
    return Finding(rule=rule, severity=severity, message=message, line=line, column=column, end_line=end_line,
                   end_column=end_column, excerpt=excerpt, section=section, path="云溪区-2024.txt")


def fixed_findings() -> list[Finding]:
    out = [
        _finding("claim-unquantified", "warning", "“取得明显成效”没有数据支撑。", 3, 23, 3, 29, "取得明显成效"),
        # two findings on overlapping spans of line 6
        _finding("claim-unquantified", "warning", "“取得显著成效”没有数据支撑。", 6, 1, 6, 22, "各项工作取得显著成效，群众满意度大幅提升。"),
        _finding("slogan", "info", "“大幅提升”宜写明提升幅度。", 6, 17, 6, 21, "大幅提升"),
        # one finding across two lines
        _finding("claim-unquantified", "warning", "没有数据支撑。", 7, 1, 8, 10, "执法水平不断提高，\n队伍素质明显增强。"),
        # a missing part: zero width at the start of the line where it belongs
        _finding("section-missing", "error", "缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分。", 11, 1, 11, 1, "",
                 "duty"),
        _finding("placeholder", "error", "“XX”是未替换的占位符。", 12, 7, 12, 9, "XX"),
        _finding("placeholder", "error", "“【待补充】”是未替换的占位符。", 12, 16, 12, 21, "【待补充】"),
        # zero width in the middle of a line
        _finding("unbalanced-pair", "info", "括号不成对。", 10, 10, 10, 10, ""),
        # points past the end of the text
        _finding("input-error", "warning", "文件末尾有无法识别的内容。", 99, 1, 99, 1, ""),
    ]
    return sorted(out, key=Finding.sort_key)


def fixed_report(lines=None, findings=None, path="云溪区-2024.txt", published="2025-03-20") -> ReportResult:
    lines = LINES if lines is None else lines
    findings = fixed_findings() if findings is None else findings
    return ReportResult(
        path=path,
        metadata={"title": "云溪区人民政府2024年法治政府建设情况报告", "issuer": "云溪区人民政府", "year": 2024,
                  "published": published},
        sections=[{"key": "measures", "heading": LINES[3], "line": 4, "embedded": False},
                  {"key": "problems", "heading": LINES[8], "line": 9, "embedded": False},
                  {"key": "plan", "heading": LINES[10], "line": 11, "embedded": False}],
        findings=findings, score=41, lines=list(lines),
        outline={"title_line": 1, "body": [3, 12],
                 "headings": [{"line": 4, "level": 1, "label": "一、", "title": LINES[3][2:], "column": 1, "end_column": 23},
                              {"line": 5, "level": 2, "label": "(一)", "title": "健全依法决策机制", "column": 1,
                               "end_column": 12},
                              {"line": 9, "level": 1, "label": "二、", "title": "存在的不足和原因", "column": 1, "end_column": 11},
                              {"line": 11, "level": 1, "label": "三、", "title": LINES[10][2:], "column": 1,
                               "end_column": 20}],
                 "sections": [{"key": "measures", "line": 4, "end_line": 8, "embedded": False},
                              {"key": "problems", "line": 9, "end_line": 10, "embedded": False},
                              {"key": "plan", "line": 11, "end_line": 12, "embedded": False}]})


def fixed_ruleset() -> RuleSet:
    names = [("measures", "主要举措和成效", "举措和成效", True), ("problems", "存在的不足和原因", "不足和原因", True),
             ("duty", "党政主要负责人履行推进法治建设第一责任人职责情况", "第一责任人职责", True),
             ("plan", "下一年度主要安排", "下一年度安排", True), ("other", "其他需要报告的情况", "其他情况", False)]
    sections = [SectionDef(key=k, name=n, description=n, aliases=(n,), required=r, order=i, short=s)
                for i, (k, n, s, r) in enumerate(names)]
    example_pass = "云溪区人民政府2024年法治政府建设情况报告\n一、主要举措和成效\n全年审核规范性文件37件。"
    example_fail = "云溪区人民政府2024年法治政府建设情况报告\n一、主要举措和成效\n取得明显成效。"
    rules = [
        Rule(id="section-missing", kind="section_missing", severity="error", message="缺少“{name}”部分",
             summary="缺少规定必须报告的部分", basis="《法治政府建设与责任落实督察工作规定》规定年度报告应当包括五项内容。",
             fix="按规定补写该部分。", examples={"pass": [example_pass], "fail": [example_fail]}),
        Rule(id="claim-unquantified", kind="pattern", severity="warning", message="没有数据支撑",
             summary="成效表述没有数据支撑", basis="评估机构以“内容翔实”评价报告质量。", fix="写明次数、件数或比例。",
             limits="只看同一句中有无数字。", examples={"pass": [example_pass], "fail": [example_fail]}),
        Rule(id="placeholder", kind="pattern", severity="error", message="占位符", summary="未替换的占位符",
             basis="公开的报告不应含有起草时的占位符。", fix="替换为实际内容。",
             examples={"pass": ["全年审核规范性文件37件。"], "fail": ["全年审核规范性文件XX件。"]}),
        Rule(id="slogan", kind="pattern", severity="info", message="口号", summary="程度词没有数据", basis="", fix="写明幅度。"),
        Rule(id="unbalanced-pair", kind="pattern", severity="info", message="括号不成对", summary="括号或引号不成对",
             basis="", fix="补全括号。"),
    ]
    return RuleSet(name="golden", title="测试规则集", path="golden.yaml", sections=sections,
                   order=[k for k, *_ in names], scoring={}, rules=rules)


def fixed_run(reports=None) -> RunResult:
    return RunResult(ruleset="golden", reports=reports if reports is not None else [fixed_report()])
