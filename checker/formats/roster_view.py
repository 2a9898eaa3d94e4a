"""Who has submitted: the config's ``roster`` of expected units against the reports of a batch.

Each unit gets 未提交 (no report of it in the batch), 逾期 (published after its deadline),
按时, or 未知 (a report without a publication date, as drafts sent by mail are).  A report is
the unit's when its issuer is the unit (as the cross-year pairing compares issuers: 区政府 =
区人民政府, higher places in front ignored; a ``pairing`` entry's issuer counts), or when its
title or file name contains the unit's name.  The deadline is the unit's own (``deadline``:
YYYY-MM-DD, or MM-DD of the year after the report year), else the national one that the
dashboard's 公开时限 column uses.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from pathlib import Path

from checker.run.pairing import identity, issuer_key, same_issuer
from checker.run.result import ReportResult

from .html_report import deadline_status

STATUS = {"missing": "未提交", "late": "逾期", "ontime": "按时", "unknown": "未知"}


def roster_view(reports: list[ReportResult], units, config=None, ruleset=None, load=None) -> dict | None:
    """Rows per unit in roster order, the totals, and the reports no unit claimed; None
    without a roster.  ``reports`` may be a batch's rows (path, metadata, unreadable:
    checker/run/spill.py) with ``load(index)`` giving the whole result of the one a unit claims."""
    if not units:
        return None
    load = load or reports.__getitem__
    claimed: set[int] = set()
    rows = []
    for unit in units:
        found = [i for i, r in enumerate(reports) if _is_units(r, unit.name, config)]
        claimed.update(found)
        report = load(found[0]) if found else None
        key, how = _status(report, unit, ruleset)
        meta = (report.metadata or {}) if report else {}
        rows.append({"name": unit.name, "level": unit.level or "", "key": key, "label": STATUS[key], "how": how,
                     "report": (meta.get("title") or Path(report.path).name) if report else "",
                     "index": found[0] if found else None, "published": meta.get("published") or "",
                     "deadline": _deadline_text(unit, meta.get("year")), "reports": len(found)})
    totals = Counter(row["key"] for row in rows)
    return {"rows": rows, "totals": {key: totals[key] for key in STATUS},
            "labels": [{"key": k, "label": v, "n": totals[k]} for k, v in STATUS.items()],
            "expected": len(units), "submitted": len(units) - totals["missing"],
            "unlisted": [i for i in range(len(reports)) if i not in claimed]}


def _is_units(report: ReportResult, name: str, config) -> bool:
    if report.unreadable and report.path in ("-", ""):
        return False
    issuer, _year = identity(report, config)
    key = issuer_key(name)
    if issuer and same_issuer(issuer, key):
        return True
    title = (report.metadata or {}).get("title") or ""
    compact = "".join(name.split())
    return bool(compact) and (compact in "".join(title.split()) or compact in Path(report.path).stem)


def _status(report: ReportResult | None, unit, ruleset) -> tuple[str, str]:
    if report is None:
        return "missing", "名单中的单位没有提交报告"
    meta = report.metadata or {}
    if unit.deadline:
        limit = _limit(unit.deadline, meta.get("year"))
        published = meta.get("published")
        if limit is None:
            return "unknown", "报告年度不明，无法确定截止日期"
        if not published:
            return "unknown", "报告没有发布日期"
        try:
            date = _dt.date.fromisoformat(str(published))
        except ValueError:
            return "unknown", f"发布日期“{published}”无法识别"
        how = f"发布于{date.isoformat()}，截止{limit.isoformat()}"
        return ("ontime" if date <= limit else "late"), how
    national = deadline_status(report, ruleset)
    key = {"ontime": "ontime", "late": "late", "edge": "late", "invalid": "late"}.get(national["key"], "unknown")
    return key, national["how"]


def _limit(deadline: str, year) -> _dt.date | None:
    try:
        if len(deadline) == 10:
            return _dt.date.fromisoformat(deadline)
        if not year:
            return None
        month, day = (int(x) for x in deadline.split("-"))
        return _dt.date(int(year) + 1, month, day)
    except ValueError:
        return None


def _deadline_text(unit, year) -> str:
    if unit.deadline:
        limit = _limit(unit.deadline, year)
        return limit.isoformat() if limit else unit.deadline
    return f"{int(year) + 1}-03-31" if year else "次年3月31日"
