"""The batch dashboard's table as plain rows, for offices that file it: ``--format csv`` and
``--format xlsx``.  One row per expected unit when the config has a ``roster`` (未提交 units
included, with blank cells), then the reports no unit on the roster claims; without a roster,
one row per report."""
from __future__ import annotations

from pathlib import Path

from checker.check.finding import SEVERITIES
from checker.run.result import ReportResult, RunResult

from ._common import light
from .html_report import SEVERITY_LABELS, checklist, deadline_status, section_defs
from .roster_view import roster_view

UNLISTED = "名单外"


def table(run: RunResult, ruleset, options=None) -> tuple[list[str], list[list]]:
    """(header, rows); numbers stay numbers (the spreadsheet can sum them)."""
    defs = section_defs(ruleset)
    header = (["序号", "单位", "层级", "报送情况", "报告标题", "报告年度"] + [short for _k, _n, short, _r in defs]
              + [SEVERITY_LABELS[s] for s in SEVERITIES] + ["得分", "发布日期", "公开时限", "文件"])
    config = getattr(options, "config", None)
    roster = roster_view(light(run), getattr(config, "roster", ()), config, ruleset, load=run.reports.__getitem__)
    rows: list[list] = []
    if roster is None:
        for report in run.reports:
            rows.append(_report_row(report, ruleset, (report.metadata or {}).get("issuer") or "", "", ""))
    else:
        for unit in roster["rows"]:
            if unit["index"] is None:
                rows.append([unit["name"], unit["level"], unit["label"]] + [""] * (len(header) - 4))
            else:
                rows.append(_report_row(run.reports[unit["index"]], ruleset, unit["name"], unit["level"], unit["label"]))
        for index in roster["unlisted"]:
            report = run.reports[index]
            rows.append(_report_row(report, ruleset, (report.metadata or {}).get("issuer") or "", "", UNLISTED))
    return header, [[n] + row for n, row in enumerate(rows, 1)]


def _report_row(report: ReportResult, ruleset, unit: str, level: str, status: str) -> list:
    meta = report.metadata or {}
    counts = report.counts()
    items = [item["status_label"] for item in checklist(report, ruleset)]
    return ([unit, level, status, meta.get("title") or "", meta.get("year") or ""] + items
            + [counts[s] for s in SEVERITIES]
            + [report.score, meta.get("published") or "", deadline_status(report, ruleset)["label"],
               Path(report.path).name if report.path not in ("-", "") else "标准输入"])
