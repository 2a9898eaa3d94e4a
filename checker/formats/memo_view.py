"""What a 审查意见 (review memo) says about one report: who and what was checked, the five items,
then the opinions, numbered and grouped by the part of the report they concern.

Findings of one rule in one part become one opinion listing its places (a report with eleven
unquantified claims gets one opinion with eleven line numbers, not eleven opinions): that keeps
the memo of a typical report to one or two A4 pages.  The HTML memo, the .docx memo and the
print view of the report page all read this view.
"""
from __future__ import annotations

import datetime as _dt

from checker.check.finding import SEVERITY_RANK
from checker.run.result import ReportResult

from ._common import rule_info
from .html_report import SEVERITY_LABELS, checklist, section_defs

MAX_EXCERPTS = 3  # 原文 shown per opinion
EXCERPT_MAX = 60  # characters of one excerpt
WHOLE = "全文和格式"  # findings that belong to no part (title, dates, markers, typos before the first part)


def memo_view(report: ReportResult, ruleset, checked: str | None = None) -> dict:
    """The memo of one report; ``checked`` is the date checked (YYYY-MM-DD, default today)."""
    meta = report.metadata or {}
    names = {key: name for key, name, _short, _required in section_defs(ruleset)}
    groups = _groups(report, ruleset, names)
    year = f"{meta['year']}年度" if meta.get("year") else ""
    title = meta.get("title") or (f"{meta.get('issuer') or ''}{year}法治政府建设年度报告"
                                  if meta.get("issuer") or year else "未识别标题的报告")
    return {
        "issuer": meta.get("issuer") or "（未识别）",
        "title": title,
        "year": year or "（未识别）",
        "checked": checked or _dt.date.today().isoformat(),
        "score": report.score,
        "unreadable": report.unreadable,
        "checklist": checklist(report, ruleset),
        "groups": groups,
        "opinions": sum(len(g["opinions"]) for g in groups),
        "total": len(report.findings),
    }


def _groups(report: ReportResult, ruleset, names: dict[str, str]) -> list[dict]:
    """Opinions per part, parts in the rule set's order (the whole report first), numbered
    through the memo."""
    order = [None] + list(names)
    buckets: dict[str | None, dict[str, list]] = {}
    for finding in report.findings:
        part = finding.section if finding.section in names else None
        buckets.setdefault(part, {}).setdefault(finding.rule, []).append(finding)
    groups, number = [], 0
    for part in sorted(buckets, key=lambda p: order.index(p) if p in order else len(order)):
        opinions = []
        rules = sorted(buckets[part].items(),
                       key=lambda item: (-SEVERITY_RANK.get(item[1][0].severity, 0), item[1][0].sort_key()))
        for rule_id, found in rules:
            number += 1
            opinions.append(_opinion(number, rule_id, found, ruleset))
        groups.append({"part": names.get(part, WHOLE) if part else WHOLE, "opinions": opinions})
    return groups


def _opinion(number: int, rule_id: str, found: list, ruleset) -> dict:
    info = rule_info(ruleset, rule_id)
    first = found[0]
    lines = sorted({f.line for f in found})
    where = "、".join(str(n) for n in lines[:8]) + ("等" if len(lines) > 8 else "")
    excerpts = []
    for f in found:
        text = _clip(f.excerpt)
        if text and text not in excerpts:
            excerpts.append(text)
    place = f"第{where}行"
    if rule_id == "section-missing":
        place = f"第{lines[0]}行之前（此处应补写这一部分）"
    problem = first.message if len(found) == 1 else f"{info['summary'] or first.message}（共 {len(found)} 处）"
    return {"n": number, "rule": rule_id, "severity": first.severity,
            "severity_label": SEVERITY_LABELS.get(first.severity, first.severity),
            "where": place, "excerpts": excerpts[:MAX_EXCERPTS],
            "more": max(0, len(excerpts) - MAX_EXCERPTS), "problem": problem,
            "fix": info.get("fix") or ""}


def _clip(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= EXCERPT_MAX else text[:EXCERPT_MAX - 1] + "…"


def summary_rows(memos: list[dict]) -> list[dict]:
    """The batch's table: one row per unit."""
    rows = []
    for memo in memos:
        missing = [item["short"] for item in memo["checklist"] if item["status"] == "missing"]
        rows.append({"issuer": memo["issuer"], "title": memo["title"], "year": memo["year"],
                     "score": memo["score"], "opinions": memo["opinions"],
                     "missing": "—" if memo["unreadable"] else ("、".join(missing) or "无"),
                     "unreadable": memo["unreadable"]})
    return rows
