"""``--statistics``: how many findings each rule gave over the whole run (like ``ruff
--statistics``), most frequent first, instead of the findings themselves.  With
``--format json`` the same table is a JSON list."""
from __future__ import annotations

import json

from checker.run.result import RunResult

from ._common import rule_info


def table(run: RunResult, ruleset=None) -> list[dict]:
    """One row per rule that fired (or was suppressed); rows carry ``suppressed`` (findings
    hidden by markers in the reports, docs/configuration.md) only when a report had any."""
    counts: dict[str, int] = {}
    files: dict[str, set] = {}
    hidden: dict[str, int] = {}
    for report in run.reports:
        for finding in report.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
            files.setdefault(finding.rule, set()).add(report.path)
        for rule_id, n in (report.suppressed or {}).items():
            hidden[rule_id] = hidden.get(rule_id, 0) + n
            counts.setdefault(rule_id, 0)
            files.setdefault(rule_id, set())
    rows = []
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        info = rule_info(ruleset, rule_id)
        row = {"rule": rule_id, "count": count, "files": len(files[rule_id]),
               "severity": info["severity"], "summary": info["summary"]}
        if hidden:
            row["suppressed"] = hidden.get(rule_id, 0)
        rows.append(row)
    return rows


def render(run: RunResult, ruleset=None, options=None) -> str:
    rows = table(run, ruleset)
    if getattr(options, "format", "text") == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    width = max(len(str(r["count"])) for r in rows)
    rule_width = max(len(r["rule"]) for r in rows)
    return "".join(f"{r['count']:>{width}}\t{r['rule']:<{rule_width}}\t[{r['severity']}]\t{r['summary']}"
                   f"（{r['files']} 份报告{_hidden(r)}）\n" for r in rows)


def _hidden(row: dict) -> str:
    return f"；另有 {row['suppressed']} 条按报告中的标注不报告" if row.get("suppressed") else ""
