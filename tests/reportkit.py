"""Build a small whole report around the text under test, and pick one rule's findings."""
from __future__ import annotations

from checker.run.pipeline import check_text

TITLE = "云溪区人民政府2024年法治政府建设情况报告"
MEASURES = "全年审核规范性文件37件。"
PROBLEMS = "执法规范化水平不高，主要是培训不足。"
DUTY = "区长主持召开常务会议研究法治议题4次。"
PLAN = "6月底前出台监督办法。"


def report(measures: str = MEASURES, problems: str = PROBLEMS, duty: str = DUTY, plan: str = PLAN,
           title: str = TITLE, opening: str = "", tail: str = "") -> str:
    parts = [title, opening, "一、2024年主要举措和成效", measures, "二、存在的不足和原因", problems,
             "三、履行推进法治建设第一责任人职责情况", duty, "四、2025年工作安排", plan, tail]
    return "\n".join(p for p in parts if p)


def findings(text: str, ruleset, rule_id: str) -> list:
    return [f for f in check_text(text, ruleset).findings if f.rule == rule_id]
