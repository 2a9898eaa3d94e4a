"""The HTML dashboard's view of a batch: one row per report, the trend across years, page names."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import quote

from checker.check.finding import SEVERITIES
from checker.read.lazy_pattern import lazy
from checker.run.result import ReportResult, RunResult

from .html_report import (
    BUILTIN_RULES,
    SEVERITY_LABELS,
    checklist,
    deadline_status,
    display_name,
    score_band,
    section_defs,
)

UNSAFE_NAME = lazy(r'[<>:"/\\|?*\x00-\x1f\x7f\ud800-\udfff]+')  # surrogates: a non-UTF-8 file name
TOP_RULES = 10  # the dashboard's "most frequent problems" list


def page_names(reports: list[ReportResult], reserved: set[str] | None = None) -> list[str]:
    """A file name per report page: the input's stem (Chinese kept, unsafe characters replaced),
    made unique."""
    taken = {name.lower() for name in (reserved or set())}
    out = []
    for report in reports:
        stem = "stdin" if report.path in ("-", "") else Path(report.path).stem or "report"
        stem = UNSAFE_NAME.sub("_", stem).strip(" .") or "report"
        stem = stem[:100]
        name, n = f"{stem}.html", 2
        while name.lower() in taken:
            name, n = f"{stem}-{n}.html", n + 1
        taken.add(name.lower())
        out.append(name)
    return out


def index_view(run: RunResult, ruleset, pages: list[str] | None, reports=None) -> dict:
    """The dashboard's data; ``reports``: the run's reports as they are being read by the
    caller (a batch written page by page reads each result once), else ``run.reports``."""
    defs = section_defs(ruleset)
    scores = []
    rows = []
    rule_counts: Counter = Counter()
    rule_reports: Counter = Counter()
    rule_severity: dict[str, str] = {}
    missing_counts: Counter = Counter()
    for i, report in enumerate(run.reports if reports is None else reports):
        scores.append(report.score)
        meta = report.metadata or {}
        items = checklist(report, ruleset)
        for item in items:
            if item["status"] == "missing":
                missing_counts[item["key"]] += 1
        counts = report.counts()
        for f in report.findings:
            rule_counts[f.rule] += 1
            rule_severity.setdefault(f.rule, f.severity)
        for rule_id in {f.rule for f in report.findings}:
            rule_reports[rule_id] += 1
        rows.append({
            "n": i + 1, "name": display_name(report.path), "path": report.path,
            "href": quote(pages[i]) if pages else None,
            "title": meta.get("title"), "issuer": meta.get("issuer"), "year": meta.get("year"),
            "published": meta.get("published"), "deadline": deadline_status(report, ruleset),
            "checks": items, "counts": counts, "score": report.score, "score_band": score_band(report.score),
            "missing": sum(1 for item in items if item["status"] == "missing"),
            "input_error": report.unreadable,
            "rules": sorted({f.rule for f in report.findings}),
        })
    summary = run.summary()
    top = rule_counts.most_common(TOP_RULES)
    peak = top[0][1] if top else 1
    frequent = []
    for rule_id, n in top:
        rule = ruleset.rule(rule_id) if ruleset is not None and hasattr(ruleset, "rule") else None
        summary_text = (rule.summary if rule else BUILTIN_RULES.get(rule_id, {}).get("summary")) or rule_id
        frequent.append({"id": rule_id, "n": n, "reports": rule_reports[rule_id], "summary": summary_text,
                         "severity": rule_severity[rule_id], "label": SEVERITY_LABELS.get(rule_severity[rule_id], ""),
                         "pct": round(100 * n / peak, 1)})
    deadline_totals = Counter(row["deadline"]["key"] for row in rows)
    late = deadline_totals["late"] + deadline_totals["edge"] + deadline_totals["invalid"]
    return {
        "rows": rows,
        "columns": [{"key": k, "name": name, "short": short, "required": req, "missing": missing_counts[k]}
                    for k, name, short, req in defs],
        "summary": summary,
        "counts": [{"key": s, "label": SEVERITY_LABELS[s], "n": summary[s]} for s in SEVERITIES],
        "average": round(sum(scores) / len(scores), 1) if scores else None,
        "frequent": frequent,
        "rule_options": _rule_options(rule_reports, rule_counts, ruleset),
        "deadline": {"ontime": deadline_totals["ontime"], "late": late,
                     "unknown": deadline_totals["unknown"]},
        "linked": pages is not None,
        "trend": trend_view(rows),
    }


def _rule_options(rule_reports: Counter, rule_counts: Counter, ruleset) -> list[dict]:
    """Every rule that fired in the batch, most reports first, for the dashboard's rule filter."""
    out = []
    for rule_id, n in sorted(rule_reports.items(), key=lambda item: (-item[1], item[0])):
        rule = ruleset.rule(rule_id) if ruleset is not None and hasattr(ruleset, "rule") else None
        summary = (rule.summary if rule else BUILTIN_RULES.get(rule_id, {}).get("summary")) or rule_id
        out.append({"id": rule_id, "reports": n, "n": rule_counts[rule_id], "summary": summary})
    return out


def trend_view(rows: list[dict]) -> list[dict]:
    """Per issuer with reports for two or more years: score and findings year by year (the
    issuers compared as in pairing: spaces removed, 区政府 = 区人民政府, higher places in front
    ignored).  Empty when no issuer has more than one year."""
    from checker.run.pairing import issuer_key, issuer_tails

    groups: list[dict] = []
    by_tail: dict[str, list[int]] = {}  # a name or its tail after places → groups filed under it
    for row in rows:
        key = issuer_key(row.get("issuer"))
        if not key or not row.get("year"):
            continue
        group = _first_group(groups, by_tail, key)
        if group is None:
            group = {"key": key, "issuer": row["issuer"], "rows": []}
            for tail in issuer_tails(key):
                by_tail.setdefault(tail, []).append(len(groups))
            groups.append(group)
        group["rows"].append(row)
    out = []
    for group in groups:
        years = sorted({r["year"] for r in group["rows"]})
        if len(years) < 2:
            continue
        points, previous = [], None
        for year in years:
            row = min((r for r in group["rows"] if r["year"] == year), key=lambda r: r["n"])
            change = None if previous is None else row["score"] - previous
            points.append({"year": year, "score": row["score"], "band": row["score_band"], "counts": row["counts"],
                           "href": row["href"], "name": row["name"], "change": change,
                           "trend": "" if change is None else ("up" if change > 0 else "down" if change < 0 else "same")})
            previous = row["score"]
        out.append({"issuer": group["issuer"], "points": points, "first": points[0]["year"], "last": points[-1]["year"]})
    return out


def _first_group(groups: list[dict], by_tail: dict[str, list[int]], key: str) -> dict | None:
    """The earliest group whose issuer is the same as ``key``: only the groups filed under
    ``key`` or one of its tails can be (as in pairing), so a batch of 10⁵ issuers is not
    compared name by name."""
    from checker.run.pairing import issuer_tails, same_issuer

    found = {i for tail in issuer_tails(key) for i in by_tail.get(tail, ())}
    return next((groups[i] for i in sorted(found) if same_issuer(groups[i]["key"], key)), None)
